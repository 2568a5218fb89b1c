// Where each scenario default comes from: a guide and its option (with the line quoted), an assumption and why, or a
// convention of the format. Keyed by the paths of DEFAULTS (defaults.ts); `ccsim defaults` and docs/defaults.md print it.

import { assumption, ASTERISK, CLUSTER, format, guide, SKYPE, type DefaultKey, type DefaultSourceEntry, type GuideSource } from "./default-source.js";
import { SKYPE_SOURCES } from "./skype-default-sources.js";
import type { DefaultDnKind } from "./types.js";
import { COMPONENT_SOURCES } from "./component-default-sources.js";
export { defaultAt, type AssumptionSource, type DefaultKey, type DefaultSource, type DefaultSourceEntry, type DefaultUnit, type FormatSource, type GuideSource } from "./default-source.js";


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
  "network.presenceDelay": {
    path: "network.presenceDelay",
    unit: "duration",
    source: assumption("from an Asterisk endpoint's change to its NOTIFY reaching SIP Server: Asterisk's device-state processing and a LAN hop; the SIP Server and Asterisk Integration Reference gives no time"),
  },
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
    source: guide("Configuring SIP Servers for SIP Cluster", "[backup-sync] addp-timeout; also how long GWS takes to notice its connection to a lost node is gone (GWS connects to SIP Server with \"connectionProtocol\": \"addp\", Configuring GWS, Identification)", "addp-timeout=7"),
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
  "ha.loginDelay": {
    path: "ha.loginDelay",
    unit: "duration",
    source: assumption(
      "how long an agent logged out by a DN ownership change or a no-answer logout takes to log in again: the guide gives no time; " +
        "ccsim takes the minute after which WWE asks the agent to \"refresh your browser and log in again\" (\"If not recovered after 1 minute\", " +
        "SIP Cluster Solution Guide, GWS Disaster Recovery Scenarios) and adds nothing for the login itself",
    ),
  },
  "ha.gwsMoveWait": {
    path: "ha.gwsMoveWait",
    unit: "duration",
    source: guide("GWS Disaster Recovery Scenarios", "GWS disconnects from SIP Server (the wait before a PSTN agent's DN ownership moves to the data center GWS reconnected to)", "If agent is connected to the new DC, SIP Server waits for 30 seconds, logs the agent out, and moves the ownership."),
  },
  "ha.requestTimeout": { path: "ha.requestTimeout", unit: "duration", source: assumption("how long URS waits for a lost TReserveAgent reply") },
  "ha.regDnsChunkDelay": {
    path: "ha.regDnsChunkDelay",
    unit: "duration",
    source: guide(
      "Configuring Stat Server",
      "[statserver] reg-dns-chunk-delay (read as seconds between chunks: the guide gives no unit); a routing Stat Server back from a failure registers every DN again, chunk by chunk",
      "In a SIP Cluster environment, Genesys recommends to set Stat Server options [statserver]/reg-dns-chunk-delay=1 and [statserver]/reg-dns-chunk-volume=100.",
    ),
  },
  "ha.regDnsChunkVolume": {
    path: "ha.regDnsChunkVolume",
    unit: "count",
    source: guide(
      "Configuring Stat Server",
      "[statserver] reg-dns-chunk-volume (the DNs one registration chunk holds)",
      "In a SIP Cluster environment, Genesys recommends to set Stat Server options [statserver]/reg-dns-chunk-delay=1 and [statserver]/reg-dns-chunk-volume=100.",
    ),
  },
  ...COMPONENT_SOURCES,
  "site.nodes": { path: "sites[].nodes", unit: "count", source: assumption("one SIP Cluster node a site unless told") },
  "site.vqPriority": {
    path: "sites[].vq.priority",
    unit: "count",
    source: assumption("every VQ SIP Server has the same agent_reservation priority; the guide sets none by default"),
  },
  "site.gwsNode": {
    path: "sites[].gwsNode",
    unit: "count",
    source: assumption("the site's GWS connects to its first node: the guide connects all GWS API nodes of a data center to one node (\"All GWS API nodes in one data center connects to: one SIP Cluster node\", Configuring GWS, GWS Connection to 4-node 2-DC SIP Cluster) and leaves which one to the deployment"),
  },
  ...SKYPE_SOURCES,
  builtinRule: { path: "capacityRules", unit: "value", source: format("the rule voice (one voice call at a time) is always there") },
  "agent.capacity": { path: "agents[].capacity", unit: "value", source: format("the built-in rule voice") },
  "agent.phone": { path: "agents[].phone", unit: "value", source: assumption("agents use SIP phones registered with the cluster") },
  "agent.answerDelay": { path: "agents[].answerDelay", unit: "duration", source: assumption("agents answer at once unless told") },
  "agent.costPerHour": {
    path: "agents[].costPerHour",
    unit: "value",
    source: assumption("no guide prices an agent-hour; in a scenario that prices nothing (no costs:), every group at the same cost makes `size --for staffing` minimize head count (with costs:, a group without a price takes costs.agentHour), and a planner gives each group's loaded wage to weigh them"),
  },
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
  "agent.privateCallWhen": {
    path: "agents[].privateCalls.inbound.when",
    unit: "value",
    source: format("a private call starts only while the agent is Ready unless told (also outbound.when)"),
  },
  "agent.noAnswerOverflow": {
    path: "agents[].noAnswerOverflow",
    unit: "value",
    source: format("an unanswered call goes back to routing, as it did before voicemail boxes (no-answer-overflow names a box to send it to one)"),
  },
  "agent.shrinkage": { path: "agents[].shrinkage", unit: "probability", source: format("no shrinkage: every scheduled agent logs in (as ccsim erlang without --shrinkage)") },
  "agent.maxOccupancy": { path: "agents[].maxOccupancy", unit: "probability", source: format("no cap: URS routes to any available agent (as ccsim erlang without --max-occupancy)") },
  "voicemail.leaveMessage": {
    path: "agents[].voicemail.leaveMessage",
    unit: "probability",
    source: assumption("half the callers who reach a box leave a message; no guide says how callers behave: measure it"),
  },
  "voicemail.recording": {
    path: "agents[].voicemail.recording",
    unit: "duration",
    source: assumption("a caller's message takes 30 s to record (the greeting included); measure it"),
  },
  "voicemail.handleTime": {
    path: "agents[].voicemail.handleTime",
    unit: "duration",
    source: assumption("an agent takes 2 minutes with a message: listening to it and the call back it asks for; measure it"),
  },
  "trafficVoicemail.after": {
    path: "traffic[].voicemail.after",
    unit: "duration",
    source: guide(
      "Building a Voicemail Solution",
      "(a URS strategy)",
      "if a call is routed to an agent group that does not have any currently available agents, URS can send a call to the voicemail box associated with the Agent Group",
      ASTERISK,
    ),
  },
  "mwi.extensionEnable": {
    path: "sites[].mwi.extensionEnable",
    unit: "value",
    source: guide(
      "MWI Subscription Scope",
      "mwi-extension-enable",
      "if MWI monitoring is enabled for the extensions (mwi-extension-enable is set to true), SIP Server at start up attempts to activate MWI subscriptions for all extensions configured in the Configuration Layer",
      ASTERISK,
    ),
  },
  "mwi.expires": {
    path: "sites[].mwi.expires",
    unit: "duration",
    source: guide("Asterisk as a Voicemail Server", "(the SUBSCRIBE's Expires header)", "Expires: 600", ASTERISK),
  },
  "mwi.refreshBefore": {
    path: "sites[].mwi.refreshBefore",
    unit: "duration",
    source: assumption("a subscription is refreshed 32 s before it expires (SIP's Timer F, 64 x T1: a refresh that times out still ends before the subscription lapses); the reference says only that it expires"),
  },
  "costs.agentHour": { path: "costs.agentHour", unit: "value", source: format("a price the scenario does not give costs nothing: an agent group without costPerHour is not counted in the day's cost") },
  "costs.nodeHour": { path: "costs.nodeHour", unit: "value", source: format("a price the scenario does not give costs nothing") },
  "costs.ursPairHour": { path: "costs.ursPairHour", unit: "value", source: format("a price the scenario does not give costs nothing") },
  "costs.abandoned": { path: "costs.abandoned", unit: "value", source: format("a price the scenario does not give costs nothing") },
  "costs.waitingMinute": { path: "costs.waitingMinute", unit: "value", source: format("a price the scenario does not give costs nothing") },
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
 *  default, is sourced above: no guide says a call is released). The schema's description and docs/model.md quote them. */
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
