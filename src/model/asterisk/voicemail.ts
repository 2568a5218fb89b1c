// Asterisk as a voicemail server for SIP Server (SIP Server and Asterisk Integration Reference, Asterisk as a Voicemail
// Server; Building a Voicemail Solution). A call reaches a box two ways: it rang out at an agent whose
// no-answer-overflow names the box ("When the no-answer-timeout timer expires and the call is not answered, SIP
// Server uses the value of option no-answer-overflow to decide how to process the call"), or its strategy found no
// agent available ("URS can send a call to the voicemail box associated with the Agent Group"), at once or after a
// wait. The call then leaves SIP Server; its caller leaves a message or hangs up (`voicemail:<group>`), and a message
// is in the box once recorded (`voicemailRecording:<group>`).
//
// A message is deferred work for the box's owner: "SIP Server agents can call their voicemail boxes from their VOIP
// phones to listen to the voice messages". An owner takes the oldest waiting message when it would otherwise stay
// idle: when a message comes in while it is free, or when its URS, told it is available, has no live call waiting for
// it (live calls first). Handling a message is a call from the agent's Asterisk phone to its box, so SIP Server sees
// only the busy endpoint, as with a private call (presence.ts): the DN is NotReady from the busy NOTIFY to the idle
// one, and a call routed to the phone meanwhile fails busy.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { Urs } from "../routing/urs.js";
import { CallState, type Call } from "../sip/call.js";
import type { SipServer } from "../sip/sip-server.js";
import type { TrafficSpec } from "../../scenario/types.js";
import type { Mwi } from "./mwi.js";
import type { Presence } from "./presence.js";
import { VoiceMessage, type VoicemailBox } from "./voicemail-box.js";

const RECORDED = 0;
const HANDLED = 1;
/** a strategy's wait for an agent is over (traffic[].voicemail.after) */
const WAIT_OVER = 2;

/** One group's callers and messages: its boxes' draws. */
export interface GroupVoicemail {
  readonly group: AgentGroup;
  /** the group's box (box: group), or per agent of the group its own (extension, login), in the group's order */
  readonly boxes: readonly VoicemailBox[];
  readonly leaveMessage: number;
  /** uniform draws (`voicemail:<group>`): does the caller leave a message */
  readonly leaves: () => number;
  /** `voicemailRecording:<group>` */
  readonly recording: () => number;
  /** `voicemailHandle:<group>` */
  readonly handleTime: () => number;
}

export interface VoicemailOptions {
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly presence: Presence;
  readonly sipServer: SipServer;
  readonly urs: readonly Urs[];
  /** per agent group (scenario order): its voicemail, or null */
  readonly groups: readonly (GroupVoicemail | null)[];
  /** per agent: the box whose messages are its work (its own, or its group's; null: its group has none) */
  readonly boxOf: readonly (VoicemailBox | null)[];
  /** per traffic type with a voicemail branch: the group box it sends to and the wait first */
  readonly branches: ReadonlyMap<TrafficSpec, { readonly box: VoicemailBox; readonly after: number }>;
  readonly mwi: Mwi | null;
}

export class Voicemail implements EventTarget {
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly presence: Presence;
  private readonly sipServer: SipServer;
  private readonly urs: readonly Urs[];
  private readonly groups: readonly (GroupVoicemail | null)[];
  private readonly branches: VoicemailOptions["branches"];
  private readonly mwi: Mwi | null;
  /** per agent: the box whose messages are its work (its own, or its group's; null: its group has none) */
  private readonly boxOf: readonly (VoicemailBox | null)[];
  /** per agent: the message it is listening to (null: none) */
  private readonly inHand: (VoiceMessage | null)[] = [];
  /** calls whose strategy wait has started, and those whose wait ended while a routing attempt was in flight (they go
   *  to the box instead of back to the queue) */
  private readonly waitStarted = new WeakSet<Call>();
  private readonly due = new WeakSet<Call>();

  constructor(o: VoicemailOptions) {
    this.sim = o.sim;
    this.observer = o.observer;
    this.presence = o.presence;
    this.sipServer = o.sipServer;
    this.urs = o.urs;
    this.groups = o.groups;
    this.branches = o.branches;
    this.mwi = o.mwi;
    this.boxOf = o.boxOf;
  }

  fire(ev: SimEvent): void {
    if (ev.code === RECORDED) this.recorded(ev.subject as VoiceMessage);
    else if (ev.code === HANDLED) this.handled(ev.subject as Agent);
    else this.waitOver(ev.subject as Call);
  }

  // ---- calls reaching a box ----

  /** no-answer-overflow voicemail: the call that rang out at `agent` goes to the agent's box (or its group's). */
  overflow(call: Call, agent: Agent): void {
    this.reach(call, this.boxOf[agent.index]!);
  }

  /** The strategy found no agent available for the call: true when its voicemail branch takes it (at once, or its
   *  wait is over), false when it waits in the queue (its wait starting now, the first time). */
  noAgent(call: Call): boolean {
    const branch = this.branches.get(call.type.spec);
    if (branch === undefined) return false;
    if (branch.after === 0 || this.due.has(call)) {
      this.reach(call, branch.box);
      return true;
    }
    if (!this.waitStarted.has(call)) {
      this.waitStarted.add(call);
      this.sim.postAfter(branch.after, Priority.TIMER, this, WAIT_OVER, call);
    }
    return false;
  }

  private waitOver(call: Call): void {
    const s = call.state;
    if (s === CallState.Waiting) {
      call.urs!.removeWaiting(call);
      this.reach(call, this.branches.get(call.type.spec)!.box);
    } else if (s === CallState.Routing || s === CallState.Reserving || s === CallState.Delivering) this.due.add(call);
  }

  /** SIP Server sends the call to the box and is done with it; the caller records a message, or hangs up. */
  private reach(call: Call, box: VoicemailBox): void {
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    call.agent = null;
    this.sipServer.leave(call);
    const g = this.groups[box.group.index]!;
    const leaves = g.leaveMessage > 0 && g.leaves() < g.leaveMessage;
    this.observer.voicemailReached(call, box, leaves);
    if (!leaves) return;
    this.sim.postAfter(g.recording(), Priority.RELEASE, this, RECORDED, new VoiceMessage(box, g.handleTime()));
  }

  // ---- messages as work ----

  private recorded(m: VoiceMessage): void {
    m.leftAt = this.sim.now;
    const box = m.box;
    box.put(m);
    this.observer.messageLeft(box);
    this.mwi?.boxChanged(box);
    // an owner free now takes it: the box's agent, or the group's longest idle
    let pick: Agent | null = null;
    for (const a of box.agent === null ? box.group.agents : [box.agent]) {
      if (this.free(a) && (pick === null || a.readySince < pick.readySince)) pick = a;
    }
    if (pick !== null) this.start(pick, box);
  }

  /** The agent's URS showed it available and had no waiting call for it: it takes its box's oldest message, if no
   *  other URS has a live call waiting for it either. */
  agentIdle(agent: Agent): void {
    const box = this.boxOf[agent.index];
    if (box == null || box.waiting === 0 || !this.free(agent)) return;
    for (const u of this.urs) if (u.waitsFor(agent)) return;
    this.start(agent, box);
  }

  /** logged in, Ready with nothing in hand, on no call of its phone, not on its way out */
  private free(agent: Agent): boolean {
    return (
      agent.state === AgentState.Ready && agent.load.total === 0 && !agent.privateCall && !agent.logoutPending && !agent.reloginPending &&
      this.inHand[agent.index] == null
    );
  }

  private start(agent: Agent, box: VoicemailBox): void {
    const m = box.take();
    this.inHand[agent.index] = m;
    agent.privateCall = true;
    this.observer.messageTaken(agent, box, m.leftAt);
    this.mwi?.boxChanged(box);
    this.presence.check(agent);
    this.sim.postAfter(m.handleTime, Priority.RELEASE, this, HANDLED, agent);
  }

  private handled(agent: Agent): void {
    this.inHand[agent.index] = null;
    agent.privateCall = false;
    this.observer.messageHandled(agent);
    // (the idle NOTIFY frees the DN, and its URS, seeing it available, may give it the next message)
    this.presence.check(agent);
  }

  /** the messages waiting in every box that were left before `t` */
  waitingLeftBefore(t: number): number {
    let n = 0;
    for (const g of this.groups) if (g !== null) for (const b of g.boxes) n += b.waitingLeftBefore(t);
    return n;
  }
}
