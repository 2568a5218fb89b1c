// Targets that decide nothing: never met or always met, given the range of the metric they judge.
import { METRIC_RANGES, isPortMetric, type MetricName, type MetricRange } from "./metric-names.js";
import type { TargetSpec } from "./types.js";

const RANGE_TEXT: Readonly<Record<MetricRange, { lo: number; hi: number; text: string }>> = {
  proportion: { lo: 0, hi: 1, text: "a proportion in [0, 1] (0% to 100%)" },
  time: { lo: 0, hi: Infinity, text: "a time >= 0" },
  count: { lo: 0, hi: Infinity, text: "a count >= 0" },
  rate: { lo: 0, hi: Infinity, text: "a number >= 0" },
};

/**
 * Why a target can never be met (`serviceLevel >= 2`, `asa < 0s`) or is always met (`abandonRate <= 500%`,
 * `serviceLevel >= 0`), given the range of what it judges; undefined for a target that can go either way. Either
 * kind makes a CI gate that decides nothing, which is almost always a slip (a percent written as a fraction, a unit).
 */
export function pointlessTarget(metric: string, op: TargetSpec["op"], v: number, written: string): string | undefined {
  const range = RANGE_TEXT[metric.startsWith("utilization.") || isPortMetric(metric) ? "proportion" : METRIC_RANGES[metric as MetricName] ?? "rate"];
  const { lo, hi } = range;
  const never = op === ">=" ? v > hi : op === ">" ? v >= hi : op === "<=" ? v < lo : v <= lo;
  const always = op === ">=" ? v <= lo : op === ">" ? v < lo : op === "<=" ? v >= hi : v > hi;
  if (!never && !always) return undefined;
  return `${JSON.stringify(written.trim())} is ${never ? "never" : "always"} met: ${metric} is ${range.text}`;
}
