// A sizing try run in batches (a group sequential test): its replications are looked at after FIRST_LOOK, then after
// twice as many, and so on up to the scenario's replications, the maximum. At a look before the last, the try stops
// as soon as every target's interval is wholly on one side of it (met, or missed); the interval's level is corrected
// for the repeated looks (Bonferroni: the interim looks share a two-sided 5% between them), so a verdict reached
// early is wrong no more often than the one at the maximum. At the maximum the try is judged as every try always was
// (judgeTargets: the safe bound of the 95% interval). A replication depends on (seed, its index) alone, so try k's
// replication r is try j's replication r (common random numbers), whether a try stopped early or not.

import { tQuantile } from "../metrics/statistics.js";
import type { ExperimentResult, MetricSummary, ReplicationResult } from "../observe/results.js";
import type { Scenario, TargetSpec } from "../scenario/types.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { judgeTargets, targetMetric } from "./targets.js";

/** Replications of the first look: the fewest whose t interval is not hopelessly wide (t at 2 degrees of freedom). */
const FIRST_LOOK = 3;
/** The two-sided error the interim looks share (each gets INTERIM_ERROR / their count). With the last look's own 5%
 *  (2.5% a side), a target truly missed is declared met at some look with probability at most 2.5% + 2.5% = 5%. */
const INTERIM_ERROR = 0.05;

/** An interim verdict: clearly met, clearly missed, or not clear yet (run the next batch). */
export type Side = "met" | "missed" | "unclear";

/** The replication counts a try of at most `max` replications is looked at: FIRST_LOOK, doubling, then `max`. */
export function looksOf(max: number): number[] {
  const looks: number[] = [];
  for (let n = FIRST_LOOK; n < max; n *= 2) looks.push(n);
  looks.push(max);
  return looks;
}

/** The two-sided level each interim look of a try of at most `max` replications is judged at (null: no interim look). */
export function interimError(max: number): number | null {
  const interim = looksOf(max).length - 1;
  return interim === 0 ? null : INTERIM_ERROR / interim;
}

/** The t interval of a mean over n replications at two-sided error `error` (not clipped: wider is only safer here). */
export function intervalOf(m: MetricSummary, n: number, error: number): readonly [number, number] | null {
  if (m.sd === null || n < 2) return null;
  const half = (tQuantile(1 - error / 2, n - 1) * m.sd) / Math.sqrt(n);
  return [m.mean - half, m.mean + half];
}

/** Where a mean over n replications is against `op value`, on its t interval of two-sided error `error`. */
export function sideOf(m: MetricSummary, n: number, error: number, op: TargetSpec["op"], value: number): Side {
  const ci = intervalOf(m, n, error);
  if (ci === null) return "unclear";
  const [lo, hi] = ci;
  const pass = (x: number) => (op === ">=" ? x >= value : op === ">" ? x > value : op === "<=" ? x <= value : x < value);
  const wantsHigh = op === ">=" || op === ">";
  if (pass(wantsHigh ? lo : hi)) return "met";
  if (!pass(wantsHigh ? hi : lo)) return "missed";
  return "unclear";
}

/** Every side together: missed if any is, met if all are, else unclear. */
export function allSides(sides: readonly Side[]): Side {
  if (sides.includes("missed")) return "missed";
  return sides.every((s) => s === "met") ? "met" : "unclear";
}

/** The scenario's targets at an interim look. */
export function targetsSide(r: ExperimentResult, error: number): Side {
  return allSides(r.scenario.targets.map((t) => sideOf(targetMetric(r, t.metric), r.replications, error, t.op, t.value)));
}

export interface TryJudge {
  /** the verdict at an interim look (two-sided error `error` for each interval) */
  readonly interim: (r: ExperimentResult, error: number) => Side;
  /** the verdict at the maximum, as a fixed-size try is judged */
  readonly final: (r: ExperimentResult) => boolean;
}

/** Targets alone: what an agent or port sizing try is judged on. */
const TARGETS: TryJudge = { interim: targetsSide, final: (r) => judgeTargets(r.scenario.targets, r).every((v) => v.met) };

export interface SequentialTry {
  readonly met: boolean;
  /** the try's result over the replications it ran */
  readonly result: ExperimentResult;
  /** the replications its result rests on, at most the maximum */
  readonly replications: number;
  /** of those, the ones simulated for it (the rest were kept from a run before, e.g. a search's start) */
  readonly simulated: number;
}

/** One try, at most `replications` replications, stopped at the first look whose verdict is clear. */
export async function sequentialTry(
  run: ExperimentRunner,
  scenario: Scenario,
  opts: { readonly seed: number; readonly replications: number; readonly kept?: ReplicationResult[] },
  judge: TryJudge = TARGETS,
): Promise<SequentialTry> {
  const kept: ReplicationResult[] = opts.kept ?? [];
  const reused = kept.length;
  const error = interimError(opts.replications);
  for (const n of looksOf(opts.replications)) {
    if (n < kept.length) continue;
    const result = await run(scenario, { seed: opts.seed, replications: n, kept });
    if (n === opts.replications) return { met: judge.final(result), result, replications: n, simulated: n - reused };
    const side = judge.interim(result, error!);
    if (side !== "unclear") return { met: side === "met", result, replications: n, simulated: n - reused };
  }
  throw new Error("unreachable: the last look is the maximum");
}

/** The replications a search's tries simulated together. */
export function replicationsOf(tries: readonly { readonly simulated: number }[]): number {
  return tries.reduce((n, t) => n + t.simulated, 0);
}
