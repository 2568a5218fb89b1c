// What every kind of `ccsim size` search shares once planned: the plan's scenario, seed and replications, the
// report's provenance, and the pool of worker threads its tries run on.

import { withPool } from "../experiment/pool.js";
import { experimentRunner, type ExperimentRunner } from "../experiment/pooled-experiment.js";
import type { Provenance } from "../report/html/provenance.js";
import type { SizingContext } from "../report/sizing-report.js";
import type { Scenario } from "../scenario/types.js";
import type { GateOptions } from "./target-option.js";

export interface SizeOptions extends GateOptions {
  readonly for?: string;
  readonly max?: string;
  /** --for connectors: maxCalls, the simultaneous calls the pool is sized for (default: the simulated peak) */
  readonly calls?: string;
}

/** One size command, planned: what every kind of search starts from and reports with. */
export interface Sizing {
  readonly opts: SizeOptions;
  readonly workers: number;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replications: number;
  /** what report.html says ran; its command line is also the JSON's */
  readonly provenance: Provenance;
  readonly ctx: SizingContext;
}

/** A search on one pool of --workers threads, started once for all its tries and stopped before anything is written. */
export function onPool<T>(workers: number, search: (run: ExperimentRunner) => Promise<T>): Promise<T> {
  return withPool(workers, (pool) => search(experimentRunner(pool)));
}


/** The search's cost, the last line of every sizing's table. */
export function usedLine(used: number, tries: number, most: number): string {
  return `replications simulated: ${used} in ${tries} tr${tries === 1 ? "y" : "ies"} (at most ${most} a try; a try stops at the first look whose verdict is clear)`;
}
