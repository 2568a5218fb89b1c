// Independent replications of one scenario, and their aggregate: mean, sd and 95% CI of every metric in every slice.

import { summarize } from "../metrics/statistics.js";
import { clipToDomain } from "../metrics/metric-domain.js";
import { METRIC_NAMES, type MetricName, type MetricRecord } from "../metrics/tally.js";
import type { Scenario } from "../scenario/types.js";
import type {
  ExperimentResult, IntervalMeans, IntervalRow, MediaSummaries, MediaSummary, MetricSummaries, MetricSummary, ReplicationResult,
} from "../observe/results.js";
import { componentsSummary } from "./component-report.js";
import { MEDIA_METRIC_NAMES, type MediaRecord } from "../metrics/media-metrics.js";
import { faultSummaries } from "./fault-report.js";
import { mediaPortSummary } from "./media-port-report.js";
import { privateCallSummary } from "./private-call-report.js";
import { skypeSummary } from "./skype-limits.js";
import { voicemailSummary } from "./voicemail-report.js";
import { dayCostSummary } from "./day-cost-report.js";
import { callersSummary } from "./callers-report.js";
import { planOne, runPlanHere } from "./plan.js";
import type { ReplicationOptions } from "./replication.js";
import type { Study } from "./study.js";

export interface ExperimentOptions extends ReplicationOptions {
  readonly seed?: number;
  readonly replications?: number;
  /** called after each replication with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One scenario's replications, in this thread: the plan and the in-thread pool every command runs on. */
export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): ExperimentResult {
  const plan = planOne(scenario, options.seed ?? scenario.seed, options.replications ?? scenario.replications);
  return experimentsOf(plan.study, runPlanHere(plan, options).map((o) => o.result))[0]!;
}

/** Each point's aggregate, from every job's result in the order of jobsOf. */
export function experimentsOf(study: Study, results: readonly ReplicationResult[]): ExperimentResult[] {
  const n = study.replications;
  if (results.length !== study.points.length * n) {
    throw new Error(`a study of ${study.points.length * n} jobs got ${results.length} results`);
  }
  return study.points.map((p, i) => aggregate(p.scenario, study.seed, results.slice(i * n, (i + 1) * n)));
}

/** mean, sd and 95% CI of a metric over replications; with the metric's name, the CI clipped to the values it can
 *  take (marked `clipped`) */
function summaryOf(xs: number[], metric?: string): MetricSummary {
  const s = summarize(xs);
  if (s.ci95 === null || metric === undefined) return { mean: s.mean, sd: s.sd, ci95: s.ci95 };
  const c = clipToDomain(metric, s.ci95);
  return c.clipped ? { mean: s.mean, sd: s.sd, ci95: c.ci95, clipped: true } : { mean: s.mean, sd: s.sd, ci95: s.ci95 };
}

/** fault costs (counts) and component measures (utilizations, delays, rates): none below 0 */
const nonNegative = (xs: number[]) => summaryOf(xs, "count");

/** Summaries of a list of records with the same keys, in the order of `names` (a key missing from the first record
 *  is left out). */
function summarizeKeys<K extends string>(records: readonly Partial<Record<K, number>>[], names: readonly K[]): Partial<Record<K, MetricSummary>> {
  const out: Partial<Record<K, MetricSummary>> = {};
  for (const name of names) {
    if (records[0]?.[name] === undefined) continue;
    out[name] = summaryOf(records.map((r) => r[name] ?? 0), name);
  }
  return out;
}

const summarizeRecords = (records: readonly MetricRecord[]): MetricSummaries => summarizeKeys(records, METRIC_NAMES);
const summarizeMedia = (records: readonly MediaRecord[]): MediaSummaries => summarizeKeys(records, MEDIA_METRIC_NAMES);

function byMediaOf(results: readonly ReplicationResult[]): Record<string, MediaSummary> {
  const first = results[0]!.byMedia!;
  return Object.fromEntries(
    Object.keys(first).map((m) => [
      m,
      {
        metrics: summarizeMedia(results.map((r) => r.byMedia![m]!.metrics)),
        byGroup: Object.fromEntries(
          Object.keys(first[m]!.byGroup).map((g) => [g, summarizeMedia(results.map((r) => r.byMedia![m]!.byGroup[g]!))]),
        ),
      },
    ]),
  );
}

function bySlice(results: readonly ReplicationResult[], pick: (r: ReplicationResult) => Record<string, MetricRecord>) {
  const ids = Object.keys(pick(results[0]!));
  return Object.fromEntries(ids.map((id) => [id, summarizeRecords(results.map((r) => pick(r)[id]!))]));
}

function drainCut(results: readonly ReplicationResult[]): Pick<ExperimentResult, "cutAtDrainLimit"> {
  const cut = results.filter((r) => (r.cutAtDrainLimit ?? 0) > 0);
  if (cut.length === 0) return {};
  return { cutAtDrainLimit: { replications: cut.length, calls: cut.reduce((n, r) => n + r.cutAtDrainLimit!, 0) } };
}

/** One interval row over replications: each metric's mean and its 95% interval clipped to the metric's domain (the
 *  report's bands over the day), and the agents on shift. */
function intervalMeans(row: IntervalRow, rows: readonly IntervalRow[]): IntervalMeans {
  // built from entries: an object given its keys one by one under computed names turns into a dictionary past a
  // dozen of them (the interval means of a 20,000-interval run took 94 MB of heap so, 25 MB built from entries:
  // docs/speed.md)
  const means: [MetricName, number][] = [];
  const bounds: [MetricName, readonly [number, number]][] = [];
  for (const name of METRIC_NAMES) {
    if (row.metrics[name] === undefined) continue;
    const xs = rows.map((r) => r.metrics[name] ?? 0);
    // the mean as it always was (summarize reads identical replications back as the first, which can differ in the
    // last bit): the fault recoveries of summary.json are judged on it
    let sum = 0;
    for (const x of xs) sum += x;
    means.push([name, sum / rows.length]);
    const ci = rows.length > 1 ? summaryOf(xs, name).ci95 : null;
    if (ci !== null) bounds.push([name, ci]);
  }
  const metrics: MetricRecord = Object.fromEntries(means);
  const ci95: Partial<Record<MetricName, readonly [number, number]>> = Object.fromEntries(bounds);
  const { start, end, site, type } = row;
  const staffed = row.staffed === undefined ? undefined : summaryOf(rows.map((r) => r.staffed ?? 0), "count");
  return {
    start, end, site, type, metrics,
    ...(rows.length > 1 ? { ci95 } : {}),
    ...(staffed ? { staffed: { mean: staffed.mean, ci95: staffed.ci95 } } : {}),
  };
}

export function aggregate(scenario: Scenario, seed: number, results: readonly ReplicationResult[]): ExperimentResult {
  const first = results[0]!;
  const intervals = first.intervals.map((row, i) => intervalMeans(row, results.map((r) => r.intervals[i]!)));
  return {
    scenario,
    seed,
    replications: results.length,
    metrics: summarizeRecords(results.map((r) => r.metrics)),
    bySite: bySlice(results, (r) => r.bySite),
    byNode: bySlice(results, (r) => r.byNode),
    byType: bySlice(results, (r) => r.byType),
    byGroup: bySlice(results, (r) => r.byGroup),
    byUrs: bySlice(results, (r) => r.byUrs),
    intervals,
    agentsPerNode: first.agentsPerNode,
    routingDelayP95: summaryOf(results.map((r) => r.routingDelayP95), "routingDelay"),
    events: results.reduce((n, r) => n + r.events, 0),
    perReplication: results.map((r) => r.metrics),
    ...drainCut(results),
    ...(scenario.faults.length > 0 ? { faults: faultSummaries(scenario, results, intervals, nonNegative) } : {}),
    ...(first.components ? { components: componentsSummary(results.map((r) => r.components!), nonNegative) } : {}),
    ...(first.byMedia ? { byMedia: byMediaOf(results) } : {}),
    ...(first.privateCalls ? { privateCalls: privateCallSummary(results, summaryOf) } : {}),
    ...(first.skype ? { skype: skypeSite(scenario, results, summaryOf), perReplicationSkype: results.map((r) => r.skype!) } : {}),
    ...(first.mediaPorts ? { mediaPorts: mediaPortSummary(results, summaryOf) } : {}),
    ...(first.voicemail ? { voicemail: voicemailSummary(results, nonNegative) } : {}),
    ...(first.cost ? { cost: dayCostSummary(scenario, results, nonNegative) } : {}),
    ...(first.callers ? { callers: callersSummary(results, summaryOf) } : {}),
  };
}

function skypeSite(scenario: Scenario, results: readonly ReplicationResult[], summaryOf: (xs: number[]) => MetricSummary) {
  const site = scenario.sites.find((s) => s.skype !== undefined)!;
  return skypeSummary(results, site.id, site.skype!, summaryOf);
}
