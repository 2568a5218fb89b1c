// What the component load model measured, across replications: per component instance, utilization (mean over
// [warmup, horizon) and the busiest interval) and queueing delay (mean and p95); the busiest instance, of all and of
// each kind; and whether the deployment sustained its load (the throughput-capacity test). Each replication's records
// come from the observation layer (observe/component-meters.ts).

import type { ComponentKind } from "../scenario/types.js";
import type { ComponentRecord, ComponentSummary, ComponentsSummary, MetricSummary } from "../observe/results.js";

/** A queue is growing when its last interval's delay exceeds twice its first interval's by more than this (seconds):
 *  the floor keeps the noise of near-zero delays from counting. */
export const GROWTH_FLOOR = 0.01;
/** An interval counts as saturated from this utilization on (an overloaded server is busy the whole interval). */
export const SATURATED = 0.999;

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
