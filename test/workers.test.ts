// Replications spread over worker threads: the same bytes for any --workers (run, compare, check, size), and Ctrl-C or
// SIGTERM stop it cleanly.

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SMALL_RUN_SECONDS, workerCount } from "../src/cli/options.js";
import { ROOT, ccsim, tempFolders, filesOf } from "./helpers.js";

const tmp = tempFolders("workers");

const SCENARIO = "scenarios/two-sites-node-based.yaml";
const SMALL = ["--set", "horizon=1h", "--set", "warmup=10m", "--replications", "5", "--quiet"];

describe("--workers", () => {
  it("a run writes the same summary.json and CSV bytes on one thread and on two", () => {
    const one = tmp();
    const two = tmp();
    expect(ccsim(["run", SCENARIO, ...SMALL, "--workers", "1", "--out", one]).code).toBe(0);
    expect(ccsim(["run", SCENARIO, ...SMALL, "--workers", "2", "--out", two]).code).toBe(0);
    const a = filesOf(one);
    expect(Object.keys(a)).toEqual(["groups.csv", "intervals.csv", "nodes.csv", "report.html", "summary.json", "urs.csv"]);
    expect(filesOf(two)).toEqual(a);
    // five replications, each its own: the merge kept all of them, not five copies of one
    const summary = JSON.parse(a["summary.json"]!.toString());
    expect(summary.replications).toBe(5);
    expect(summary.metrics.offered.sd).toBeGreaterThan(0);
  });

  it("the main thread and two workers sharing the jobs, or one replication beside a worker started for nothing, print the same JSON as one thread", () => {
    const json = (replications: string, workers: string) => {
      const r = ccsim(["run", SCENARIO, ...SMALL, "--replications", replications, "--workers", workers, "--json"]);
      expect(r.code, `${replications} on ${workers}`).toBe(0);
      return r.stdout;
    };
    expect(json("5", "3")).toBe(json("5", "1"));
    // --workers 2 starts its worker before it knows there is one replication: the run stays here and still ends
    expect(json("1", "2")).toBe(json("1", "1"));
  });

  it("a compare writes the same JSON and CSV bytes on one thread and on two", () => {
    const one = tmp();
    const two = tmp();
    const args = ["compare", SCENARIO, "--vary", "routing.mode=node-based,centralized", ...SMALL];
    expect(ccsim([...args, "--workers", "1", "--out", one]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--out", two]).code).toBe(0);
    expect(Object.keys(filesOf(one))).toEqual(["compare.csv", "compare.json", "report.html"]);
    expect(filesOf(two)).toEqual(filesOf(one));
  });

  it("the trace of replication 1 is the same whichever thread ran it", () => {
    const dir = tmp();
    const args = ["run", SCENARIO, ...SMALL, "--trace-limit", "5"];
    expect(ccsim([...args, "--workers", "1", "--trace", join(dir, "one.jsonl")]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--trace", join(dir, "two.jsonl")]).code).toBe(0);
    const one = readFileSync(join(dir, "one.jsonl"), "utf8");
    expect(one).toMatch(/"event":"EventEstablished"/);
    expect(readFileSync(join(dir, "two.jsonl"), "utf8")).toBe(one);
  });

  it("a size search gives the same JSON on one thread and on two, try by try", () => {
    // gate-fail's support group: four tries (20, 21, 23, 22) of ten replications each
    const args = ["size", "scenarios/gate-fail.yaml", "--json"];
    const one = ccsim([...args, "--workers", "1"]);
    const two = ccsim([...args, "--workers", "2"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).tries.map((t: { count: number }) => t.count)).toEqual([20, 21, 23, 22]);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("a check gives the same verdicts JSON on one thread and on two", () => {
    const args = ["check", "scenarios/gate-fail.yaml", "--json"];
    const one = ccsim([...args, "--workers", "1"]);
    const two = ccsim([...args, "--workers", "2"]);
    // gate-fail misses a target: the exit code and the missed list come through the threads too
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).missed.length).toBeGreaterThan(0);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });

  it("--workers must be a whole number of at least 1, for check and size too", () => {
    for (const args of [["run", SCENARIO, ...SMALL], ["check", "scenarios/gate-pass.yaml"], ["size", "scenarios/gate-fail.yaml"]]) {
      const r = ccsim([...args, "--workers", "0"]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim(), args[0]).toMatch(/^--workers: expected a whole number >= 1, got "0"$/);
    }
  });

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${signal} while the workers run: they stop, exit ${code}, one line, nothing written`, async () => {
      const out = join(tmp(), "out");
      // far more replications than the signal leaves time for
      const child = spawn(process.execPath, [`${ROOT}/bin/ccsim.js`, "run", SCENARIO, "--replications", "5000", "--workers", "2", "--quiet", "--out", out], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      // let it load the scenario and start its threads, then signal
      await new Promise((r) => setTimeout(r, 2500));
      child.kill(signal);
      const [exit, sig] = await new Promise<[number | null, string | null]>((r) => child.on("close", (c, s) => r([c, s])));
      expect(sig).toBeNull();
      expect(exit).toBe(code);
      expect(stderr).toBe(`ccsim: interrupted by ${signal}; nothing written\n`);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("SIGINT during a size search's tries: the pool's threads stop, exit 130, one line, nothing written", async () => {
    const out = join(tmp(), "out");
    // some ten seconds of tries on two threads (the agents search: its tries near the target run every replication),
    // so the signal lands in the middle of the search
    const child = spawn(process.execPath, [`${ROOT}/bin/ccsim.js`, "size", "scenarios/sized-two-site.yaml", "--for", "agents:agents-dc1", "--workers", "2", "--quiet", "--out", out], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // listened for from the start: a search that ended before the signal fails the test instead of hanging it
    const closed = new Promise<[number | null, string | null]>((r) => child.on("close", (c, s) => r([c, s])));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill("SIGINT");
    const [exit, sig] = await closed;
    expect(sig).toBeNull();
    expect(exit).toBe(130);
    expect(stderr).toBe("ccsim: interrupted by SIGINT; nothing written\n");
    expect(existsSync(out)).toBe(false);
  });
});

describe("the default thread count", () => {
  it("is the machine's cores, except for a run too short to repay a thread's start; --workers always wins", () => {
    expect(workerCount(undefined, SMALL_RUN_SECONDS - 0.1)).toBe(1);
    expect(workerCount(undefined, SMALL_RUN_SECONDS)).toBe(availableParallelism());
    expect(workerCount(3, 0.01)).toBe(3);
    expect(workerCount(1, 1000)).toBe(1);
  });
});
