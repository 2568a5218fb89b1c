// Retrials: a caller who abandoned, or whose call was blocked (nowhere to go, or released by the default DN at
// reject), calls again with the type's retrial probability after a drawn delay, as a new call (a new ConnID) through
// the SIP Proxies, up to the type's maxAttempts. No Genesys guide describes callers; this is the retrial queue of
// the contact-center literature. Each retrial is a variant of its type (like a trace row's priority variant) that
// carries the attempt number and the first call's arrival, and draws its handle time and patience from streams of its
// own, so that retrials shift none of the first attempts' draws.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import type { Call } from "../sip/call.js";
import type { TrafficType } from "./traffic.js";

/** One type's retrial: its spec's numbers and its draws. */
export interface RetrialDraws {
  readonly probability: number;
  readonly maxAttempts: number;
  /** `retrial:<type>`: the uniform deciding whether the caller calls again */
  readonly decide: () => number;
  /** `retrial:<type>`: the delay before the next attempt */
  readonly delay: () => number;
  /** `retrialHandle:<type>`, `retrialPatience:<type>` (null when callers never abandon) */
  readonly handleTime: () => number;
  readonly patience: (() => number) | null;
}

export class Retrials implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    /** per traffic type (scenario order), null for a type whose callers never call again */
    private readonly byType: readonly (RetrialDraws | null)[],
    /** the SIP Proxies' arrival of a call of this type */
    private readonly arrive: (type: TrafficType) => void,
  ) {}

  /** The call ended without an agent: its caller may call again. */
  gaveUp(call: Call): void {
    const r = this.byType[call.type.index];
    if (r === null || r === undefined || call.attempt >= r.maxAttempts) return;
    if (r.decide() >= r.probability) return;
    const delay = r.delay();
    const again = Object.create(call.type, {
      attempt: { value: call.attempt + 1 },
      firstArrival: { value: call.firstArrival },
      handleTime: { value: r.handleTime },
      patience: { value: r.patience },
    }) as TrafficType;
    this.observer.retrial(call, delay);
    this.sim.postAfter(delay, Priority.ARRIVAL, this, 0, again);
  }

  fire(ev: SimEvent): void {
    this.arrive(ev.subject as TrafficType);
  }
}
