// Joint staffing of a multi-skill center: a head count for every agent group at once, the cheapest (each group's
// agents times its agents[].costPerHour over the day) that meets every target for every call type, judged on that
// type's own metrics. A simplified simulation-based local search after Avramidis, Chan, Gendreau, L'Ecuyer and
// Pisacane (2010), "Optimizing daily agent scheduling in a multiskill call center" (EJOR 200): start from a fluid
// lower bound, add agents greedily until every target is met, then remove and swap agents while every target stays
// met. Every try runs on common random numbers and in batches, stopped as soon as its verdict is clear
// (sequential-try.ts).

import { meanOf } from "../kernel/distributions.js";
import { servesOf } from "../scenario/target-steps.js";
import { DEFAULTS } from "../scenario/defaults.js";
import { agentHourPrice } from "../scenario/paid-hours.js";
import { isPortMetric } from "../scenario/metric-names.js";
import { meanRate, type Scenario, type TargetSpec } from "../scenario/types.js";
import type { ExperimentResult, MetricSummary } from "../observe/results.js";
import type { MetricName } from "../metrics/tally.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { allSides, replicationsOf, sequentialTry, sideOf, type TryJudge } from "./sequential-try.js";
import { targetMetric } from "./targets.js";

export interface TypeVerdict {
  /** the call type, or "*" for a target of the whole center (a utilization or port target) */
  readonly type: string;
  readonly metric: string;
  readonly target: string;
  readonly mean: number;
  /** the safe 95% bound (the mean with one replication) */
  readonly judgedOn: number;
  readonly met: boolean;
}

export interface StaffingTry {
  readonly counts: Readonly<Record<string, number>>;
  readonly cost: number;
  readonly met: boolean;
  readonly result: ExperimentResult;
  readonly replications: number;
  readonly simulated: number;
  /** why it was tried: "start", "add <group>", "remove <group>", "swap <from> -> <to>" */
  readonly move: string;
}

export interface JointStaffing {
  readonly groups: readonly string[];
  /** per group: the cost of one agent-hour */
  readonly costs: Readonly<Record<string, number>>;
  /** the fluid lower bound the search started from */
  readonly start: Readonly<Record<string, number>>;
  /** the cheapest staffing found that met every target (null: none within the limit of tries) */
  readonly recommended: StaffingTry | null;
  readonly tries: readonly StaffingTry[];
  readonly replications: number;
}

// the metrics of the whole center, as targetMetric (targets.ts) reads them
const isCenterMetric = (metric: string) => metric.startsWith("utilization.") || isPortMetric(metric);

/** The summary a target is judged on for one type ("*": the whole center). */
function summaryFor(r: ExperimentResult, type: string, metric: string): MetricSummary {
  if (type === "*") return targetMetric(r, metric);
  const m = r.byType[type]?.[metric as MetricName];
  if (m === undefined) throw new Error(`no ${metric} for traffic type ${type}`);
  return m;
}

/** The (type, target) pairs: every target for every call type, a center target once. */
function pairs(s: Scenario): { type: string; t: TargetSpec }[] {
  return s.targets.flatMap((t) => (isCenterMetric(t.metric) ? [{ type: "*", t }] : s.traffic.map((x) => ({ type: x.type, t }))));
}

/** Every target of every type at a try, judged as check judges a target (the safe 95% bound). */
export function typeVerdicts(r: ExperimentResult): TypeVerdict[] {
  return pairs(r.scenario).map(({ type, t }) => {
    const m = summaryFor(r, type, t.metric);
    const wantsHigh = t.op === ">=" || t.op === ">";
    const judgedOn = m.ci95 ? (wantsHigh ? m.ci95[0] : m.ci95[1]) : m.mean;
    const met = t.op === ">=" ? judgedOn >= t.value : t.op === ">" ? judgedOn > t.value : t.op === "<=" ? judgedOn <= t.value : judgedOn < t.value;
    return { type, metric: t.metric, target: t.source, mean: m.mean, judgedOn, met };
  });
}

const PER_TYPE: TryJudge = {
  interim: (r, error) => allSides(pairs(r.scenario).map(({ type, t }) => sideOf(summaryFor(r, type, t.metric), r.replications, error, t.op, t.value))),
  final: (r) => typeVerdicts(r).every((v) => v.met),
};

/**
 * The fluid lower bound: every type's offered load (arrival rate x handle time plus the cheapest serving group's
 * wrap-up and ring time) needs at least that many agents among the groups that serve it; the shortfall of each type,
 * largest load first, goes to its cheapest serving group (the fewest types served breaking ties, so specialists
 * first). Queueing is left out, so this is below what the targets need and the greedy phase adds from it.
 */
export function fluidStart(s: Scenario, costs: Readonly<Record<string, number>>): Record<string, number> {
  const serves = servesOf(s);
  const counts: Record<string, number> = Object.fromEntries(s.agents.map((a) => [a.group, 0]));
  const loads = s.traffic.map((t, ti) => {
    const rate = meanRate(t.arrivals, s.warmup, s.horizon);
    const extra = Math.min(...s.agents.filter((_, gi) => serves[gi]![ti]).map((a) => meanOf(a.wrapUp) + meanOf(a.answerDelay)));
    return { ti, load: rate * (meanOf(t.handleTime) + (Number.isFinite(extra) ? extra : 0)) };
  });
  for (const { ti, load } of loads.sort((a, b) => b.load - a.load)) {
    const able = s.agents.map((a, gi) => ({ a, gi })).filter(({ gi }) => serves[gi]![ti]);
    if (able.length === 0) continue;
    const have = able.reduce((n, { a }) => n + counts[a.group]!, 0);
    const need = Math.ceil(load) - have;
    if (need <= 0) continue;
    const width = (gi: number) => serves[gi]!.filter(Boolean).length;
    const pick = able.reduce((x, y) => (costs[y.a.group]! < costs[x.a.group]! || (costs[y.a.group] === costs[x.a.group] && width(y.gi) < width(x.gi)) ? y : x));
    counts[pick.a.group]! += need;
  }
  return counts;
}

function withCounts(s: Scenario, counts: Readonly<Record<string, number>>): Scenario {
  return { ...s, agents: s.agents.map(({ staffing: _replaced, ...a }) => ({ ...a, count: counts[a.group]! })) };
}

export interface JointOptions {
  readonly seed: number;
  readonly replications: number;
  readonly run: ExperimentRunner;
  /** the most tries (default 200) */
  readonly maxTries?: number;
  readonly onTry?: (t: StaffingTry) => void;
}

export async function sizeStaffing(scenario: Scenario, opts: JointOptions): Promise<JointStaffing> {
  const groups = scenario.agents.map((a) => a.group);
  // a priced scenario's own prices (costs.agentHour for a group without one); unpriced, every group weighs the same
  const price = (a: (typeof scenario.agents)[number]) => (scenario.costs ? agentHourPrice(a, scenario.costs) : a.costPerHour ?? DEFAULTS.agent.costPerHour);
  const costs = Object.fromEntries(scenario.agents.map((a) => [a.group, price(a)]));
  const hours = scenario.horizon / 3600;
  const costOf = (c: Readonly<Record<string, number>>) => groups.reduce((n, g) => n + c[g]! * costs[g]! * hours, 0);
  const serves = servesOf(scenario);
  const tries: StaffingTry[] = [];
  const seen = new Map<string, StaffingTry>();
  const maxTries = opts.maxTries ?? 200;
  const attempt = async (counts: Record<string, number>, move: string): Promise<StaffingTry> => {
    const key = groups.map((g) => counts[g]).join(",");
    const known = seen.get(key);
    if (known) return known;
    // a group of none is left out: the model wants at least one agent in a group, and none serves nothing
    const s = withCounts(scenario, counts);
    const runnable = { ...s, agents: s.agents.filter((a) => a.count > 0) };
    const t: StaffingTry = { counts: { ...counts }, cost: costOf(counts), move, ...(await sequentialTry(opts.run, runnable, opts, PER_TYPE)) };
    seen.set(key, t);
    tries.push(t);
    opts.onTry?.(t);
    return t;
  };
  const start = fluidStart(scenario, costs);
  let current = await attempt(start, "start");
  // greedy: one agent at a time, to the group that serves the most missed types per cost, until every target is met
  while (!current.met && tries.length < maxTries) {
    const missed = new Set(typeVerdicts(current.result).filter((v) => !v.met).map((v) => v.type));
    const value = (gi: number) => scenario.traffic.filter((t, ti) => serves[gi]![ti] && (missed.has(t.type) || missed.has("*"))).length / Math.max(costs[groups[gi]!]!, 1e-9);
    const best = groups.map((_, gi) => gi).reduce((a, b) => (value(b) > value(a) ? b : a));
    if (value(best) === 0) break;
    current = await attempt({ ...current.counts, [groups[best]!]: current.counts[groups[best]!]! + 1 }, `add ${groups[best]}`);
  }
  if (!current.met) return { groups, costs, start, recommended: null, tries, replications: replicationsOf(tries) };
  // local search: remove an agent (dearest group first), or swap one for a cheaper group's, while every target holds
  let improved = true;
  while (improved && tries.length < maxTries) {
    improved = false;
    const byCost = [...groups].sort((a, b) => costs[b]! - costs[a]!);
    const moves: [Record<string, number>, string][] = [];
    for (const g of byCost) if (current.counts[g]! > 0) moves.push([{ ...current.counts, [g]: current.counts[g]! - 1 }, `remove ${g}`]);
    for (const g of byCost) {
      for (const h of [...byCost].reverse()) {
        if (h !== g && costs[h]! < costs[g]! && current.counts[g]! > 0) moves.push([{ ...current.counts, [g]: current.counts[g]! - 1, [h]: current.counts[h]! + 1 }, `swap ${g} -> ${h}`]);
      }
    }
    for (const [c, move] of moves) {
      if (tries.length >= maxTries) break;
      const t = await attempt(c, move);
      if (t.met && t.cost < current.cost) {
        current = t;
        improved = true;
        break;
      }
    }
  }
  return { groups, costs, start, recommended: current, tries, replications: replicationsOf(tries) };
}
