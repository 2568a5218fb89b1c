// Targets with their verdicts, for `check` and `size`: each target's mean, CI, the bound it was judged on, the margin
// (how far that bound is on the safe side of the target; negative when missed) and met or missed.

import { judgeTargets, targetMetric } from "../experiment/targets.js";
import type { MetricName } from "../metrics/tally.js";
import { human } from "./numbers.js";
import { grid } from "./grid.js";
import { formatMetric, unitOf } from "./units.js";
import type { ExperimentResult } from "../observe/results.js";

export interface Verdict {
  readonly metric: string;
  readonly target: string;
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
  /** the value judged: the CI bound that makes the claim safe (the mean with one replication) */
  readonly judgedOn: number;
  /** judgedOn minus the target's value, signed so that >= 0 is on the safe side */
  readonly margin: number;
  readonly met: boolean;
}

export function verdictsOf(r: ExperimentResult): Verdict[] {
  const specs = r.scenario.targets;
  return judgeTargets(specs, r).map((v, i) => {
    const spec = specs[i]!;
    const wantsHigh = spec.op === ">=" || spec.op === ">";
    return {
      metric: v.metric,
      target: v.target,
      mean: v.mean,
      ci95: targetMetric(r, v.metric).ci95,
      judgedOn: v.judgedOn,
      margin: wantsHigh ? v.judgedOn - spec.value : spec.value - v.judgedOn,
      met: v.met,
    };
  });
}

/** A margin in the metric's unit: percentage points for shares. */
function formatMargin(metric: string, x: number): string {
  const unit = unitOf(metric as MetricName);
  const sign = x >= 0 ? "+" : "-";
  const a = Math.abs(x);
  if (unit === "%") return `${sign}${(a * 100).toFixed(2)} pts`;
  if (unit === "s") return `${sign}${a.toFixed(3)} s`;
  return `${sign}${human(a)}`;
}

export function verdictTable(vs: readonly Verdict[]): string {
  const rows = [["target", "wanted", "mean", "95% CI", "judged on", "margin", "verdict"]];
  for (const v of vs) {
    rows.push([
      v.metric,
      v.target,
      formatMetric(v.metric, v.mean),
      v.ci95 ? `[${formatMetric(v.metric, v.ci95[0])}, ${formatMetric(v.metric, v.ci95[1])}]` : "",
      formatMetric(v.metric, v.judgedOn),
      formatMargin(v.metric, v.margin),
      v.met ? "met" : "MISSED",
    ]);
  }
  return grid(rows, 2);
}

/** The same table in Markdown, for sizing.md: a missed target in bold. */
export function verdictMarkdown(vs: readonly Verdict[]): string[] {
  const out = ["| target | wanted | mean | 95% CI | judged on | margin | verdict |", "|---|---|---:|---:|---:|---:|---|"];
  for (const v of vs) {
    const ci = v.ci95 ? `[${formatMetric(v.metric, v.ci95[0])}, ${formatMetric(v.metric, v.ci95[1])}]` : "";
    out.push(
      `| ${v.metric} | \`${v.target}\` | ${formatMetric(v.metric, v.mean)} | ${ci} | ${formatMetric(v.metric, v.judgedOn)} | ` +
        `${formatMargin(v.metric, v.margin)} | ${v.met ? "met" : "**missed**"} |`,
    );
  }
  return out;
}
