// Issue 17, classes 2 and 3: every file read is bounded, every estimate is finite or the run refused, the estimate
// counts the time series a run really holds, and every run ends (the drain limit), with a word when it ends that way.

import { spawn, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guardRun } from "../src/cli/guard.js";
import { estimateCost } from "../src/experiment/cost.js";
import { DRAIN_LIMIT } from "../src/experiment/drain.js";
import { runReplication } from "../src/experiment/replication.js";
import { largeNumber } from "../src/util/thousands.js";
import { InputError } from "../src/scenario/errors.js";
import { ROOT, scenarioFile, scenarioOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("guard");

function ccsim(args: string[], opts: { heapMb?: number; timeout?: number } = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`${ROOT}/bin/ccsim.js`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: opts.timeout ?? 30_000,
    env: {
      ...process.env,
      CCSIM_DEBUG: "",
      NODE_OPTIONS: opts.heapMb === undefined ? "" : `--max-old-space-size=${opts.heapMb}`,
    },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

function oneLine(r: { stderr: string }): string {
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|    at /);
  return lines[0]!;
}

const ONE_HOUR = ["--set", "horizon=1h", "--set", "warmup=0"];

describe("class 2: every read is bounded, whatever the file is", () => {
  it("class 2: run /dev/zero is refused at the size limit at once: exit 2, one line, quick", () => {
    const r = ccsim(["run", "/dev/zero"], { heapMb: 256 });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^\/dev\/zero: it holds more than a scenario may be \(4\.0 MB\)/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it("class 2: validate /dev/urandom and a directory give one line and exit 2", () => {
    expect(ccsim(["validate", "/dev/urandom"]).code).toBe(2);
    const d = ccsim(["validate", "scenarios"]);
    expect(d.code).toBe(2);
    expect(oneLine(d)).toBe("scenarios: cannot read: it is a directory");
  });

  it("class 2: a FIFO fed without end is refused at the limit; one without a writer reads as empty, not a hang", async () => {
    const dir = tmp();
    const fifo = join(dir, "endless.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const writer = spawn("sh", ["-c", `yes 'a: 1' > '${fifo}'`], { stdio: "ignore" });
    try {
      const r = ccsim(["run", fifo], { heapMb: 256 });
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/it holds more than a scenario may be \(4\.0 MB\)/);
    } finally {
      writer.kill();
    }
    const lonely = join(dir, "lonely.yaml");
    expect(spawnSync("mkfifo", [lonely]).status).toBe(0);
    const r = ccsim(["validate", lonely], { timeout: 10_000 });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/the file is empty/);
  });

  it("class 2: an over-long regular file is refused by its size before it is read", () => {
    const f = join(tmp(), "long.yaml");
    writeFileSync(f, "# padding\n".repeat(520_000));
    const r = ccsim(["validate", f]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/: the file is 5\.0 MB, more than a scenario may be \(4\.0 MB\)/);
  });

  it("class 2: merge of a FIFO without a writer ends at once with one line and exit 2, not a hang", () => {
    const fifo = join(tmp(), "partial-1-of-2.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = ccsim(["merge", fifo], { timeout: 10_000 });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^.*partial-1-of-2\.json: /);
  });

  it("class 2: a trace CSV that is a device is refused with its file:line:col, not read without end", () => {
    const r = ccsim(["trace-stats", "/dev/zero"], { heapMb: 256 });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^\/dev\/zero:1:1: a record longer than 16 MiB/);
  });
});

describe("class 2: every estimate is finite or the run is refused, in numbers people read", () => {
  it("class 2: an arrival rate whose expected calls overflow is refused, even with --force, without NaN or Infinity", () => {
    for (const extra of [[], ["--force"]]) {
      const r = ccsim(["run", "scenarios/erlang-c.yaml", "--replications", "2", "--set", "traffic[0].arrivals.rate=1e6", "--set", "horizon=1e305", ...extra]);
      expect(r.code, r.stderr).toBe(2);
      const line = oneLine(r);
      expect(line).toMatch(/refusing to run: its memory and time cannot be estimated.*\(more than 1\.8e308 calls a replication, 8\.3e300 rows of intervals\)/);
      expect(line).not.toMatch(/NaN|Infinity/);
    }
  });

  it("class 2: an interval of 1e-300 s and a horizon of 1e300 s are refused with numbers like 8.3e295, not digit soup", () => {
    for (const set of ["interval=1e-300", "horizon=1e300"]) {
      const r = ccsim(["run", "scenarios/erlang-c.yaml", "--set", set]);
      expect(r.code, set).toBe(2);
      const line = oneLine(r);
      expect(line, set).not.toMatch(/NaN|Infinity|\d,\.|e\+,/);
      expect(line, set).toMatch(/\d\.\de\d{3}/);
    }
  });

  it("class 2: a non-finite estimate is refused by guardRun itself, whatever the limit and --force", () => {
    const s = scenarioFile("erlang-c.yaml", ["traffic[0].arrivals.rate=1e6", "horizon=1e305"]);
    expect(Number.isFinite(estimateCost(s, 1).bytes + estimateCost(s, 1).seconds)).toBe(false);
    expect(() => guardRun("x", [s], 1, { force: true }, Infinity, () => {})).toThrow(InputError);
  });

  it("class 2: large counts read 1.1e305, never '1,1e+,305' nor 'InfinityM'", () => {
    expect(largeNumber(1.1e305)).toBe("1.1e305");
    expect(largeNumber(123_456_789)).toBe("123,456,789");
    expect(largeNumber(Infinity)).not.toMatch(/Infinity/);
    const lines: string[] = [];
    guardRun("x", [scenarioFile("erlang-c.yaml", ["traffic[0].arrivals.rate=1e6", "horizon=7.2e11", "warmup=0", "interval=7.2e11"])], 2, {}, Infinity, (l) => lines.push(l));
    expect(lines.join("")).toMatch(/this will take about [\d,]+\.?\d* days: 7\.2e17 calls x 2 replications/);
  });
});

describe("class 2: the estimate counts the time series the run really holds", () => {
  it("class 2: a 1 ms interval over 1 h is refused under a 512 MB heap with tens of GB, then by its row count with --force", () => {
    const args = ["run", "scenarios/erlang-c.yaml", "--replications", "1", ...ONE_HOUR, "--set", "interval=1ms"];
    const r = ccsim(args, { heapMb: 512 });
    expect(r.code).toBe(2);
    const gb = Number(/it would need about ([\d.]+) GB of memory \(3,600,000 intervals x 3 rows x 1 replications/.exec(oneLine(r))?.[1]);
    // 10,800,000 rows at the ~4 KB a row that killed a 512 MB heap at 135,000 rows
    expect(gb).toBeGreaterThan(20);
    expect(gb).toBeLessThan(200);
    const forced = ccsim([...args, "--force"], { heapMb: 512 });
    expect(forced.code).toBe(2);
    expect(oneLine(forced)).toMatch(/its time series would have 10,800,000 rows .* more than 1,000,000/);
    expect(r.ms + forced.ms).toBeLessThan(15_000);
  });

  it("class 2: more replications, sites and types cost more rows, and report.html more again", () => {
    const one = scenarioFile("erlang-c.yaml", ["interval=1s", "horizon=10h"]);
    const two = scenarioFile("two-sites-node-based.yaml", ["interval=1s", "horizon=10h"]);
    expect(estimateCost(one, 1).rows).toBe(36_000 * 3);
    expect(estimateCost(two, 1).rows).toBe(36_000 * (1 + 2 + 2));
    expect(estimateCost(one, 4).bytes).toBeGreaterThan(estimateCost(one, 1).bytes);
    expect(estimateCost(one, 1, { report: true }).bytes).toBeGreaterThan(estimateCost(one, 1).bytes);
    expect(estimateCost(one, 1, { traceLimit: 1000 }).bytes).toBeGreaterThan(estimateCost(one, 1).bytes);
  });

  it("class 2: a run the guard accepts near its limit under a small heap runs to the end, no V8 out-of-memory abort", () => {
    // the interval at which the estimate is 95% of what a 160 MB heap may use, found the way the guard computes it
    const probe = spawnSync(process.execPath, ["--max-old-space-size=160", "-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], { encoding: "utf8" });
    const limit = Number(probe.stdout);
    let ms = 1000;
    while (estimateCost(scenarioFile("erlang-c.yaml", ["horizon=1h", "warmup=0", `interval=${ms}ms`]), 2).bytes < 0.95 * limit) ms -= 10;
    ms += 10;
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--replications", "2", ...ONE_HOUR, "--set", `interval=${ms}ms`, "--quiet", "--workers", "1"], {
      heapMb: 160,
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/heap out of memory|refusing/);
    expect(r.code, `interval ${ms} ms: ${r.stderr.slice(0, 300)}`).toBe(0);
  });

  it("class 2: --trace-limit past what one file can hold is refused before the run, even with --force", () => {
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--replications", "1", "--set", "horizon=20000h", "--trace", join(tmp(), "t.jsonl"), "--trace-limit", "100000000", "--quiet", "--force"]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^--trace-limit: following 4,000,000 interactions would make a trace of about 6\.4 GB/);
  });
});

describe("class 2: what several variants and a circling --trace hold", () => {
  it("class 2: a sweep's variants keep their time series until the end: each under the limit, together over it, refused", () => {
    const a = scenarioFile("erlang-c.yaml", ["horizon=1h", "warmup=0", "interval=1s"]);
    const b = scenarioFile("erlang-c.yaml", ["horizon=1h", "warmup=0", "interval=1s", "agents[0].count=15"]);
    const one = estimateCost(a, 2).bytes;
    expect(() => guardRun("x", [a], 2, {}, one * 1.2, () => {})).not.toThrow();
    expect(() => guardRun("x", [a, b], 2, {}, one * 1.2, () => {})).toThrow(/refusing to run: it would need about/);
  });

  it("class 2: --trace of calls routed again and again until the drain limit is counted, and refused past one file", () => {
    const r = ccsim([
      "run", "scenarios/erlang-c.yaml", "--replications", "1", ...ONE_HOUR,
      "--set", "agents[0].noAnswer=1", "--set", "agents[0].noAnswerNotReady=0", "--set", "agents[0].count=300",
      "--trace", join(tmp(), "t.jsonl"), "--quiet",
    ]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/^--trace-limit: following 100 interactions routed again and again would make a trace of about 1\.\d GB/);
  });
});

describe("class 3: every run ends", () => {
  const endless = ["run", "scenarios/erlang-c.yaml", "--replications", "1", ...ONE_HOUR, "--set", "agents[0].noAnswer=1"];

  it("class 3: noAnswer=1 without patience ends at the drain limit: exit 0, unfinished counted, both warnings", () => {
    const dir = tmp();
    const r = ccsim([...endless, "--json", "--out", join(dir, "out")], { timeout: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    const cut = summary.simulation.cutAtDrainLimit;
    expect(cut.replications).toBe(1);
    expect(cut.calls).toBeGreaterThan(100);
    expect(summary.metrics.unfinished.mean).toBe(cut.calls);
    expect(summary.metrics.answered.mean).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "ccsim: warning: this scenario can only end at the drain limit, 24 h after the horizon: calls (no patience) can never be answered nor leave: every agent group whose skills match has noAnswer: 1",
    );
    expect(lines[1]).toBe(`ccsim: warning: ${cut.calls} calls were still in the system 24 h after the horizon (the drain limit) in 1 of 1 replications, and count as unfinished`);
    expect(readdirSync(join(dir, "out"))).toContain("summary.json");
  });

  it("class 3: check says so too, and its exit 1 is the missed target, not the drain limit", () => {
    const r = ccsim(["check", ...endless.slice(1), "--replications", "2", "--target", "serviceLevel=>= 0.8"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/MISSED 1 of 1: serviceLevel >= 0.8/);
    expect(r.stderr).toMatch(/^ccsim: warning: this scenario can only end at the drain limit/);
    expect(r.stderr).toMatch(/\nccsim: warning: \d+ calls were still in the system 24 h after the horizon \(the drain limit\) in 2 of 2 replications/);
  });

  it("class 3: --quiet silences both warnings, and the run still ends with exit 0", () => {
    const r = ccsim([...endless, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("class 3: the replication stops at horizon + DRAIN_LIMIT, and re-deliveries are in the time estimate", () => {
    const s = scenarioFile("erlang-c.yaml", ["horizon=1h", "warmup=0", "agents[0].noAnswer=1", "agents[0].noAnswerNotReady=0"]);
    const r = runReplication(s, 1, 0);
    expect(r.cutAtDrainLimit).toBe(r.metrics.unfinished);
    const plain = scenarioFile("erlang-c.yaml", ["horizon=1h", "warmup=0"]);
    const cost = estimateCost(s, 1);
    expect(cost.endless).toBeDefined();
    // 14 agents ringing out every 12 s for 25 h: ~105,000 deliveries, each like a call
    expect(cost.seconds - estimateCost(plain, 1).seconds).toBeCloseTo((14 * (3600 + DRAIN_LIMIT)) / 12 / 1.4e6, 3);
    expect(r.events).toBeLessThan(((14 * (3600 + DRAIN_LIMIT)) / 12) * 4);
  });

  it("class 3: the static warning looks at the groups that serve each type, not at every group", () => {
    const yaml = (noAnswerB: number) => `
sites: [{ id: dc1 }]
horizon: 1h
agents:
  - { group: a, count: 5, skills: { x: 1 }, noAnswer: 1 }
  - { group: b, count: 5, skills: { y: 1 }, noAnswer: ${noAnswerB} }
traffic:
  - { type: tx, arrivals: { rate: 10/h }, handleTime: 1m, target: x > 0 }
  - { type: ty, arrivals: { rate: 10/h }, handleTime: 1m, target: y > 0 }
`;
    expect(estimateCost(scenarioOf(yaml(0)), 1).endless).toMatch(/^tx \(no patience\) can never be answered/);
    expect(estimateCost(scenarioOf(yaml(1)), 1).endless).toMatch(/^tx, ty \(no patience\)/);
  });

  it("class 3: a group that sometimes answers, or callers with patience, raise no warning", () => {
    expect(estimateCost(scenarioFile("erlang-c.yaml", ["agents[0].noAnswer=0.5"]), 1).endless).toBeUndefined();
    expect(estimateCost(scenarioFile("erlang-c.yaml", ["agents[0].noAnswer=1", "traffic[0].patience=1m"]), 1).endless).toBeUndefined();
  });

  it("class 3: shipped scenarios drain long before the limit: no replication is cut, nothing unfinished", () => {
    for (const name of ["multi-skill.yaml", "email-backlog.yaml", "faults-site-loss.yaml"]) {
      const s = scenarioFile(name);
      const r = runReplication(s, s.seed, 0);
      expect(r.cutAtDrainLimit, name).toBeUndefined();
      expect(r.metrics.unfinished, name).toBe(0);
    }
  });
});
