// A study: what one command runs, one or more points (a scenario each) times the same replications, and the
// (point, replication) jobs that make it up, in the one order results are merged in.

import { createHash } from "node:crypto";
import type { Scenario } from "../scenario/types.js";
import { aggregate } from "./experiment.js";
import type { ExperimentResult, ReplicationResult } from "../observe/results.js";

export type StudyKind = "run" | "compare" | "sweep";

export interface StudyPoint {
  /** the varied values, in the order of the study's paths (none for a run) */
  readonly values: readonly string[];
  readonly scenario: Scenario;
}

export interface Study {
  readonly kind: StudyKind;
  /** the varied fields (none for a run) */
  readonly paths: readonly string[];
  readonly points: readonly StudyPoint[];
  readonly seed: number;
  readonly replications: number;
}

export interface Job {
  readonly point: number;
  readonly replication: number;
}

/** Every job of a study, point by point, each point's replications in order: the order results are merged in. */
export function jobsOf(study: Study): Job[] {
  const jobs: Job[] = [];
  for (let point = 0; point < study.points.length; point++) {
    for (let replication = 0; replication < study.replications; replication++) jobs.push({ point, replication });
  }
  return jobs;
}

/** Each point's aggregate, from every job's result in the order of jobsOf. */
export function experimentsOf(study: Study, results: readonly ReplicationResult[]): ExperimentResult[] {
  const n = study.replications;
  if (results.length !== study.points.length * n) {
    throw new Error(`a study of ${study.points.length * n} jobs got ${results.length} results`);
  }
  return study.points.map((p, i) => aggregate(p.scenario, study.seed, results.slice(i * n, (i + 1) * n)));
}

/**
 * A fingerprint of everything that decides a study's results: its kind, the varied fields and values, each point's
 * normalized scenario (so --set and --vary count, and comments or key order in the file do not), seed and replications.
 */
export function studyHash(study: Study): string {
  const canonical = JSON.stringify({
    kind: study.kind,
    paths: study.paths,
    points: study.points.map((p) => ({ values: p.values, scenario: p.scenario })),
    seed: study.seed,
    replications: study.replications,
  });
  return createHash("sha256").update(canonical).digest("hex");
}
