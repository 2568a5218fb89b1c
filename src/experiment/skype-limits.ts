// A Skype for Business site across replications: each number of its SkypeRecords summarized, and the guide's limits
// judged on the day's worst replication: "Up to 1000 registered agents" and "Up to 1200 simultaneous calls" for one
// T-Server (Multimedia Connector for Skype for Business Deployment Guide, Hardware Sizing Guidelines and Capacity
// Planning), and conference-pool-size at least the guideline 1.2 x maxCalls / (numConn - numStopped) (Conference
// Resource Pools, Calculating Resources for Conference Pooling).

import type { MetricSummary, ReplicationResult, SkypeLimit, SkypeRecord, SkypeSummary } from "../observe/results.js";
import type { SkypeSpec } from "../scenario/types.js";

const GUIDE = "Multimedia Connector for Skype for Business Deployment Guide";
export const MAX_REGISTERED_AGENTS = 1000;
export const MAX_SIMULTANEOUS_CALLS = 1200;
/** "Set the value to 20% higher than the maximum number of simultaneous calls handled by the connector" */
export const POOL_HEADROOM = 1.2;

/** the guideline conference-pool-size for `maxCalls` simultaneous calls: 1.2 x maxCalls / (numConn - numStopped),
 *  rounded up to whole conferences */
export function guidelinePoolSize(maxCalls: number, connectors: number, stopped: number): number {
  // (rounded at 1e-9 first: 1.2 x 100 / 2 is 60.00000000000001 in binary)
  const x = (POOL_HEADROOM * maxCalls) / (connectors - stopped);
  return Math.ceil(Math.round(x * 1e9) / 1e9);
}

export function skypeLimits(site: string, spec: SkypeSpec, records: readonly SkypeRecord[]): SkypeLimit[] {
  const agents = Math.max(...records.map((r) => r.peakRegisteredAgents));
  const calls = Math.max(...records.map((r) => r.peakSimultaneousCalls));
  const pool = guidelinePoolSize(calls, spec.connectors, spec.stopped);
  const limits: SkypeLimit[] = [
    {
      check: "registeredAgents",
      value: agents,
      limit: MAX_REGISTERED_AGENTS,
      exceeded: agents > MAX_REGISTERED_AGENTS,
      warning:
        `site ${site}: ${agents} agents registered at the peak, above one T-Server's "Up to 1000 registered agents" ` +
        `(${GUIDE}, Hardware Sizing Guidelines and Capacity Planning)`,
    },
    {
      check: "simultaneousCalls",
      value: calls,
      limit: MAX_SIMULTANEOUS_CALLS,
      exceeded: calls > MAX_SIMULTANEOUS_CALLS,
      warning:
        `site ${site}: ${calls} simultaneous calls at the peak, above one T-Server's "Up to 1200 simultaneous calls in regular ` +
        `load (including at least 200 calls parked at Routing Points or processed by IVRs)" (${GUIDE}, Hardware Sizing Guidelines and Capacity Planning)`,
    },
    {
      check: "conferencePoolSize",
      value: spec.conferencePoolSize,
      limit: pool,
      exceeded: spec.conferencePoolSize < pool,
      warning:
        `site ${site}: conference-pool-size ${spec.conferencePoolSize} is below the guideline 1.2 x ${calls} peak calls / ` +
        `(${spec.connectors} - ${spec.stopped} stopped connectors) = ${pool}: "Set the value to 20% higher than the maximum ` +
        `number of simultaneous calls handled by the connector" (${GUIDE}, Conference Resource Pools)`,
    },
  ];
  // the warning's line only where the limit is exceeded
  return limits.map(({ warning, ...l }) => (l.exceeded ? { ...l, warning: warning! } : l));
}

export function skypeSummary(
  results: readonly ReplicationResult[],
  site: string,
  spec: SkypeSpec,
  summaryOf: (xs: number[]) => MetricSummary,
): SkypeSummary {
  const records = results.map((r) => r.skype!);
  const keys = Object.keys(records[0]!) as (keyof SkypeRecord)[];
  return {
    metrics: Object.fromEntries(keys.map((k) => [k, summaryOf(records.map((r) => r[k]!))])) as SkypeSummary["metrics"],
    limits: skypeLimits(site, spec, records),
  };
}
