// The unit of each metric, shared by the terminal tables and the HTML report: a share (shown as %), seconds, or a count.

import type { MetricName } from "../metrics/tally.js";

export type MetricUnit = "%" | "s" | "count";

const SHARES: readonly MetricName[] = ["serviceLevel", "probWait", "abandonRate", "occupancy", "conflictRate"];
const SECONDS: readonly MetricName[] = ["asa", "meanWait", "routingDelay"];

export function unitOf(name: MetricName): MetricUnit {
  if (SHARES.includes(name)) return "%";
  if (SECONDS.includes(name)) return "s";
  return "count";
}
