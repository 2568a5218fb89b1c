// One replication: a fresh kernel, streams for (seed, replication), a World, its observers; run to the end, collect.

import { RandomStreams } from "../kernel/random-stream.js";
import { Simulation } from "../kernel/simulation.js";
import type { Scenario } from "../scenario/types.js";
import { fanOut, type Observer } from "../model/observer.js";
import { World } from "../model/world.js";
import { Collector, type ReplicationResult } from "./collector.js";

/** With faults, a run stops this long after the horizon at the latest: a fault that never ends can keep a call that
 *  never abandons circling between its URS and a DN it cannot reach, and such a call counts as unfinished. */
export const FAULT_DRAIN_LIMIT = 24 * 3600;

export interface ReplicationOptions {
  /** extra observers for a replication (a trace), told everything the collector is told */
  readonly observers?: (sim: Simulation, replication: number) => Observer[];
}

export function runReplication(
  scenario: Scenario,
  seed: number,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const sim = new Simulation();
  const streams = new RandomStreams(seed, replication);
  const collector = new Collector(sim, scenario);
  const observer = fanOut([collector, ...(options.observers?.(sim, replication) ?? [])]);
  const world = new World(scenario, sim, streams, observer);
  collector.attach(world);
  world.start();
  sim.run(scenario.faults.length > 0 ? scenario.horizon + FAULT_DRAIN_LIMIT : Infinity);
  return collector.result();
}
