// One experiment run on a job pool: replications 0..n-1 of one scenario as jobs, aggregated as runExperiment
// aggregates them, so the result is the same whichever threads ran it. What check and every size search run on.

import type { Scenario } from "../scenario/types.js";
import { aggregate } from "./experiment.js";
import type { JobPool } from "./pool.js";
import type { ExperimentResult } from "../observe/results.js";

export interface PooledExperimentOptions {
  readonly seed: number;
  readonly replications: number;
  /** called after each replication with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
}

export type ExperimentRunner = (scenario: Scenario, options: PooledExperimentOptions) => Promise<ExperimentResult>;

export function experimentRunner(pool: JobPool): ExperimentRunner {
  return async (scenario, { seed, replications, onProgress }) => {
    const jobs = Array.from({ length: replications }, (_, replication) => ({ point: 0, replication }));
    const outputs = await pool.run([scenario], seed, jobs, { onProgress });
    return aggregate(scenario, seed, outputs.map((o) => o.result));
  };
}
