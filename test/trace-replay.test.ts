// Trace replay: recorded arrivals replayed through a deployment, columns that override a type's draws, resampled
// days, and bad traces refused at their row and column.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../src/experiment/experiment.js";
import type { Call } from "../src/model/sip/call.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import type { Scenario } from "../src/scenario/types.js";
import { ROOT, ccsim, corpusCases, scenarioFile, silent, worldOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("trace");

/** A scenario in a fresh folder beside its trace, loaded from there. */
function withTrace(csv: string, yaml: string, overrides: string[] = []): Scenario {
  const dir = tmp();
  writeFileSync(join(dir, "calls.csv"), csv);
  writeFileSync(join(dir, "s.yaml"), yaml);
  return loadScenario({ file: join(dir, "s.yaml"), overrides });
}

const ONE_TYPE = `
sites: [{ id: dc1 }]
horizon: 1h
agents: [{ group: a, count: 2, skills: { s: 1 } }]
traffic: [{ type: calls, arrivals: { trace: calls.csv }, handleTime: 5m, target: s, priority: 2 }]
`;

/** Every call of one replication, as the model made it at arrival. */
function callsOf(s: Scenario): Call[] {
  const calls: Call[] = [];
  const { world, sim } = worldOf(s, { ...silent, arrival: (c) => calls.push(c) });
  world.start();
  sim.run();
  return calls;
}

describe("the shipped example", () => {
  it("scenarios/example-trace.csv is exactly what scenarios/make-example-trace.js writes", () => {
    const out = join(tmp(), "trace.csv");
    const r = spawnSync(process.execPath, [join(ROOT, "scenarios", "make-example-trace.js"), out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, "scenarios", "example-trace.csv")))).toBe(true);
  });

  it("replays to the same numbers as the profile it was drawn from, on the same seed", () => {
    const trace = runExperiment(scenarioFile("example-trace.yaml"), { replications: 1 });
    const profile = runExperiment(scenarioFile("example-profile.yaml"), { replications: 1 });
    expect(trace.metrics.offered!.mean).toBeGreaterThan(1000);
    expect(trace.metrics).toEqual(profile.metrics);
    expect(trace.byType).toEqual(profile.byType);
    expect(trace.byGroup).toEqual(profile.byGroup);
    expect(trace.intervals).toEqual(profile.intervals);
  });

  it("replications replay the same calls and draw new patience where the trace has none", () => {
    const r = runExperiment(scenarioFile("example-trace.yaml"), { replications: 3 });
    const offered = r.perReplication.map((m) => m.offered);
    expect(new Set(offered)).toEqual(new Set([offered[0]]));
    const answered = r.perReplication.map((m) => m.answered);
    expect(new Set(answered).size).toBeGreaterThan(1);
  });

  it("carries the trace's own arrivals per interval as the type's profile", () => {
    const s = scenarioFile("example-trace.yaml");
    const sales = s.traffic[0]!;
    const counted = sales.arrivals.rates.reduce((n, r) => n + r * sales.arrivals.period, 0);
    expect(Math.round(counted)).toBe(sales.trace!.times.length);
    expect(sales.arrivals.period).toBe(s.interval);
  });
});

describe("columns that override a type's draws", () => {
  it("a handle time in the row is the call's; an empty cell draws from the type's distribution", () => {
    const calls = callsOf(withTrace("time,handleTime\n10,90\n20,\n30,1m30s\n", ONE_TYPE));
    expect(calls.map((c) => [c.arrival, c.handleTime])).toEqual([[10, 90], [20, 300], [30, 90]]);
  });

  it("a patience in the row makes the caller hang up then; an empty cell on a type without patience never does", () => {
    const calls = callsOf(withTrace("time,patience\n10,45\n20,\n", ONE_TYPE));
    expect(calls.map((c) => c.abandonAt)).toEqual([55, Infinity]);
  });

  it("a priority in the row is the call's own, the type's elsewhere, and the call still counts under its type", () => {
    const s = withTrace("time,priority\n10,7\n20,\n30,7\n", ONE_TYPE);
    const calls = callsOf(s);
    expect(calls.map((c) => c.priority)).toEqual([7, 2, 7]);
    expect(calls.map((c) => c.type.id)).toEqual(["calls", "calls", "calls"]);
    expect(runExperiment(s, { replications: 1 }).byType).toHaveProperty("calls");
  });

  it("rows past the horizon are not replayed", () => {
    const calls = callsOf(withTrace("time\n10\n3599.5\n3600\n5000\n", ONE_TYPE));
    expect(calls.map((c) => c.arrival)).toEqual([10, 3599.5]);
  });

  it("ISO timestamps count from the scenario's start, whatever the zone they are written in", () => {
    const csv = "time\n2024-03-04T08:00:10Z\n2024-03-04T09:00:20+01:00\n2024-03-04 08:01:00.5\n";
    const calls = callsOf(withTrace(csv, `${ONE_TYPE}start: 2024-03-04T08:00:00Z\n`));
    expect(calls.map((c) => c.arrival)).toEqual([10, 20, 60.5]);
  });
});

describe("one trace for several types", () => {
  const TWO_SITES = `
sites: [{ id: dc1 }, { id: dc2 }]
horizon: 1h
agents: [{ group: a, site: dc1, count: 2, skills: { s: 1 } }, { group: b, site: dc2, count: 2, skills: { s: 1 } }]
traffic:
  - { type: east, site: dc1, arrivals: { trace: calls.csv }, handleTime: 1m, target: s }
  - { type: west, site: dc2, arrivals: { trace: calls.csv }, handleTime: 1m, target: s }
`;

  it("a type column sends each row to its type", () => {
    const s = withTrace("time,type\n1,east\n2,west\n3,west\n", TWO_SITES);
    expect(Array.from(s.traffic[0]!.trace!.times)).toEqual([1]);
    expect(Array.from(s.traffic[1]!.trace!.times)).toEqual([2, 3]);
  });

  it("a site column does too, when there is one type per entry site", () => {
    const s = withTrace("time,site\n1,dc2\n2,dc1\n3,dc2\n", TWO_SITES);
    expect(Array.from(s.traffic[0]!.trace!.times)).toEqual([2]);
    expect(Array.from(s.traffic[1]!.trace!.times)).toEqual([1, 3]);
  });

  it("a row that could belong to either is refused, not guessed", () => {
    expect(() => withTrace("time\n1\n", TWO_SITES)).toThrow(/calls\.csv:2:1: time: this row fits traffic types east, west/);
  });
});

describe("resampled days", () => {
  // three days with 1, 2 and 3 calls, at 01:00, 02:00, 03:00 of their day
  const csv = "time\n3600\n93600\n97200\n180000\n183600\n187200\n";
  const yaml = `
sites: [{ id: dc1 }]
horizon: 72h
interval: 24h
replications: 6
agents: [{ group: a, count: 2, skills: { s: 1 } }]
traffic: [{ type: calls, arrivals: { trace: calls.csv, resample: true }, handleTime: 5m, target: s }]
`;

  it("each replication replays whole days of the trace, each at its own time of day", () => {
    const s = withTrace(csv, yaml);
    const r = runExperiment(s);
    const offered = r.perReplication.map((m) => m.offered!);
    // a day replays 1, 2 or 3 calls: every replication is a sum of three of them, and they are not all the same
    for (const n of offered) expect(n >= 3 && n <= 9).toBe(true);
    expect(new Set(offered).size).toBeGreaterThan(1);
    const calls = callsOf(s);
    for (const c of calls) expect([3600, 7200, 10800]).toContain(c.arrival % 86400);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.arrival).toBeGreaterThanOrEqual(calls[i - 1]!.arrival);
  });

  it("needs a horizon of whole days", () => {
    expect(() => withTrace(csv, yaml.replace("72h", "30h"))).toThrow(/arrivals\.resample: .*whole days, at least 2.*got 30h/);
  });
});

describe("bad traces", () => {
  const DIR = join(ROOT, "test", "fixtures", "bad-trace");
  const cases = corpusCases(DIR);
  const scenarioText = readFileSync(join(DIR, "scenario.yaml"), "utf8");

  function loadWith(trace: string): InputError {
    try {
      loadScenario({ file: join(DIR, "scenario.yaml"), text: scenarioText.replace("unsorted.csv", trace) });
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error(`${trace} loaded`);
  }

  it("lists every CSV of the folder (but the one with a test of its own)", () => {
    const csvs = readdirSync(DIR).filter((f) => f.endsWith(".csv") && f !== "nothing-before-horizon.csv");
    expect(cases.map((c) => c.file).sort()).toEqual(csvs.sort());
  });

  for (const c of cases) {
    it(`${c.file}: ${c.message}`, () => {
      const err = loadWith(c.file);
      expect(err.message.startsWith(`${join(DIR, c.file)}:${c.at}: `), err.message).toBe(true);
      expect(err.message).toContain(c.message);
      expect(err.message).not.toContain("\n");
    });
  }

  it("a trace with nothing before the horizon is named where the scenario names it", () => {
    const err = loadWith("nothing-before-horizon.csv");
    expect(err.message).toMatch(/scenario\.yaml:9:\d+: traffic\[0\]\.arrivals\.trace: the trace has no arrivals of sales before the horizon \(1h\)/);
  });

  it("a missing trace is named where the scenario names it", () => {
    const err = loadWith("no-such.csv");
    expect(err.message).toMatch(/scenario\.yaml:9:\d+: traffic\[0\]\.arrivals\.trace: cannot read the trace: no such file/);
  });

  it("through the command line: exit 2, one line, and nothing written to --out", () => {
    for (const c of cases.slice(0, 4)) {
      const out = join(tmp(), "out");
      const r = ccsim(["run", join(DIR, "scenario.yaml"), "--set", `traffic[0].arrivals.trace=${c.file}`, "--out", out]);
      expect(r.code, c.file).toBe(2);
      expect(r.stderr.trim().split("\n"), c.file).toHaveLength(1);
      expect(r.stderr, c.file).toContain(`${c.file}:${c.at}: `);
      expect(existsSync(out)).toBe(false);
    }
  });
});
