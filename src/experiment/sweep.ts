// A sweep's result: the same scenario at every point of one or two varied fields, each replicated on the same streams.

import type { ExperimentResult } from "../observe/results.js";

export interface SweepPoint {
  /** the varied values, in the order of the paths */
  readonly values: readonly string[];
  readonly result: ExperimentResult;
}

export interface Sweep {
  readonly paths: readonly string[];
  readonly points: readonly SweepPoint[];
}
