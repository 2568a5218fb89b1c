// The unit of each metric, shared by the terminal tables and the HTML report: a share (shown as %), seconds, or a count.

import type { MetricName } from "../metrics/tally.js";

export type MetricUnit = "%" | "s" | "count";

const SHARES: readonly MetricName[] = ["serviceLevel", "probWait", "abandonRate", "occupancy", "conflictRate"];
const SECONDS: readonly MetricName[] = ["asa", "meanWait", "routingDelay"];

export function unitOf(name: MetricName): MetricUnit {
  // a target's `utilization.<component kind>` is a share too
  if (SHARES.includes(name) || name.startsWith("utilization.")) return "%";
  if (SECONDS.includes(name)) return "s";
  return "count";
}
