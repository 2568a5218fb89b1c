// The validated, defaulted, frozen Scenario: what the loader hands to the model and the experiment.
// Every duration is in seconds, every rate in events per second; nothing here is optional unless "absent"
// means something (a traffic type without patience never abandons).

export type Media = "voice" | "chat" | "email" | "im";
export const MEDIA: readonly Media[] = ["voice", "chat", "email", "im"];

/** The capacity-rule media an interaction takes: IM takes chat's ("The name of the capacity rule mediatype for
 *  handling IM is chat", Instant Messaging Solution Guide, Delivering and Handling Instant Messages). */
export function capacityMedia(media: Media): Exclude<Media, "im"> {
  return media === "im" ? "chat" : media;
}

/** Chat and email reach URS through Interaction Server; voice and IM through a SIP Server Routing Point. */
export function viaInteractionServer(media: Media): boolean {
  return media === "chat" || media === "email";
}

// the kernel draws from a distribution, so its type is declared there (a lower layer may not import this one)
import type { DistributionSpec } from "../kernel/distribution-spec.js";
export type { DistributionSpec };
// the specs of the Asterisk and Skype for Business deployments live in a file of their own
import type { MediaPortsSpec, MwiSpec, PrivateCallsSpec, SkypeSpec, TrafficVoicemailSpec, VoicemailSpec } from "./deployment-types.js";
export type { MediaPortsSpec, MwiSpec, PrivateCallSpec, PrivateCallsSpec, SkypePresenceSpec, SkypeSpec, TrafficVoicemailSpec, VoicemailSpec } from "./deployment-types.js";
import type { CallbackSpec, RetrialSpec, TransferSpec } from "./caller-types.js";
import type { ImSpec } from "./im-types.js";
export type { ImEscalationSpec, ImSpec, TreatmentSpec } from "./im-types.js";

export interface SiteSpec {
  readonly id: string;
  readonly nodes: number;
  /** the VQ SIP Server's agent_reservation priority (higher wins) */
  readonly vq: { readonly priority: number };
  /** site-down: the site the carrier sends this site's inbound calls to (absent: they are lost) */
  readonly failover?: string;
  /** the node (1-based position in the site) the site's GWS connects to: it owns the DNs of the site's PSTN agents */
  readonly gwsNode: number;
  /** the site's agent phones register on an Asterisk PBX, which also brings its inbound calls to SIP Server (absent:
   *  the phones register on SIP Server) */
  readonly pbx?: "asterisk";
  /** the site's switch is Skype for Business: one T-Server for Skype for Business (an HA pair) with its pool of UCMA
   *  connectors in place of SIP Server (absent: SIP Server) */
  readonly skype?: SkypeSpec;
  /** Asterisk as the site's media server: its pool of media ports (absent: no media server, no port metrics) */
  readonly mediaPorts?: MediaPortsSpec;
  /** an Asterisk site's SIP Server: its MWI subscriptions to the voicemail boxes (absent: no extension boxes watched,
   *  Expires and refresh as DEFAULTS.mwi) */
  readonly mwi?: MwiSpec;
}

export interface NetworkSpec {
  /** one-way delay between two nodes of one site */
  readonly intraSite: number;
  /** one-way delay between two sites */
  readonly interSite: number;
  /** Stat Server processing delay added to every state change it learns of */
  readonly statDelay: number;
  /** an Asterisk site: from an endpoint's change of state to Asterisk's NOTIFY reaching SIP Server */
  readonly presenceDelay: number;
}

export type RoutingMode = "node-based" | "centralized" | "grouped";
export type SelectionRule = "longest-idle" | "random" | "most-skilled" | "round-robin";
export type ReservationMode = "explicit" | "implicit" | "none";

export interface RoutingSpec {
  readonly mode: RoutingMode;
  /** grouped mode: nodes served by one URS pair (1 for the other modes' bookkeeping) */
  readonly nodesPerUrs: number;
  readonly environment: "none" | "sitex";
  readonly selection: SelectionRule;
  readonly reservation: {
    readonly mode: ReservationMode;
    readonly collectionTime: number;
    readonly reservationTime: number;
  };
  readonly routerTimeout: number;
  /** URS strategy processing time per routing attempt */
  readonly strategyTime: number;
  /** how SIP Proxies spread a site's inbound calls over its nodes */
  readonly proxy: "round-robin" | "least-loaded";
  /** default-dn: what SIP Server does with a call no URS routed within routerTimeout */
  readonly defaultRoute: DefaultRouteSpec;
  /** where the backup URS of each pair runs: on its node's other host (the pair goes with the node) or on the next
   *  node of its site (the pair switches over when its node is lost) */
  readonly ursBackup: "same-node" | "other-node";
}

/** The default DN (default-dn) a call goes to at router-timeout (SIP Cluster Solution Guide, Default routing in SIP
 *  Cluster): none (reject: the call is released), a Routing Point whose default strategy routes it to `target`, a
 *  Trunk Group DN that plays a treatment for `treatment` before the call ends, or an external number (the call leaves
 *  the center). Chat and email have no default DN (Interaction Server offers them to the next URS up). */
export type DefaultRouteSpec =
  | { readonly kind: "reject" }
  | { readonly kind: "routingPoint"; readonly target: string }
  | { readonly kind: "trunkGroup"; readonly treatment: DistributionSpec }
  | { readonly kind: "external" };
export type DefaultDnKind = DefaultRouteSpec["kind"];

/** High availability and recovery timings (the SIP Server and SIP Cluster options they stand for in docs/scenario-format.md). */
export interface HaSpec {
  /** the ADDP timeout: node-down, after which the hot-standby backup takes over; a lost GWS node, after which GWS
   *  notices its connection is gone */
  readonly addpTimeout: number;
  /** [sipproxy] oos-check: how often the SIP Proxies send a SIP Server their out-of-service check */
  readonly proxyCheck: number;
  /** [sipproxy] oos-force: how long after an unanswered check the SIP Proxies take that SIP Server out of rotation */
  readonly proxyForce: number;
  /** a fixed time the SIP Proxies keep sending calls to a failed node, replacing the check cycle (null: from
   *  proxyCheck and proxyForce, the node failing at a random point of its check cycle) */
  readonly proxyDetection: number | null;
  /** tc-reconnect-timeout: a node declares a disconnected node's DNs out of service after this (0: at once) */
  readonly tcReconnectTimeout: number;
  /** the phones' registration refresh interval: each phone of a lost node registers again at its own next refresh,
   *  uniformly within this after the loss */
  readonly registrationRefresh: number;
  /** a fixed time after which every phone of a lost node registers again, replacing the refresh spread (null: spread) */
  readonly registrationDelay: number | null;
  /** agent-state-auto-restore: agents keep their state across a DN ownership change (false: they are logged out) */
  readonly agentStateAutoRestore: boolean;
  /** how long a logged-out agent takes to log in again */
  readonly loginDelay: number;
  /** how long SIP Server waits before moving a PSTN agent's DN to a node of another site, after GWS connected there */
  readonly gwsMoveWait: number;
  /** how long URS waits for a reply to TReserveAgent before trying again */
  readonly requestTimeout: number;
  /** [statserver] reg-dns-chunk-delay: a routing Stat Server back from a failure registers its DNs again in chunks,
   *  this long apart */
  readonly regDnsChunkDelay: number;
  /** [statserver] reg-dns-chunk-volume: how many DNs one such chunk registers */
  readonly regDnsChunkVolume: number;
}

/** One alternative of a capacity rule: the most of each media an agent may hold at once (absent: 0). */
export type CapacityAlternative = Readonly<Partial<Record<Media, number>>>;

export interface CapacityRuleSpec {
  readonly name: string;
  readonly alternatives: readonly CapacityAlternative[];
}

/** Staffing over time: counts[i] agents logged in during [i*period, (i+1)*period); the last count holds after. */
export interface StaffingSpec {
  readonly period: number;
  readonly counts: readonly number[];
}

export interface AgentGroupSpec {
  readonly group: string;
  readonly site: string;
  /** the most agents ever logged in (max of staffing.counts, or count) */
  readonly count: number;
  /** absent: `count` agents logged in all day */
  readonly staffing?: StaffingSpec;
  readonly skills: Readonly<Record<string, number>>;
  /** name of a capacity rule in Scenario.capacityRules */
  readonly capacity: string;
  readonly phone: "sip" | "pstn";
  /** time from ringing to answer when the agent answers */
  readonly answerDelay: DistributionSpec;
  /** probability that a delivered call is not answered (rings until noAnswerTimeout) */
  readonly noAnswer: number;
  /** agent-no-answer-timeout */
  readonly noAnswerTimeout: number;
  /** agent-no-answer-action: what a no-answer does to the agent: NotReady (for noAnswerNotReady), logged out (logs in
   *  again after ha.loginDelay), or nothing */
  readonly noAnswerAction: "notready" | "logout" | "none";
  /** how long an agent set NotReady by a no-answer stays NotReady (an assumption) */
  readonly noAnswerNotReady: number;
  readonly wrapUp: DistributionSpec;
  /** an Asterisk site's group: the private calls Asterisk handles without SIP Server (absent: none) */
  readonly privateCalls?: PrivateCallsSpec;
  /** no-answer-overflow: after noAnswerTimeout an unanswered call goes back to routing (recall) or to the group's
   *  voicemail box */
  readonly noAnswerOverflow: "recall" | "voicemail";
  /** an Asterisk site's group: its voicemail box, its callers and its messages (absent: none) */
  readonly voicemail?: VoicemailSpec;
  /** this group's cost per scheduled agent-hour (absent: costs.agentHour in the day's cost; in `size --for staffing`
   *  of a scenario that prices nothing, DEFAULTS.agent.costPerHour, 1) */
  readonly costPerHour?: number;
  /** share of the scheduled agents off the phones, per staffing period (absent: none); docs/behaviours.md */
  readonly shrinkage?: readonly number[];
  /** URS skips an agent whose occupancy since login is above this, in (0, 1) (absent: no cap); docs/behaviours.md */
  readonly maxOccupancy?: number;
}

export type ArrivalsSpec =
  /** Poisson at rates[i] during [i*period, (i+1)*period); one rate with period = horizon is a constant rate */
  { readonly period: number; readonly rates: readonly number[] };

/** The mean arrival rate over [from, to) (the loader makes the periods cover the horizon; the last rate holds after). */
export function meanRate(a: ArrivalsSpec, from: number, to: number): number {
  let calls = 0;
  for (let i = 0; i < a.rates.length; i++) {
    const s = Math.max(from, i * a.period);
    const e = i === a.rates.length - 1 ? to : Math.min(to, (i + 1) * a.period);
    if (e > s) calls += a.rates[i]! * (e - s);
  }
  return calls / (to - from);
}

/**
 * Recorded arrivals of one traffic type, replayed instead of drawn. Plain typed arrays (a few bytes an arrival) made
 * by the loader from the CSV; a column the trace lacks is null, and a NaN in a column means the cell was empty: that
 * interaction gets the type's own draw (or priority).
 */
export interface TraceSpec {
  /** the file as the scenario names it; also names the stream `resample:<source>` */
  readonly source: string;
  /** seconds from the start, non-decreasing, all in [0, horizon) */
  readonly times: Float64Array;
  readonly handleTime: Float64Array | null;
  readonly patience: Float64Array | null;
  readonly priority: Float64Array | null;
  /** each replication replays whole days drawn at random, with replacement, from the trace's days (horizon / 24h) */
  readonly resample: boolean;
}

export interface TrafficSpec {
  readonly type: string;
  readonly site: string;
  readonly media: Media;
  /** Poisson arrivals; with a trace, the trace's own arrivals per interval as rates (its equivalent profile, used for
   *  estimates), while the model replays the trace */
  readonly arrivals: ArrivalsSpec;
  /** present: arrivals are replayed from a recorded trace */
  readonly trace?: TraceSpec;
  readonly handleTime: DistributionSpec;
  /** absent: callers never abandon */
  readonly patience?: DistributionSpec;
  /** the skill expression source, e.g. "sales > 3 & english > 0"; with targetSteps, the first step's */
  readonly target: string;
  /** a target that widens: the later steps, in increasing `after` (absent: one target); scenario/target-steps.ts */
  readonly targetSteps?: readonly { readonly target: string; readonly after: number }[];
  /** higher is served first */
  readonly priority: number;
  /** this type's service level threshold T (absent: the scenario's) */
  readonly serviceLevel?: number;
  /** media im only: the session's conversation and treatments (handleTime is then unused: a constant 0) */
  readonly im?: ImSpec;
  /** voice only: an announcement or digit collection Asterisk plays on one media port before routing (absent: none) */
  readonly treatment?: { readonly duration: DistributionSpec };
  /** voice only: the share of answered calls Asterisk records, one media port for the whole talk (absent: none) */
  readonly recording?: number;
  /** voice: a call that finds no agent available goes to this agent group's box (absent: it waits) */
  readonly voicemail?: TrafficVoicemailSpec;
  /** voice (absent: none): a caller who abandons or is blocked calls again; a share of answered calls transferred at
   *  the end of talk; virtual hold, a callback offered to callers who wait long enough (caller-types.ts) */
  readonly retrial?: RetrialSpec;
  readonly transfer?: TransferSpec;
  readonly callback?: CallbackSpec;
}

export type FaultKind =
  | "node-down" | "node-lost" | "link-down" | "urs-down" | "urs-switchover" | "proxy-down" | "vq-down" | "site-down"
  | "statserver-down" | "interaction-server-down" | "connector-down" | "frontend-down";

export interface FaultSpec {
  readonly at: number;
  readonly kind: FaultKind;
  /** node id (`dc1.n2`) or site id; absent for link-down */
  readonly target?: string;
  /** link-down: two node ids or two site ids */
  readonly between?: readonly [string, string];
  /** absent: until the end */
  readonly duration?: number;
  /** connector-down (whose target is the Skype site's id): the connector's index, 0-based */
  readonly connector?: number;
  /** connector-down: a graceful shutdown (drain) rather than a normal stop */
  readonly graceful?: boolean;
  /** frontend-down (whose target is the Skype site's id): the Front End server's index, 0-based */
  readonly frontEnd?: number;
}

/**
 * The component load model (present only when the scenario has a `components:` key): each component instance is one
 * FIFO server with a CPU cost, in seconds, per message kind it handles. See src/model/cpu/component-load.ts.
 */
export interface ComponentsSpec {
  /** a site's SIP Proxies: each inbound INVITE */
  readonly sipProxy: { readonly call: number };
  /** a node's Session Controller: a call's set-up (INVITE, Routing Point, EventRouteRequest), each TRouteCall,
   *  and each MWI message (a SUBSCRIBE it sends Asterisk, a NOTIFY it takes from it) */
  readonly sessionController: { readonly call: number; readonly routeCall: number; readonly mwi: number };
  /** a node's T-Controller: each state change of a DN it owns; each event sent to or received from another
   *  T-Controller (both ends pay); each event sent to a client that registered all DNs (a legacy Stat Server or a
   *  Smart Proxy) */
  readonly tController: { readonly event: number; readonly peer: number; readonly client: number };
  /** Stat Servers connect to each node's Smart Proxy (true) or, as legacy clients, to the T-Controller port (false);
   *  the costs are the Smart Proxy's: each event a T-Controller sends it, each event it forwards to a Stat Server */
  readonly smartProxy: { readonly enabled: boolean; readonly event: number; readonly client: number };
  /** a routing Stat Server: each agent state change it applies */
  readonly statServer: { readonly event: number };
  /** a URS pair: each strategy run (a routing attempt: the first, and each after a conflict or failed delivery) */
  readonly urs: { readonly attempt: number };
  /** a site's VQ SIP Server: each TReserveAgent */
  readonly vqServer: { readonly reserve: number };
  /** a site's Interaction Server (chat, email): each routing request it sends a URS, each route it carries out (the
   *  interaction pushed to the agent's desktop) */
  readonly interactionServer: { readonly route: number; readonly deliver: number };
  /** an Asterisk site's PBX, in place of its SIP Proxies: each call leg (the customer's to SIP Server, each agent leg
   *  SIP Server opens back to it) and each NOTIFY it sends SIP Server */
  readonly asterisk: { readonly leg: number; readonly notify: number };
}

export const COMPONENT_KINDS = [
  "sipProxy",
  "sessionController",
  "tController",
  "smartProxy",
  "statServer",
  "urs",
  "vqServer",
  "interactionServer",
  "asterisk",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface TargetSpec {
  /** a metric name, or `utilization.<component kind>` */
  readonly metric: string;
  readonly op: ">=" | "<=" | ">" | "<";
  readonly value: number;
  /** as written, e.g. ">= 0.80" */
  readonly source: string;
}

/** a default the scenario relied on whose source is an assumption (defaults.ts, SOURCES): what to calibrate */
export interface Assumption {
  /** the scenario key path, `[]` for each element of a list */
  readonly path: string;
  /** as the loader used it: durations in seconds */
  readonly value: unknown;
  readonly why: string;
}

export interface Scenario {
  readonly version: 1;
  readonly name: string;
  readonly seed: number;
  readonly replications: number;
  /** the wall-clock time of time 0 (ISO, UTC), when given: traces with ISO timestamps count from it */
  readonly start?: string;
  /** arrivals are generated in [0, horizon); the system then drains */
  readonly horizon: number;
  /** interactions arriving before warmup are not counted */
  readonly warmup: number;
  /** time-series interval */
  readonly interval: number;
  /** service level threshold T */
  readonly serviceLevel: number;
  readonly topology: "cluster" | "standalone";
  readonly sites: readonly SiteSpec[];
  readonly network: NetworkSpec;
  readonly routing: RoutingSpec;
  readonly capacityRules: readonly CapacityRuleSpec[];
  readonly agents: readonly AgentGroupSpec[];
  readonly traffic: readonly TrafficSpec[];
  readonly ha: HaSpec;
  readonly faults: readonly FaultSpec[];
  readonly targets: readonly TargetSpec[];
  /** absent: no component load model (every message costs nothing, as before it existed) */
  readonly components?: ComponentsSpec;
  /** absent: the scenario prices nothing and no report shows a cost */
  readonly costs?: import("./cost-spec.js").CostsSpec;
  /** the assumptions among the defaults the file left to the loader, in the defaults table's order */
  readonly assumptions: readonly Assumption[];
}
