// Class 8 of issue 17: ccsim merge checks every partial against its schema and its scenario's shape before merging;
// real partials made by --shard, mutated one field at a time, are each refused with one line naming file and path.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ccsim, filesOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("merge-partials");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** runs every shard of a command into one folder and returns the partials' parsed JSON, by shard index from 1 */
function partialsOf(args: string[], n: number): { dir: string; parts: Json[] } {
  const dir = tmp();
  for (let i = 1; i <= n; i++) {
    const r = ccsim([...args, "--shard", `${i}/${n}`, "--out", dir, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
  }
  const parts = Array.from({ length: n }, (_, k) => JSON.parse(readFileSync(join(dir, `partial-${k + 1}-of-${n}.json`), "utf8")) as Json);
  return { dir, parts };
}

/** writes the partials, `change` applied to a deep copy of shard `which`'s, into a fresh folder */
function mutated(parts: Json[], which: number, change: (p: Json) => void, raw?: string): string {
  const dir = tmp();
  parts.forEach((p, k) => {
    const name = `partial-${k + 1}-of-${parts.length}.json`;
    if (k + 1 !== which) return writeFileSync(join(dir, name), JSON.stringify(p));
    const copy = structuredClone(p);
    change(copy);
    writeFileSync(join(dir, name), raw ?? JSON.stringify(copy));
  });
  return dir;
}

/** merge of the folder must be refused: exit 2, exactly one line matching `message`, nothing written */
function refused(dirs: string[], message: RegExp): void {
  const out = join(tmp(), "out");
  const r = ccsim(["merge", ...dirs, "--out", out]);
  expect(r.stderr, message.source).toMatch(message);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |node:internal/);
  expect(existsSync(out), r.stderr).toBe(false);
}

const RUN = ["run", "scenarios/erlang-c.yaml", "--set", "horizon=1h", "--set", "warmup=0", "--replications", "4"];
let run: Json[];
let runDir: string;

beforeAll(() => {
  ({ dir: runDir, parts: run } = partialsOf(RUN, 2));
});

describe("class 8: merge refuses a partial whose results are broken, naming the file and the JSON path", () => {
  it("control: the unmutated partials, rewritten, still merge into the single run's bytes", () => {
    const single = tmp();
    expect(ccsim([...RUN, "--out", single, "--quiet"]).code).toBe(0);
    const merged = join(tmp(), "merged");
    const r = ccsim(["merge", mutated(run, 1, () => {}), "--out", merged, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesOf(merged)).toEqual(filesOf(single));
  });

  it("a result without its metrics (it merged into a summary of nulls with exit 0)", () => {
    refused([mutated(run, 1, (p) => delete p.results[0].result.metrics)],
      /^\S*partial-1-of-2\.json: results\[0\]\.result\.metrics: expected a mapping, got nothing \(the field is missing\)$/m);
  });

  it("a metric nulled (a null count became 0)", () => {
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.serviceLevel = null))],
      /partial-1-of-2\.json: results\[0\]\.result\.metrics\.serviceLevel: expected a number, got null/);
    refused([mutated(run, 2, (p) => (p.results[1].result.metrics.offered = null))],
      /partial-2-of-2\.json: results\[1\]\.result\.metrics\.offered: expected a number, got null/);
  });

  it("an empty byNode (it dropped the slice), and a node slice renamed in one partial only", () => {
    refused([mutated(run, 2, (p) => (p.results[0].result.byNode = {}))],
      /partial-2-of-2\.json: results\[0\]\.result\.byNode\["dc1\.n1"\]: expected a mapping, got nothing \(the field is missing\)$/m);
    refused([mutated(run, 2, (p) => {
      const byNode = p.results[1].result.byNode;
      byNode["dc1.n9"] = byNode["dc1.n1"];
      delete byNode["dc1.n1"];
    })], /partial-2-of-2\.json: results\[1\]\.result\.byNode\["dc1\.n9"\]: not a field of this scenario's results \(expected dc1\.n1\)$/m);
  });

  it("a field retyped, a NaN-like string, an encoded non-finite number, an encoding ccsim never writes", () => {
    refused([mutated(run, 1, (p) => (p.results[0].result.events = String(p.results[0].result.events)))],
      /partial-1-of-2\.json: results\[0\]\.result\.events: expected a number, got "\d+"$/m);
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.asa = "NaN"))],
      /results\[0\]\.result\.metrics\.asa: expected a number, got "NaN"$/m);
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.asa = { $number: "Infinity" }))],
      /results\[0\]\.result\.metrics\.asa: expected a finite number, got Infinity$/m);
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.asa = { $number: "1e3" }))],
      /results\[0\]\.result\.metrics\.asa: expected a number, got a mapping \{\$number\}$/m);
    refused([mutated(run, 1, (p) => (p.results[0].result.intervals = {}))],
      /results\[0\]\.result\.intervals: expected a list, got an empty mapping$/m);
  });

  it("a negative, a fractional or a huge count", () => {
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.answered = -1))],
      /results\[0\]\.result\.metrics\.answered: expected a count \(a whole number from 0\), got -1$/m);
    refused([mutated(run, 2, (p) => (p.results[0].result.byNode["dc1.n1"].offered = 1.5))],
      /results\[0\]\.result\.byNode\["dc1\.n1"\]\.offered: expected a count \(a whole number from 0\), got 1\.5$/m);
    refused([mutated(run, 2, (p) => (p.results[0].result.agentsPerNode["dc1.n1"] = -14))],
      /results\[0\]\.result\.agentsPerNode\["dc1\.n1"\]: expected a count/);
    refused([mutated(run, 2, (p) => (p.results[0].result.metrics.asa = 1e308))],
      /results\[0\]\.result\.metrics\.asa: expected a number of magnitude at most 9007199254740991, got 1e\+308$/m);
  });

  it("an extra unknown field, in a result and at the top", () => {
    refused([mutated(run, 1, (p) => (p.results[0].result.metrics.bogus = 1))],
      /results\[0\]\.result\.metrics\.bogus: not a field of this scenario's results/);
    refused([mutated(run, 1, (p) => (p.extra = true))],
      /partial-1-of-2\.json: extra: not a field of a ccsim partial result/);
    refused([mutated(run, 1, (p) => (p.results[0].note = "x"))],
      /partial-1-of-2\.json: results\[0\]\.note: not a field of a ccsim partial result/);
  });

  it("lists of the wrong length: intervals, and results whose replication counts do not add up", () => {
    refused([mutated(run, 1, (p) => p.results[0].result.intervals.pop())],
      /results\[0\]\.result\.intervals: expected a list of 3 \(what the scenario gives\), got a list of 2$/m);
    refused([mutated(run, 2, (p) => p.results.pop())], /partial-2-of-2\.json: lacks the result of point 0, replication 3$/m);
    refused([mutated(run, 2, (p) => p.results.push(structuredClone(p.results[0])))],
      /partial-2-of-2\.json: results\[2\]: a result that is not shard 2\/2's \(point 0, replication 1\)$/m);
    refused([mutated(run, 1, (p) => (p.results[0].result.intervals[0].end = 1800))],
      /results\[0\]\.result\.intervals\[0\]\.end: expected 3600 \(what the scenario gives\), got 1800$/m);
  });

  it("a wrong format or version, a shard index out of range, two partials of the same shard, a huge shard count", () => {
    refused([mutated(run, 1, (p) => (p.format = "ccsim-partial/2"))], /partial-1-of-2\.json: not a ccsim partial result \(expected "format": "ccsim-partial\/1"\)$/m);
    refused([mutated(run, 1, (p) => (p.ccsim = "0.0.1"))], /partial-1-of-2\.json: made by ccsim 0\.0\.1, and this is ccsim/);
    // another version's partial is named as such, not by the first field this version's schema misses in it
    refused([mutated(run, 1, (p) => {
      p.ccsim = "9.0.0";
      delete p.results;
    })], /partial-1-of-2\.json: made by ccsim 9\.0\.0, and this is ccsim \S+: merge with the version that ran the shards$/m);
    refused([mutated(run, 2, (p) => (p.shard.index = 3))], /partial-2-of-2\.json: shard\.index: expected a shard index from 1 to 2, got 3$/m);
    refused([mutated(run, 2, (p) => (p.shard.index = 0))], /partial-2-of-2\.json: shard\.index: expected at least 1, got 0$/m);
    refused([mutated(run, 2, (p) => (p.shard.index = 1.5))], /partial-2-of-2\.json: shard\.index: expected a whole number, got 1\.5$/m);
    refused([mutated(run, 2, (p) => (p.shard = { index: 1, count: 2 }))], /partial-2-of-2\.json: shard 1\/2 again \(also in \S*partial-1-of-2\.json\)$/m);
    const huge = (p: Json) => (p.shard.count = Number.MAX_SAFE_INTEGER);
    refused([mutated(mutated_(run, 1, huge), 2, huge)], /^ccsim merge: missing shards 3\/9007199254740991, 4\/\d+, 5\/\d+, 6\/\d+, 7\/\d+, \.\.\. \(9007199254740989 in all\)$/m);
  });

  it("partials of different runs, scenarios or seeds, and a source or hash edited by hand", () => {
    refused([mutated(run, 2, (p) => (p.source.seed = 99))], /partial-2-of-2\.json: seed 99, but \S+ has seed 2026$/m);
    refused([mutated(run, 2, (p) => (p.source.replications = 6))], /partial-2-of-2\.json: 6 replications, but \S+ has 4$/m);
    refused([mutated(run, 2, (p) => (p.hash = "0".repeat(64)))], /partial-2-of-2\.json: another study than/);
    refused([mutated(run, 2, (p) => (p.hash = "not-a-hash"))], /partial-2-of-2\.json: hash: expected a sha-256 in hex, got "not-a-hash"$/m);
    refused([mutated(run, 1, (p) => (p.source.kind = "bogus"))], /partial-1-of-2\.json: source\.kind: expected "run" or "compare" or "sweep", got "bogus"$/m);
    refused([mutated(run, 1, (p) => (p.source.set = "horizon=1h"))], /partial-1-of-2\.json: source\.set: expected a list, got "horizon=1h"$/m);
    refused([mutated(run, 1, (p) => (p.source.points = []))], /partial-1-of-2\.json: source\.points: expected at least 1 entries, got an empty list$/m);
    refused([mutated(run, 1, (p) => (p.results[0].point = "0"))], /partial-1-of-2\.json: results\[0\]\.point: expected a number, got "0"$/m);
    refused([mutated(run, 1, () => {}, "null")], /partial-1-of-2\.json: not a ccsim partial result/);
    refused([mutated(run, 1, () => {}, "[1,2]")], /partial-1-of-2\.json: not a ccsim partial result/);
    refused([mutated(run, 1, () => {}, '{"format":"ccsim-partial/1"}')], /partial-1-of-2\.json: ccsim: expected a string, got nothing$/m);
  });
});

describe("class 8: compare and sweep partials are checked the same way", () => {
  const COMPARE = ["compare", "scenarios/erlang-c.yaml", "--set", "horizon=30m", "--set", "warmup=0", "--replications", "2",
    "--vary", "agents[0].count=13,14"];
  const SWEEP = ["sweep", "scenarios/two-sites-node-based.yaml", "--set", "horizon=30m", "--set", "warmup=0", "--replications", "2",
    "--vary", "sites[*].nodes=1,2"];

  it("compare: a point's type slice removed, a point out of range, a compare with one point", () => {
    const { dir, parts } = partialsOf(COMPARE, 2);
    expect(ccsim(["merge", dir, "--out", join(tmp(), "ok"), "--quiet"]).code).toBe(0);
    refused([mutated(parts, 1, (p) => delete p.results[1].result.byType.calls)],
      /partial-1-of-2\.json: results\[1\]\.result\.byType\.calls: expected a mapping, got nothing/);
    refused([mutated(parts, 1, (p) => (p.results[1].point = 5))], /partial-1-of-2\.json: results\[1\]: a result that is not shard 1\/2's \(point 5, replication 0\)$/m);
    refused([mutated(parts, 2, (p) => p.source.points.pop())], /partial-2-of-2\.json: source\.points: expected at least two points for a compare, got a list of 1$/m);
  });

  it("sweep: a slice of the 2-node point given to the 1-node point, a point without its varied value", () => {
    const { dir, parts } = partialsOf(SWEEP, 2);
    expect(ccsim(["merge", dir, "--out", join(tmp(), "ok"), "--quiet"]).code).toBe(0);
    // point 0 has one node a site, point 1 two: a result of point 1 moved to point 0 does not have point 0's shape
    refused([mutated(parts, 1, (p) => {
      const one = p.results.find((r: Json) => r.point === 0);
      const two = p.results.find((r: Json) => r.point === 1);
      one.result = two.result;
    })], /partial-1-of-2\.json: results\[\d\]\.result\.bySite\.\w+: |partial-1-of-2\.json: results\[\d\]\.result\.byNode\["[\w.]+"\]: not a field of this scenario's results/);
    refused([mutated(parts, 2, (p) => (p.source.points[0].values = []))],
      /partial-2-of-2\.json: source\.points\[0\]\.values: expected one value per varied path \(1\), got an empty list$/m);
  });
});

/** mutated, returning the parts rather than a folder, so that two mutations can be combined */
function mutated_(parts: Json[], which: number, change: (p: Json) => void): Json[] {
  return parts.map((p, k) => {
    if (k + 1 !== which) return p;
    const copy = structuredClone(p);
    change(copy);
    return copy;
  });
}

// the folder made before the tests is read too: a folder of real partials merges (the fixture itself is sound)
describe("class 8: the fixture", () => {
  it("the real partials merge with exit 0", () => {
    expect(ccsim(["merge", runDir, "--out", join(tmp(), "ok"), "--quiet"]).code).toBe(0);
  });
});

// a replication the drain limit stopped carries cutAtDrainLimit, the one field no template made before the run has
describe("class 8: a partial of runs cut at the drain limit", () => {
  const ENDLESS = ["run", "scenarios/erlang-c.yaml", "--set", "horizon=10m", "--set", "warmup=0", "--replications", "2",
    "--set", "agents[0].noAnswer=1", "--set", "agents[0].noAnswerNotReady=0"];

  it("merges into the single run's bytes, and a cutAtDrainLimit that is not a count from 1 is refused", () => {
    const { parts } = partialsOf(ENDLESS, 2);
    expect(parts[0]!.results[0].result.cutAtDrainLimit).toBeGreaterThan(0);
    const single = tmp();
    expect(ccsim([...ENDLESS, "--out", single, "--quiet"]).code).toBe(0);
    const merged = join(tmp(), "merged");
    const r = ccsim(["merge", mutated(parts, 1, () => {}), "--out", merged, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(filesOf(merged)).toEqual(filesOf(single));
    refused([mutated(parts, 1, (p) => (p.results[0].result.cutAtDrainLimit = -3))],
      /partial-1-of-2\.json: results\[0\]\.result\.cutAtDrainLimit: expected a count \(a whole number from 0\), got -3$/m);
    refused([mutated(parts, 2, (p) => (p.results[0].result.cutAtDrainLimit = 0))],
      /partial-2-of-2\.json: results\[0\]\.result\.cutAtDrainLimit: expected a count from 1/);
  });
});
