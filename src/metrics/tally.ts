// Counters of one replication for one slice (the whole center, a site, a node, a type, a group, a URS, an interval),
// and the metrics of the README's "Outputs and metrics" computed from them.

import { METRIC_NAMES as DESIGN_METRIC_NAMES } from "../scenario/metric-names.js";

export class Tally {
  offered = 0;
  answered = 0;
  abandoned = 0;
  defaultRouted = 0;
  /** lost to a fault before being answered */
  dropped = 0;
  /** established calls a fault cut off (they count as answered too) */
  cutOff = 0;
  /** routing requests and TReserveAgent lost with a failing component */
  lostRequests = 0;
  /** routing failures because a fault left the DN out of service or unreachable from the call's node */
  oosFailures = 0;
  /** answered with wait <= the service level threshold */
  withinServiceLevel = 0;
  /** sum of waits of answered interactions */
  waitAnswered = 0;
  /** sum of waits of all offered: answered until answer, abandoned until they left */
  waitAll = 0;
  /** found no agent available at the first routing attempt */
  waitedAtFirstAttempt = 0;
  routeRequests = 0;
  reservationRequests = 0;
  reservationGrants = 0;
  reservationConflicts = 0;
  routingAttempts = 0;
  routingFailures = 0;
  noAnswers = 0;
  /** interactions that got at least one TRouteCall */
  routed = 0;
  /** sum and count of (delivery - first reservation request) */
  routingDelaySum = 0;
  routingDelayCount = 0;
  /** agent-seconds handling (ringing, talking, wrap-up), and logged in, inside the measured window */
  handlingTime = 0;
  loggedInTime = 0;
  /** per media: agent-seconds weighted by the interactions held (handlingTime is then time with at least one) */
  loadTime = 0;
  /** IM messages delivered to agents */
  imMessages = 0;
}

/** The metric names of the README's "Outputs and metrics" (the ones a scenario's targets may name), then the few
 *  ccsim adds, in the order outputs list them. */
export const METRIC_NAMES = [
  ...DESIGN_METRIC_NAMES, "dropped", "cutOff", "lostRequests", "oosFailures", "unfinished", "routingDelay", "ursAttemptsPerCall",
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];
export type MetricRecord = Partial<Record<MetricName, number>>;

/** a / b, or 0 when there is nothing to divide by */
export const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * Metrics of one slice. `hours` is the length of the measured window; `withOccupancy` says whether the slice has
 * agents of its own (a traffic type does not); `withFaults` adds the metrics only faults make (dropped, lostRequests),
 * so that a scenario without faults reports exactly what it always did. `seesArrivals` false (an agent group, a URS:
 * they see the calls routed to them, not the calls offered) leaves out what is counted against arrivals: offered,
 * unfinished, service level, probability of waiting and abandonment, which would read 0 or below 0 there.
 */
export function metricsOf(t: Tally, hours: number, withOccupancy: boolean, withFaults = false, seesArrivals = true): MetricRecord {
  const m: MetricRecord = seesArrivals ? { offered: t.offered } : {};
  m.answered = t.answered;
  m.abandoned = t.abandoned;
  m.defaultRouted = t.defaultRouted;
  if (withFaults) {
    m.dropped = t.dropped;
    m.cutOff = t.cutOff;
  }
  if (seesArrivals) {
    m.unfinished = t.offered - t.answered - t.abandoned - t.defaultRouted - t.dropped;
    m.serviceLevel = ratio(t.withinServiceLevel, t.offered);
  }
  m.asa = ratio(t.waitAnswered, t.answered);
  m.meanWait = ratio(t.waitAll, t.answered + t.abandoned + t.defaultRouted);
  if (seesArrivals) {
    m.probWait = ratio(t.waitedAtFirstAttempt, t.offered);
    m.abandonRate = ratio(t.abandoned, t.offered);
  }
  if (withOccupancy) m.occupancy = ratio(t.handlingTime, t.loggedInTime);
  m.throughputPerHour = ratio(t.answered, hours);
  m.reservationRequests = t.reservationRequests;
  m.reservationGrants = t.reservationGrants;
  m.reservationConflicts = t.reservationConflicts;
  m.conflictRate = ratio(t.reservationConflicts, t.reservationRequests);
  m.conflictsPerCall = ratio(t.reservationConflicts, t.routed);
  m.routingAttempts = t.routingAttempts;
  m.routingFailures = t.routingFailures;
  if (withFaults) {
    m.lostRequests = t.lostRequests;
    m.oosFailures = t.oosFailures;
  }
  m.noAnswers = t.noAnswers;
  m.routingDelay = ratio(t.routingDelaySum, t.routingDelayCount);
  m.ursAttemptsPerCall = ratio(t.routeRequests + t.reservationConflicts, t.routed);
  return m;
}
