// One experiment run on a job pool: a plan of one scenario's replications, aggregated as runExperiment aggregates
// them, so the result is the same whichever threads ran it. What every try of a size search runs on.

import type { Scenario } from "../scenario/types.js";
import { experimentsOf } from "./experiment.js";
import { planOne, runPlan, seriesWanted } from "./plan.js";
import type { JobPool } from "./pool.js";
import type { ExperimentResult } from "../observe/results.js";

export interface PooledExperimentOptions {
  readonly seed: number;
  readonly replications: number;
  /** called after each replication with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
}

export type ExperimentRunner = (scenario: Scenario, options: PooledExperimentOptions) => Promise<ExperimentResult>;

/** `reads.series`: the search reads each try's interval series (a Skype site's busiest interval), so it is kept. */
export function experimentRunner(pool: JobPool, reads: { readonly series?: boolean } = {}): ExperimentRunner {
  return async (scenario, { seed, replications, onProgress }) => {
    const plan = planOne(scenario, seed, replications);
    // a try is judged on its summary: its interval series is kept only when a fault's recovery or the search reads it
    const series = seriesWanted(plan, reads.series === true);
    return experimentsOf(plan.study, (await runPlan(plan, pool, { onProgress, series })).map((o) => o.result))[0]!;
  };
}
