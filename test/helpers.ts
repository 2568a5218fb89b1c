// Shared fixtures for the model tests: load a scenario from text, run it, build a contact center to poke at directly.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { Simulation } from "../src/kernel/simulation.js";
import { runExperiment } from "../src/experiment/experiment.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import type { Scenario } from "../src/scenario/types.js";
import { OBSERVER_METHODS, type Observer } from "../src/model/observer.js";
import { buildContactCenter } from "../src/model/build.js";
import type { ContactCenter } from "../src/model/contact-center.js";
import type { ExperimentResult } from "../src/observe/results.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function scenarioOf(yaml: string, overrides: string[] = []): Scenario {
  return loadScenario({ text: yaml, file: "test.yaml", overrides });
}

export function scenarioFile(name: string, overrides: string[] = []): Scenario {
  return loadScenario({ file: `${ROOT}/scenarios/${name}`, overrides });
}

export function run(s: Scenario, replications?: number, seed?: number): ExperimentResult {
  return runExperiment(s, { replications, seed });
}

/** An observer that ignores everything, as a plain object (a class's methods would not survive a spread): spread it
 *  and override what a test listens to. */
export const silent: Observer = Object.fromEntries(OBSERVER_METHODS.map((n) => [n, () => {}])) as unknown as Observer;

/** The scenario's contact center, built on a fresh kernel and not started (`world.start()` starts it). */
export function worldOf(s: Scenario, observer: Observer = silent): { world: ContactCenter; sim: Simulation } {
  const sim = new Simulation();
  const world = buildContactCenter(s, sim, new RandomStreams(s.seed, 0), observer);
  return { world, sim };
}

/** Runs the built CLI (`npm test` builds first) and returns its exit code and output. */
export function ccsim(args: string[], opts: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [`${ROOT}/bin/ccsim.js`, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, CCSIM_DEBUG: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A maker of fresh temporary folders for one test file, all removed when its tests are done. Call at top level. */
export function tempFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `ccsim-${prefix}-`));
    made.push(d);
    return d;
  };
}

/** every file of a folder, name -> bytes, in name order */
export function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n))]));
}

/** The smallest scenario that loads: one site, one group, one type. */
export const MINIMAL = `
sites: [{ id: dc1 }]
agents: [{ group: all, count: 10, skills: { any: 1 } }]
traffic: [{ type: calls, arrivals: { rate: 1/min }, handleTime: 3m, target: any }]
`;

/** A textbook queue's center: one node, no network delay, no reservation (a call is routed the instant it arrives). */
export const TEXTBOOK = `
sites: [ { id: dc1, nodes: 1 } ]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { reservation: { mode: none } }
`;

/** A day measured as one interval: 8 hours after a 30-minute warm-up, service level within 20 s. */
export const WORKDAY = `
horizon: 8h
warmup: 30m
interval: 8h
serviceLevel: 20s
`;

/** The InputError `f` throws; fails the test when it throws nothing, and rethrows anything else. */
export function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError, got none");
}

/** A bad-input corpus's expect.txt: each line `FILE  LINE:COL  MESSAGE SUBSTRING`, `#` lines and blank ones skipped. */
export function corpusCases(dir: string): { file: string; at: string; message: string }[] {
  return readFileSync(join(dir, "expect.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => {
      const m = /^(\S+)\s+(\d+:\d+)\s+(.+)$/.exec(l)!;
      return { file: m[1]!, at: m[2]!, message: m[3]!.trim() };
    });
}
