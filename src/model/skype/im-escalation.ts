// An IM session escalated to voice on the Skype for Business site (Multimedia Connector for Skype for Business
// Deployment Guide, Escalation Between IM Call and Audio Call): "During escalation T-Server creates a new separate call
// object with a new Connection ID", so the voice call is a call of its own, of the voice type the IM type names, which
// goes through a connector and the T-Server's conference scheduling like any new call. The customer calls the agent
// of the session ("The customer uses their Skype for Business client to initiate a voice call ... to you", Escalating
// to Voice), so it is not routed, and "By default, the voice escalation call is auto-answered"
// (lync.voice-escalation-auto-answer = true): it reaches the agent and is answered at once. The IM session stays with
// the agent, unused, until Skype's idle release; when the voice call ends first the conversation ends with it, as
// "TReleaseCall for an escalated IM call releases the whole conversation (IM and audio calls)".

import { MEDIA_INDEX } from "../agents/capacity-rule.js";
import type { ImEscalationHost } from "../multimedia/im-session.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";
import type { ClusterNode } from "../sip/topology.js";
import type { TrafficType } from "../traffic/traffic.js";

const VOICE = MEDIA_INDEX.voice;

/** What an escalation asks of the SIP Server side (the T-Server's call control). */
export interface EscalationCallControl {
  /** a new call of `type` on `node`, arrived now, partner of `from`: counted, then scheduled for its conference */
  admit(type: TrafficType, node: ClusterNode, arrival: number, handle: number, patience: number, from: Call | null): Call;
  /** the call rings at its agent: answer it */
  answer(call: Call): void;
  /** route the call as any call of its type */
  afterTreatment(call: Call): void;
  /** release an IM session */
  endSession(call: Call): void;
}

export class ImEscalation implements ImEscalationHost {
  constructor(
    private readonly now: () => number,
    private readonly observer: Observer,
    /** per traffic type index, the voice type its sessions escalate to and the escalated calls' talk (null: it does
     *  not escalate) */
    private readonly voiceOf: readonly ({ readonly type: TrafficType; readonly handleTime: () => number } | null)[],
    private readonly control: EscalationCallControl,
  ) {}

  /** The customer calls the session's agent: a new call, on the session's T-Server. */
  escalate(im: Call): void {
    const to = this.voiceOf[im.type.index]!;
    const voice = this.control.admit(to.type, im.node!, this.now(), to.handleTime(), Infinity, im);
    im.partner = voice;
    this.observer.imEscalated(im, voice, im.agent!);
  }

  /** The escalated call has its conference: it reaches the session's agent and is auto-answered. An agent that cannot
   *  take a voice call now (logged out or NotReady meanwhile, or its capacity rule full: on another voice call) does
   *  not answer it, and it is routed as any call of its type: the guide does not say what a busy agent's desktop does
   *  with the escalation call, and the capacity rule is what "available to receive a voice ... call" means to routing. */
  connect(voice: Call): void {
    const agent = voice.partner!.agent;
    if (agent === null || !agent.canTake(VOICE)) {
      // (still the conversation's call: its end ends the IM session too)
      this.control.afterTreatment(voice);
      return;
    }
    voice.agent = agent;
    voice.state = CallState.Ringing;
    agent.load.take(VOICE);
    this.observer.agentLoad(agent, VOICE, agent.load.count[VOICE]!);
    this.observer.ringing(voice, agent);
    this.control.answer(voice);
  }

  /** A call of an escalated conversation is released: the voice call takes its IM session with it. */
  released(call: Call): void {
    const im = call.partner!;
    if (call.type.im !== null || im.state !== CallState.Talking) return;
    this.control.endSession(im);
  }
}
