// IM sessions (media im, IM Solution Guide): a SIP MESSAGE opens a session on a Routing Point; the strategy may give it
// treatments first (PlayAnnouncement for a while; CollectDigits, where the "digits" are the customer's next message and
// only TOTAL_TIMEOUT applies, after which the session is routed anyway or ends, as configured); then it is routed like
// a chat, and once an agent has it the customer's messages arrive one by one until the customer closes the session,
// or it stays unused for the idle timeout and is released (10 minutes, Skype for Business connector guide). On the
// Skype for Business site (Multimedia Connector for Skype for Business Deployment Guide) a CollectDigits without
// TOTAL_TIMEOUT waits for the reply indefinitely (IM Treatments), but Skype releases the session once it has been unused
// for the idle timeout, in a treatment too (IM Calls); and a share of answered sessions escalates to voice after the
// customer's last message (Escalation Between IM Call and Audio Call, skype/im-escalation.ts), the IM session left
// unused beside the voice call.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { ImSpec } from "../../scenario/types.js";
import { CallState, type Call } from "../sip/call.js";

/** What the sessions ask of the SIP Server side around them. */
export interface ImHost {
  /** the treatments are done: the session asks URS for an agent */
  routeSession(call: Call): void;
  /** CollectDigits timed out with onTimeout end: the session ends on its Routing Point */
  endInTreatment(call: Call): void;
  /** a message reaches the session's agent */
  imMessage(call: Call): void;
  /** the session is over: the customer closed it, or nobody wrote for the idle timeout */
  endSession(call: Call): void;
}

/** Where a session escalated to voice goes (the Skype T-Server's side, skype/im-escalation.ts). */
export interface ImEscalationHost {
  escalate(call: Call): void;
}

/** What an IM type's sessions are built from. */
export interface ImSessionsOptions {
  readonly sim: Simulation;
  readonly spec: ImSpec;
  /** `im-messages:<type>` */
  readonly messages: () => number;
  /** `im-gap:<type>` */
  readonly gap: () => number;
  /** per treatment, the customer's reply time for a CollectDigits (`im-reply:<type>`), null for the others */
  readonly replies: readonly ((() => number) | null)[];
  readonly host: ImHost;
  /** the Skype for Business site's sessions: Skype releases one unused for the idle timeout, in a treatment too */
  readonly skype: boolean;
  /** `im-escalation:<type>` and where escalations go; null when the type does not escalate */
  readonly escalation: { readonly draw: () => number; readonly host: ImEscalationHost } | null;
}

const STEP = 0;
const DIGITS_TIMEOUT = 1;
const MESSAGE = 2;
const CLOSE = 3;
const IDLE = 4;
const ESCALATE = 5;
/** Skype released the session unused while it waited for a reply */
const TREATMENT_IDLE = 6;

export class ImSessions implements EventTarget {
  private readonly sim: Simulation;
  private readonly spec: ImSpec;
  private readonly messages: () => number;
  private readonly gap: () => number;
  private readonly replies: readonly ((() => number) | null)[];
  private readonly host: ImHost;
  private readonly idleInTreatment: number;
  private readonly escalation: ImSessionsOptions["escalation"];

  constructor(o: ImSessionsOptions) {
    this.sim = o.sim;
    this.spec = o.spec;
    this.messages = o.messages;
    this.gap = o.gap;
    this.replies = o.replies;
    this.host = o.host;
    this.idleInTreatment = o.skype ? o.spec.idleTimeout : Infinity;
    this.escalation = o.escalation;
  }

  /** A session reaches its Routing Point: treatments, then routing. */
  open(call: Call): void {
    call.state = CallState.Treatment;
    call.step = 0;
    this.next(call);
  }

  /** The next treatment, or routing when there is none left. The timer is the call's ringTimer, so that a customer
   *  who leaves during a treatment cancels it (SipServer.detach). */
  private next(call: Call): void {
    const treatments = this.spec.treatments;
    if (call.step >= treatments.length) {
      this.host.routeSession(call);
      return;
    }
    const k = call.step++;
    const t = treatments[k]!;
    if (t.kind === "playAnnouncement") {
      call.ringTimer = this.sim.after(t.duration, Priority.MESSAGE, this, STEP, call);
      return;
    }
    const reply = this.replies[k]!();
    // no TOTAL_TIMEOUT (Skype only): T-Server waits indefinitely, Skype's idle release still ends the wait
    const limit = t.totalTimeout ?? Infinity;
    const idle = this.idleInTreatment;
    if (reply <= limit && reply <= idle) call.ringTimer = this.sim.after(reply, Priority.MESSAGE, this, STEP, call);
    else if (limit <= idle) call.ringTimer = this.sim.after(limit, Priority.TIMER, this, DIGITS_TIMEOUT, call);
    else call.ringTimer = this.sim.after(idle, Priority.RELEASE, this, TREATMENT_IDLE, call);
  }

  /** An agent answered: the first message (the one that opened the session) reaches it now, the others follow. */
  converse(call: Call): void {
    const n = Math.max(1, Math.round(this.messages()));
    call.imLeft = n - 1;
    const e = this.escalation;
    call.escalates = e !== null && e.draw() < this.spec.escalation!.share;
    this.host.imMessage(call);
    this.wait(call);
  }

  /** The customer's next move: a message after a gap, or after the last one closing (or calling, when the session
   *  escalates); a gap longer than the idle timeout releases the session when the timeout expires instead. */
  private wait(call: Call): void {
    const g = this.gap();
    if (g > this.spec.idleTimeout) this.sim.postAfter(this.spec.idleTimeout, Priority.RELEASE, this, IDLE, call);
    else if (call.imLeft > 0) this.sim.postAfter(g, Priority.MESSAGE, this, MESSAGE, call);
    else if (call.escalates) this.sim.postAfter(g, Priority.ARRIVAL, this, ESCALATE, call);
    else this.sim.postAfter(g, Priority.RELEASE, this, CLOSE, call);
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    switch (ev.code) {
      case STEP:
        call.ringTimer = null;
        if (call.state === CallState.Treatment) this.next(call);
        return;
      case DIGITS_TIMEOUT: {
        call.ringTimer = null;
        if (call.state !== CallState.Treatment) return;
        const t = this.spec.treatments[call.step - 1]!;
        if (t.kind === "collectDigits" && t.onTimeout === "end") this.host.endInTreatment(call);
        else this.next(call);
        return;
      }
      case MESSAGE:
        // a fault may have ended the session meanwhile
        if (call.state !== CallState.Talking) return;
        call.imLeft--;
        this.host.imMessage(call);
        this.wait(call);
        return;
      case ESCALATE:
        if (call.state !== CallState.Talking) return;
        this.escalation!.host.escalate(call);
        // the conversation goes on by voice: the IM session is unused from now on
        this.sim.postAfter(this.spec.idleTimeout, Priority.RELEASE, this, IDLE, call);
        return;
      case CLOSE:
      case IDLE:
        if (call.state === CallState.Talking) this.host.endSession(call);
        return;
      case TREATMENT_IDLE:
        call.ringTimer = null;
        if (call.state === CallState.Treatment) this.host.endInTreatment(call);
        return;
    }
  }
}
