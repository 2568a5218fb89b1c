// Traffic types: Poisson arrivals at a piecewise-constant rate, and the per-call draws made at arrival.

import type { EventTarget, SimEvent, Simulation } from "../kernel/simulation.js";
import { Priority } from "../kernel/priorities.js";
import type { TrafficSpec } from "../scenario/types.js";
import type { TargetClass } from "./target-class.js";
import type { Site } from "./topology.js";

export class TrafficType implements EventTarget {
  private readonly rates: readonly number[];
  private readonly period: number;

  constructor(
    private readonly sim: Simulation,
    readonly index: number,
    readonly spec: TrafficSpec,
    readonly site: Site,
    readonly media: number,
    readonly cls: TargetClass,
    /** `arrivals:<type>`: uniforms turned into Exp(1) gaps of cumulative intensity */
    private readonly arrivalRng: () => number,
    /** `handle:<type>` */
    readonly handleTime: () => number,
    /** `patience:<type>`, null when callers never abandon */
    readonly patience: (() => number) | null,
    private readonly horizon: number,
    private readonly onArrival: (type: TrafficType) => void,
  ) {
    this.rates = spec.arrivals.rates;
    this.period = spec.arrivals.period;
  }

  get id(): string {
    return this.spec.type;
  }

  get priority(): number {
    return this.spec.priority;
  }

  start(): void {
    this.scheduleNext(0);
  }

  fire(ev: SimEvent): void {
    this.onArrival(this);
    this.scheduleNext(ev.time);
  }

  /**
   * The next arrival after t: spend one Exp(1) amount of cumulative intensity, period by period. By the memoryless
   * property this is exactly a non-homogeneous Poisson process with the piecewise-constant rate, and it uses one
   * uniform per arrival whatever the profile, which keeps arrival streams aligned across compared variants.
   */
  private scheduleNext(t: number): void {
    let need = -Math.log(1 - this.arrivalRng());
    const period = this.period;
    const rates = this.rates;
    let k = Math.floor(t / period);
    while (t < this.horizon && k < rates.length) {
      const end = Math.min((k + 1) * period, this.horizon);
      const rate = rates[k]!;
      const room = (end - t) * rate;
      if (rate > 0 && need <= room) {
        const at = t + need / rate;
        if (at >= this.horizon) return;
        this.sim.post(at, Priority.ARRIVAL, this, 0, null);
        return;
      }
      need -= room;
      t = end;
      k++;
    }
  }
}
