// Paired comparison of scenario variants on common random numbers: each variant replays the same named streams, so
// replication r of every variant sees the same arrivals, handle times and patience, and differences are paired.

import { pairedDifference } from "../metrics/statistics.js";
import type { Scenario } from "../scenario/types.js";
import { experimentsOf } from "./experiment.js";
import { planOf, runPlanHere } from "./plan.js";
import { STUDY_METRIC_NAMES, perReplicationOf, type StudyMetricName } from "./study-metrics.js";
import type { ExperimentResult } from "../observe/results.js";

export interface MetricDifference {
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
  /** the 95% interval excludes 0 */
  readonly significant: boolean;
}

export interface Comparison {
  readonly path: string;
  readonly variants: readonly { readonly value: string; readonly result: ExperimentResult }[];
  /** for each variant after the first: variant minus the first, replication by replication */
  readonly differences: readonly {
    readonly value: string;
    readonly against: string;
    readonly metrics: Partial<Record<StudyMetricName, MetricDifference>>;
  }[];
}

/** Variants in this thread: one plan of a point per variant, run as the command line runs compare. */
export function compareVariants(
  path: string,
  variants: readonly { value: string; scenario: Scenario }[],
  seed: number,
  replications: number,
  onProgress?: (done: number, total: number) => void,
): Comparison {
  const plan = planOf("compare", variants.map((v) => ({ values: [v.value], scenario: v.scenario })), seed, replications);
  const results = experimentsOf(plan.study, runPlanHere(plan, { onProgress }).map((o) => o.result));
  return comparisonOf(path, variants.map((v, i) => ({ value: v.value, result: results[i]! })));
}

/** The comparison of variants already run on the same seed and replications, the first being the baseline. */
export function comparisonOf(path: string, results: readonly { value: string; result: ExperimentResult }[]): Comparison {
  const base = results[0]!;
  const differences = results.slice(1).map((v) => {
    const metrics: Partial<Record<StudyMetricName, MetricDifference>> = {};
    for (const name of STUDY_METRIC_NAMES) {
      const a = perReplicationOf(base.result, name);
      const b = perReplicationOf(v.result, name);
      if (a.some((x) => x === undefined) || b.some((x) => x === undefined)) continue;
      const d = pairedDifference(a as number[], b as number[]);
      metrics[name] = { mean: d.mean, ci95: d.ci95, significant: d.significant };
    }
    return { value: v.value, against: base.value, metrics };
  });
  return { path, variants: results, differences };
}
