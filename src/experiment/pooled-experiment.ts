// One experiment run on a job pool: a plan of one scenario's replications, aggregated as runExperiment aggregates
// them, so the result is the same whichever threads ran it. What every try of a size search runs on.

import type { Scenario } from "../scenario/types.js";
import { experimentsOf } from "./experiment.js";
import { planOne, runPlan, seriesWanted } from "./plan.js";
import type { JobPool } from "./pool.js";
import type { ExperimentResult, ReplicationResult } from "../observe/results.js";

export interface PooledExperimentOptions {
  readonly seed: number;
  readonly replications: number;
  /** called after each replication with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
  /** the results of this scenario's first replications on this seed, run before (a try run in batches): only the
   *  rest up to `replications` are run, and appended; a replication depends on (seed, its index) alone, so the result
   *  is the one a single run of `replications` gives */
  readonly kept?: ReplicationResult[];
}

export type ExperimentRunner = (scenario: Scenario, options: PooledExperimentOptions) => Promise<ExperimentResult>;

/** `reads.series`: the search reads each try's interval series (a Skype site's busiest interval), so it is kept. */
export function experimentRunner(pool: JobPool, reads: { readonly series?: boolean } = {}): ExperimentRunner {
  return async (scenario, { seed, replications, onProgress, kept }) => {
    const plan = planOne(scenario, seed, replications);
    // a try is judged on its summary: its interval series is kept only when a fault's recovery or the search reads it
    const series = seriesWanted(plan, reads.series === true);
    const before = kept ?? [];
    const jobs = plan.jobs.slice(before.length);
    const fresh = jobs.length === 0 ? [] : (await runPlan(plan, pool, { onProgress, series, jobs })).map((o) => o.result);
    before.push(...fresh);
    return experimentsOf(plan.study, kept === undefined ? fresh : before)[0]!;
  };
}
