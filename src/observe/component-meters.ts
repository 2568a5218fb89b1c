// What each component instance of the load model did over [warmup, horizon), from what it serves (the observer's
// componentServed): its messages and their queueing delays (in total, per interval, and as a histogram), and its busy
// time (in total and per interval); and from these, each instance's record for the replication (utilization, the
// busiest interval, queueing delay).

import { Histogram } from "../metrics/histogram.js";
import type { Component } from "../model/cpu/component-load.js";
import type { Scenario } from "../scenario/types.js";
import type { ComponentRecord } from "./results.js";

/** One instance's measurements. */
class ComponentMeter {
  /** messages that reached it in [warmup, horizon) */
  messages = 0;
  /** their queueing delays (start - arrival), in total, per interval, and as a histogram */
  waitSum = 0;
  readonly waitByInterval: Float64Array;
  readonly countByInterval: Float64Array;
  readonly waits = new Histogram();
  /** busy time within [warmup, horizon), in total and per interval */
  busy = 0;
  readonly busyByInterval: Float64Array;

  constructor(
    readonly component: Component,
    intervals: number,
  ) {
    this.waitByInterval = new Float64Array(intervals);
    this.countByInterval = new Float64Array(intervals);
    this.busyByInterval = new Float64Array(intervals);
  }
}

export class ComponentMeters {
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly interval: number;
  /** per component, by Component.index */
  private readonly meters: ComponentMeter[];

  constructor(scenario: Scenario, components: readonly Component[]) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.interval = scenario.interval;
    const n = Math.ceil(scenario.horizon / scenario.interval);
    this.meters = components.map((c) => new ComponentMeter(c, n));
  }

  /** A message reached `component` at `arrival` and kept it busy from `start` to `end`. */
  served(component: Component, arrival: number, start: number, end: number): void {
    const m = this.meters[component.index]!;
    if (arrival >= this.warmup && arrival < this.horizon) {
      const wait = start - arrival;
      const k = Math.floor(arrival / this.interval);
      m.messages++;
      m.waitSum += wait;
      m.waitByInterval[k]! += wait;
      m.countByInterval[k]!++;
      m.waits.add(wait);
    }
    if (end > start) this.account(m, start, end);
  }

  /** adds [t0, t1) of busy time, clipped to [warmup, horizon) and split by interval */
  private account(m: ComponentMeter, t0: number, t1: number): void {
    const a = t0 > this.warmup ? t0 : this.warmup;
    const b = t1 < this.horizon ? t1 : this.horizon;
    if (!(b > a)) return;
    m.busy += b - a;
    const w = this.interval;
    for (let k = Math.floor(a / w); k * w < b; k++) {
      const s = k * w > a ? k * w : a;
      const e = (k + 1) * w < b ? (k + 1) * w : b;
      if (e > s) m.busyByInterval[k]! += e - s;
    }
  }

  /** every instance's record, in the model's order */
  records(): ComponentRecord[] {
    return this.meters.map((m) => this.recordOf(m));
  }

  private recordOf(m: ComponentMeter): ComponentRecord {
    const { warmup, horizon, interval } = this;
    let peak = 0;
    let first = -1;
    let last = -1;
    for (let k = 0; k < m.busyByInterval.length; k++) {
      const s = Math.max(k * interval, warmup);
      const e = Math.min((k + 1) * interval, horizon);
      if (e <= s) continue;
      peak = Math.max(peak, m.busyByInterval[k]! / (e - s));
      if (first < 0) first = k;
      last = k;
    }
    const delayIn = (k: number) => (k >= 0 && m.countByInterval[k]! > 0 ? m.waitByInterval[k]! / m.countByInterval[k]! : 0);
    const c = m.component;
    return {
      id: c.id,
      kind: c.kind,
      scope: c.scope,
      utilization: m.busy / (horizon - warmup),
      peakUtilization: peak,
      meanDelay: m.messages > 0 ? m.waitSum / m.messages : 0,
      p95Delay: m.waits.count > 0 ? m.waits.quantile(0.95) : 0,
      firstIntervalDelay: delayIn(first),
      lastIntervalDelay: delayIn(last),
      messagesPerSecond: m.messages / (horizon - warmup),
    };
  }
}
