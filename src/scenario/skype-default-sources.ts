// Where each default of a Skype for Business site (sites[].skype) comes from, in the table's order: the Multimedia
// Connector for Skype for Business Deployment Guide and its option (with the line quoted), or an assumption and why.
// default-sources.ts places them among the others.

import type { AssumptionSource, DefaultKey, DefaultSourceEntry, GuideSource } from "./default-source.js";

const SKYPE = "Multimedia Connector for Skype for Business Deployment Guide";
const skype = (section: string, option: string, quote: string): GuideSource => ({ guide: SKYPE, section, option, quote });
const assumption = (why: string): AssumptionSource => ({ assumption: why });

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
    source: skype("Conference Resource Pools, Calculating Resources for Conference Pooling", "conference-pool-size", "Adding 20% means the recommended conference-pool-size = 60"),
  },
  "skype.conferencesPerTae": {
    path: "sites[].skype.taes",
    unit: "count",
    source: skype("Conference Resource Pools, Guideline number of Trusted Applications", "count ([switch/conference-services])", "Number of Trusted Application Endpoints = conference-pool-size / 10 (taes defaults to it, rounded down, at least 1)"),
  },
  "skype.cachingEnabled": {
    path: "sites[].skype.cachingEnabled",
    unit: "value",
    source: skype("Managing UCMA Connectors", "caching-enabled", "Enables conference caching by default"),
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
    source: skype("Conference Resource Pools", "(Skype for Business)", "it will reuse them for subsequent calls until they are expired by Skype for Business (typically, in the region of 8 hours)"),
  },
  "skype.frontEnds": {
    path: "sites[].skype.frontEnds",
    unit: "count",
    source: skype("Hardware Sizing Guidelines and Capacity Planning, Test Results", "(Skype for Business Front End pool)", "1 Front End pool with 8 Front End servers"),
  },
  "skype.isccDelay": {
    path: "sites[].skype.iscc.delay",
    unit: "duration",
    source: assumption(
      `no guide gives it: "T-Server creates a leg to SIP Server for a routed call on a dedicated Routing Point, and then proxies all treatment requests to SIP Server" (${SKYPE}, Remote Treatments) over an ISCC route transaction; 100 ms for the request to SIP Server, its reply and the leg's set-up on a LAN`,
    ),
  },
};
