// `ccsim size --for connectors`: a Skype for Business site's connector pool sized by the guide's formulas for the
// day's peak of simultaneous calls (Multimedia Connector for Skype for Business Deployment Guide, Conference Resource
// Pools, Calculating Resources for Conference Pooling): conference-pool-size = 1.2 x maxCalls / (numConn -
// numStopped), each connector's; the Trusted Application Endpoints = conference-pool-size / 10; and whether one
// T-Server carries the day (Hardware Sizing Guidelines and Capacity Planning: 1000 registered agents, 1200
// simultaneous calls, and the rate its conference scheduling sustains). Beside the formulas, the simulation: the
// scenario as given, and again with the guideline's pool on the connectors left when `stopped` of them are down (the
// calls they would have taken go to the others, as DNS sends them), each with its conference waits.

import type { ExperimentResult } from "../observe/results.js";
import type { Scenario, SiteSpec, SkypeSpec } from "../scenario/types.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { guidelinePoolSize, MAX_REGISTERED_AGENTS, MAX_SIMULTANEOUS_CALLS } from "./skype-limits.js";

const CONFERENCES_PER_TAE = 10;

export interface ConnectorTry {
  /** what was run: "as given", or "guideline pool, N stopped" */
  readonly label: string;
  /** connectors taking calls in the try, conference-pool-size, TAEs */
  readonly live: number;
  readonly poolSize: number;
  readonly taes: number;
  readonly result: ExperimentResult;
}

export interface ConnectorSizing {
  readonly site: string;
  readonly connectors: number;
  readonly stopped: number;
  /** the maxCalls the formula used: the worst replication's peak of simultaneous calls, or the one given */
  readonly maxCalls: number;
  readonly maxCallsFrom: "simulated" | "given";
  /** the guideline: conference-pool-size a connector, conferences in all when every connector runs, TAEs */
  readonly poolSize: number;
  readonly totalConferences: number;
  readonly taes: number;
  /** one T-Server: the worst replication's peaks against the guide's limits, and the busiest interval's call rate
   *  offered against what the scheduling sustains (1 / schedulingTime) */
  readonly peakRegisteredAgents: number;
  readonly peakCallsPerSecond: number;
  readonly sustainedCallsPerSecond: number;
  readonly oneTServer: boolean;
  readonly tries: readonly ConnectorTry[];
}

export interface ConnectorOptions {
  readonly seed: number;
  readonly replications: number;
  readonly run: ExperimentRunner;
  /** maxCalls given by the planner (default: the simulated peak) */
  readonly maxCalls?: number;
}

function worst(r: ExperimentResult, f: (k: NonNullable<ExperimentResult["skype"]>["limits"][number]) => boolean): number {
  return r.skype!.limits.find(f)!.value;
}

/** the busiest interval's offered calls a second at the site (means over replications): what the T-Server is asked,
 *  which its served rate cannot show once the scheduling is saturated */
function offeredPeak(r: ExperimentResult, site: string): number {
  let peak = 0;
  for (const row of r.intervals) {
    if (row.site !== site || row.type !== "*" || !(row.end > row.start)) continue;
    peak = Math.max(peak, (row.metrics.offered ?? 0) / (row.end - row.start));
  }
  return peak;
}

/** the scenario with the Skype site's connectors and pool replaced */
function withPool(s: Scenario, index: number, skype: SkypeSpec): Scenario {
  const sites: SiteSpec[] = s.sites.map((x, i) => (i === index ? { ...x, skype } : x));
  return { ...s, sites };
}

export async function sizeConnectors(scenario: Scenario, opts: ConnectorOptions): Promise<ConnectorSizing> {
  const index = scenario.sites.findIndex((s) => s.skype !== undefined);
  const site = scenario.sites[index]!;
  const spec = site.skype!;
  const given = await opts.run(scenario, opts);
  const simulatedPeak = worst(given, (l) => l.check === "simultaneousCalls");
  const maxCalls = opts.maxCalls ?? simulatedPeak;
  const poolSize = guidelinePoolSize(maxCalls, spec.connectors, spec.stopped);
  const taes = Math.max(1, Math.floor(poolSize / CONFERENCES_PER_TAE));
  const tries: ConnectorTry[] = [{ label: "as given", live: spec.connectors, poolSize: spec.conferencePoolSize, taes: spec.taes, result: given }];
  const live = spec.connectors - spec.stopped;
  const guideline = { ...spec, connectors: live, conferencePoolSize: poolSize, taes };
  const stopped = spec.stopped === 0 ? "none stopped" : `${spec.stopped} stopped`;
  tries.push({ label: `guideline pool, ${stopped}`, live, poolSize, taes, result: await opts.run(withPool(scenario, index, guideline), opts) });
  const agents = worst(given, (l) => l.check === "registeredAgents");
  const rate = offeredPeak(given, site.id);
  const sustained = 1 / spec.schedulingTime;
  return {
    site: site.id,
    connectors: spec.connectors,
    stopped: spec.stopped,
    maxCalls,
    maxCallsFrom: opts.maxCalls === undefined ? "simulated" : "given",
    poolSize,
    totalConferences: poolSize * spec.connectors,
    taes,
    peakRegisteredAgents: agents,
    peakCallsPerSecond: rate,
    sustainedCallsPerSecond: sustained,
    oneTServer: agents <= MAX_REGISTERED_AGENTS && maxCalls <= MAX_SIMULTANEOUS_CALLS && rate < sustained,
    tries,
  };
}
