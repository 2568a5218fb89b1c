// What a run will cost before it starts: a rough estimate of its peak memory and of its running time, so that a
// scenario asking for more memory than the machine has is refused with a number, and one that would run for hours
// says so first.
//
// The constants were measured on Node 20 (heap used after building a ContactCenter and its ReplicationObserver, and per call waiting):
//   - an agent: ~400 bytes, plus ~95 bytes for every URS (each keeps a Stat Server view of every agent);
//   - a call in the system: ~220 bytes, ~360 with a patience timer;
//   - the time series: a run reports a row per interval for the whole center, each site and each type (1 + sites +
//     types rows, whatever the counts), and they cost far more than the ~210 bytes once assumed. Measured with
//     global.gc() and process.memoryUsage().heapUsed around each step (36,000 intervals of erlang-c,
//     two-sites-node-based, multi-skill, blended-voice-chat and faults-site-loss, 1 and 2 replications): a
//     replication's rows 370-510 bytes each, kept until aggregation, the aggregated rows 1,290-1,880 bytes each,
//     intervals.csv 72-130 bytes a row, report.html ~500 bytes a row (107 MB for 216,000 rows). The whole command
//     holds more at its peak (intervals.csv is built from an array of every row's cells, report.html from their JSON),
//     so the constants below come from whole runs instead: erlang-c over 1 h with the interval shortened until
//     `ccsim run` died of V8's out-of-memory abort under NODE_OPTIONS=--max-old-space-size=512 (108,000 rows ran and
//     135,000 died with 1 replication; 108,000 died with 4, 54,000 ran; 72,000 ran with --out; 36,000 ran with 8).
//     Time: 40-270 microseconds a row on this shared two-core machine, collecting, aggregating and writing;
//   - speed: ~1.4M calls/s for a single-node M/M/c without reservation (bench/scenarios/mmc-14.yaml), ~150k calls/s
//     for the two-site, eight-node shipped scenarios, ~80k calls/s for 2,000 agents on eight nodes
//     (bench/scenarios/cluster-2000.yaml), one core.

import { meanOf } from "../kernel/distributions.js";
import { largeNumber } from "../util/thousands.js";
import { DRAIN_LIMIT } from "./drain.js";
import { compileSkillExpression } from "../scenario/skill-expression.js";
import { meanRate, type Scenario } from "../scenario/types.js";
import { targetsOf } from "../scenario/target-steps.js";

const BASE_BYTES = 60e6;
const AGENT_BYTES = 400;
const AGENT_PER_URS_BYTES = 95;
const NODE_BYTES = 300;
const CALL_BYTES = 400;
/** a row of the time series: once for the whole command (aggregated, its CSV line), again for each replication (kept
 *  until aggregation), and once more with report.html */
const ROW_BYTES = 800;
const AGGREGATED_ROW_BYTES = 3500;
const REPORT_ROW_BYTES = 2000;
/** seconds a row costs, per replication (collecting it) and once (aggregating and writing it) */
const ROW_SECONDS = 3e-5;
const AGGREGATED_ROW_SECONDS = 8e-5;

export interface Cost {
  /** interactions arriving in one replication */
  readonly callsPerReplication: number;
  /** Asterisk private-call attempts in one replication (each group's rate per agent, both directions) */
  readonly privateCallAttempts: number;
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
  /** bytes of what stays in memory until the whole study is reported (its time series), whatever else runs */
  readonly retainedBytes: number;
  /** rows of the time series (intervals x (1 + sites + types)) */
  readonly rows: number;
  /** interactions the --trace recorder follows, and the characters of what it writes */
  readonly tracedCalls: number;
  readonly traceChars: number;
  /** why the scenario can only end at the drain limit, when that can be known before it runs */
  readonly endless: string | undefined;
}

export interface CostOptions {
  /** report.html is written (--out) */
  readonly report?: boolean;
  /** --trace follows this many interactions of the first replication */
  readonly traceLimit?: number;
}

/** characters of --trace output an interaction costs: 890 for erlang-c, 1,600 for two-sites-node-based (JSON lines of
 *  its events and of its agents' while it is in progress), measured with --trace-limit above the calls */
export const TRACE_CALL_CHARS = 1600;
/** characters of --trace output a delivery that rings out costs: 92 MB for 105,000 of them (erlang-c over 1 h with
 *  noAnswer: 1 and noAnswerNotReady: 0, its agents' state lines included) */
const REDELIVERY_TRACE_CHARS = 900;
/** bytes the --trace recorder holds for a character of its output: its lines as strings, then their join */
const TRACE_BYTES_PER_CHAR = 4;

/**
 * Why calls of some type can never leave, when it shows in the scenario itself: no patience, and every group whose
 * skills match the type's target rings out on every delivery (noAnswer: 1), so such calls are routed again and again
 * until the drain limit stops the run. (Capacity rules are left out: the warning after the run covers what this misses.)
 */
export function endlessReason(s: Scenario): string | undefined {
  const stuck = s.traffic.filter((t) => {
    if (t.patience !== undefined || (t.trace?.patience ?? null) !== null) return false;
    const targets = targetsOf(t).map(compileSkillExpression);
    const serving = s.agents.filter((g) => g.count > 0 && targets.some((e) => e.matches(g.skills, g.site, t.site)));
    return serving.length > 0 && serving.every((g) => g.noAnswer >= 1);
  });
  if (stuck.length === 0) return undefined;
  return `${stuck.map((t) => t.type).join(", ")} (no patience) can never be answered nor leave: every agent group whose skills match has noAnswer: 1`;
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

export function estimateCost(s: Scenario, replications: number, options: CostOptions = {}): Cost {
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
  const privateCallAttempts = s.agents.reduce(
    (n, g) => n + ((g.privateCalls?.inbound?.rate ?? 0) + (g.privateCalls?.outbound?.rate ?? 0)) * g.count * s.horizon,
    0,
  );

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
  const rows = intervals * (1 + s.sites.length + s.traffic.length);
  let traceBytes = 0;
  for (const t of s.traffic) {
    const tr = t.trace;
    if (tr !== undefined) traceBytes += [tr.times, tr.handleTime, tr.patience, tr.priority].reduce((n, a) => n + (a?.byteLength ?? 0), 0);
  }
  // a scenario that can only end at the drain limit delivers to every agent again and again until then: each
  // delivery rings out and leaves the agent NotReady for a while, so the agents bound how many there are
  const endless = endlessReason(s);
  const redeliveries =
    endless === undefined
      ? 0
      : s.agents.reduce(
          (n, g) => n + (g.noAnswer >= 1 ? (g.count * (s.horizon + DRAIN_LIMIT)) / Math.max(1e-3, g.noAnswerTimeout + g.noAnswerNotReady) : 0),
          0,
        );
  const tracedCalls = options.traceLimit === undefined ? 0 : Math.min(options.traceLimit, calls);
  // --trace writes the lines of every delivery to a traced call: the traced share of the re-deliveries too
  const traceChars =
    tracedCalls * TRACE_CALL_CHARS + (tracedCalls > 0 ? (redeliveries * REDELIVERY_TRACE_CHARS * tracedCalls) / Math.max(1, calls) : 0);
  const retainedBytes = rows * (ROW_BYTES * replications + AGGREGATED_ROW_BYTES + (options.report === true ? REPORT_ROW_BYTES : 0));
  const parts = [
    { what: `${largeNumber(agents)} agents x ${urs} URS`, bytes: agents * (AGENT_BYTES + AGENT_PER_URS_BYTES * urs) },
    { what: `${largeNumber(nodes)} nodes`, bytes: nodes * (NODE_BYTES + 16 * urs) },
    { what: `${largeNumber(peakCalls)} calls in the system at the peak`, bytes: peakCalls * CALL_BYTES },
    {
      what: `${largeNumber(intervals)} intervals x ${1 + s.sites.length + s.traffic.length} rows x ${replications} replications`,
      bytes: retainedBytes,
    },
    { what: "the trace", bytes: traceBytes },
    { what: `--trace of ${largeNumber(tracedCalls)} interactions`, bytes: traceChars * TRACE_BYTES_PER_CHAR },
  ];
  const bytes = BASE_BYTES + parts.reduce((n, p) => n + p.bytes, 0);

  const simple = s.routing.reservation.mode === "none" && urs === 1 && s.network.statDelay === 0 && s.network.intraSite === 0;
  const callsPerSecond = simple ? 1.4e6 : agents > 500 ? 1.2e5 : 1.5e5;
  // (a private call is a few events, its attempt, end and two NOTIFYs: about a third of a routed call's)
  const seconds =
    ((calls + redeliveries + privateCallAttempts / 3) * replications) / callsPerSecond +
    rows * (ROW_SECONDS * replications + AGGREGATED_ROW_SECONDS * (options.report === true ? 2 : 1));
  return {
    callsPerReplication: calls,
    privateCallAttempts,
    peakCalls,
    urs,
    agents,
    bytes,
    parts: parts.filter((p) => p.bytes > 0).sort((a, b) => b.bytes - a.bytes),
    callsPerSecond,
    seconds,
    retainedBytes,
    rows,
    tracedCalls,
    traceChars,
    endless,
  };
}
