// One replication: a fresh kernel, streams for (seed, replication), the contact center (model/build.ts builds it),
// its observers; run to the end, collect.

import { RandomStreams } from "../kernel/random-stream.js";
import { Simulation } from "../kernel/simulation.js";
import type { Scenario } from "../scenario/types.js";
import { fanOut, type Observer } from "../model/observer.js";
import { buildContactCenter } from "../model/build.js";
import { ReplicationObserver } from "../observe/replication-observer.js";
import type { ReplicationResult } from "../observe/results.js";
import { DRAIN_LIMIT } from "./drain.js";


export interface ReplicationOptions {
  /** extra observers for a replication (a trace), told everything the replication observer is told */
  readonly observers?: (sim: Simulation, replication: number) => Observer[];
  /** keep the interval series (default true): without it the replication counts as if the scenario had one interval
   *  and its result has no interval rows, which is all a run that writes no intervals.csv or report.html reads */
  readonly series?: boolean;
}

export function runReplication(
  scenario: Scenario,
  seed: number,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const sim = new Simulation();
  const streams = new RandomStreams(seed, replication);
  const measure = new ReplicationObserver(sim, scenario, options.series ?? true);
  const observer = fanOut([measure, ...(options.observers?.(sim, replication) ?? [])]);
  const world = buildContactCenter(scenario, sim, streams, observer);
  measure.attach(world);
  world.start();
  // every run stops at the drain limit at the latest (drain.ts); what is still in the system then counts as unfinished
  const stopped = sim.run(scenario.horizon + DRAIN_LIMIT);
  const result = measure.result();
  const unfinished = result.metrics.unfinished ?? 0;
  return stopped && unfinished > 0 ? { ...result, cutAtDrainLimit: unfinished } : result;
}
