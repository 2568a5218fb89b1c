// Machine sizing on the component load model: the fewest SIP Cluster nodes of a site, or URS pairs, that meet every
// target with every component keeping up with its load; and the throughput capacity, the largest scale of all
// traffic the deployment sustains. Each starts from the utilizations of one run of the scenario as it is (load
// divided over more or fewer instances), then searches with simulation on common random numbers, each try stopped as
// soon as its verdict is clear (sequential-try.ts).

import { meanRate, type Scenario, type TargetSpec } from "../scenario/types.js";
import type { ComponentSummary, ComponentsSummary, ExperimentResult, ReplicationResult } from "../observe/results.js";
import { GROWTH_FLOOR, SATURATED } from "./component-report.js";
import { allSides, intervalOf, replicationsOf, sequentialTry, sideOf, targetsSide, type Side, type TryJudge } from "./sequential-try.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { firstPassing } from "./search.js";
import { judgeTargets } from "./targets.js";

export interface MachineTry {
  /** the site, "URS", or "traffic" */
  readonly scope: string;
  /** the count tried (nodes, URS pairs), or the traffic scale factor */
  readonly value: number;
  /** how the scenario was changed, e.g. "sites[0].nodes=3" or "routing.mode=grouped, routing.nodesPerUrs=2" */
  readonly setting: string;
  readonly met: boolean;
  readonly result: ExperimentResult;
  /** the replications its result rests on: fewer than the maximum when its verdict was clear at an earlier look */
  readonly replications: number;
  /** of those, simulated for this try (the rest are the search's start run, when the try is the scenario as it is) */
  readonly simulated: number;
}

export interface MachineSizing {
  readonly what: "nodes" | "urs" | "throughput";
  /** per site (nodes), "URS pairs" with the nodes each serves (urs), or "calls/s" and "scale" (throughput) */
  readonly recommended: Record<string, number | null>;
  /** what the search varied and how it started */
  readonly varied: string;
  readonly start: readonly string[];
  readonly tries: readonly MachineTry[];
  /** the try the answer rests on (the recommended one, or the last tried when there is none) */
  readonly shown: MachineTry;
  /** the replications the search simulated: its start run's and every try's */
  readonly replications: number;
}

export interface MachineOptions {
  readonly seed: number;
  readonly replications: number;
  /** runs each try (on a pool of worker threads, or in this thread) */
  readonly run: ExperimentRunner;
  readonly max?: number;
  readonly onTry?: (t: MachineTry) => void;
}

/**
 * component-report.ts's sustainedBy at an interim look of a sequential try (sequential-try.ts), each verdict on intervals of two-sided error
 * `error` (the delay test compares two means, so each of its intervals gets half): met when every instance clearly
 * keeps up, missed when one clearly does not, else unclear.
 */
function sustainedSide(c: ComponentsSummary, n: number, error: number): Side {
  return allSides(Object.values(c.instances).flatMap((i) => [sideOf(i.peakUtilization, n, error, "<", SATURATED), growthSide(i, n, error / 2)]));
}

/** The delay half of sustainedBy (last interval's delay <= 2 x the first's + GROWTH_FLOOR), on both intervals. */
function growthSide(i: ComponentSummary, n: number, error: number): Side {
  const last = intervalOf(i.lastIntervalDelay, n, error);
  const first = intervalOf(i.firstIntervalDelay, n, error);
  if (last === null || first === null) return "unclear";
  if (last[1] <= 2 * first[0] + GROWTH_FLOOR) return "met";
  if (last[0] > 2 * first[1] + GROWTH_FLOOR) return "missed";
  return "unclear";
}

/** Every target met, and every component instance kept up with its load (see component-report.ts, sustainedBy). */
const MACHINE: TryJudge = {
  interim: (r, error) => allSides([targetsSide(r, error), sustainedSide(r.components!, r.replications, error)]),
  final: (r) => r.components!.sustained && judgeTargets(r.scenario.targets, r).every((v) => v.met),
};

/** The throughput-capacity test alone: every component keeps up; the scenario's targets do not count. */
const SUSTAINED: TryJudge = {
  interim: (r, error) => sustainedSide(r.components!, r.replications, error),
  final: (r) => r.components!.sustained,
};

/** The utilization a kind may reach: its `<=`/`<` target if it has one, else 1 (the instance just keeps up). */
function allowed(targets: readonly TargetSpec[], kind: string): number {
  const t = targets.find((x) => x.metric === `utilization.${kind}` && (x.op === "<=" || x.op === "<"));
  return t === undefined ? 1 : t.value;
}

function busiest(r: ExperimentResult, kinds: readonly string[], scope: (s: string) => boolean): { id: string; u: number; kind: string } | null {
  let best: { id: string; u: number; kind: string } | null = null;
  for (const [id, c] of Object.entries(r.components!.instances)) {
    if (!kinds.includes(c.kind) || !scope(c.scope)) continue;
    if (best === null || c.utilization.mean > best.u) best = { id, u: c.utilization.mean, kind: c.kind };
  }
  return best;
}

/** The per-node components: what more nodes in a site spread the load of. */
const NODE_KINDS = ["sessionController", "tController", "smartProxy"];

/** The fewest nodes in each site in turn (one site, or every site in order keeping the answers found so far). */
export async function sizeNodes(scenario: Scenario, sites: readonly string[], opts: MachineOptions): Promise<MachineSizing> {
  const tries: MachineTry[] = [];
  const recommended: Record<string, number | null> = {};
  const start: string[] = [];
  let current = scenario;
  let shown: MachineTry | null = null;
  const baseKept: ReplicationResult[] = [];
  const base = await opts.run(scenario, { seed: opts.seed, replications: opts.replications, kept: baseKept });
  // while every site sized so far kept its scenario count, the try at a site's own count is the start run again
  let asBase = true;
  for (const site of sites) {
    const si = current.sites.findIndex((s) => s.id === site);
    const n0 = current.sites[si]!.nodes;
    const b = busiest(base, NODE_KINDS, (scope) => scope.startsWith(`${site}.n`));
    const want = b === null ? 1 : Math.max(1, Math.ceil((n0 * b.u) / allowed(scenario.targets, b.kind)));
    const max = opts.max ?? Math.max(8, 4 * want);
    start.push(
      b === null
        ? `${site}: no node component load measured; start at 1 node`
        : `${site}: at ${n0} node${n0 === 1 ? "" : "s"} the busiest node component is ${b.id} at ${(b.u * 100).toFixed(1)}%; ` +
            `spread over more nodes at ${allowed(scenario.targets, b.kind) * 100}% at most that is ${want} node${want === 1 ? "" : "s"}`,
    );
    const at = (n: number): Scenario => ({ ...current, sites: current.sites.map((s, i) => (i === si ? { ...s, nodes: n } : s)) });
    const byCount = new Map<number, MachineTry>();
    const found = await firstPassing(max, want - 1, async (i) => {
      const n = i + 1;
      const kept = asBase && n === n0 ? [...baseKept] : [];
      const t: MachineTry = { scope: site, value: n, setting: `sites[${si}].nodes=${n}`, ...(await sequentialTry(opts.run, at(n), { ...opts, kept }, MACHINE)) };
      tries.push(t);
      byCount.set(n, t);
      opts.onTry?.(t);
      return t.met;
    });
    recommended[site] = found < 0 ? null : found + 1;
    shown = found < 0 ? tries[tries.length - 1]! : byCount.get(found + 1)!;
    if (found >= 0) current = at(found + 1);
    asBase &&= found + 1 === n0;
  }
  return {
    what: "nodes",
    recommended,
    varied: `the node count of ${sites.length === 1 ? `site ${sites[0]}` : `each site in turn (${sites.join(", ")}), keeping the counts found before`}, from 1 to at most the --max`,
    start,
    tries,
    shown: shown!,
    replications: base.replications + replicationsOf(tries),
  };
}

/** Grouped routing with k nodes a URS pair: how many pairs that makes. */
function ursCount(s: Scenario, k: number): number {
  return s.sites.reduce((n, site) => n + Math.ceil(site.nodes / k), 0);
}

/**
 * The fewest URS pairs: routing becomes grouped with k nodes a pair (k = 1 is node-based, k = a site's node count is
 * centralized), tried in order of the pairs it makes. More pairs spread URS and Stat Server load but raise conflicts,
 * so the search assumes only that a count that passes is not followed by one that misses.
 */
export async function sizeUrs(scenario: Scenario, opts: MachineOptions): Promise<MachineSizing> {
  const maxNodes = Math.max(...scenario.sites.map((s) => s.nodes));
  // for each distinct count, the largest k that gives it (the fewest pairs for those nodes), fewest pairs first
  const byCount = new Map<number, number>();
  for (let k = maxNodes; k >= 1; k--) {
    const c = ursCount(scenario, k);
    if (!byCount.has(c)) byCount.set(c, k);
  }
  const candidates = [...byCount.entries()].sort((a, b) => a[0] - b[0]);
  const base = await opts.run(scenario, { seed: opts.seed, replications: opts.replications });
  const kinds = ["urs", "statServer"];
  let work = 0;
  let limit = 1;
  for (const c of Object.values(base.components!.instances)) {
    if (c.kind === "urs") work += c.utilization.mean;
    if (kinds.includes(c.kind)) limit = Math.min(limit, allowed(scenario.targets, c.kind));
  }
  const want = Math.max(1, Math.ceil(work / limit));
  // the fewest pairs that reach the start estimate; when none does, the most there are
  const startIndex = candidates.findIndex(([c]) => c >= want);
  const tries: MachineTry[] = [];
  const found = await firstPassing(candidates.length, startIndex < 0 ? candidates.length - 1 : startIndex, async (i) => {
    const [count, k] = candidates[i]!;
    const s: Scenario = { ...scenario, routing: { ...scenario.routing, mode: "grouped", nodesPerUrs: k } };
    const t: MachineTry = { scope: "URS", value: count, setting: `routing.mode=grouped, routing.nodesPerUrs=${k}`, ...(await sequentialTry(opts.run, s, opts, MACHINE)) };
    tries.push(t);
    opts.onTry?.(t);
    return t.met;
  });
  const shown = found < 0 ? tries[tries.length - 1]! : tries.find((t) => t.value === candidates[found]![0])!;
  const pairs = Object.values(base.components!.instances).filter((c) => c.kind === "urs").length;
  return {
    what: "urs",
    recommended: found < 0 ? { "URS pairs": null } : { "URS pairs": candidates[found]![0], nodesPerUrs: candidates[found]![1] },
    varied:
      "the URS pairs: routing grouped with nodesPerUrs k, one pair per k consecutive nodes of a site (k = 1 is node-based, " +
      `k = ${maxNodes} centralized); candidates ${candidates.map(([c, k]) => `${c} (k=${k})`).join(", ")}`,
    start: [
      `as the scenario is (${scenario.routing.mode}, ${pairs} URS pair${pairs === 1 ? "" : "s"}), their utilizations add up to ` +
        `${(work * 100).toFixed(1)}% of one pair; at ${limit * 100}% a pair at most that is ${want} pair${want === 1 ? "" : "s"}`,
    ],
    tries,
    shown,
    replications: base.replications + replicationsOf(tries),
  };
}

/** Every traffic type's arrival rates, and every agent group (so the calls are routed, not abandoned), times `f`. */
export function scaled(s: Scenario, f: number): Scenario {
  return {
    ...s,
    traffic: s.traffic.map((t) => ({ ...t, arrivals: { ...t.arrivals, rates: t.arrivals.rates.map((r) => r * f) } })),
    agents: s.agents.map((a) => {
      const scale = (n: number) => Math.max(n === 0 ? 0 : 1, Math.ceil(n * f));
      return a.staffing
        ? { ...a, count: scale(a.count), staffing: { ...a.staffing, counts: a.staffing.counts.map(scale) } }
        : { ...a, count: scale(a.count) };
    }),
  };
}

/** Mean offered calls per second over [warmup, horizon), all types. */
function offeredRate(s: Scenario): number {
  return s.traffic.reduce((n, t) => n + meanRate(t.arrivals, s.warmup, s.horizon), 0);
}

/**
 * Throughput capacity: the largest factor on all traffic (agents scaled with it) at which every component keeps up
 * (component-report.ts, sustainedBy); scenario targets do not count here. Starts at 1 / the busiest utilization at
 * scale 1, brackets, then bisects until the bracket is within 2%.
 */
export async function throughputCapacity(scenario: Scenario, opts: MachineOptions): Promise<MachineSizing> {
  const tries: MachineTry[] = [];
  const rate = offeredRate(scenario);
  // the first try is the search's start: its busiest utilization picks every scale after it, so it runs in full
  const run = async (f: number, judge: TryJudge = SUSTAINED): Promise<MachineTry> => {
    const t: MachineTry = {
      scope: "traffic",
      value: f,
      setting: `traffic x ${round(f)} (${round(f * rate)} calls/s), agents x ${round(f)}`,
      ...(await sequentialTry(opts.run, scaled(scenario, f), opts, judge)),
    };
    tries.push(t);
    opts.onTry?.(t);
    return t;
  };
  const first = await run(1, { ...SUSTAINED, interim: () => "unclear" });
  const u = first.result.components!.instances[first.result.components!.busiest]!.utilization.mean;
  const guess = u > 0 ? 1 / u : 64;
  let lo = first.met ? 1 : 0;
  let hi = first.met ? Infinity : 1;
  let next = first.met ? guess * 0.95 : Math.min(guess, 0.5);
  const maxTries = opts.max ?? 14;
  while (tries.length < maxTries && !(hi < Infinity && lo > 0 && hi / lo <= 1.02)) {
    if (!(next > lo && next < hi)) next = hi === Infinity ? lo * 2 : lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    const t = await run(next);
    if (t.met) lo = next;
    else hi = next;
    next = hi === Infinity ? lo * 1.1 : lo === 0 ? hi / 2 : (lo + hi) / 2;
  }
  const pass = tries.filter((t) => t.met && t.value === lo)[0] ?? null;
  return {
    what: "throughput",
    recommended: lo > 0 ? { "calls/s": round(lo * rate), scale: round(lo) } : { "calls/s": null, scale: null },
    varied: "a factor on every traffic type's arrival rates (and every agent group's count, rounded up, so calls are routed rather than abandoned)",
    start: [
      `at the scenario's own ${round(rate)} calls/s the busiest component, ${first.result.components!.busiest}, is at ${(u * 100).toFixed(1)}%; ` +
        `the load grows about in proportion, so the search started near ${round(guess)}x`,
    ],
    tries,
    shown: pass ?? tries[tries.length - 1]!,
    replications: replicationsOf(tries),
  };
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
