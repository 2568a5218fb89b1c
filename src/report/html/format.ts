// How the HTML report names metrics and writes numbers: a readable label and unit per metric, five significant digits.

import type { MetricName } from "../../metrics/tally.js";
import { isSkypeMetric, type SkypeMetricName, type StudyMetricName } from "../../experiment/study-metrics.js";
import { isPortMetric, type PortMetricName } from "../../scenario/metric-names.js";
import type { Estimate } from "./chart-frame.js";
import { unitOf } from "../units.js";
import type { MetricSummary } from "../../observe/results.js";

const LABELS: Readonly<Record<MetricName, string>> = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  defaultRouted: "default-routed",
  defaultTreated: "default-routed, treated",
  defaultExternal: "default-routed to the external number",
  defaultAnswered: "default-routed, answered",
  defaultAbandoned: "default-routed, abandoned",
  dropped: "dropped by faults",
  cutOff: "cut off by faults",
  lostRequests: "lost requests",
  oosFailures: "failures to out-of-service DNs",
  serviceLevel: "service level",
  asa: "ASA (mean wait of answered)",
  meanWait: "mean wait",
  probWait: "probability of waiting",
  abandonRate: "abandonment",
  occupancy: "occupancy",
  throughputPerHour: "throughput",
  reservationRequests: "reservation requests",
  reservationGrants: "reservation grants",
  reservationConflicts: "reservation conflicts",
  conflictRate: "conflict rate",
  conflictsPerCall: "conflicts per call",
  routingAttempts: "routing attempts",
  routingFailures: "routing failures",
  noAnswers: "no-answers",
  unfinished: "unfinished",
  routingDelay: "routing delay",
  ursAttemptsPerCall: "URS attempts per call",
  cost: "the day's cost",
};

const PORT_LABELS: Readonly<Record<PortMetricName, string>> = {
  portBlocking: "media-port blocking",
  portUtilization: "media-port utilization",
};

const SKYPE_LABELS: Readonly<Record<SkypeMetricName, string>> = {
  peakRegisteredAgents: "Skype: peak registered agents",
  peakSimultaneousCalls: "Skype: peak simultaneous calls",
  peakConferencesInUse: "Skype: peak conferences in use",
  lowestReadyConferences: "Skype: fewest ready conferences",
  conferencesCreated: "Skype: conferences created",
  conferenceWaits: "Skype: calls that waited for a conference",
  conferenceWaitRate: "Skype: share of calls that waited for a conference",
  meanAllocationTime: "Skype: mean time to a conference",
  maxAllocationTime: "Skype: longest time to a conference",
  callsPerSecond: "Skype: calls given a conference a second",
  peakCallsPerSecond: "Skype: calls a second in the busiest interval",
  imEscalations: "Skype: IM sessions escalated to voice",
  ringOuts: "Skype: emulated ringings that rang out",
  noAnswerNotReady: "Skype: no-answers that set the agent NotReady",
  noAnswerLogouts: "Skype: no-answers that logged the agent out",
  dndShare: "Skype: share of logged-in time held NotReady by DND",
};

export const labelOf = (name: StudyMetricName): string =>
  name.startsWith("utilization.")
    ? `utilization of the busiest ${name.slice("utilization.".length)}`
    : isPortMetric(name) ? PORT_LABELS[name] : isSkypeMetric(name) ? SKYPE_LABELS[name] : LABELS[name];

/** The unit a metric is shown in: shares as percentages, throughput per hour, other counts per run. */
export function shownUnit(name: StudyMetricName): string {
  if (name === "throughputPerHour") return "per hour";
  if (name === "callsPerSecond" || name === "peakCallsPerSecond") return "per second";
  if (name === "conflictsPerCall" || name === "ursAttemptsPerCall") return "per call";
  if (name === "cost") return "money, per run";
  const u = unitOf(name);
  return u === "count" ? "per run" : u;
}

/** The value as shown: shares become percentages. */
export const shownValue = (name: StudyMetricName, x: number): number => (unitOf(name) === "%" ? x * 100 : x);

/** A metric's mean and 95% interval as shown (shares as percentages); null when the slice has no such metric. */
export function estimateOf(name: StudyMetricName, m: MetricSummary | undefined): Estimate | null {
  if (!m) return null;
  return {
    mean: shownValue(name, m.mean),
    lo: m.ci95 ? shownValue(name, m.ci95[0]) : null,
    hi: m.ci95 ? shownValue(name, m.ci95[1]) : null,
  };
}

/** An axis title: the metric's label and its unit. */
export const axisTitle = (name: StudyMetricName): string => `${labelOf(name)} (${shownUnit(name)})`;

/** A number for a table cell or a CSV field: five significant digits, no trailing zeros, no thousands separators. */
export function shown(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  if (Math.abs(x) >= 1e5) return String(Math.round(x));
  const s = x.toPrecision(5);
  if (s.includes("e")) return String(Number(s));
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Simulated time as h:mm (or h:mm:ss when it is not on a whole minute). */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const hm = `${h}:${String(m).padStart(2, "0")}`;
  return sec === 0 ? hm : `${hm}:${String(sec).padStart(2, "0")}`;
}

/** A time of the run as read on a clock: with the scenario's `start:` (`origin`, seconds since 1970 UTC), the UTC
 *  time of day, "08:15" (with the date first when `date`, "2024-03-04 08:15"); without it, h:mm since the start. */
export function clockAt(seconds: number, origin: number | undefined, date = false): string {
  if (origin === undefined) return clock(seconds);
  const iso = new Date(Math.round(origin + seconds) * 1000).toISOString();
  const hm = iso.slice(11, 16);
  const time = iso.slice(17, 19) === "00" ? hm : iso.slice(11, 19);
  return date ? `${iso.slice(0, 10)} ${time}` : time;
}

/** The title of a time axis: the date(s) and UTC with `start:`, else time since the start. */
export function timeAxisTitle(d0: number, d1: number, origin: number | undefined): string {
  if (origin === undefined) return "time since start (h:mm)";
  const first = clockAt(d0, origin, true).slice(0, 10);
  // the end of the last interval is not a day of its own when it falls on midnight
  const last = clockAt(Math.max(d0, d1 - 1), origin, true).slice(0, 10);
  return `clock time, UTC (${first === last ? first : `${first} to ${last}`})`;
}

/** A duration in words for captions: "45 s", "15 min", "1.5 h". */
export function span(seconds: number): string {
  if (seconds < 60) return `${shown(seconds)} s`;
  if (seconds < 3600) return `${shown(seconds / 60)} min`;
  return `${shown(seconds / 3600)} h`;
}
