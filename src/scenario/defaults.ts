// Every default of the scenario format, in one table: the normalizers fill absent keys from it and the schema's
// "(default ...)" texts are rendered from it (shown() in schema/builders.ts), so the documentation cannot drift from the
// behaviour. SOURCES below says where each value comes from: a Genesys guide (title, section, option name and the line
// quoted), an assumption (with why), or a convention of the format; `ccsim defaults` prints that table and
// docs/defaults.md keeps it. Durations are in seconds.

import type { DefaultDnKind } from "./types.js";

export const DEFAULTS = {
  /** a scenario given as text has no file name to take its name from */
  name: "scenario",
  /** assumption: any fixed seed makes runs reproducible; 1 is the first */
  seed: 1,
  /** assumption: enough replications for a confidence interval of a few percent on a day's service level */
  replications: 10,
  /** assumption: one working day */
  horizon: 8 * 3600,
  warmup: 0,
  /** assumption: quarter-hour intervals, as workforce planning uses */
  interval: 15 * 60,
  /** assumption: the common "80% within 20 seconds" objective */
  serviceLevel: 20,
  /** SIP Cluster Solution Guide: the deployment ccsim models first */
  topology: "cluster",
  /** assumption: one-way delays of a LAN, a WAN between data centers, and a Stat Server's processing */
  network: { intraSite: 0.001, interSite: 0.04, statDelay: 0.005 },
  routing: {
    /** assumption: one URS pair per node, the simplest of the SIP Cluster Solution Guide's routing architectures */
    mode: "node-based",
    /** the nodes per URS pair when mode is not grouped (grouped needs nodesPerUrs given) */
    nodesPerUrs: 1,
    environment: "none",
    /** assumption: URS picks the longest-idle of the available agents */
    selection: "longest-idle",
    /**
     * SIP Cluster Solution Guide, Agent Reservation: explicit TReserveAgent through a VQ SIP Server; the options
     * request-collection-time and reservation-time
     */
    reservation: { mode: "explicit", collectionTime: 0.3, reservationTime: 10 },
    /** option router-timeout */
    routerTimeout: 10,
    /** assumption: URS strategy processing is not modelled unless measured */
    strategyTime: 0,
    /** assumption: SIP Proxies spread calls over a site's nodes in turn */
    proxy: "round-robin",
    /** option default-dn: a call nobody routed is released (counted defaultRouted); the others: DEFAULT_DN_SOURCES */
    defaultRoute: "reject",
    /**
     * SIP Cluster Solution Guide, What is a SIP Cluster Node: "A SIP Cluster node instance is a set of components
     * running on a computer host. An HA pair of SIP Cluster instances forms a SIP Cluster node." The URS pair runs on
     * the two hosts of its node, so it goes down with the node
     */
    ursBackup: "same-node",
  },
  ha: {
    /** the ADDP timeout, the guide's sample value */
    addpTimeout: 7,
    /** [sipproxy] oos-check and oos-force, SIP Proxy's active out-of-service check of the SIP Servers (see SOURCES) */
    proxyCheck: 5,
    proxyForce: 5,
    /** none: the SIP Proxies notice a failed node through their check cycle (proxyCheck, proxyForce) */
    proxyDetection: null as number | null,
    /** option tc-reconnect-timeout: 0, cut-off DNs are out of service at once */
    tcReconnectTimeout: 0,
    /** [sipproxy] registrar-default-timeout, the registration's lifetime: phones refresh within it (see SOURCES) */
    registrationRefresh: 140,
    /** none: each phone registers again at its own next refresh (registrationRefresh) */
    registrationDelay: null as number | null,
    /** option agent-state-auto-restore: off, agents are logged out */
    agentStateAutoRestore: false,
    /** assumption: how long an agent logged out by a DN ownership change takes to log in again */
    loginDelay: 30,
    /** assumption: how long URS waits for a lost TReserveAgent reply */
    requestTimeout: 5,
  },
  /** the component load model's costs: assumptions until calibrated (`ccsim calibrate`; README, "Component load") */
  components: {
    sipProxy: { call: 0.002 },
    sessionController: { call: 0.11, routeCall: 0.056 },
    tController: { event: 0.025, peer: 0.005, client: 0.006 },
    /** off: Stat Servers connect as legacy clients; a mapping given without enabled turns it on */
    smartProxy: { enabled: false, enabledWhenGiven: true, event: 0.005, client: 0.002 },
    statServer: { event: 0.005 },
    urs: { attempt: 0.08 },
    vqServer: { reserve: 0.01 },
    interactionServer: { route: 0.11, deliver: 0.056 },
  },
  /** one node a site; the VQ SIP Server's agent_reservation priority */
  site: { nodes: 1, vqPriority: 0 },
  /** the capacity rule every scenario has unless it redefines it: one voice call at a time */
  builtinRule: { name: "voice", alternatives: [{ voice: 1 }] },
  agent: {
    capacity: "voice",
    phone: "sip",
    /** assumption: agents answer at once and have no after-call work unless told */
    answerDelay: 0,
    wrapUp: 0,
    noAnswer: 0,
    /** option agent-no-answer-timeout (SIP Cluster Solution Guide, sample SIP Server options: agent-no-answer-timeout=12) */
    noAnswerTimeout: 12,
    /** option agent-no-answer-action (SIP Cluster Solution Guide, sample SIP Server options:
     *  agent-no-answer-action=notready) */
    noAnswerAction: "notready",
    /** assumption (no guide gives it): how long a no-answer leaves the agent NotReady before it is Ready again */
    noAnswerNotReady: 60,
  },
  traffic: { media: "voice", priority: 0 },
  /** recorded arrivals are replayed as they are, not resampled by day */
  arrivals: { resample: false },
  /**
   * an unused IM session is released after 10 minutes of inactivity (Skype for Business connector guide); a
   * conversation of 5 messages with gaps of 30 s on average is an assumption
   */
  im: { messages: 5, gapMean: 30, idleTimeout: 600, onTimeout: "proceed" },
} as const;

// Where each default comes from. The mapped type makes the compiler insist that every leaf of DEFAULTS has an entry
// and that no entry names a default that does not exist; the order of SOURCES is the table's order.

/** A guide that gives the value, by title and section, with the option name and the line quoted from it. */
export interface GuideSource {
  readonly guide: string;
  readonly section: string;
  readonly option: string;
  readonly quote: string;
}
/** No guide gives the value: why ccsim takes it. */
export interface AssumptionSource {
  readonly assumption: string;
}
/** A convention of the scenario format itself (what an absent key means), not a value of the modelled system. */
export interface FormatSource {
  readonly format: string;
}
export type DefaultSource = GuideSource | AssumptionSource | FormatSource;

/** how a default's value is shown: a duration in seconds, or as it is */
export type DefaultUnit = "duration" | "count" | "probability" | "value";

export interface DefaultSourceEntry {
  /** the scenario key path it fills, `[]` for each element of a list */
  readonly path: string;
  readonly unit: DefaultUnit;
  readonly source: DefaultSource;
}

type Leaves<T, P extends string = ""> = {
  // a capacity rule is one value, not a group of defaults
  [K in keyof T & string]: T[K] extends readonly unknown[] | string | number | boolean | { readonly alternatives: unknown }
    ? `${P}${K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** the path of a default inside DEFAULTS, e.g. "routing.reservation.collectionTime" */
export type DefaultKey = Leaves<typeof DEFAULTS>;

/** the value at a key of DEFAULTS */
export function defaultAt(key: DefaultKey): unknown {
  let v: unknown = DEFAULTS;
  for (const seg of key.split(".")) v = (v as Record<string, unknown>)[seg];
  return v;
}

const CLUSTER = "SIP Cluster Solution Guide";
const SKYPE = "Multimedia Connector for Skype for Business Deployment Guide";
const guide = (section: string, option: string, quote: string, title = CLUSTER): GuideSource => ({ guide: title, section, option, quote });
const assumption = (why: string): AssumptionSource => ({ assumption: why });
const format = (what: string): FormatSource => ({ format: what });
const COSTS = `from "up to 6 calls per second", the Skype for Business connector's limit (${SKYPE}, Performance), not a SIP Server figure: calibrate it (ccsim calibrate)`;

export const SOURCES: { readonly [K in DefaultKey]: DefaultSourceEntry } = {
  name: { path: "name", unit: "value", source: format("a scenario given as text has no file name to take its name from") },
  seed: { path: "seed", unit: "count", source: assumption("any fixed seed makes runs reproducible; 1 is the first") },
  replications: {
    path: "replications",
    unit: "count",
    source: assumption("enough replications for a confidence interval of a few percent on a day's service level"),
  },
  horizon: { path: "horizon", unit: "duration", source: assumption("one working day") },
  warmup: { path: "warmup", unit: "duration", source: assumption("the day starts empty, as a contact center opening in the morning") },
  interval: { path: "interval", unit: "duration", source: assumption("quarter-hour intervals, as workforce planning uses") },
  serviceLevel: { path: "serviceLevel", unit: "duration", source: assumption('the common "80% within 20 seconds" objective') },
  topology: { path: "topology", unit: "value", source: format(`the SIP Cluster deployment the ${CLUSTER} describes`) },
  "network.intraSite": { path: "network.intraSite", unit: "duration", source: assumption("a one-way delay within a data center's LAN") },
  "network.interSite": { path: "network.interSite", unit: "duration", source: assumption("a one-way delay of a WAN between data centers") },
  "network.statDelay": { path: "network.statDelay", unit: "duration", source: assumption("a Stat Server's processing of one event; no guide gives it") },
  "routing.mode": {
    path: "routing.mode",
    unit: "value",
    source: assumption(`one URS pair per node, the simplest of the ${CLUSTER}'s routing architectures`),
  },
  "routing.nodesPerUrs": { path: "routing.nodesPerUrs", unit: "count", source: format("one node a URS pair unless the mode is grouped") },
  "routing.environment": {
    path: "routing.environment",
    unit: "value",
    source: guide("Option descriptions", "environment", "Default Value: None"),
  },
  "routing.selection": { path: "routing.selection", unit: "value", source: assumption("URS picks the longest-idle of the available agents") },
  "routing.reservation.mode": {
    path: "routing.reservation.mode",
    unit: "value",
    source: guide("Option descriptions", "agent_reservation", "Explicit agent reservation (value set to `true`) is recommended."),
  },
  "routing.reservation.collectionTime": {
    path: "routing.reservation.collectionTime",
    unit: "duration",
    source: guide("Configuring SIP Servers for Virtual Queues", "request-collection-time", "request-collection-time=300 msec"),
  },
  "routing.reservation.reservationTime": {
    path: "routing.reservation.reservationTime",
    unit: "duration",
    source: assumption("the guide gives no reservation-time; long enough for TRouteCall to reach the agent"),
  },
  "routing.routerTimeout": {
    path: "routing.routerTimeout",
    unit: "duration",
    source: guide("Default routing in SIP Cluster", "router-timeout", "router-timeout=10 sec"),
  },
  "routing.strategyTime": {
    path: "routing.strategyTime",
    unit: "duration",
    source: assumption("URS strategy processing is not modelled unless measured"),
  },
  "routing.proxy": { path: "routing.proxy", unit: "value", source: assumption("SIP Proxies spread calls over a site's nodes in turn") },
  "routing.defaultRoute": {
    path: "routing.defaultRoute",
    unit: "value",
    source: assumption("the guide's default-dn is a valid DN of the planner's choice (its sample: default_rp); ccsim releases the call"),
  },
  "routing.ursBackup": {
    path: "routing.ursBackup",
    unit: "value",
    source: guide(
      "What is a SIP Cluster Node",
      "(URS HA pair placement)",
      "A SIP Cluster node instance is a set of components running on a computer host. An HA pair of SIP Cluster instances forms a SIP Cluster node.",
    ),
  },
  "ha.addpTimeout": {
    path: "ha.addpTimeout",
    unit: "duration",
    source: guide("Configuring SIP Servers for SIP Cluster", "[backup-sync] addp-timeout", "addp-timeout=7"),
  },
  "ha.proxyCheck": {
    path: "ha.proxyCheck",
    unit: "duration",
    source: guide(
      "Configuring SIP Proxy",
      "[sipproxy] oos-check (SIP Proxy's check of the SIP Servers; \"SIP Proxy uses the Active out-of-service detection (oos-check) method for updating a list of active SIP Servers in a cluster\")",
      "oos-check=5",
    ),
  },
  "ha.proxyForce": {
    path: "ha.proxyForce",
    unit: "duration",
    source: guide(
      "Configuring SIP Proxy",
      "[sipproxy] oos-force (the out-of-service state is set this long \"after the last check for which a response was not received\", Configuring the SIP Outbound Proxy DN)",
      "oos-force=5",
    ),
  },
  "ha.tcReconnectTimeout": {
    path: "ha.tcReconnectTimeout",
    unit: "duration",
    source: guide("Configuring the SIP Cluster Node DN", "tc-reconnect-timeout", "The default value of 0 (zero) disables this functionality."),
  },
  "ha.registrationRefresh": {
    path: "ha.registrationRefresh",
    unit: "duration",
    source: guide(
      "Configuring SIP Proxy",
      "the registration lifetime at SIP Proxy, the registrar (the option is unsupported on SIP Server in a cluster, Unsupported SIP Server configuration options); a phone notices its node lost at its next refresh (\"Softphone detects the failure when attempting to refresh the registration\", GWS Disaster Recovery Scenarios, Softphone disconnects from DC1); assumption: phones refresh once per lifetime, at independent times; [sipproxy] registrar-default-timeout",
      "registrar-default-timeout=140",
    ),
  },
  "ha.agentStateAutoRestore": {
    path: "ha.agentStateAutoRestore",
    unit: "value",
    source: guide(
      "Configuring the SIP Cluster Node DN",
      "agent-state-auto-restore",
      "When set to false, agents are logged out on the DN ownership change and must log in manually.",
    ),
  },
  "ha.loginDelay": { path: "ha.loginDelay", unit: "duration", source: assumption("how long an agent logged out by a DN ownership change takes to log in again") },
  "ha.requestTimeout": { path: "ha.requestTimeout", unit: "duration", source: assumption("how long URS waits for a lost TReserveAgent reply") },
  "components.sipProxy.call": {
    path: "components.sipProxy.call",
    unit: "duration",
    source: assumption(`forwarding one INVITE: a guess of the right order; ${COSTS}`),
  },
  "components.sessionController.call": {
    path: "components.sessionController.call",
    unit: "duration",
    source: assumption(`two thirds of 1/6 s a routed call; ${COSTS}`),
  },
  "components.sessionController.routeCall": {
    path: "components.sessionController.routeCall",
    unit: "duration",
    source: assumption(`one third of 1/6 s a routed call; ${COSTS}`),
  },
  "components.tController.event": {
    path: "components.tController.event",
    unit: "duration",
    source: assumption(`puts a node at 6 calls/s near the guide's 75% Smart Proxy threshold; ${COSTS}`),
  },
  "components.tController.peer": { path: "components.tController.peer", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.tController.client": { path: "components.tController.client", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.smartProxy.enabled": {
    path: "components.smartProxy",
    unit: "value",
    source: guide("Configuring the SIP Cluster Node DN", "smart-proxy-enabled", "smart-proxy-enabled\tfalse"),
  },
  "components.smartProxy.enabledWhenGiven": {
    path: "components.smartProxy.enabled",
    unit: "value",
    source: format("a Smart Proxy mapping given without enabled turns it on"),
  },
  "components.smartProxy.event": { path: "components.smartProxy.event", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.smartProxy.client": { path: "components.smartProxy.client", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.statServer.event": { path: "components.statServer.event", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.urs.attempt": {
    path: "components.urs.attempt",
    unit: "duration",
    source: assumption(`the guide's URS pair for "two SIP Cluster nodes" at 6 calls/s each; ${COSTS}`),
  },
  "components.vqServer.reserve": { path: "components.vqServer.reserve", unit: "duration", source: assumption(`a guess of the right order; ${COSTS}`) },
  "components.interactionServer.route": {
    path: "components.interactionServer.route",
    unit: "duration",
    source: assumption(`a Session Controller's set-up cost, for want of an Interaction Server figure; ${COSTS}`),
  },
  "components.interactionServer.deliver": {
    path: "components.interactionServer.deliver",
    unit: "duration",
    source: assumption(`a Session Controller's TRouteCall cost, for want of an Interaction Server figure; ${COSTS}`),
  },
  "site.nodes": { path: "sites[].nodes", unit: "count", source: assumption("one SIP Cluster node a site unless told") },
  "site.vqPriority": {
    path: "sites[].vq.priority",
    unit: "count",
    source: assumption("every VQ SIP Server has the same agent_reservation priority; the guide sets none by default"),
  },
  builtinRule: { path: "capacityRules", unit: "value", source: format("the rule voice (one voice call at a time) is always there") },
  "agent.capacity": { path: "agents[].capacity", unit: "value", source: format("the built-in rule voice") },
  "agent.phone": { path: "agents[].phone", unit: "value", source: assumption("agents use SIP phones registered with the cluster") },
  "agent.answerDelay": { path: "agents[].answerDelay", unit: "duration", source: assumption("agents answer at once unless told") },
  "agent.wrapUp": { path: "agents[].wrapUp", unit: "duration", source: assumption("no after-call work unless told") },
  "agent.noAnswer": { path: "agents[].noAnswer", unit: "probability", source: assumption("every delivered call is answered unless told") },
  "agent.noAnswerTimeout": {
    path: "agents[].noAnswerTimeout",
    unit: "duration",
    source: guide("Configuring SIP Servers for SIP Cluster", "agent-no-answer-timeout", "agent-no-answer-timeout=12"),
  },
  "agent.noAnswerAction": {
    path: "agents[].noAnswerAction",
    unit: "value",
    source: guide("Configuring SIP Servers for SIP Cluster", "agent-no-answer-action", "agent-no-answer-action=notready"),
  },
  "agent.noAnswerNotReady": {
    path: "agents[].noAnswerNotReady",
    unit: "duration",
    source: assumption("how long a no-answer leaves the agent NotReady; SIP Server's notready action has no end of its own"),
  },
  "traffic.media": { path: "traffic[].media", unit: "value", source: format("a traffic type is voice unless told") },
  "traffic.priority": { path: "traffic[].priority", unit: "count", source: format("every traffic type has the same priority unless told") },
  "arrivals.resample": { path: "traffic[].arrivals.resample", unit: "value", source: format("recorded arrivals are replayed as they are") },
  "im.messages": { path: "traffic[].im.messages", unit: "count", source: assumption("a conversation of 5 messages") },
  "im.gapMean": { path: "traffic[].im.gap", unit: "duration", source: assumption("30 s between messages on average (exponential)") },
  "im.idleTimeout": {
    path: "traffic[].im.idleTimeout",
    unit: "duration",
    source: guide("IM Calls", "(none: Skype for Business Server's own)", "Skype for Business Server releases an unused IM session after 10 minutes of inactivity.", SKYPE),
  },
  "im.onTimeout": {
    path: "traffic[].im.treatments[].collectDigits.onTimeout",
    unit: "value",
    source: assumption("a caller who enters no digits is routed on"),
  },
};

/** The guide's line for each default DN a scenario may choose besides reject (routing.defaultRoute; reject, the
 *  default, is sourced above: no guide says a call is released). The schema's description and the README quote them. */
export const DEFAULT_DN_SOURCES: { readonly [K in Exclude<DefaultDnKind, "reject">]: GuideSource } = {
  routingPoint: guide(
    "Default routing in SIP Cluster",
    "default-dn (a Routing Point DN)",
    "You can specify a Routing Point DN as the default DN. So when ORS is disconnected from SIP Server or ORS fails to get the application, URS will execute a default strategy loaded on that Routing Point.",
  ),
  trunkGroup: guide(
    "Default routing in SIP Cluster",
    "default-dn (a Trunk Group DN)",
    "You can specify a Trunk Group DN as the default DN, then a treatment will be played to a call if both URS and ORS are disconnected from SIP Server.",
  ),
  external: guide(
    "Default routing in SIP Cluster",
    "default-dn (an external number)",
    "You can specify an external number as the default DN for calls to be routed to that specific number.",
  ),
};
