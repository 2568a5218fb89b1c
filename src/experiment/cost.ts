// What a run will cost before it starts: a rough estimate of its peak memory and of its running time, so that a
// scenario asking for more memory than the machine has is refused with a number, and one that would run for hours
// says so first.
//
// The constants were measured on Node 20 (heap used after building a World and Collector, and per call waiting):
//   - an agent: ~400 bytes, plus ~95 bytes for every URS (each keeps a Stat Server view of every agent);
//   - a call in the system: ~220 bytes, ~360 with a patience timer;
//   - an interval of the time series: ~210 bytes a slice (whole center, each site, each type), and the same again
//     for each replication's results, which stay in memory until they are aggregated;
//   - speed: ~1.4M calls/s for a single-node M/M/c without reservation (bench/scenarios/mmc-14.yaml), ~150k calls/s
//     for the two-site, eight-node shipped scenarios, ~80k calls/s for 2,000 agents on eight nodes
//     (bench/scenarios/cluster-2000.yaml), one core.

import { meanOf } from "../kernel/distributions.js";
import { thousands } from "../metrics/thousands.js";
import { meanRate, type Scenario } from "../scenario/types.js";

const BASE_BYTES = 60e6;
const AGENT_BYTES = 400;
const AGENT_PER_URS_BYTES = 95;
const NODE_BYTES = 300;
const CALL_BYTES = 400;
const SLICE_BYTES = 210;

export interface Cost {
  /** interactions arriving in one replication */
  readonly callsPerReplication: number;
  /** peak calls in the system at once, roughly (waiting and being served) */
  readonly peakCalls: number;
  /** URS instances (each with its Stat Server view of every agent) */
  readonly urs: number;
  /** agents at the most (the largest staffing count of each group) */
  readonly agents: number;
  /** peak memory of the process, bytes */
  readonly bytes: number;
  /** the main parts of `bytes`, for a message */
  readonly parts: readonly { readonly what: string; readonly bytes: number }[];
  /** expected calls per second of wall-clock time */
  readonly callsPerSecond: number;
  /** running time of all replications, seconds */
  readonly seconds: number;
}

/** URS instances the routing mode places. */
export function ursCount(s: Scenario): number {
  const { mode, nodesPerUrs } = s.routing;
  return s.sites.reduce(
    (n, site) => n + (mode === "node-based" ? site.nodes : mode === "centralized" ? 1 : Math.ceil(site.nodes / nodesPerUrs)),
    0,
  );
}

/** The rate at time t, summed over the traffic types. */
function totalRateAt(s: Scenario, t: number): number {
  let r = 0;
  for (const tr of s.traffic) {
    const { period, rates } = tr.arrivals;
    r += rates[Math.min(rates.length - 1, Math.floor(t / period))] ?? 0;
  }
  return r;
}

export function estimateCost(s: Scenario, replications: number): Cost {
  const agents = s.agents.reduce((n, g) => n + g.count, 0);
  const urs = ursCount(s);
  const nodes = s.sites.reduce((n, x) => n + x.nodes, 0);

  // arrivals and mean handle time, weighted by each type's share
  let calls = 0;
  let handleWork = 0;
  let patience = 0;
  let everyTypeAbandons = true;
  for (const t of s.traffic) {
    const n = t.trace !== undefined ? t.trace.times.length : meanRate(t.arrivals, 0, s.horizon) * s.horizon;
    calls += n;
    handleWork += n * meanOf(t.handleTime);
    if (t.patience === undefined) everyTypeAbandons = false;
    else patience = Math.max(patience, meanOf(t.patience));
  }
  const handle = calls > 0 ? handleWork / calls : 0;

  // calls in the system: those being served (at most the agents), and a queue that grows while the rate exceeds what
  // the agents can serve, for as long as it does, unless callers give up first
  const breakpoints = new Set<number>([0]);
  for (const t of s.traffic) {
    const { period, rates } = t.arrivals;
    for (let k = 1; k < rates.length && k * period < s.horizon && breakpoints.size < 100_000; k++) breakpoints.add(k * period);
  }
  const times = [...breakpoints].sort((a, b) => a - b);
  const capacity = handle > 0 ? agents / handle : Infinity;
  let peakRate = 0;
  let queue = 0;
  let peakQueue = 0;
  times.forEach((t, i) => {
    const rate = totalRateAt(s, t);
    const len = (times[i + 1] ?? s.horizon) - t;
    peakRate = Math.max(peakRate, rate);
    queue = Math.max(0, queue + (rate - capacity) * len);
    if (everyTypeAbandons) queue = Math.min(queue, rate * patience);
    peakQueue = Math.max(peakQueue, queue);
  });
  const peakCalls = Math.min(calls, Math.min(agents, peakRate * handle) + peakQueue);

  const intervals = Math.ceil(s.horizon / s.interval);
  const slices = 1 + (s.sites.length > 1 ? s.sites.length : 0) + (s.traffic.length > 1 ? s.traffic.length : 0);
  let traceBytes = 0;
  for (const t of s.traffic) {
    const tr = t.trace;
    if (tr !== undefined) traceBytes += [tr.times, tr.handleTime, tr.patience, tr.priority].reduce((n, a) => n + (a?.byteLength ?? 0), 0);
  }
  const parts = [
    { what: `${thousands(agents)} agents x ${urs} URS`, bytes: agents * (AGENT_BYTES + AGENT_PER_URS_BYTES * urs) },
    { what: `${thousands(nodes)} nodes`, bytes: nodes * (NODE_BYTES + 16 * urs) },
    { what: `${thousands(peakCalls)} calls in the system at the peak`, bytes: peakCalls * CALL_BYTES },
    {
      what: `${thousands(intervals)} intervals x ${slices} slices x ${replications + 1}`,
      bytes: intervals * slices * SLICE_BYTES * (replications + 1),
    },
    { what: "the trace", bytes: traceBytes },
  ];
  const bytes = BASE_BYTES + parts.reduce((n, p) => n + p.bytes, 0);

  const simple = s.routing.reservation.mode === "none" && urs === 1 && s.network.statDelay === 0 && s.network.intraSite === 0;
  const callsPerSecond = simple ? 1.4e6 : agents > 500 ? 1.2e5 : 1.5e5;
  return {
    callsPerReplication: calls,
    peakCalls,
    urs,
    agents,
    bytes,
    parts: parts.filter((p) => p.bytes > 0).sort((a, b) => b.bytes - a.bytes),
    callsPerSecond,
    seconds: (calls * replications) / callsPerSecond,
  };
}
