// What ccsim does to the folders and files it is given: never deletes what is there, writes whole files or none, keeps
// concurrent runs apart, survives being interrupted; and what it says before a run too big or too long.

import { spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guardRun } from "../src/cli/guard.js";
import { estimateCost } from "../src/experiment/cost.js";
import { InputError } from "../src/scenario/errors.js";
import { ROOT, ccsim, scenarioFile, scenarioOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("out");

const QUICK = ["--set", "horizon=3h", "--replications", "2", "--quiet"];
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

/** Starts ccsim; resolves when it exits, with its exit code or the signal that ended it. */
function start(args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, "bin", "ccsim.js"), ...args], { cwd: ROOT, env: { ...process.env, CCSIM_DEBUG: "" } });
  let stderr = "";
  const stderrSeen: ((s: string) => void)[] = [];
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const f of stderrSeen) f(stderr);
  });
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  /** resolves once stderr contains `text` */
  const saw = (text: string) =>
    new Promise<void>((resolve) => {
      if (stderr.includes(text)) return resolve();
      stderrSeen.push((s) => {
        if (s.includes(text)) resolve();
      });
    });
  return { child, exit, saw };
}

describe("an --out folder that already holds files", () => {
  it("is refused before the run, and left exactly as it was", () => {
    const dir = tmp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--out", dir, ...QUICK]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/the folder is not empty \(notes\.txt\); ccsim never deletes what is there/);
    expect(snapshot(dir)).toEqual({ "notes.txt": "mine" });
  });

  it("with --force gets ccsim's files replaced and everything else left alone", () => {
    const dir = tmp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    writeFileSync(join(dir, "summary.json"), "old");
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--out", dir, "--force", ...QUICK]);
    expect(r.code).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after)).toEqual(["groups.csv", "intervals.csv", "nodes.csv", "notes.txt", "report.html", "summary.json", "urs.csv"]);
    expect(after["notes.txt"]).toBe("mine");
    expect(JSON.parse(after["summary.json"]!).scenario).toBe("erlang-c");
  });

  it("compare and sweep follow the same rule", () => {
    const dir = tmp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    const r = ccsim(["compare", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=14,15", "--out", dir, ...QUICK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the folder is not empty/);
    expect(snapshot(dir)).toEqual({ "notes.txt": "mine" });
  });

  it("an --out that is a file, or lies under one, is refused before the run", () => {
    const dir = tmp();
    writeFileSync(join(dir, "f"), "x");
    for (const out of [join(dir, "f"), join(dir, "f", "sub")]) {
      const r = ccsim(["run", "scenarios/erlang-c.yaml", "--out", out, ...QUICK]);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toMatch(/^--out .*(exists and is not a folder|\/f is not a folder)/);
      expect(r.stderr.trim().split("\n"), out).toHaveLength(1);
    }
    expect(snapshot(dir)).toEqual({ f: "x" });
  });
});

describe("runs at the same time, and runs interrupted", () => {
  it("two runs writing to different folders at once write what each writes alone", async () => {
    const [a, b, alone] = [tmp(), tmp(), tmp()];
    const args = (out: string) => ["run", "scenarios/two-sites-node-based.yaml", "--out", out, "--set", "horizon=2h", "--replications", "3", "--quiet"];
    const [ra, rb] = await Promise.all([start(args(a)).exit, start(args(b)).exit]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(ccsim(args(alone)).code).toBe(0);
    expect(snapshot(a)).toEqual(snapshot(alone));
    expect(snapshot(b)).toEqual(snapshot(alone));
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} during a run leaves the previous files, and no temporary ones`, async () => {
      const dir = tmp();
      expect(ccsim(["run", "scenarios/erlang-c.yaml", "--out", dir, ...QUICK]).code).toBe(0);
      writeFileSync(join(dir, "notes.txt"), "mine");
      const before = snapshot(dir);
      // long enough to be announced: the announcement comes just before the replications start, so the signal lands
      // while they run
      const run = start(["run", "scenarios/erlang-c.yaml", "--out", dir, "--force", "--set", "horizon=200000h"]);
      await run.saw("this will take about");
      run.child.kill(signal);
      const r = await run.exit;
      expect(r.signal ?? r.code).not.toBe(0);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe("before a run: memory and time", () => {
  it("a scenario needing more memory than the process may use is refused with an estimate, and --force is named", () => {
    const dir = tmp();
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--set", "agents[0].count=100000000", "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/refusing to run: it would need about \d+(\.\d)? GB of memory \(100,000,000 agents x 1 URS: .* GB.*--force runs it anyway/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("check and size refuse it too, before they run anything", () => {
    for (const cmd of [["check", "--target", "serviceLevel=>= 0.8"], ["size", "--target", "serviceLevel=>= 0.8"]]) {
      const r = ccsim([cmd[0]!, "scenarios/erlang-c.yaml", "--set", "agents[0].count=100000000", ...cmd.slice(1)]);
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stderr.trim().split("\n"), cmd[0]).toHaveLength(1);
      expect(r.stderr, cmd[0]).toMatch(/refusing to run: it would need about \d+(\.\d)? GB of memory/);
    }
  });

  it("--force lets it through; --quiet silences the warning about a long run, and nothing else does", () => {
    const huge = scenarioFile("erlang-c.yaml", ["agents[0].count=100000000"]);
    expect(() => guardRun("x", [huge], 1, {}, 4e9, () => {})).toThrow(InputError);
    expect(() => guardRun("x", [huge], 1, { force: true }, 4e9, () => {})).not.toThrow();
    const long = scenarioFile("erlang-c.yaml", ["horizon=100000h"]);
    const lines: string[] = [];
    guardRun("x", [long], 10, {}, 4e9, (l) => lines.push(l));
    guardRun("x", [long], 10, { quiet: true }, 4e9, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/this will take about \d+ min: 20\.0M calls x 10 replications at roughly 1\.4M calls\/s/);
  });

  it("estimates a queue that grows without end when callers never give up, and a bounded one when they do", () => {
    const yaml = (patience: string) => `
sites: [{ id: dc1 }]
horizon: 10h
agents: [{ group: a, count: 10, skills: { s: 1 } }]
traffic: [{ type: t, arrivals: { rate: 1/s }, handleTime: 20s, target: s ${patience} }]
`;
    // 10 agents serve 0.5 calls/s of the 1/s offered: half of 36,000 calls pile up
    expect(estimateCost(scenarioOf(yaml("")), 1).peakCalls).toBeCloseTo(10 + 18000, 0);
    // with a minute of patience about 60 wait at once
    expect(estimateCost(scenarioOf(yaml(", patience: 1m")), 1).peakCalls).toBeCloseTo(10 + 60, 0);
  });
});
