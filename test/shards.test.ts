// Shards: --shard i/n runs a deterministic slice of a study; ccsim merge gives back exactly the single run's bytes,
// and refuses partial results that do not belong together.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shardJobs, parseShard } from "../src/experiment/shard.js";
import { ccsim, tempFolders, filesOf } from "./helpers.js";

const tmp = tempFolders("shards");

const SCENARIO = "scenarios/two-sites-node-based.yaml";
const SMALL = ["--set", "horizon=1h", "--set", "warmup=10m", "--replications", "6", "--quiet"];

/** runs the shards of a command, each into a folder of its own (as CI artifacts arrive), and returns the folders */
function shards(args: string[], n: number, extra: (i: number) => string[] = () => []): string[] {
  const root = tmp();
  return Array.from({ length: n }, (_, k) => {
    const dir = join(root, `shard-${k + 1}`);
    const r = ccsim([...args, "--shard", `${k + 1}/${n}`, "--out", dir, ...extra(k + 1)]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([`partial-${k + 1}-of-${n}.json`]);
    return dir;
  });
}

describe("merge of shards", () => {
  it("a run in 4 shards merges into the single run's summary.json and CSV files, byte for byte", () => {
    const run = ["run", SCENARIO, ...SMALL];
    const single = tmp();
    expect(ccsim([...run, "--out", single]).code).toBe(0);
    const merged = join(tmp(), "merged");
    const m = ccsim(["merge", ...shards(run, 4), "--out", merged, "--quiet"]);
    expect(m.code, m.stderr).toBe(0);
    expect(Object.keys(filesOf(merged))).toEqual(["groups.csv", "intervals.csv", "nodes.csv", "report.html", "summary.json", "urs.csv"]);
    expect(filesOf(merged)).toEqual(filesOf(single));
  });

  it("a compare in 4 shards, run on different thread counts, merges into the single compare's files and table", () => {
    const compare = ["compare", SCENARIO, "--vary", "routing.mode=node-based,centralized", ...SMALL];
    const single = tmp();
    expect(ccsim([...compare, "--out", single]).code).toBe(0);
    const merged = join(tmp(), "merged");
    const dirs = shards(compare, 4, (i) => ["--workers", String(1 + (i % 2))]);
    expect(ccsim(["merge", ...dirs, "--out", merged, "--quiet"]).code).toBe(0);
    expect(filesOf(merged)).toEqual(filesOf(single));
    // and what it prints is what compare prints
    const table = ccsim(["merge", ...dirs]).stdout;
    expect(table).toMatch(/centralized - node-based/);
    expect(table).toBe(ccsim(compare.filter((a) => a !== "--quiet")).stdout);
  });

  it("a sweep's shards written into one shared folder merge into the single sweep's files", () => {
    const sweep = ["sweep", SCENARIO, "--vary", "sites[*].nodes=1,2,4", ...SMALL, "--replications", "3"];
    const single = tmp();
    expect(ccsim([...sweep, "--out", single]).code).toBe(0);
    const shared = join(tmp(), "shared");
    for (let i = 1; i <= 4; i++) expect(ccsim([...sweep, "--shard", `${i}/4`, "--out", shared]).code).toBe(0);
    const merged = join(tmp(), "merged");
    expect(ccsim(["merge", shared, "--out", merged, "--quiet"]).code).toBe(0);
    expect(filesOf(merged)).toEqual(filesOf(single));
  });
});

describe("merge refuses partial results that do not belong together", () => {
  const run = ["run", SCENARIO, ...SMALL, "--replications", "2"];
  const refused = (args: string[], message: RegExp) => {
    const out = join(tmp(), "out");
    const r = ccsim(["merge", ...args, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  };

  it("a missing shard", () => {
    const [a] = shards(run, 2);
    refused([a!], /^ccsim merge: missing shard 2\/2$/m);
  });

  it("--metrics on run partials: a run's table shows every metric, so the flag is refused, not ignored", () => {
    refused([...shards(run, 2), "--metrics", "serviceLevel"], /^--metrics: chooses the columns of a compare or sweep table/m);
  });

  it("the same shard twice", () => {
    const [a, b] = shards(run, 2);
    const copy = tmp();
    copyFileSync(join(b!, "partial-2-of-2.json"), join(copy, "partial-2-of-2.json"));
    refused([a!, b!, copy], /partial-2-of-2\.json: shard 2\/2 again \(also in .*partial-2-of-2\.json\)$/m);
  });

  it("another seed, another --set, another command, another shard count", () => {
    const [a] = shards(run, 2);
    refused([a!, shards([...run, "--seed", "99"], 2)[1]!], /: seed 99, but .* has seed 7$/m);
    refused([a!, shards([...run, "--set", "agents[0].count=50"], 2)[1]!], /: another study than .* \(a different scenario, --set or --vary\)$/m);
    refused([a!, shards(["compare", SCENARIO, ...SMALL, "--replications", "2", "--vary", "routing.mode=node-based,centralized"], 2)[1]!],
      /: a compare partial, but .* is a run partial$/m);
    refused([a!, shards(run, 3)[1]!], /: shard 2\/3, but .* is one of 2 shards$/m);
  });

  it("another ccsim version, a partial edited by hand, a file that is no partial result, a folder without any", () => {
    const [a, b] = shards(run, 2);
    const old = tmp();
    const text = readFileSync(join(b!, "partial-2-of-2.json"), "utf8");
    writeFileSync(join(old, "partial-2-of-2.json"), text.replace(/"ccsim":"[^"]+"/, '"ccsim":"0.0.1"'));
    refused([a!, old], /: made by ccsim 0\.0\.1, and this is ccsim \d+\.\d+\.\d+: merge with the version that ran the shards$/m);
    const junk = join(tmp(), "partial-2-of-2.json");
    writeFileSync(junk, "{}");
    refused([a!, junk], /partial-2-of-2\.json: not a ccsim partial result/);
    const edited = tmp();
    writeFileSync(join(edited, "partial-2-of-2.json"), text.replace('"set":["', '"set":["agents[0].count=50","'));
    refused([edited, a!], /partial-2-of-2\.json: its scenario no longer gives the study its hash names/);
    const empty = tmp();
    mkdirSync(join(empty, "nothing"));
    refused([join(empty, "nothing")], /nothing: holds no partial-I-of-N\.json/);
  });
});

describe("--shard", () => {
  it("needs --out, and i/n with 1 <= i <= n", () => {
    for (const [args, message] of [
      [["--shard", "1/2"], /^--shard: needs --out DIR/],
      [["--shard", "3/2", "--out", tmp()], /^--shard: expected i\/n with 1 <= i <= n \(e\.g\. 2\/4\), got "3\/2"$/],
      [["--shard", "0/2", "--out", tmp()], /^--shard: expected i\/n/],
      [["--shard", "1/2", "--out", tmp(), "--json"], /^--shard: a shard has no summary to print/],
    ] as const) {
      const r = ccsim(["run", SCENARIO, ...SMALL, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim(), args.join(" ")).toMatch(message);
    }
  });

  it("is refused by check and size, with why: a check is judged on all replications, a size search is sequential", () => {
    for (const [args, message] of [
      [["check", "scenarios/gate-pass.yaml"], /^--shard: a check judges its targets on all replications together: run it whole .* or shard `ccsim run` and `ccsim merge` the partials/],
      [["size", "scenarios/gate-fail.yaml"], /^--shard: a size search cannot be split: .* the tries run one after another/],
    ] as const) {
      const out = join(tmp(), "out");
      const r = ccsim([...args, "--shard", "1/2", "--out", out]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split("\n"), args[0]).toHaveLength(1);
      expect(r.stderr.trim(), args[0]).toMatch(message);
      expect(existsSync(out), args[0]).toBe(false);
    }
  });

  it("gives every point's replications to every shard in equal measure, to within one", () => {
    // 3 points x 10 replications over 4 shards: each shard runs 2 or 3 replications of every point
    const jobs = [0, 1, 2].flatMap((point) => Array.from({ length: 10 }, (_, replication) => ({ point, replication })));
    const slices = [1, 2, 3, 4].map((i) => shardJobs(jobs, parseShard(`${i}/4`)));
    expect(slices.flat().length).toBe(30);
    expect(new Set(slices.flat()).size).toBe(30);
    for (const slice of slices) {
      for (const point of [0, 1, 2]) expect([2, 3]).toContain(slice.filter((j) => j.point === point).length);
    }
  });
});
