// A sweep: the same scenario at every point of one or two varied fields, each point replicated on the same streams.

import type { Scenario } from "../scenario/types.js";
import { runExperiment, type ExperimentResult } from "./experiment.js";

export interface SweepPoint {
  /** the varied values, in the order of the paths */
  readonly values: readonly string[];
  readonly result: ExperimentResult;
}

export interface Sweep {
  readonly paths: readonly string[];
  readonly points: readonly SweepPoint[];
}

export function sweepPoints(
  paths: readonly string[],
  points: readonly { values: string[]; scenario: Scenario }[],
  seed: number,
  replications: number,
  onProgress?: (done: number, total: number) => void,
): Sweep {
  const total = points.length * replications;
  return {
    paths,
    points: points.map((p, i) => ({
      values: p.values,
      result: runExperiment(p.scenario, {
        seed,
        replications,
        onProgress: (d) => onProgress?.(i * replications + d, total),
      }),
    })),
  };
}
