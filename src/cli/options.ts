// Options shared by the commands that run a scenario: the file (or the demo), --set, --seed, --replications, --workers.
// What they make of them (the plan) is experiment/plan.ts's.

import { availableParallelism } from "node:os";
import { readScenarioText } from "../scenario/read-scenario.js";
import { DEMO_SCENARIO } from "../scenario/demo.js";
import { InputError } from "../scenario/errors.js";

export interface CommonOptions {
  readonly set?: readonly string[];
  readonly seed?: string;
  readonly replications?: string;
}

export function wholeNumber(flag: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min) {
    throw new InputError(flag, undefined, `expected a whole number >= ${min}, got ${JSON.stringify(v)}`);
  }
  return n;
}

/** A run estimated to take less than this (seconds on one core) stays in one thread when --workers is not given: each
 *  thread pays its start and its JIT's warm-up, and V8 compiles each thread's hot code again on other threads
 *  (docs/speed.md: 0.40 s of background CPU on one thread, 0.72 s on two), so 20 short replications gain little on
 *  two threads (`npm run bench`'s --workers lines) while long ones gain most of 2x. */
export const SMALL_RUN_SECONDS = 2;

/** --workers as given (checked at once, before anything is loaded), undefined when not given. */
export function workersFlag(v: string | undefined): number | undefined {
  return wholeNumber("--workers", v, 1);
}

/** The threads replications are spread over: --workers, or without it the machine's cores, or one thread for a run
 *  estimated to take under SMALL_RUN_SECONDS. The output is the same whatever the count. */
export function workerCount(flag: number | undefined, estimatedSeconds: number): number {
  if (flag !== undefined) return flag;
  return estimatedSeconds < SMALL_RUN_SECONDS ? 1 : availableParallelism();
}

/** --seed and --replications as given (undefined: the scenario's). */
export function settleFlags(opts: CommonOptions): { seed?: number; replications?: number } {
  return { seed: wholeNumber("--seed", opts.seed, 0), replications: wholeNumber("--replications", opts.replications, 1) };
}

/** The scenario's text for a study's source: the file's, or the demo's. */
export function scenarioText(file: string | undefined): string {
  return file === undefined ? DEMO_SCENARIO : readScenarioText(file);
}

/** Says where the outputs went: on stderr, so that a table piped from stdout holds the table alone. */
export function wroteOut(dir: string): void {
  process.stderr.write(`wrote ${dir}/\n`);
}
