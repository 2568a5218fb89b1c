// The one planning step every command goes through (run, compare, sweep, check, size, merge) and the tests' path too:
// a study's scenario text read once and every point loaded from it, seed and replications settled once, and the jobs
// in the one order results are merged in. Then a plan runs on a job pool: whole, one --shard's jobs, or (a size
// search) one plan for each try, on the same pool.

import { loadScenario } from "../scenario/read-scenario.js";
import type { Scenario } from "../scenario/types.js";
import type { JobOutput } from "./job.js";
import { runHere, type BatchOptions, type JobPool } from "./pool.js";
import type { ReplicationOptions } from "./replication.js";
import type { StudySource } from "./study-source.js";
import { jobsOf, type Job, type Study, type StudyKind, type StudyPoint } from "./study.js";

export interface StudyPlan {
  readonly study: Study;
  /** every job of the study, point by point (jobsOf) */
  readonly jobs: readonly Job[];
}

/** A plan read from a scenario file (or the demo): what a command runs and reports. */
export interface SourcedPlan extends StudyPlan {
  /** the source with seed and replications settled: what a shard's partial keeps (so that merge names a difference
   *  in them) and what a report says ran */
  readonly source: StudySource;
}

/** --seed and --replications as check and size read them, after the scenario loads (undefined: the scenario's). */
export type SettleFlags = () => { readonly seed?: number; readonly replications?: number };

/**
 * Loads every point of `source` (its text, --set, --target, then the point's --vary overrides, whose errors say
 * --vary), so that a bad value stops the command before anything runs; seed and replications left out are the first
 * point's. `flags`, when given, are read after the points load and stand for the source's seed and replications.
 */
export function planStudy(source: StudySource, flags?: SettleFlags): SourcedPlan {
  const points = source.points.map((p) => ({
    values: p.values,
    scenario: loadScenario({
      text: source.text,
      file: source.file,
      overrides: [...source.set, ...(source.targets ?? []), ...p.overrides.map((o) => ({ source: o, flag: "--vary" }))],
    }),
  }));
  const given = flags === undefined ? source : flags();
  const seed = given.seed ?? points[0]!.scenario.seed;
  const replications = given.replications ?? points[0]!.scenario.replications;
  const study: Study = { kind: source.kind, paths: source.paths, seed, replications, points };
  return { study, jobs: jobsOf(study), source: { ...source, seed, replications } };
}

/** A plan of scenarios in hand (a test's, a size search's try): no file, nothing to report where it came from. */
export function planOf(kind: StudyKind, points: readonly StudyPoint[], seed: number, replications: number): StudyPlan {
  const study: Study = { kind, paths: [], seed, replications, points };
  return { study, jobs: jobsOf(study) };
}

/** A plan of one scenario's replications. */
export function planOne(scenario: Scenario, seed: number, replications: number): StudyPlan {
  return planOf("run", [{ values: [], scenario }], seed, replications);
}

/** Whether a plan's replications must keep their interval series: when something will write it (intervals.csv,
 *  report.html, a shard's partial that a merge may report) or read it (a fault's recovery is judged on it). */
export function seriesWanted(plan: StudyPlan, written: boolean): boolean {
  return written || plan.study.points.some((p) => p.scenario.faults.length > 0);
}

const scenariosOf = (plan: StudyPlan): Scenario[] => plan.study.points.map((p) => p.scenario);

/** Runs the plan's jobs (or `jobs`, a shard's) on `pool`; the outputs in the order of the jobs. */
export function runPlan(plan: StudyPlan, pool: JobPool, options: BatchOptions & { readonly jobs?: readonly Job[] } = {}): Promise<JobOutput[]> {
  return pool.run(scenariosOf(plan), plan.study.seed, options.jobs ?? plan.jobs, options);
}

/** Runs every job of the plan in this thread, as a pool of one does, synchronously. */
export function runPlanHere(plan: StudyPlan, options: BatchOptions & Pick<ReplicationOptions, "observers"> = {}): JobOutput[] {
  return runHere(scenariosOf(plan), plan.study.seed, plan.jobs, options);
}
