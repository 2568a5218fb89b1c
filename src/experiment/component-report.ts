// What the component load model measured: per component instance, utilization (mean over [warmup, horizon) and the
// busiest interval) and queueing delay (mean and p95), per replication and then across replications; the busiest
// instance, of all and of each kind; and whether the deployment sustained its load (the throughput-capacity test).

import type { Component, ComponentLoad } from "../model/cpu/component-load.js";
import type { ComponentKind } from "../scenario/types.js";
import type { MetricSummary } from "./experiment.js";

/** One instance in one replication. */
export interface ComponentRecord {
  readonly id: string;
  readonly kind: ComponentKind;
  readonly scope: string;
  /** busy time over [warmup, horizon), divided by its length */
  readonly utilization: number;
  /** the highest utilization of one interval (the part of it after warmup) */
  readonly peakUtilization: number;
  /** mean queueing delay (time waiting before service) of the messages that reached it in [warmup, horizon) */
  readonly meanDelay: number;
  readonly p95Delay: number;
  /** mean queueing delay of the messages of the first and the last interval after warmup: a queue that grows shows
   *  a last much above the first */
  readonly firstIntervalDelay: number;
  readonly lastIntervalDelay: number;
  readonly messagesPerSecond: number;
}

export interface ComponentSummary {
  readonly kind: ComponentKind;
  readonly scope: string;
  readonly utilization: MetricSummary;
  readonly peakUtilization: MetricSummary;
  readonly meanDelay: MetricSummary;
  readonly p95Delay: MetricSummary;
  readonly firstIntervalDelay: MetricSummary;
  readonly lastIntervalDelay: MetricSummary;
  readonly messagesPerSecond: MetricSummary;
}

export interface ComponentsSummary {
  /** by instance id (`<scope>.<kind>`, e.g. dc1.n2.tController), in the model's order */
  readonly instances: Record<string, ComponentSummary>;
  /** the instance with the highest mean utilization */
  readonly busiest: string;
  /** per kind present: its busiest instance (by mean utilization), the one utilization targets are judged on */
  readonly busiestOfKind: Partial<Record<ComponentKind, string>>;
  /** every instance kept up with its load: see sustainedBy */
  readonly sustained: boolean;
}

/** A queue is growing when its last interval's delay exceeds twice its first interval's by more than this (seconds):
 *  the floor keeps the noise of near-zero delays from counting. */
const GROWTH_FLOOR = 0.01;
/** An interval counts as saturated from this utilization on (an overloaded server is busy the whole interval). */
const SATURATED = 0.999;

export function componentRecords(load: ComponentLoad, warmup: number, horizon: number, interval: number): ComponentRecord[] {
  return load.components.map((c) => recordOf(c, warmup, horizon, interval));
}

function recordOf(c: Component, warmup: number, horizon: number, interval: number): ComponentRecord {
  let peak = 0;
  let first = -1;
  let last = -1;
  for (let k = 0; k < c.busyByInterval.length; k++) {
    const s = Math.max(k * interval, warmup);
    const e = Math.min((k + 1) * interval, horizon);
    if (e <= s) continue;
    peak = Math.max(peak, c.busyByInterval[k]! / (e - s));
    if (first < 0) first = k;
    last = k;
  }
  const delayIn = (k: number) => (k >= 0 && c.countByInterval[k]! > 0 ? c.waitByInterval[k]! / c.countByInterval[k]! : 0);
  return {
    id: c.id,
    kind: c.kind,
    scope: c.scope,
    utilization: c.busy / (horizon - warmup),
    peakUtilization: peak,
    meanDelay: c.messages > 0 ? c.waitSum / c.messages : 0,
    p95Delay: c.waits.count > 0 ? c.waits.quantile(0.95) : 0,
    firstIntervalDelay: delayIn(first),
    lastIntervalDelay: delayIn(last),
    messagesPerSecond: c.messages / (horizon - warmup),
  };
}

/** Summaries across replications (each replication lists the same instances in the same order). */
export function componentsSummary(
  perReplication: readonly (readonly ComponentRecord[])[],
  summarize: (xs: number[]) => MetricSummary,
): ComponentsSummary {
  const first = perReplication[0]!;
  const instances: Record<string, ComponentSummary> = {};
  const field = (i: number, f: keyof Omit<ComponentRecord, "id" | "kind" | "scope">) => summarize(perReplication.map((r) => r[i]![f]));
  first.forEach((c, i) => {
    instances[c.id] = {
      kind: c.kind,
      scope: c.scope,
      utilization: field(i, "utilization"),
      peakUtilization: field(i, "peakUtilization"),
      meanDelay: field(i, "meanDelay"),
      p95Delay: field(i, "p95Delay"),
      firstIntervalDelay: field(i, "firstIntervalDelay"),
      lastIntervalDelay: field(i, "lastIntervalDelay"),
      messagesPerSecond: field(i, "messagesPerSecond"),
    };
  });
  // ties go to the first listed
  const busiestOf = (ids: string[]) => ids.reduce((a, b) => (instances[b]!.utilization.mean > instances[a]!.utilization.mean ? b : a));
  const ids = Object.keys(instances);
  const busiestOfKind: Partial<Record<ComponentKind, string>> = {};
  for (const kind of new Set(ids.map((id) => instances[id]!.kind))) {
    busiestOfKind[kind] = busiestOf(ids.filter((id) => instances[id]!.kind === kind));
  }
  return {
    instances,
    busiest: busiestOf(ids),
    busiestOfKind,
    sustained: Object.values(instances).every(sustainedBy),
  };
}

/**
 * The throughput-capacity test for one instance: it kept up with its load when, on average over replications, no
 * interval after warmup kept it busy the whole time (peak utilization below SATURATED) and its queueing delay did not
 * grow (the last interval's delay is at most twice the first's plus GROWTH_FLOOR).
 */
export function sustainedBy(c: ComponentSummary): boolean {
  return c.peakUtilization.mean < SATURATED && c.lastIntervalDelay.mean <= 2 * c.firstIntervalDelay.mean + GROWTH_FLOOR;
}
