// The shape of a scenario's replication result: what a replication that never ran reports (every slice, interval and
// component of its scenario, all at zero), against which ccsim merge checks the results a partial file brings.

import { RandomStreams } from "../kernel/random-stream.js";
import { Simulation } from "../kernel/simulation.js";
import { fanOut } from "../model/observer.js";
import { buildContactCenter } from "../model/build.js";
import type { Scenario } from "../scenario/types.js";
import { ReplicationObserver } from "../observe/replication-observer.js";
import type { ReplicationResult } from "../observe/results.js";

/** The replication observer decides the shape from the scenario and the world alone, never from what happened, so a
 *  result collected before the first event has every key and list length a real replication of the scenario has. */
export function resultTemplate(scenario: Scenario): ReplicationResult {
  const sim = new Simulation();
  const measure = new ReplicationObserver(sim, scenario);
  const world = buildContactCenter(scenario, sim, new RandomStreams(scenario.seed, 0), fanOut([measure]));
  measure.attach(world);
  return measure.result();
}
