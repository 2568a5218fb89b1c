// Routing delay: from a counted call's first reservation request (or first routing attempt) to its ringing at the
// agent, summed in its slices for the mean and kept in a histogram for the 95th percentile.

import { Histogram } from "../metrics/histogram.js";
import type { Tally } from "../metrics/tally.js";
import type { Call } from "../model/sip/call.js";

export class RoutingDelay {
  private readonly delays = new Histogram();

  /** The call rings at `now`; `slices` are the tallies it reports to (null: not counted). The delay runs from the
   *  mark the URS set (Call.firstReserveAt), which is cleared once used. */
  ringing(call: Call, slices: Tally[] | null, now: number): void {
    // (a transferred call's second routing is not its routing delay: the caller was served already; nor is a callback's
    // routing, its caller having hung up)
    if (!slices || call.firstReserveAt < 0 || call.transfers > 0 || call.callbackAt >= 0) return;
    const d = now - call.firstReserveAt;
    call.firstReserveAt = -1;
    this.delays.add(d);
    for (const t of slices) {
      t.routingDelaySum += d;
      t.routingDelayCount++;
    }
  }

  p95(): number {
    return this.delays.count > 0 ? this.delays.quantile(0.95) : 0;
  }
}
