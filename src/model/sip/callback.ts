// Callbacks (virtual hold): a caller still waiting in the virtual queue `offerAfter` after its arrival is offered a
// callback; one who accepts hangs up, and the call keeps its place in the queue (same target, same priority, ordered
// by its arrival) without a caller on the line, so no patience runs. The agent it is routed to takes it like any call
// (reserved, rung, answered), then dials the customer: after `dialTime` the customer answers with `answerProbability`
// and they talk for the call's handle time, or the agent lets go. One offer a call, one dial a callback; a callback
// is not transferred (transfer.ts), and a transferred call is not offered one. No Genesys
// guide ccsim is built from describes callbacks: every number here is the planner's or an assumption
// (docs/callers-and-transfers.md).

import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import { Priority } from "../../kernel/priorities.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "./call.js";

/** One type's callbacks: its spec's numbers and its draws. */
export interface CallbackDraws {
  readonly offerAfter: number;
  readonly dialTime: number;
  /** `callback:<type>`: the uniforms deciding whether the caller accepts, and whether the customer answers the dial */
  readonly accept: number;
  readonly answerProbability: number;
  readonly decide: () => number;
}

export class Callbacks implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    /** per traffic type (scenario order), null for a type whose callers are never offered a callback */
    private readonly byType: readonly (CallbackDraws | null)[],
  ) {}

  /** The call waits in a virtual queue: its offer comes `offerAfter` after its arrival, if it still waits then. */
  queued(call: Call): void {
    const d = this.byType[call.type.index];
    // (a transferred call's caller, served already, is not offered one)
    if (d === null || d === undefined || call.callbackOffer || call.transfers > 0) return;
    call.callbackOffer = true;
    this.sim.post(Math.max(this.sim.now, call.arrival + d.offerAfter), Priority.TIMER, this, 0, call);
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    // (answered, gone, or being routed to an agent meanwhile: no offer)
    if (call.state !== CallState.Waiting) return;
    const d = this.byType[call.type.index]!;
    const accepts = d.decide() < d.accept;
    this.observer.callbackOffered(call, accepts);
    if (!accepts) return;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    call.callbackAt = this.sim.now;
  }

  /** The agent has taken the callback: it dials, the customer answers or not; the agent's time is the dial, and the
   *  talk when answered. */
  dial(call: Call, agent: Agent): void {
    const d = this.byType[call.type.index]!;
    const reached = d.decide() < d.answerProbability;
    call.answeredAt = this.sim.now;
    this.observer.callbackDialled(call, agent, reached);
    call.handleTime = d.dialTime + (reached ? call.handleTime : 0);
  }
}
