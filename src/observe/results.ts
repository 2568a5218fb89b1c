// The results as plain records: what one replication measured (ReplicationResult and its parts), and what an
// experiment makes of its replications (ExperimentResult: summaries across them). Statistics are computed from these
// records elsewhere; this file only says their shape, so that every layer from observe up can name them.

import type { MediaResult, MediaMetricName } from "../metrics/media-metrics.js";
import type { MetricName, MetricRecord } from "../metrics/tally.js";
import type { ComponentKind, FaultSpec, Scenario } from "../scenario/types.js";
import type { CostsSpec } from "../scenario/cost-spec.js";
import type { CallersRecord, DayCostRecord } from "./caller-and-cost-records.js";
export type { CallbackRecord, CallersRecord, DayCostRecord, RetrialRecord, TransferRecord } from "./caller-and-cost-records.js";

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
  readonly skype?: SkypeRecord;
  /** the Asterisk media ports (absent when no site has them) */
  readonly mediaPorts?: MediaPortRecord;
  /** what Asterisk voicemail and MWI did (absent when no group has a box and no site has mwi) */
  readonly voicemail?: VoicemailRecord;
  /** the day's cost in money, by part (absent when the scenario prices nothing) */
  readonly cost?: DayCostRecord;
  /** retrials (attempts apart from unique callers), callbacks and transfers (absent when no type has any) */
  readonly callers?: CallersRecord;
}

/** One replication's Skype for Business site (observe/skype-connector.ts says how each is counted). */
export interface SkypeRecord {
  /** the most agents logged in at once, and calls in progress at once on the site (parked and in treatment included) */
  readonly peakRegisteredAgents: number;
  readonly peakSimultaneousCalls: number;
  /** the most conferences the site's calls held at once; the fewest ready conferences a connector had left after a call took one */
  readonly peakConferencesInUse: number;
  readonly lowestReadyConferences: number;
  /** conferences the pools created in the window (refills, replacements of expired ones, on demand) */
  readonly conferencesCreated: number;
  /** calls that found their connector's pool empty and waited for a conference; and that over the calls given one */
  readonly conferenceWaits: number;
  readonly conferenceWaitRate: number;
  /** from a call's arrival to its conference, the T-Server's scheduling queue included: mean and most */
  readonly meanAllocationTime: number;
  readonly maxAllocationTime: number;
  /** conferences given to calls a second, over the window and in its busiest interval */
  readonly callsPerSecond: number;
  readonly peakCallsPerSecond: number;
  /** the IM sessions (arrived in the window) whose customer escalated to voice; only when an IM type escalates */
  readonly imEscalations?: number;
  /** the emulated agents (only when a group of the site may not answer, or with pull presence mode): calls that
   *  rang out at the site's agents after no-answer-timeout, the no-answers whose no-answer-action set the agent
   *  NotReady or logged it out, and the share of the site's logged-in time its agents were held NotReady by DND */
  readonly ringOuts?: number;
  readonly noAnswerNotReady?: number;
  readonly noAnswerLogouts?: number;
  readonly dndShare?: number;
}

/** One site's Asterisk media ports in one replication. */
export interface MediaPortSiteRecord {
  readonly capacity: number;
  /** refused requests over requests (0 with none) */
  readonly portBlocking: number;
  /** busy port-seconds over capacity x the window */
  readonly portUtilization: number;
  /** the most ports busy at once */
  readonly portsPeak: number;
}

/** One replication's Asterisk media ports, all sites' pools together (observe/media-ports.ts says how each is
 *  counted): requests and what became of them in [warmup, horizon), and the ports' time-average use there. */
export interface MediaPortRecord {
  /** treatments and recordings that asked for a port */
  readonly requests: number;
  readonly portBlocking: number;
  readonly portUtilization: number;
  /** the most ports busy at once in one site */
  readonly portsPeak: number;
  /** treatments played, and skipped for want of a port */
  readonly treatments: number;
  readonly treatmentsSkipped: number;
  /** recordings made, and lost for want of a port */
  readonly recordings: number;
  readonly recordingsLost: number;
  /** per site with media ports */
  readonly bySite: Record<string, MediaPortSiteRecord>;
}

/** One replication's Asterisk voicemail and MWI (observe/voicemail.ts says how each is counted). */
export interface VoicemailRecord {
  /** counted calls (arrived in [warmup, horizon)) sent to a box, and those whose caller hung up there */
  readonly calls: number;
  readonly voicemailHangups: number;
  /** over [0, horizon): messages recorded */
  readonly messagesLeft: number;
  /** messages an agent took by the horizon, and how long they had waited (mean, median, 90th percentile; 0: none) */
  readonly messagesHandled: number;
  readonly messageDelay: number;
  readonly messageDelayP50: number;
  readonly messageDelayP90: number;
  /** messages left and not yet taken at the horizon: messagesLeft - messagesHandled */
  readonly messageBacklog: number;
  /** over [warmup, horizon): MWI subscriptions activated, refreshed, ended; NOTIFYs SIP Server took */
  readonly mwiSubscriptions: number;
  readonly mwiRefreshes: number;
  readonly mwiEnds: number;
  readonly mwiNotifies: number;
  /** the most subscriptions activated in one interval */
  readonly mwiPeakSubscriptions: number;
  /** per interval row (after warmup): subscriptions activated, and MWI messages (SUBSCRIBEs and NOTIFYs) */
  readonly intervals: { readonly mwiSubscriptions: readonly number[]; readonly mwiMessages: readonly number[] };
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
  /** connector-down only: calls in progress on the stopped connector that it recovers only after its restart */
  held?: number;
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
  /** each replication's Skype for Business site, in replication order (absent without one; compare pairs them) */
  readonly perReplicationSkype?: readonly SkypeRecord[];
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
  readonly skype?: SkypeSummary;
  /** the Asterisk media ports; absent when no site has them */
  readonly mediaPorts?: MediaPortSummary;
  /** Asterisk voicemail and MWI; absent when the scenario has neither boxes nor mwi */
  readonly voicemail?: VoicemailSummary;
  /** the day's cost in money; absent when the scenario prices nothing */
  readonly cost?: DayCostSummary;
  /** retrials, callbacks and transfers; absent when no type has any */
  readonly callers?: CallersSummary;
}

/** Callers across replications: each number of each part of CallersRecord, summarized. */
export type CallersSummary = { readonly [P in keyof CallersRecord]?: Record<keyof NonNullable<CallersRecord[P]>, MetricSummary> };

/** A Skype for Business site across replications: each number of SkypeRecord, summarized. */
export interface SkypeSummary {
  /** (the emulated agents' numbers only when the records have them) */
  readonly metrics: { readonly [K in keyof SkypeRecord]: MetricSummary };
  /** the guide's limits, judged on the worst replication (experiment/skype-limits.ts) */
  readonly limits: readonly SkypeLimit[];
}

/** One of the guide's limits for a Skype site: the value the run reached (a peak, or the configured pool) against the
 *  limit (a most, or for the pool the guideline's least), and when it is exceeded the warning's line. */
export interface SkypeLimit {
  readonly check: "registeredAgents" | "simultaneousCalls" | "conferencePoolSize";
  readonly value: number;
  readonly limit: number;
  readonly exceeded: boolean;
  readonly warning?: string;
}

/** The Asterisk media ports across replications: each number of MediaPortRecord, summarized, and each site's. */
export interface MediaPortSummary {
  readonly metrics: Record<Exclude<keyof MediaPortRecord, "bySite">, MetricSummary>;
  readonly bySite: Record<string, { readonly capacity: number } & Record<Exclude<keyof MediaPortSiteRecord, "capacity">, MetricSummary>>;
}

/** Asterisk voicemail and MWI across replications: each number of VoicemailRecord summarized, and the per-interval
 *  counts as means over replications. */
export interface VoicemailSummary {
  readonly metrics: Record<Exclude<keyof VoicemailRecord, "intervals">, MetricSummary>;
  readonly intervals: { readonly mwiSubscriptions: readonly number[]; readonly mwiMessages: readonly number[] };
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
  readonly cost: Record<Exclude<keyof FaultCost, "held">, MetricSummary> & { held?: MetricSummary };
  /** connector-down: the connector that stopped, 1-based as in the file */
  readonly connector?: number;
  /** frontend-down: the Front End server that stopped, 1-based as in the file */
  readonly frontEnd?: number;
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

/** The day's cost across replications: the prices, each part summarized, and each group's scheduled hours. */
export interface DayCostSummary {
  readonly currency?: string;
  readonly prices: Omit<CostsSpec, "currency">;
  readonly parts: Record<keyof DayCostRecord, MetricSummary>;
  /** each agent group: its price of an agent-hour, its scheduled agent-hours in the window, and their cost */
  readonly groups: Record<string, { readonly costPerHour: number; readonly agentHours: number; readonly cost: number }>;
  /** the nodes and URS pairs paid for, and the window's hours */
  readonly nodes: number;
  readonly ursPairs: number;
  readonly hours: number;
}
