// The results as plain records: what one replication measured (ReplicationResult and its parts), and what an
// experiment makes of its replications (ExperimentResult: summaries across them). Statistics are computed from these
// records elsewhere; this file only says their shape, so that every layer from observe up can name them.

import type { MediaResult, MediaMetricName } from "../metrics/media-metrics.js";
import type { MetricName, MetricRecord } from "../metrics/tally.js";
import type { ComponentKind, FaultSpec, Scenario } from "../scenario/types.js";

// ---- one replication ----

export interface IntervalRow {
  readonly start: number;
  readonly end: number;
  /** "*" for all sites */
  readonly site: string;
  /** "*" for all types */
  readonly type: string;
  readonly metrics: MetricRecord;
  /** agents on shift: the time-average number logged in over the interval's measured part (rows of a type have none:
   *  agents belong to sites, not to types) */
  readonly staffed?: number;
}

export interface ReplicationResult {
  readonly events: number;
  readonly metrics: MetricRecord;
  readonly bySite: Record<string, MetricRecord>;
  readonly byNode: Record<string, MetricRecord>;
  readonly byType: Record<string, MetricRecord>;
  readonly byGroup: Record<string, MetricRecord>;
  readonly byUrs: Record<string, MetricRecord>;
  readonly intervals: readonly IntervalRow[];
  /** agents whose DN each node owns */
  readonly agentsPerNode: Record<string, number>;
  readonly routingDelayP95: number;
  /** what each fault cost (absent when the scenario has none) */
  readonly faults?: readonly FaultCost[];
  /** each component instance's load (absent without the component load model) */
  readonly components?: readonly ComponentRecord[];
  /** per media the traffic uses (absent when all of it is voice) */
  readonly byMedia?: Record<string, MediaResult>;
  /** calls still in the system when the drain limit stopped the run (absent when it drained before) */
  readonly cutAtDrainLimit?: number;
  /** what Asterisk private calls cost (absent when no agent group has private calls) */
  readonly privateCalls?: PrivateCallRecord;
}

/** One replication's Asterisk private calls (observe/private-calls.ts says how each is counted). */
export interface PrivateCallRecord {
  /** private calls started in [warmup, horizon), by direction */
  readonly inbound: number;
  readonly outbound: number;
  /** private-call time while logged in, over logged-in time, of the groups with private calls */
  readonly timeShare: number;
  /** interactions that found no agent available at their first routing attempt while an agent of their target,
   *  logged in and holding no interaction, was on a private call; and that over the interactions offered */
  readonly waitedDuringPrivate: number;
  readonly waitedDuringPrivateRate: number;
  /** per agent group with private calls */
  readonly byGroup: Record<string, { readonly inbound: number; readonly outbound: number; readonly timeShare: number }>;
}

/** What one fault cost in one replication, counting everything it caused whenever it happened (warmup included). */
export interface FaultCost {
  /** calls lost before they were answered */
  dropped: number;
  /** established calls cut off */
  cutOff: number;
  defaultRouted: number;
  lostRequests: number;
  routingFailures: number;
}

/** One component instance in one replication. */
export interface ComponentRecord {
  readonly id: string;
  readonly kind: ComponentKind;
  readonly scope: string;
  /** busy time over [warmup, horizon), divided by its length */
  readonly utilization: number;
  /** the highest utilization of one interval (the part of it after warmup) */
  readonly peakUtilization: number;
  /** mean queueing delay (time waiting before service) of the messages that reached it in [warmup, horizon) */
  readonly meanDelay: number;
  readonly p95Delay: number;
  /** mean queueing delay of the messages of the first and the last interval after warmup: a queue that grows shows
   *  a last much above the first */
  readonly firstIntervalDelay: number;
  readonly lastIntervalDelay: number;
  readonly messagesPerSecond: number;
}

// ---- across replications ----

export interface MetricSummary {
  readonly mean: number;
  readonly sd: number | null;
  readonly ci95: readonly [number, number] | null;
  /** the t interval reached past what the metric can be (below 0, or a share above 1) and was clipped there */
  readonly clipped?: true;
}
export type MetricSummaries = Partial<Record<MetricName, MetricSummary>>;

export interface IntervalMeans {
  readonly start: number;
  readonly end: number;
  readonly site: string;
  readonly type: string;
  /** means over replications */
  readonly metrics: MetricRecord;
  /** each metric's 95% confidence interval over replications, clipped to its domain (absent with one replication) */
  readonly ci95?: Partial<Record<MetricName, readonly [number, number]>>;
  /** agents on shift (mean over replications) and its 95% interval (null with one replication); absent for a type */
  readonly staffed?: { readonly mean: number; readonly ci95: readonly [number, number] | null };
}

export interface ExperimentResult {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: MetricSummaries;
  readonly bySite: Record<string, MetricSummaries>;
  readonly byNode: Record<string, MetricSummaries>;
  readonly byType: Record<string, MetricSummaries>;
  readonly byGroup: Record<string, MetricSummaries>;
  readonly byUrs: Record<string, MetricSummaries>;
  readonly intervals: readonly IntervalMeans[];
  readonly agentsPerNode: Record<string, number>;
  readonly routingDelayP95: MetricSummary;
  /** events fired, over all replications */
  readonly events: number;
  /** each replication's whole-center metrics, in replication order (paired comparisons use them) */
  readonly perReplication: readonly MetricRecord[];
  /** replications the drain limit stopped, and the calls still in the system then (absent when every one drained) */
  readonly cutAtDrainLimit?: { readonly replications: number; readonly calls: number };
  /** what each fault cost; absent when the scenario has none */
  readonly faults?: readonly FaultSummary[];
  /** each component instance's load; absent without the component load model */
  readonly components?: ComponentsSummary;
  /** per media the traffic uses; absent when all of it is voice */
  readonly byMedia?: Record<string, MediaSummary>;
  /** Asterisk private calls; absent when no agent group has them */
  readonly privateCalls?: PrivateCallSummary;
}

/** Asterisk private calls across replications: each number of PrivateCallRecord, summarized. */
export interface PrivateCallSummary {
  readonly metrics: Record<Exclude<keyof PrivateCallRecord, "byGroup">, MetricSummary>;
  readonly byGroup: Record<string, Record<"inbound" | "outbound" | "timeShare", MetricSummary>>;
}

export type MediaSummaries = Partial<Record<MediaMetricName, MetricSummary>>;

/** one media: the whole center, and each agent group that can take it */
export interface MediaSummary {
  readonly metrics: MediaSummaries;
  readonly byGroup: Record<string, MediaSummaries>;
}

export interface FaultSummary {
  readonly at: number;
  readonly kind: FaultSpec["kind"];
  readonly target?: string;
  readonly between?: readonly [string, string];
  /** seconds; null: until the end */
  readonly duration: number | null;
  readonly cost: Record<keyof FaultCost, MetricSummary>;
  /** the service level series the recovery is judged on: a site id, or "*" for the whole center */
  readonly site: string;
  /** service level of the last interval that ended before the fault (null: none did) */
  readonly serviceLevelBefore: number | null;
  /** the lowest interval service level from the fault on */
  readonly serviceLevelLowest: number | null;
  /** seconds from the fault's start until the first interval back within 5 points of the level before it starts;
   *  0 when service level never left that band; null when it had not come back by the horizon or there was no
   *  interval before the fault to compare with */
  readonly recovery: number | null;
}

export interface ComponentSummary {
  readonly kind: ComponentKind;
  readonly scope: string;
  readonly utilization: MetricSummary;
  readonly peakUtilization: MetricSummary;
  readonly meanDelay: MetricSummary;
  readonly p95Delay: MetricSummary;
  readonly firstIntervalDelay: MetricSummary;
  readonly lastIntervalDelay: MetricSummary;
  readonly messagesPerSecond: MetricSummary;
}

export interface ComponentsSummary {
  /** by instance id (`<scope>.<kind>`, e.g. dc1.n2.tController), in the model's order */
  readonly instances: Record<string, ComponentSummary>;
  /** the instance with the highest mean utilization */
  readonly busiest: string;
  /** per kind present: its busiest instance (by mean utilization), the one utilization targets are judged on */
  readonly busiestOfKind: Partial<Record<ComponentKind, string>>;
  /** every instance kept up with its load: see sustainedBy in experiment/component-report.ts */
  readonly sustained: boolean;
}
