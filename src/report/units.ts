// The unit of each metric, shared by the terminal tables and the HTML report: a share (shown as %), seconds, or a count;
// and a value written in it for the terminal and Markdown.

import type { StudyMetricName } from "../experiment/study-metrics.js";
import { isShare } from "../metrics/metric-domain.js";
import { thousands } from "../util/thousands.js";
import type { MetricSummary } from "../observe/results.js";

export type MetricUnit = "%" | "s" | "count";

const SECONDS: readonly string[] = ["asa", "meanWait", "routingDelay", "meanAllocationTime", "maxAllocationTime"];

export function unitOf(name: StudyMetricName): MetricUnit {
  // a target's `utilization.<component kind>` is a share too, and so are a Skype site's share of calls that waited and
  // its agents' share of time in DND
  if (isShare(name) || name.startsWith("utilization.") || name === "conferenceWaitRate" || name === "dndShare") return "%";
  if (SECONDS.includes(name)) return "s";
  return "count";
}

/** Four significant digits, written out (never an exponent): 0.3353, 4.651, 27.36, 209.7; from 1,000 on, whole
 *  with thousands separators. */
export function fourDigits(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return thousands(x);
  if (x === 0) return "0";
  const decimals = Math.min(6, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(Number(x.toPrecision(4)))))));
  const shown = x.toFixed(decimals);
  // below the last decimal shown (a difference of 1e-12 s between two variants): 0, not "-0.000000"
  return Number(shown) === 0 ? "0" : shown;
}

/** A metric's value as people read it, the same in every table: shares in % with two decimals, times in seconds and
 *  counts to four significant digits (whole counts whole). (A string, so that a target's `utilization.<kind>` and a
 *  media metric's name pass too.) */
export function formatMetric(metric: string, x: number): string {
  return formatAs(unitOf(metric as StudyMetricName), x);
}

/** A value in a unit, as formatMetric writes it: for the tables of numbers that are not METRIC_NAMES (a Skype site's,
 *  voicemail's, private calls'), so that every table writes a share, a time and a count alike. */
export function formatAs(unit: MetricUnit, x: number): string {
  if (unit === "%") return `${(x * 100).toFixed(2)}%`;
  if (unit === "s") return `${fourDigits(x)} s`;
  return Number.isInteger(x) ? thousands(x) : fourDigits(x);
}

/** A metric's 95% interval as people read it, "[lo, hi]"; empty with one replication (no interval). */
export function formatInterval(metric: string, s: MetricSummary): string {
  return s.ci95 ? `[${formatMetric(metric, s.ci95[0])}, ${formatMetric(metric, s.ci95[1])}]` : "";
}

/** A table's row of a summarized number: its name, its mean and its 95% interval in `unit` (the tables of a Skype
 *  site, voicemail and private calls, whose numbers are not METRIC_NAMES). */
export function summaryRowAs(name: string, unit: MetricUnit, s: MetricSummary): string[] {
  const f = (x: number) => formatAs(unit, x);
  return [name, f(s.mean), s.ci95 ? `[${f(s.ci95[0])}, ${f(s.ci95[1])}]` : ""];
}
