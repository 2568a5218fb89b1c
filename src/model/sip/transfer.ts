// Transfers and consultations: at the end of its talk a share of a type's answered calls is transferred to another
// target, routed anew as the same call on the same node, since "All manipulations required for this call, such as
// transfers and conferences, are performed on this SC. A call is never transferred from one SC in the SIP Cluster to
// another. The SIP Cluster architecture ensures that the same SC processes all related calls, such as main and
// consultation calls initiated from the same DN." (SIP Cluster Solution Guide, SIP Server Internal Modules, Session
// Controller). Blind: the first agent lets go at once. With a consultation: the first agent stays on the call while it
// is routed, and both agents are held for the consultation once the second answers; the second then talks for a new
// handle time. A call is transferred once at the most; the caller, already served, waits for the second agent without
// hanging up (the guide says nothing of callers; docs/callers-and-transfers.md).

import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import { Priority } from "../../kernel/priorities.js";
import type { Agent } from "../agents/agent.js";
import { Phase, type PhaseValue } from "../agents/agent-load.js";
import type { Observer } from "../observer.js";
import type { TargetClass } from "../routing/target-class.js";
import { CallState, type Call } from "./call.js";

/** One type's transfers: its spec's share, the target's class and its draws. */
export interface TransferDraws {
  readonly share: number;
  readonly cls: TargetClass;
  /** `transfer:<type>`: the uniform deciding whether the call is transferred */
  readonly decide: () => number;
  /** `transferHandle:<type>`: the second agent's talk */
  readonly handleTime: () => number;
  /** `transferConsult:<type>`: the consultation's length; null: blind transfers */
  readonly consult: (() => number) | null;
}

/** What a transfer needs of the SIP Server side. */
export interface TransferHost {
  sendRouteRequest(call: Call, extra: number): void;
  letGo(agent: Agent, call: Call, phase: PhaseValue): void;
}

export class Transfers implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    /** per traffic type (scenario order), null for a type whose calls are never transferred */
    private readonly byType: readonly (TransferDraws | null)[],
    private readonly host: TransferHost,
  ) {}

  /** The call's talk ends with `agent`: true when it is transferred (routed again), false when it is released. */
  atEnd(call: Call, agent: Agent): boolean {
    const d = this.byType[call.type.index];
    // (a callback ends with the agent that dialled it: callback.ts)
    if (d === null || d === undefined || call.transfers > 0 || call.callbackAt >= 0 || d.decide() >= d.share) return false;
    call.transfers++;
    call.transferredAt = this.sim.now;
    call.cls = d.cls;
    call.consultTime = d.consult === null ? 0 : d.consult();
    // the second agent's time: the consultation (both agents on it), then its own talk with the caller
    call.handleTime = call.consultTime + d.handleTime();
    this.observer.transferred(call, agent, d.consult !== null);
    call.agent = null;
    call.state = CallState.Routing;
    // blind: the first agent lets go now, with no after-call work (the call is not over: the agent that ends it wraps up)
    if (d.consult === null) this.host.letGo(agent, call, Phase.Talking);
    else call.consultFrom = agent;
    this.host.sendRouteRequest(call, 0);
    return true;
  }

  /** An agent answers the call: after a consultation's transfer, the first agent stays for the consultation. */
  answered(call: Call): void {
    call.answeredAt = this.sim.now;
    if (call.consultFrom !== null) this.sim.postAfter(call.consultTime, Priority.RELEASE, this, 0, call);
  }

  /** The consultation is over, or the call ended before it was: the first agent lets go. */
  endConsult(call: Call): void {
    const first = call.consultFrom!;
    call.consultFrom = null;
    this.observer.consultEnded(call, first);
    this.host.letGo(first, call, Phase.Talking);
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    // (null: the call ended first, and endConsult already let the first agent go)
    if (call.consultFrom !== null) this.endConsult(call);
  }
}
