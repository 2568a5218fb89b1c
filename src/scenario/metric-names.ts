// The metric names the design defines, the only keys `targets` accepts; apart from the schema so that the
// metrics (and every worker thread that loads them) do not pay for zod.

export const METRIC_NAMES = [
  "offered", "answered", "abandoned", "defaultRouted", "serviceLevel", "asa", "meanWait", "probWait",
  "abandonRate", "occupancy", "throughputPerHour", "reservationRequests", "reservationGrants",
  "reservationConflicts", "conflictRate", "conflictsPerCall", "routingAttempts", "routingFailures", "noAnswers",
  // the day's cost in money: only a priced scenario (costs:, agents[].costPerHour) has it
  "cost",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** what a metric can be: a proportion in [0, 1], a time in seconds >= 0, or a count or rate >= 0 */
export type MetricRange = "proportion" | "time" | "count" | "rate";

export const METRIC_RANGES: Readonly<Record<MetricName, MetricRange>> = {
  offered: "count", answered: "count", abandoned: "count", defaultRouted: "count",
  serviceLevel: "proportion", asa: "time", meanWait: "time", probWait: "proportion", abandonRate: "proportion",
  occupancy: "proportion", throughputPerHour: "rate", reservationRequests: "count", reservationGrants: "count",
  reservationConflicts: "count", conflictRate: "proportion",
  // conflicts over routed calls: a call can meet several, so it has no upper bound
  conflictsPerCall: "rate",
  routingAttempts: "count", routingFailures: "count", noAnswers: "count",
  cost: "rate",
};

/** The Asterisk media ports' shares a target can judge (only in a scenario whose sites have mediaPorts): the share of
 *  port requests refused, and the time-average busy ports over capacity, of all the sites' pools together. */
export const PORT_METRIC_NAMES = ["portBlocking", "portUtilization"] as const;
export type PortMetricName = (typeof PORT_METRIC_NAMES)[number];

export function isPortMetric(metric: string): metric is PortMetricName {
  return (PORT_METRIC_NAMES as readonly string[]).includes(metric);
}
