// The command line as users and scripts meet it: the demo, --json, --out files read back, determinism, bad input.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT, ccsim, tempFolders } from "./helpers.js";

const tmp = tempFolders("test");
const QUICK = ["--set", "horizon=2h", "--set", "warmup=15m", "--replications", "3"];

describe("ccsim run", () => {
  it("with no scenario runs the embedded demo and prints a result table", () => {
    const r = ccsim(["run", "--replications", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo-two-sites-node-based/);
    expect(r.stdout).toMatch(/serviceLevel\s+\d+\.\d+%/);
    expect(r.stdout).toMatch(/reservationConflicts/);
    expect(r.stderr).toBe("");
  });

  it("--json prints the summary and nothing else on stdout, with the contract's fields", () => {
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--json", ...QUICK]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const k of ["ccsim", "scenario", "seed", "replications", "horizon", "warmup", "metrics", "bySite", "byNode", "byType", "byGroup"]) {
      expect(s, k).toHaveProperty(k);
    }
    for (const m of ["offered", "answered", "abandoned", "defaultRouted", "serviceLevel", "asa", "meanWait", "probWait",
      "abandonRate", "occupancy", "throughputPerHour", "reservationRequests", "reservationGrants", "reservationConflicts",
      "conflictRate", "conflictsPerCall", "routingAttempts", "routingFailures", "noAnswers"]) {
      expect(s.metrics[m], m).toMatchObject({ mean: expect.any(Number) });
      expect(s.metrics[m].ci95, m).toHaveLength(2);
    }
    expect(s.replications).toBe(3);
    expect(s.horizon).toBe(7200);
  });

  it("--out writes summary.json and CSV files that read back with the same numbers", () => {
    const dir = tmp();
    const r = ccsim(["run", "scenarios/multi-skill.yaml", "--out", dir, "--quiet", ...QUICK]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["groups.csv", "intervals.csv", "nodes.csv", "report.html", "summary.json", "urs.csv"]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const intervals = parse(readFileSync(join(dir, "intervals.csv")), { columns: true }) as Record<string, string>[];
    const whole = intervals.filter((row) => row.site === "*" && row.type === "*");
    expect(whole).toHaveLength(4); // 2 h in 30-minute intervals, the first 15 minutes are warm-up but the interval is partly measured
    const offered = whole.reduce((n, row) => n + Number(row.offered), 0);
    expect(offered).toBeCloseTo(summary.metrics.offered.mean, 6);
    const groups = parse(readFileSync(join(dir, "groups.csv")), { columns: true }) as Record<string, string>[];
    expect(groups.map((g) => g.group)).toEqual(["english", "spanish", "bilingual", "billing"]);
    for (const g of groups) expect(Number(g.answered)).toBeCloseTo(summary.byGroup[g.group!].answered.mean, 6);
  });

  it("same scenario and seed: the same bytes (report.html too); another seed: other bytes", () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    ccsim(["run", "scenarios/two-sites-node-based.yaml", "--out", a, "--quiet", ...QUICK]);
    ccsim(["run", "scenarios/two-sites-node-based.yaml", "--out", b, "--quiet", ...QUICK]);
    ccsim(["run", "scenarios/two-sites-node-based.yaml", "--out", c, "--quiet", "--seed", "8", ...QUICK]);
    expect(readdirSync(a)).toContain("report.html");
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(c, "summary.json")).equals(readFileSync(join(a, "summary.json")))).toBe(false);
  });

  it("reports the scenario's targets, each judged on the safe confidence bound", () => {
    const s = JSON.parse(ccsim(["run", "--json", "--replications", "3"]).stdout);
    expect(s.targets.map((t: { metric: string }) => t.metric)).toEqual(["serviceLevel", "abandonRate", "conflictRate"]);
    const sl = s.targets[0];
    expect(sl.judgedOn).toBe(s.metrics.serviceLevel.ci95[0]);
    expect(sl.met).toBe(sl.judgedOn >= 0.8);
    const cr = s.targets[2];
    expect(cr.judgedOn).toBe(s.metrics.conflictRate.ci95[1]);
    expect(cr.met).toBe(cr.judgedOn <= 0.05);
  });

  it("--set changes the scenario, and reaches the output", () => {
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--json", ...QUICK, "--set", "agents[0].count=20"]);
    const s = JSON.parse(r.stdout);
    expect(s.metrics.occupancy.mean).toBeLessThan(0.55);
  });

  it("--trace writes T-Library events in simulated-time order that follow each call", () => {
    const dir = tmp();
    const file = join(dir, "trace.jsonl");
    const r = ccsim(["run", "scenarios/two-sites-node-based.yaml", "--trace", file, "--trace-limit", "30", "--quiet", ...QUICK]);
    expect(r.code).toBe(0);
    const events = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    for (let i = 1; i < events.length; i++) expect(events[i].t).toBeGreaterThanOrEqual(events[i - 1].t);
    const names = new Set(events.map((e) => e.event));
    for (const n of ["EventRouteRequest", "TReserveAgent", "EventAgentReserved", "TRouteCall", "EventRinging", "EventEstablished", "EventReleased", "EventAgentReady"]) {
      expect(names, n).toContain(n);
    }
    const conns = new Set(events.filter((e) => e.ConnID).map((e) => e.ConnID));
    expect(conns.size).toBe(30);
    // one call, start to end, in protocol order
    const first = events.filter((e) => e.ConnID === "0000000000000001").map((e) => e.event);
    expect(first[0]).toBe("EventQueued");
    expect(first[1]).toBe("EventRouteRequest");
    expect(first.indexOf("TRouteCall")).toBeGreaterThan(first.indexOf("EventAgentReserved"));
  });
});

describe("ccsim compare and sweep", () => {
  it("compare prints each variant and the paired difference, identically across runs", () => {
    const args = ["compare", "scenarios/two-sites-node-based.yaml", "--vary", "routing.mode=node-based,centralized", ...QUICK];
    const a = ccsim(args);
    const b = ccsim(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/centralized - node-based/);
    const j = JSON.parse(ccsim([...args, "--json"]).stdout);
    expect(j.variants.map((v: { value: string }) => v.value)).toEqual(["node-based", "centralized"]);
    expect(j.differences[0].metrics.reservationConflicts).toMatchObject({ mean: expect.any(Number), significant: expect.any(Boolean) });
  });

  it("sweep writes a CSV with one row per point", () => {
    const dir = tmp();
    const r = ccsim(["sweep", "scenarios/two-sites-node-based.yaml", "--vary", "sites[0].nodes=1,2", "--vary", "sites[1].nodes=1,2", "--out", dir, "--quiet", ...QUICK]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(join(dir, "sweep.csv")), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x["sites[0].nodes"], x["sites[1].nodes"]])).toEqual([["1", "1"], ["1", "2"], ["2", "1"], ["2", "2"]]);
    expect(Number(rows[0]!.reservationConflicts)).toBeGreaterThanOrEqual(0);
  });

  it("a bad --vary value stops before anything runs, with exit 2", () => {
    const r = ccsim(["compare", "scenarios/two-sites-node-based.yaml", "--vary", "routing.mode=node-based,centralised"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/routing\.mode/);
  });
});

describe("ccsim validate and schema", () => {
  it("validate says what a good file describes", () => {
    const r = ccsim(["validate", "scenarios/two-sites-node-based.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 site\(s\), 8 node\(s\), 120 agent\(s\)/);
  });

  it("validate refuses, in one line with exit 2, a scenario that run would refuse for its memory", () => {
    const args = ["scenarios/erlang-c.yaml", "--set", "horizon=200000h", "--set", "traffic[0].arrivals.rate=50/s"];
    const v = ccsim(["validate", ...args]);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe("");
    expect(v.stderr.trim().split("\n")).toHaveLength(1);
    expect(v.stderr).toMatch(/^scenarios\/erlang-c\.yaml: valid, but ccsim run would refuse it: it would need about [\d,.]+ GB of memory/);
    const r = ccsim(["run", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to run: it would need about/);
  });

  it("schema prints a JSON Schema", () => {
    const r = ccsim(["schema"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toMatch(/json-schema/);
    expect(s.properties).toHaveProperty("routing");
  });
});

describe("the bundle", () => {
  /** what became of the code cache when `root`'s bin/load-bundle.js loads its bundle, in a fresh node */
  const codeCache = (root: string) => {
    const loader = `import { loadBundle } from ${JSON.stringify(join(root, "bin", "load-bundle.js"))}; console.log(loadBundle().codeCache);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", loader], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    return r.stdout.trim();
  };

  it("starts with the code cache the build saved, which V8 takes", () => {
    expect(codeCache(ROOT)).toBe("used");
  });

  it("a bundle changed since the build gets no cache, never the stale one", () => {
    const copy = tmp();
    for (const dir of ["bin", "dist/bundle"]) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
    expect(codeCache(copy)).toBe("used");
    // same length, other bytes (in one of esbuild's "// dist/..." comments): V8's own check, on the source's length
    // alone, would take the old cache
    const file = join(copy, "dist/bundle/ccsim.cjs");
    const text = readFileSync(file, "utf8");
    const at = text.lastIndexOf("// dist/");
    expect(at).toBeGreaterThan(0);
    writeFileSync(file, `${text.slice(0, at)}// DIST/${text.slice(at + 8)}`);
    expect(codeCache(copy)).toBe("none");
  });
});

describe("bad input through the command line", () => {
  const bad = join(import.meta.dirname, "fixtures", "bad");
  for (const f of readdirSync(bad).sort()) {
    it(`${f}: exit 2, one line a problem naming file and line, no stack, no output files`, () => {
      const text = readFileSync(join(bad, f), "utf8");
      const line = /# expect: (\d+)/.exec(text.split("\n")[0]!)?.[1];
      // a fixture with several problems of one kind says how many lines it gets (`# problems: N`)
      const problems = Number(/^# problems: (\d+)/m.exec(text)?.[1] ?? 1);
      const out = join(tmp(), "out");
      const r = ccsim(["run", join(bad, f), "--out", out]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(problems);
      for (const l of lines) expect(l).not.toMatch(/\n\s+at |Error:/);
      if (line) expect(lines[0]).toContain(`${f}:${line}:`);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    });
  }

  it("a file with several mistakes of one kind: each on a line of its own, in the file's order, at most ten", () => {
    const dir = tmp();
    const groups = Array.from({ length: 12 }, (_, i) => `  - { group: g${i}, count: 0, skills: { x: 1 } }`).join("\n");
    const file = join(dir, "many.yaml");
    writeFileSync(file, `version: 1\ninterval: 0\nsites: [{ id: dc1 }]\nagents:\n${groups}\ntraffic: [{ type: t, arrivals: { rate: 1/min }, handleTime: 2m, target: "x > 0" }]\n`);
    const r = ccsim(["validate", file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe(`${file}:2:11: interval: expected a duration > 0, got 0`);
    expect(lines.slice(1, 10)).toEqual(Array.from({ length: 9 }, (_, i) => `${file}:${5 + i}:25: agents[${i}].count: expected a whole number >= 1, got 0`));
    expect(lines.slice(10)).toEqual(["(and 3 more problems of the same kind not listed)"]);
  });

  it("a missing file, a directory, bad flags: exit 2 with one line", () => {
    for (const args of [["run", "nope.yaml"], ["run", "scenarios"], ["run", "--seed", "x"], ["run", "--replications", "0"], ["frobnicate"]]) {
      const r = ccsim(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n").length, args.join(" ")).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("a --set naming an unknown field is refused, not ignored", () => {
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--set", "routing.moed=centralized"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/moed.*did you mean "mode"/);
  });

  it("an --out that cannot be written: exit 2, one line", () => {
    const dir = tmp();
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const r = ccsim(["run", "scenarios/erlang-c.yaml", ...QUICK, "--out", join(file, "sub")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
