// What each scheduled fault cost in one replication: the calls it dropped or cut off, the calls it sent to the default
// DN, the requests it lost, the routing failures blamed on it and the calls a stopped connector held, whenever they happened (warmup included).

import type { FaultCost } from "./results.js";

export class FaultCosts {
  /** per fault, in Scenario.faults order */
  readonly costs: FaultCost[];

  constructor(faults: number) {
    this.costs = Array.from({ length: faults }, () => ({ dropped: 0, cutOff: 0, defaultRouted: 0, lostRequests: 0, routingFailures: 0 }));
  }

  /** each method takes the fault to blame: its index, or -1 for none */
  routeFailure(fault: number): void {
    if (fault >= 0) this.costs[fault]!.routingFailures++;
  }

  defaultRouted(fault: number): void {
    if (fault >= 0) this.costs[fault]!.defaultRouted++;
  }

  dropped(fault: number, established: boolean): void {
    if (fault < 0) return;
    if (established) this.costs[fault]!.cutOff++;
    else this.costs[fault]!.dropped++;
  }

  lostRequest(fault: number): void {
    if (fault >= 0) this.costs[fault]!.lostRequests++;
  }

  /** a call a stopped connector holds until its restart (only connector-down faults count these, and have the key) */
  held(fault: number): void {
    const cost = this.costs[fault]!;
    cost.held = (cost.held ?? 0) + 1;
  }
}
