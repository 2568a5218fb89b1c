// Traffic types: Poisson arrivals at a piecewise-constant rate, or a recorded trace replayed; and the per-call draws
// made at arrival.

import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Rng } from "../../kernel/random-stream.js";
import { Priority } from "../../kernel/priorities.js";
import { viaInteractionServer, type TraceSpec, type TrafficSpec } from "../../scenario/types.js";
import type { ImSessions } from "../multimedia/im-session.js";
import type { TargetClass } from "../routing/target-class.js";
import type { Site } from "../sip/topology.js";

const DAY = 86400;

/**
 * The days a resampled trace replays in one replication: day k of the run replays day plan[k] of the trace, drawn
 * uniformly with replacement. Types that share a trace share its stream, and so must share its plan (a busy day is
 * busy for every type): the first type to ask draws it, the others find it here by the stream they were given.
 */
const dayPlans = new WeakMap<Rng, Int32Array>();

function dayPlan(rng: Rng, days: number): Int32Array {
  let plan = dayPlans.get(rng);
  if (plan === undefined) {
    plan = new Int32Array(days);
    for (let k = 0; k < days; k++) plan[k] = Math.floor(rng() * days);
    dayPlans.set(rng, plan);
  }
  return plan;
}

/** What a traffic type is built from; the streams are asked for in the order listed (arrivals, handle, patience,
 *  resample). */
export interface TrafficTypeOptions {
  readonly sim: Simulation;
  /** its place in the scenario's traffic list */
  readonly index: number;
  readonly spec: TrafficSpec;
  readonly site: Site;
  /** its media's index (agents/capacity-rule.ts MEDIA_INDEX) */
  readonly media: number;
  readonly cls: TargetClass;
  /** `arrivals:<type>`: uniforms turned into Exp(1) gaps of cumulative intensity */
  readonly arrivalRng: () => number;
  /** `handle:<type>` */
  readonly handleTime: () => number;
  /** `patience:<type>`, null when callers never abandon */
  readonly patience: (() => number) | null;
  readonly horizon: number;
  /** told of each arrival (the SIP Server side admits it) */
  readonly onArrival: (type: TrafficType) => void;
  /** `resample:<trace>`, when a trace is resampled */
  readonly resampleRng?: Rng | null;
}

export class TrafficType implements EventTarget {
  private readonly rates: readonly number[];
  private readonly period: number;
  /** higher is served first; a trace's priority column gives some calls a variant of this type with their own */
  readonly priority: number;
  /** `handle:<type>`, or the trace's handle time where the row has one */
  readonly handleTime: () => number;
  /** `patience:<type>` (or the trace's patience where the row has one); null when callers never abandon */
  readonly patience: (() => number) | null;
  /** chat and email enter through Interaction Server; voice and IM through a SIP Server Routing Point */
  readonly viaInteractionServer: boolean;
  /** media im: its sessions' treatments and conversations (wired by the builder) */
  im: ImSessions | null = null;
  /** the caller's attempt this type's next call is (a retrial's variant of the type says more than 1: retrials.ts),
   *  and when the caller first called (-1: the call is the first attempt) */
  readonly attempt: number = 1;
  readonly firstArrival: number = -1;

  private readonly trace: TraceSpec | undefined;
  /** the trace row of the arrival being made (the handle time and patience draws read it) */
  private row = -1;
  /** the row the pending arrival event is for */
  private nextRow = 0;
  /** resample: the first row of each day of the trace (days + 1 entries), and the day of the run being replayed */
  private dayStart: Int32Array | null = null;
  private plan: Int32Array | null = null;
  private day = 0;
  /** variants of this type for other priorities, made when first needed */
  private variants: Map<number, TrafficType> | null = null;

  private readonly sim: Simulation;
  readonly index: number;
  readonly spec: TrafficSpec;
  readonly site: Site;
  readonly media: number;
  readonly cls: TargetClass;
  private readonly arrivalRng: () => number;
  private readonly horizon: number;
  private readonly onArrival: (type: TrafficType) => void;

  constructor(o: TrafficTypeOptions) {
    const { spec, handleTime, patience, horizon } = o;
    const resampleRng = o.resampleRng ?? null;
    this.sim = o.sim;
    this.index = o.index;
    this.spec = spec;
    this.site = o.site;
    this.media = o.media;
    this.cls = o.cls;
    this.arrivalRng = o.arrivalRng;
    this.horizon = horizon;
    this.onArrival = o.onArrival;
    this.rates = spec.arrivals.rates;
    this.period = spec.arrivals.period;
    this.priority = spec.priority;
    this.viaInteractionServer = viaInteractionServer(spec.media);
    const trace = (this.trace = spec.trace);
    this.handleTime = handleTime;
    this.patience = patience;
    if (trace === undefined) return;
    // a cell the trace leaves empty (NaN) falls back on the type's own draw, from the type's own stream
    const handles = trace.handleTime;
    if (handles !== null) {
      this.handleTime = () => {
        const h = handles[this.row]!;
        return Number.isNaN(h) ? handleTime() : h;
      };
    }
    const patiences = trace.patience;
    if (patiences !== null) {
      this.patience = () => {
        const p = patiences[this.row]!;
        return !Number.isNaN(p) ? p : patience !== null ? patience() : Infinity;
      };
    }
    if (trace.resample && resampleRng !== null) {
      const days = Math.round(horizon / DAY);
      this.plan = dayPlan(resampleRng, days);
      const starts = new Int32Array(days + 1);
      let i = 0;
      for (let d = 0; d <= days; d++) {
        while (i < trace.times.length && trace.times[i]! < d * DAY) i++;
        starts[d] = i;
      }
      this.dayStart = starts;
    }
  }

  get id(): string {
    return this.spec.type;
  }

  start(): void {
    if (this.trace !== undefined) {
      if (this.plan !== null) this.nextRow = this.dayStart![this.plan[0]!]!;
      this.scheduleRow();
    } else this.scheduleNext(0);
  }

  fire(ev: SimEvent): void {
    if (this.trace === undefined) {
      this.onArrival(this);
      this.scheduleNext(ev.time);
      return;
    }
    this.row = this.nextRow++;
    this.onArrival(this.withPriorityOf(this.row));
    this.scheduleRow();
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

  /** Posts the arrival of row nextRow; when resampling, moves on through the planned days as each one runs out. */
  private scheduleRow(): void {
    const times = this.trace!.times;
    const plan = this.plan;
    if (plan === null) {
      if (this.nextRow < times.length) this.sim.post(times[this.nextRow]!, Priority.ARRIVAL, this, 0, null);
      return;
    }
    const starts = this.dayStart!;
    while (this.nextRow >= starts[plan[this.day]! + 1]!) {
      if (++this.day >= plan.length) return;
      this.nextRow = starts[plan[this.day]!]!;
    }
    // shifted from its own day to the day it stands for; a time within a day stays within it, so times never go back
    const from = plan[this.day]!;
    this.sim.post(times[this.nextRow]! - from * DAY + this.day * DAY, Priority.ARRIVAL, this, 0, null);
  }

  /**
   * This type, or for a row whose priority column differs from the type's, a variant of it with that priority: it
   * shares everything else through its prototype, so the observation layer, target class and URS see the same type.
   */
  private withPriorityOf(row: number): TrafficType {
    const column = this.trace!.priority;
    if (column === null) return this;
    const p = column[row]!;
    if (Number.isNaN(p) || p === this.priority) return this;
    this.variants ??= new Map();
    let v = this.variants.get(p);
    if (v === undefined) {
      v = Object.create(this, { priority: { value: p } }) as TrafficType;
      this.variants.set(p, v);
    }
    return v;
  }
}
