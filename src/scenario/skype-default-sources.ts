// Where the defaults of a Skype for Business site (sites[].skype) come from: its connector pool, conferences and
// scheduling, its Front End pool and ISCC leg, and its emulated agents (no-answer supervision, ACW, pull presence).
// Part of SOURCES (default-sources.ts).

import { assumption, CLUSTER, format, guide, SKYPE, type DefaultKey, type DefaultSourceEntry } from "./default-source.js";

export const SKYPE_SOURCES: { readonly [K in Extract<DefaultKey, `skype.${string}`>]: DefaultSourceEntry } = {
  "skype.connectors": {
    path: "sites[].skype.connectors",
    unit: "count",
    source: assumption("two UCMA connectors, the least pool that keeps taking calls while one is stopped (the guide's example has 3, of which 1 may be stopped)"),
  },
  "skype.stopped": {
    path: "sites[].skype.stopped",
    unit: "count",
    source: assumption("no connector is planned to be stopped; give the guideline's numStopped to size the pool for it"),
  },
  "skype.conferencePoolSize": {
    path: "sites[].skype.conferencePoolSize",
    unit: "count",
    source: guide("Conference Resource Pools, Calculating Resources for Conference Pooling", "conference-pool-size", "Adding 20% means the recommended conference-pool-size = 60", SKYPE),
  },
  "skype.conferencesPerTae": {
    path: "sites[].skype.taes",
    unit: "count",
    source: guide("Conference Resource Pools, Guideline number of Trusted Applications", "count ([switch/conference-services])", "Number of Trusted Application Endpoints = conference-pool-size / 10 (taes defaults to it, rounded down, at least 1)", SKYPE),
  },
  "skype.cachingEnabled": {
    path: "sites[].skype.cachingEnabled",
    unit: "value",
    source: guide("Managing UCMA Connectors", "caching-enabled", "Enables conference caching by default", SKYPE),
  },
  "skype.schedulingTime": {
    path: "sites[].skype.schedulingTime",
    unit: "duration",
    source: assumption(
      `calibrated to "Up to 6 calls per second" (${SKYPE}, Hardware Sizing Guidelines and Capacity Planning): "Each new call created at the T-Server requires that you allocate resources for such activities as conference scheduling. The number of conferences created at the same time can be limited"; ccsim schedules one conference at a time at the T-Server, so 1/6 s a call is what saturates at 6 calls a second, whatever the CPUs`,
    ),
  },
  "skype.creationTime": {
    path: "sites[].skype.creationTime",
    unit: "duration",
    source: assumption(
      `no guide gives it; creation "is a resource intensive procedure" (${SKYPE}, Conference Resource Pools) and "increase[s] the time taken for the startup phase": 1 s a conference, six times a call's scheduling, so that the guide's example pool of 60 takes a minute to fill`,
    ),
  },
  "skype.lifetime": {
    path: "sites[].skype.lifetime",
    unit: "duration",
    source: guide("Conference Resource Pools", "(Skype for Business)", "it will reuse them for subsequent calls until they are expired by Skype for Business (typically, in the region of 8 hours)", SKYPE),
  },
  "skype.frontEnds": {
    path: "sites[].skype.frontEnds",
    unit: "count",
    source: guide("Hardware Sizing Guidelines and Capacity Planning, Test Results", "(Skype for Business Front End pool)", "1 Front End pool with 8 Front End servers", SKYPE),
  },
  "skype.isccDelay": {
    path: "sites[].skype.iscc.delay",
    unit: "duration",
    source: assumption(
      `no guide gives it: "T-Server creates a leg to SIP Server for a routed call on a dedicated Routing Point, and then proxies all treatment requests to SIP Server" (${SKYPE}, Remote Treatments) over an ISCC route transaction; 100 ms for the request to SIP Server, its reply and the leg's set-up on a LAN`,
    ),
  },
  "skype.noAnswerTimeout": {
    path: "sites[].skype.noAnswerTimeout",
    unit: "duration",
    source: assumption(
      `the ${SKYPE} names no-answer-timeout ("the timeout (in seconds) that T-Server waits for a call ringing on a destination device to be answered", No-Answer Supervision) but gives no value; ccsim keeps SIP Server's sample agent-no-answer-timeout=12 (${CLUSTER}, Configuring SIP Servers for SIP Cluster), so a group rings as long on either switch`,
    ),
  },
  "skype.noAnswerAction": {
    path: "sites[].skype.noAnswerAction",
    unit: "value",
    source: assumption(
      `the ${SKYPE} gives no default for no-answer-action; it says "you can configure T-Server to either log out the agent or set the agent to NotReady" (No-Answer Supervision), so without that configuration T-Server takes no action on the agent ("none—SIP Server takes no action on agents when calls are not answered", Extensions, NO_ANSWER_ACTION) and the call is routed again`,
    ),
  },
  "skype.wrapUpTime": {
    path: "sites[].skype.wrapUpTime",
    unit: "value",
    source: format(
      `untimed: "The agent must return to the Ready state manually when the ACW period is untimed" (${SKYPE}, Emulated Agents, Timed and Untimed ACW), and agents[].wrapUp is how long the agent takes, as at any site; a duration makes it T-Server's timed ACW. The guide names wrap-up-time without a value`,
    ),
  },
  "skype.presence.availabilityRange": {
    path: "sites[].skype.presence.availabilityRange",
    unit: "value",
    source: guide(
      "Presence, Pull Presence Mode",
      "presence-availability-range",
      "For example, a value of 3000-5999 would consider a user in Online or IdleOnline states as available and T-Server would propagate EventDNDOff",
      SKYPE,
    ),
  },
  "skype.presence.delay": {
    path: "sites[].skype.presence.delay",
    unit: "duration",
    source: assumption(
      `from a user's presence change to T-Server's EventDNDOn or EventDNDOff: Skype for Business notifies the connector's presence subscription, which tells T-Server (${SKYPE}, Presence, Pull Presence Mode: "When T-Server receives a Presence update from Skype for Business"); the guide gives no time, 1 s stands for the two hops and Skype's processing`,
    ),
  },
};
