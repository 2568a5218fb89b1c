// Scenario targets judged on a run: each on the confidence bound that makes the claim safe (the lower bound for a
// minimum, the upper for a maximum), or on the mean when there is a single replication.

import type { ComponentKind, TargetSpec } from "../scenario/types.js";
import type { MetricName } from "../metrics/tally.js";
import { isPortMetric } from "../scenario/metric-names.js";
import type { ExperimentResult, MetricSummary } from "../observe/results.js";

export interface TargetVerdict {
  readonly metric: string;
  readonly target: string;
  readonly mean: number;
  /** the value judged: the safe confidence bound, or the mean with one replication (check.json, summary.json and
   *  sizing.json call it judgedOn alike) */
  readonly judgedOn: number;
  readonly met: boolean;
}

/** What a target is judged on: a metric of the whole center, or `utilization.<kind>`, the utilization of the busiest
 *  instance of that kind (by mean over replications), or a share of the Asterisk media ports (portBlocking, ...). */
export function targetMetric(r: ExperimentResult, metric: string): MetricSummary {
  if (metric.startsWith("utilization.")) {
    const c = r.components;
    const id = c?.busiestOfKind[metric.slice("utilization.".length) as ComponentKind];
    if (c === undefined || id === undefined) throw new Error(`no component load for ${metric}`);
    return c.instances[id]!.utilization;
  }
  if (isPortMetric(metric)) {
    if (r.mediaPorts === undefined) throw new Error(`no media ports for ${metric}`);
    return r.mediaPorts.metrics[metric];
  }
  return r.metrics[metric as MetricName]!;
}

export function judgeTargets(targets: readonly TargetSpec[], r: ExperimentResult): TargetVerdict[] {
  return targets.map((t) => {
    const m = targetMetric(r, t.metric);
    const wantsHigh = t.op === ">=" || t.op === ">";
    const judgedOn = m.ci95 ? (wantsHigh ? m.ci95[0] : m.ci95[1]) : m.mean;
    const met =
      t.op === ">=" ? judgedOn >= t.value : t.op === ">" ? judgedOn > t.value : t.op === "<=" ? judgedOn <= t.value : judgedOn < t.value;
    return { metric: t.metric, target: t.source, mean: m.mean, judgedOn, met };
  });
}
