// `npm run bench`: times ccsim against the hand-written floor (minimal-loop.js) and SIM.JS on two M/M/c cases.
//
// Each measurement is a whole `node` process, timed from spawn to exit, with its peak RSS taken by rss-probe.js, so
// startup, scenario loading and reporting count for ccsim exactly as a user would pay them. A failing implementation
// prints its error in its row and the others still run.
// Usage: node bench/run.js [--calls N] [--quick] [--repeat K] [--only minimal,simjs,ccsim]

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const probe = pathToFileURL(join(here, "rss-probe.js")).href;

const AHT = 180;
const DEFAULT_CALLS = 1_000_000; // what the committed scenario files' horizons are sized for
const QUICK_CALLS = 100_000;
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

const CASES = [
  { id: "a", label: "14 agents, 10 Erl", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml" },
  { id: "b", label: "950 agents, 900 Erl", agents: 950, erlangs: 900, scenario: "bench/scenarios/mmc-950.yaml" },
  // the SIP Cluster at scale: no reference models it, so ccsim alone; run at a tenth of the calls too, to show
  // that memory does not grow with the number of calls
  { id: "c", label: "cluster 8 nodes 2000 ag", ratePerSec: 6.3, scenario: "bench/scenarios/cluster-2000.yaml", ccsimOnly: true },
  { id: "c/10", label: "same, 1/10 of the calls", ratePerSec: 6.3, scenario: "bench/scenarios/cluster-2000.yaml", ccsimOnly: true, fraction: 0.1 },
];
const TARGET_CLUSTER_SECONDS = 20;

// The task's targets, judged on whole-process runs of the full 1,000,000-call cases.
const TARGET_CALLS_PER_SEC_14 = 1_500_000;
const TARGET_MAX_TIME_VS_FLOOR_950 = 3;

const { values: args } = parseArgs({
  options: {
    calls: { type: "string" },
    quick: { type: "boolean", default: false },
    repeat: { type: "string", default: "1" },
    only: { type: "string", default: "minimal,simjs,ccsim" },
    seed: { type: "string", default: "1" },
  },
});
const calls = args.calls !== undefined ? Number(args.calls) : args.quick ? QUICK_CALLS : DEFAULT_CALLS;
const repeat = Number(args.repeat);
const only = new Set(args.only.split(","));
if (!(calls > 0) || !Number.isInteger(calls) || !(repeat >= 1) || !Number.isInteger(repeat)) {
  process.stderr.write("bench: --calls and --repeat must be whole numbers > 0\n");
  process.exit(2);
}

/** Runs `node --import rss-probe.js ...argv` in the repository root; wall time spawn to exit, peak RSS, stdout. */
function runNode(argv) {
  const dir = mkdtempSync(join(tmpdir(), "ccsim-bench-"));
  const rssFile = join(dir, "rss");
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", probe, ...argv], {
      cwd: root,
      env: { ...process.env, CCSIM_BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: CHILD_TIMEOUT_MS,
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ ok: false, error: error.message });
    });
    child.on("close", (code, signal) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      let peakMB = NaN;
      if (existsSync(rssFile)) peakMB = Number(readFileSync(rssFile, "utf8")) / 1024;
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        resolve({ ok: false, error: `${why}: ${errorLine(stderr) || errorLine(stdout) || "no output"}` });
        return;
      }
      resolve({ ok: true, wall, peakMB, stdout });
    });
  });
}

/** The one line of a child's output that says what went wrong (not a stack frame or a source excerpt). */
function errorLine(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.find((l) => /^(\w*Error\b|error:|ccsim:)/i.test(l)) ?? lines.at(-1) ?? "";
}

/** Parses the last non-empty stdout line as JSON. */
function lastJson(stdout) {
  const lines = stdout.split("\n").filter((l) => l.trim().length > 0);
  if (lines.length === 0) throw new Error("no JSON on stdout");
  return JSON.parse(lines.at(-1));
}

/** Like lastJson, but for ccsim's --json summary, which may span several lines. */
function wholeJson(stdout) {
  const text = stdout.trim();
  if (text.length === 0) throw new Error("no JSON on stdout");
  return JSON.parse(text);
}

async function measure(impl, c) {
  let argv;
  let read;
  if (impl === "minimal" || impl === "simjs") {
    const script = impl === "minimal" ? "bench/minimal-loop.js" : "bench/simjs-mmc.js";
    argv = [script, "--agents", String(c.agents), "--erlangs", String(c.erlangs), "--aht", String(AHT),
      "--calls", String(calls), "--seed", args.seed];
    read = (stdout) => {
      const r = lastJson(stdout);
      return { calls: r.calls, events: r.events, extra: `meanWait ${r.meanWait.toFixed(3)} s, probWait ${r.probWait.toFixed(4)}` };
    };
  } else {
    argv = ["bin/ccsim.js", "run", c.scenario, "--json", "--quiet"];
    const wanted = calls * (c.fraction ?? 1);
    if (wanted !== DEFAULT_CALLS) {
      const horizon = wanted / (c.ratePerSec ?? c.erlangs / AHT);
      argv.push("--set", `horizon=${horizon}`, "--set", `interval=${horizon}`);
    }
    read = (stdout) => {
      const summary = wholeJson(stdout);
      const offered = summary?.metrics?.offered?.mean;
      const events = summary?.simulation?.events;
      if (typeof offered !== "number") throw new Error("summary has no metrics.offered.mean");
      if (typeof events !== "number") throw new Error("summary has no simulation.events");
      const mw = summary?.metrics?.meanWait?.mean;
      const pw = summary?.metrics?.probWait?.mean;
      const extra = typeof mw === "number" && typeof pw === "number"
        ? `meanWait ${mw.toFixed(3)} s, probWait ${pw.toFixed(4)}` : "";
      return { calls: offered, events, extra };
    };
  }

  const hint = impl === "ccsim" && !existsSync(join(root, "dist/cli/main.js")) ? " (dist/ is missing: npm run build)" : "";
  let best = null;
  for (let k = 0; k < repeat; k++) {
    const run = await runNode(argv);
    if (!run.ok) return { impl, ok: false, error: run.error, hint };
    let figures;
    try {
      figures = read(run.stdout);
    } catch (e) {
      return { impl, ok: false, error: `bad output: ${e instanceof Error ? e.message : String(e)}`, hint };
    }
    if (best === null || run.wall < best.wall) best = { ...figures, wall: run.wall, peakMB: run.peakMB };
  }
  return {
    impl, ok: true, ...best,
    callsPerSec: best.calls / best.wall,
    eventsPerSec: best.events / best.wall,
  };
}

const NAMES = { minimal: "minimal loop", simjs: "simjs", ccsim: "ccsim" };

function fmtRate(x) {
  return Math.round(x).toLocaleString("en-US");
}

function ratio(x, of) {
  return of && of.ok && x.ok ? `${(x.callsPerSec / of.callsPerSec).toFixed(2)}x` : "-";
}

function pad(s, n, right = false) {
  return right ? String(s).padStart(n) : String(s).padEnd(n);
}

const results = [];
process.stdout.write(
  `ccsim bench: ${calls.toLocaleString("en-US")} calls a case, mean handle ${AHT} s, best of ${repeat}, ` +
    `node ${process.version}; each row a whole process (spawn to exit)\n`,
);
for (const c of CASES) {
  const rows = {};
  for (const impl of ["minimal", "simjs", "ccsim"]) {
    if (!only.has(impl) || (c.ccsimOnly && impl !== "ccsim")) continue;
    if (process.stderr.isTTY) process.stderr.write(`  running ${c.label}: ${NAMES[impl]}...\n`);
    rows[impl] = await measure(impl, c);
  }
  results.push({ c, rows });
}

const header = [pad("case", 22), pad("implementation", 15), pad("calls", 10, true), pad("wall s", 8, true),
  pad("calls/s", 12, true), pad("events/s", 12, true), pad("peak MB", 8, true), pad("vs floor", 9, true),
  pad("vs simjs", 9, true), "  check"].join(" ");
process.stdout.write(`\n${header}\n${"-".repeat(header.length)}\n`);
for (const { c, rows } of results) {
  for (const impl of ["minimal", "simjs", "ccsim"]) {
    const r = rows[impl];
    if (!r) continue;
    const name = `${c.id}) ${c.label}`;
    if (!r.ok) {
      process.stdout.write(`${pad(name, 22)} ${pad(NAMES[impl], 15)} FAILED: ${r.error}${r.hint ?? ""}\n`);
      continue;
    }
    process.stdout.write(
      [pad(name, 22), pad(NAMES[impl], 15), pad(fmtRate(r.calls), 10, true), pad(r.wall.toFixed(2), 8, true),
        pad(fmtRate(r.callsPerSec), 12, true), pad(fmtRate(r.eventsPerSec), 12, true),
        pad(Number.isFinite(r.peakMB) ? r.peakMB.toFixed(0) : "?", 8, true),
        pad(ratio(r, rows.minimal), 9, true), pad(ratio(r, rows.simjs), 9, true), `  ${r.extra}`].join(" ") + "\n",
    );
  }
}

// Ratios are of calls per second (time per call), so Poisson run-to-run differences in the number of calls cancel.
process.stdout.write("\nTargets (judged at 1,000,000 calls a case, whole process):\n");
const a = results.find((r) => r.c.id === "a")?.rows;
const b = results.find((r) => r.c.id === "b")?.rows;
const scaleNote = calls === DEFAULT_CALLS ? "" : ` [this run: ${calls.toLocaleString("en-US")} calls, not the target size]`;
if (a?.ccsim?.ok) {
  const met = a.ccsim.callsPerSec >= TARGET_CALLS_PER_SEC_14;
  process.stdout.write(
    `  ccsim >= ${fmtRate(TARGET_CALLS_PER_SEC_14)} calls/s on case a: ${fmtRate(a.ccsim.callsPerSec)} calls/s, ` +
      `${(a.ccsim.callsPerSec / a.minimal?.callsPerSec || NaN).toFixed(2)}x of floor -> ${met ? "MET" : "NOT MET"}${scaleNote}\n`,
  );
} else {
  process.stdout.write(`  ccsim >= ${fmtRate(TARGET_CALLS_PER_SEC_14)} calls/s on case a: not measured (ccsim did not run)\n`);
}
if (b?.ccsim?.ok && b?.minimal?.ok) {
  const times = b.minimal.callsPerSec / b.ccsim.callsPerSec;
  const met = times <= TARGET_MAX_TIME_VS_FLOOR_950;
  process.stdout.write(
    `  ccsim time <= ${TARGET_MAX_TIME_VS_FLOOR_950}x the floor's on case b: ${times.toFixed(2)}x ` +
      `(${(1 / times).toFixed(2)}x of floor) -> ${met ? "MET" : "NOT MET"}${scaleNote}\n`,
  );
} else {
  process.stdout.write(`  ccsim time <= ${TARGET_MAX_TIME_VS_FLOOR_950}x the floor's on case b: not measured (ccsim or the floor did not run)\n`);
}

const cl = results.find((r) => r.c.id === "c")?.rows?.ccsim;
const cl10 = results.find((r) => r.c.id === "c/10")?.rows?.ccsim;
if (cl?.ok) {
  const met = cl.wall < TARGET_CLUSTER_SECONDS;
  process.stdout.write(
    `  ccsim case c (two sites, 8 nodes, 2,000 agents, explicit reservation) under ${TARGET_CLUSTER_SECONDS} s: ` +
      `${cl.wall.toFixed(1)} s -> ${met ? "MET" : "NOT MET"}${scaleNote}\n`,
  );
  if (cl10?.ok) {
    process.stdout.write(
      `  memory flat in calls: peak ${cl.peakMB.toFixed(0)} MB for ${fmtRate(cl.calls)} calls against ` +
        `${cl10.peakMB.toFixed(0)} MB for ${fmtRate(cl10.calls)} (${(cl.peakMB / cl10.peakMB).toFixed(2)}x for 10x the calls)\n`,
    );
  }
}

const referenceFailed = results.some(({ rows }) => ["minimal", "simjs"].some((k) => rows[k] && !rows[k].ok));
process.exitCode = referenceFailed ? 1 : 0;
