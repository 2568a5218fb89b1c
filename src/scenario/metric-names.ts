// The metric names of DESIGN.md section 6, the only keys `targets` accepts; apart from the schema so that the
// metrics (and every worker thread that loads them) do not pay for zod.

export const METRIC_NAMES = [
  "offered", "answered", "abandoned", "defaultRouted", "serviceLevel", "asa", "meanWait", "probWait",
  "abandonRate", "occupancy", "throughputPerHour", "reservationRequests", "reservationGrants",
  "reservationConflicts", "conflictRate", "conflictsPerCall", "routingAttempts", "routingFailures", "noAnswers",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
