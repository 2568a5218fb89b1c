// The unit of each metric, shared by the terminal tables and the HTML report: a share (shown as %), seconds, or a count;
// and a value written in it for the terminal and Markdown.

import type { MetricName } from "../metrics/tally.js";
import { isShare } from "../metrics/metric-domain.js";
import { human } from "./numbers.js";
import type { MetricSummary } from "../observe/results.js";

export type MetricUnit = "%" | "s" | "count";

const SECONDS: readonly MetricName[] = ["asa", "meanWait", "routingDelay"];

export function unitOf(name: MetricName): MetricUnit {
  // a target's `utilization.<component kind>` is a share too
  if (isShare(name) || name.startsWith("utilization.")) return "%";
  if (SECONDS.includes(name)) return "s";
  return "count";
}

/** A metric's value as people read it: shares in %, times in seconds, counts plain. (A string, so that a target's
 *  `utilization.<kind>` and a media metric's name pass too.) */
export function formatMetric(metric: string, x: number): string {
  const unit = unitOf(metric as MetricName);
  if (unit === "%") return `${(x * 100).toFixed(2)}%`;
  if (unit === "s") return `${x.toFixed(3)} s`;
  return human(x, Number.isInteger(x) ? 0 : 3);
}

/** A metric's 95% interval as people read it, "[lo, hi]"; empty with one replication (no interval). */
export function formatInterval(metric: string, s: MetricSummary): string {
  return s.ci95 ? `[${formatMetric(metric, s.ci95[0])}, ${formatMetric(metric, s.ci95[1])}]` : "";
}
