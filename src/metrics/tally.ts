// Counters of one replication for one slice (the whole center, a site, a node, a type, a group, a URS, an interval),
// and the metrics of docs/outputs.md ("Outputs and metrics") computed from them.

import { METRIC_NAMES as DESIGN_METRIC_NAMES } from "../scenario/metric-names.js";
import type { DefaultDnKind } from "../scenario/types.js";

export class Tally {
  offered = 0;
  answered = 0;
  abandoned = 0;
  /** sent to the default DN at router-timeout */
  defaultRouted = 0;
  /** of those, the ones that ended there: released (reject), sent out (external) or treated (a Trunk Group); and the
   *  last two on their own */
  defaultEnded = 0;
  defaultTreated = 0;
  defaultExternal = 0;
  /** of those, the ones the default Routing Point's strategy got answered, and those whose caller hung up on the
   *  Routing Point or during the treatment (also in answered and abandoned) */
  defaultAnswered = 0;
  defaultAbandoned = 0;
  /** sent to an Asterisk voicemail box (they end there: the caller leaves a message or hangs up) */
  voicemailEnded = 0;
  /** their caller accepted a callback and hung up (they end there for the counts: the callback is agents' work) */
  callbackEnded = 0;
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
  /** sum of waits of all that ended: answered until answer, the others until they left */
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

/** The metric names of docs/outputs.md (the ones a scenario's targets may name), then the few
 *  ccsim adds, in the order outputs list them. */
export const METRIC_NAMES = [
  ...DESIGN_METRIC_NAMES, "dropped", "cutOff", "defaultTreated", "defaultExternal", "defaultAnswered", "defaultAbandoned",
  "lostRequests", "oosFailures", "unfinished", "routingDelay", "ursAttemptsPerCall",
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];
export type MetricRecord = Partial<Record<MetricName, number>>;

/** a / b, or 0 when there is nothing to divide by */
export const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** the metrics of what became of default-routed calls: each is a Tally counter of the same name */
type DefaultDnMetric = "defaultTreated" | "defaultExternal" | "defaultAnswered" | "defaultAbandoned";

/** What became of the calls sent to each kind of default DN, as metrics (reject: they were released, nothing more;
 *  external: they left; a Routing Point: answered through its default strategy, or abandoned there; a Trunk Group:
 *  treated, or abandoned during the treatment) */
export const DEFAULT_DN_METRICS: Readonly<Record<DefaultDnKind, readonly DefaultDnMetric[]>> = {
  reject: [],
  external: ["defaultExternal"],
  routingPoint: ["defaultAnswered", "defaultAbandoned"],
  trunkGroup: ["defaultTreated", "defaultAbandoned"],
};

/** Which metrics only some scenarios have: those only faults make (dropped, lostRequests), and what became of the calls
 *  sent to the scenario's default DN; so that a scenario without them reports exactly what it always did. */
export interface MetricParts {
  readonly faults: boolean;
  readonly defaultDn: DefaultDnKind;
}
const PLAIN: MetricParts = { faults: false, defaultDn: "reject" };

/**
 * Metrics of one slice. `hours` is the length of the measured window; `withOccupancy` says whether the slice has
 * agents of its own (a traffic type does not). Every counted call ends once: offered = answered + abandoned + dropped
 * + defaultEnded (the default-routed calls that ended at the default DN) + the calls sent to a voicemail box (the
 * voicemail part's `calls`) + the calls whose caller accepted a callback (callers.callbacks.accepted) + unfinished. `seesArrivals` false (an agent
 * group, a URS: they see the calls routed to them, not the calls offered) leaves out what is counted against
 * arrivals: offered, unfinished, service level, probability of waiting and abandonment, which would read 0 or below 0.
 */
export function metricsOf(t: Tally, hours: number, withOccupancy: boolean, parts: MetricParts = PLAIN, seesArrivals = true): MetricRecord {
  const m: MetricRecord = seesArrivals ? { offered: t.offered } : {};
  m.answered = t.answered;
  m.abandoned = t.abandoned;
  m.defaultRouted = t.defaultRouted;
  if (parts.faults) {
    m.dropped = t.dropped;
    m.cutOff = t.cutOff;
  }
  for (const n of DEFAULT_DN_METRICS[parts.defaultDn]) m[n] = t[n];
  if (seesArrivals) {
    m.unfinished = t.offered - t.answered - t.abandoned - t.defaultEnded - t.dropped - t.voicemailEnded - t.callbackEnded;
    m.serviceLevel = ratio(t.withinServiceLevel, t.offered);
  }
  m.asa = ratio(t.waitAnswered, t.answered);
  m.meanWait = ratio(t.waitAll, t.answered + t.abandoned + t.defaultEnded);
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
  if (parts.faults) {
    m.lostRequests = t.lostRequests;
    m.oosFailures = t.oosFailures;
  }
  m.noAnswers = t.noAnswers;
  m.routingDelay = ratio(t.routingDelaySum, t.routingDelayCount);
  m.ursAttemptsPerCall = ratio(t.routeRequests + t.reservationConflicts, t.routed);
  return m;
}
