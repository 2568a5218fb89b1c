// Agent sizing: the smallest head count of one group that meets every target of the scenario. The search starts at
// the Erlang C (or, with exponential patience, Erlang A) minimum for the load the group's pool carries, then steps
// away from it, doubling the step, until the verdict changes, and bisects between the last miss and the first pass.
// Every try runs on the same seed (common random numbers), so neighbouring counts differ by the staffing alone, and
// in batches, stopped as soon as its verdict is clear (sequential-try.ts).

import { meanOf } from "../kernel/distributions.js";
import { erlangAMeasures, erlangCMeasures, type QueueMeasures } from "../metrics/erlang.js";
import { smallestAgents, type MeasureTarget } from "../metrics/erlang-calculator.js";
import { meanRate, type DistributionSpec, type Scenario } from "../scenario/types.js";
import { servesOf } from "../scenario/target-steps.js";
import type { ExperimentResult } from "../observe/results.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { firstPassing } from "./search.js";
import { replicationsOf, sequentialTry } from "./sequential-try.js";

/** What the search started from, and why. */
export interface AnalyticStart {
  /** "Erlang C" or "Erlang A" */
  readonly model: string;
  /** the groups that serve the same traffic as the sized one (the pool the formula staffs) */
  readonly pool: readonly string[];
  readonly traffic: readonly string[];
  /** calls per second over [warmup, horizon), all of the pool's traffic */
  readonly arrivalRate: number;
  /** mean agent time per call: handle time, plus the sized group's ring time and wrap-up */
  readonly meanServiceTime: number;
  /** Erlangs: arrivalRate x meanServiceTime */
  readonly offeredLoad: number;
  /** mean patience in seconds (Erlang A only) */
  readonly meanPatience?: number;
  /** agents the formula wants for the whole pool */
  readonly poolAgents: number;
  /** of those, the sized group's share: poolAgents minus the other groups' counts (at least 1) */
  readonly count: number;
  /** targets the formula cannot speak to (they are left to the simulation) */
  readonly notAnalytic: readonly string[];
  /** the formula's measures at poolAgents */
  readonly measures: QueueMeasures;
}

export interface SizingTry {
  readonly count: number;
  readonly met: boolean;
  /** over the replications the try ran */
  readonly result: ExperimentResult;
  /** the replications it ran: fewer than the maximum when its verdict was clear at an earlier look (sequential-try.ts) */
  readonly replications: number;
  /** of those, simulated for this try (all of them: a sizing of agents or ports keeps none from before) */
  readonly simulated: number;
}

export interface SizingResult {
  readonly group: string;
  readonly start: AnalyticStart;
  /** the smallest count that met every target, with the one below it tried and missed; null: none up to max */
  readonly recommended: number | null;
  /** in the order they were run */
  readonly tries: readonly SizingTry[];
  readonly max: number;
  /** the replications every try simulated together */
  readonly replications: number;
}

export interface SizingOptions {
  readonly seed: number;
  /** the most a try runs (sequential-try.ts) */
  readonly replications: number;
  /** runs each try (on a pool of worker threads, or in this thread) */
  readonly run: ExperimentRunner;
  /** the largest count to try (default: 3 x the analytic start + 20) */
  readonly max?: number;
  /** start here instead of at the analytic minimum */
  readonly from?: number;
  readonly onTry?: (t: SizingTry) => void;
}

const ANALYTIC: readonly string[] = ["serviceLevel", "asa", "meanWait", "probWait", "abandonRate", "occupancy"];

function exponentialMean(d: DistributionSpec | undefined): number | undefined {
  return d !== undefined && d.dist === "exponential" ? d.mean : undefined;
}


/** The analytic minimum for the group's pool, read as the sized group's count. */
export function analyticStart(scenario: Scenario, group: string): AnalyticStart {
  const g = scenario.agents.find((x) => x.group === group)!;
  // (a target that widens: a group serves the type when any of its steps matches it)
  const matrix = servesOf(scenario);
  const serves = (gi: number, ti: number) => matrix[gi]![ti]!;
  const gi = scenario.agents.indexOf(g);
  const traffic = scenario.traffic.map((_, ti) => ti).filter((ti) => serves(gi, ti));
  const pool = scenario.agents.map((_, i) => i).filter((i) => traffic.some((ti) => serves(i, ti)));
  let lambda = 0;
  let work = 0;
  for (const ti of traffic) {
    const t = scenario.traffic[ti]!;
    const rate = meanRate(t.arrivals, scenario.warmup, scenario.horizon);
    lambda += rate;
    work += rate * meanOf(t.handleTime);
  }
  const service = (lambda > 0 ? work / lambda : 0) + meanOf(g.answerDelay) + meanOf(g.wrapUp);
  const patiences = traffic.map((ti) => exponentialMean(scenario.traffic[ti]!.patience));
  const first = patiences[0];
  const erlangA = first !== undefined && patiences.every((p) => p === first);
  const analytic = scenario.targets.filter((t) => ANALYTIC.includes(t.metric));
  const T = scenario.serviceLevel;
  const measuresAt = (c: number) =>
    erlangA ? erlangAMeasures(c, lambda, 1 / service, 1 / first!, T) : erlangCMeasures(c, lambda, 1 / service, T);
  const load = lambda * service;
  const c = smallestAgents(measuresAt, analytic as readonly MeasureTarget[], erlangA ? 1 : Math.floor(load) + 1);
  const others = pool.filter((i) => i !== gi).reduce((s, i) => s + scenario.agents[i]!.count, 0);
  return {
    model: erlangA ? "Erlang A" : "Erlang C",
    pool: pool.map((i) => scenario.agents[i]!.group),
    traffic: traffic.map((ti) => scenario.traffic[ti]!.type),
    arrivalRate: lambda,
    meanServiceTime: service,
    offeredLoad: load,
    ...(erlangA ? { meanPatience: first } : {}),
    poolAgents: c,
    count: Math.max(1, c - others),
    notAnalytic: scenario.targets.filter((t) => !ANALYTIC.includes(t.metric)).map((t) => t.metric),
    measures: measuresAt(c),
  };
}

/** The scenario with the group's head count set, all day (a staffing table of the group is replaced). */
function withCount(scenario: Scenario, group: string, count: number): Scenario {
  const agents = scenario.agents.map((a) => {
    if (a.group !== group) return a;
    const { staffing: _replaced, ...rest } = a;
    return { ...rest, count };
  });
  return { ...scenario, agents };
}

export async function sizeAgents(scenario: Scenario, group: string, opts: SizingOptions): Promise<SizingResult> {
  const start = analyticStart(scenario, group);
  const max = opts.max ?? start.count * 3 + 20;
  const tries: SizingTry[] = [];
  // candidate i is the count i + 1
  const found = await firstPassing(max, Math.min(opts.from ?? start.count, max) - 1, async (i) => {
    const count = i + 1;
    const t = { count, ...(await sequentialTry(opts.run, withCount(scenario, group, count), opts)) };
    tries.push(t);
    opts.onTry?.(t);
    return t.met;
  });
  return { group, start, recommended: found < 0 ? null : found + 1, tries, max, replications: replicationsOf(tries) };
}
