// The metrics a compare or sweep can show and difference: the whole center's (METRIC_NAMES), then, for a scenario
// with a Skype for Business site, that site's numbers (summary.json's `skype.metrics`), read from each replication's
// SkypeRecord so that they pair replication by replication like the others.

import { METRIC_NAMES, type MetricName } from "../metrics/tally.js";
import type { ExperimentResult, MetricSummary, SkypeRecord } from "../observe/results.js";

/** every number of SkypeRecord, in its order (the Record makes the compiler refuse a key left out) */
const SKYPE_KEYS: Readonly<Record<keyof SkypeRecord, true>> = {
  peakRegisteredAgents: true, peakSimultaneousCalls: true, peakConferencesInUse: true, lowestReadyConferences: true,
  conferencesCreated: true, conferenceWaits: true, conferenceWaitRate: true, meanAllocationTime: true,
  maxAllocationTime: true, callsPerSecond: true, peakCallsPerSecond: true, imEscalations: true, ringOuts: true,
  noAnswerNotReady: true, noAnswerLogouts: true, dndShare: true,
};
export type SkypeMetricName = keyof SkypeRecord;
const SKYPE_METRIC_NAMES = Object.keys(SKYPE_KEYS) as readonly SkypeMetricName[];

export type StudyMetricName = MetricName | SkypeMetricName;
export const STUDY_METRIC_NAMES: readonly StudyMetricName[] = [...METRIC_NAMES, ...SKYPE_METRIC_NAMES];

export function isSkypeMetric(name: string): name is SkypeMetricName {
  return Object.hasOwn(SKYPE_KEYS, name);
}

export type StudyMetricSummaries = Partial<Record<StudyMetricName, MetricSummary>>;
// (the emulated agents' numbers are there only when the records have them)

/** a variant's or point's metrics: the whole center's, then its Skype site's when it has one */
export function studyMetricsOf(r: ExperimentResult): StudyMetricSummaries {
  return r.skype ? { ...r.metrics, ...r.skype.metrics } : r.metrics;
}

/** one replication's value of each metric, in replication order (undefined where the metric has none) */
export function perReplicationOf(r: ExperimentResult, name: StudyMetricName): (number | undefined)[] {
  if (isSkypeMetric(name)) return r.perReplication.map((_, i) => r.perReplicationSkype?.[i]?.[name]);
  return r.perReplication.map((m) => m[name]);
}
