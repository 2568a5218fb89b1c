// Whole-process measurements for bench/: spawns `node` for one implementation on one case and reads its figures.
//
// Each measurement is a whole `node` process, timed from spawn to exit, with its peak RSS taken by rss-probe.js, so
// startup, scenario loading and reporting count for ccsim exactly as a user would pay them. A measurement is made
// once per run of the bench: a table that needs the same (implementation, command) again reuses it.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const root = dirname(here);
const probe = pathToFileURL(join(here, "rss-probe.js")).href;

export const AHT = 180;
export const DEFAULT_CALLS = 1_000_000; // what the committed scenario files' horizons are sized for
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

/** Runs `node --import rss-probe.js ...argv` in the repository root; wall time spawn to exit, peak RSS, stdout. */
export function runNode(argv) {
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

const cache = new Map();

/**
 * Measures `impl` ("minimal", "simjs" or "ccsim") on case `c` at `calls` calls (times c.fraction), best wall time of
 * `repeat` processes. A case names its M/M/c size (agents, erlangs) or a ccsim scenario (with ratePerSec when it is
 * not an M/M/c, `set`, more --set overrides, `oneInterval`, the whole run as one interval, and `out`, the files of
 * --out written too, into a temporary folder removed after).
 */
export async function measure(impl, c, { calls, repeat, seed }) {
  const key = JSON.stringify([impl, c.agents, c.erlangs, c.scenario, c.ratePerSec, c.set, c.fraction, c.oneInterval, c.out, calls, repeat, seed]);
  if (!cache.has(key)) cache.set(key, measureNow(impl, c, { calls, repeat, seed }));
  return cache.get(key);
}

async function measureNow(impl, c, { calls, repeat, seed }) {
  const outDir = impl === "ccsim" && c.out ? mkdtempSync(join(tmpdir(), "ccsim-bench-out-")) : null;
  try {
    return await measureIn(impl, c, { calls, repeat, seed }, outDir);
  } finally {
    if (outDir !== null) rmSync(outDir, { recursive: true, force: true });
  }
}

async function measureIn(impl, c, { calls, repeat, seed }, outDir) {
  let argv;
  let read;
  if (impl === "minimal" || impl === "simjs") {
    const script = impl === "minimal" ? "bench/minimal-loop.js" : "bench/simjs-mmc.js";
    argv = [script, "--agents", String(c.agents), "--erlangs", String(c.erlangs), "--aht", String(AHT),
      "--calls", String(calls), "--seed", seed];
    read = (stdout) => {
      const r = lastJson(stdout);
      return { calls: r.calls, events: r.events, extra: `meanWait ${r.meanWait.toFixed(3)} s, probWait ${r.probWait.toFixed(4)}` };
    };
  } else {
    argv = ["bin/ccsim.js", "run", c.scenario, "--json", "--quiet"];
    const wanted = calls * (c.fraction ?? 1);
    for (const s of c.set ?? []) argv.push("--set", s);
    // the scenario's own interval (the default quarter hour), unless the case asks for the whole run as one
    const horizon = wanted / (c.ratePerSec ?? c.erlangs / AHT);
    if (wanted !== DEFAULT_CALLS || c.set) argv.push("--set", `horizon=${horizon}`);
    if (c.oneInterval) argv.push("--set", `interval=${horizon}`);
    // intervals.csv and report.html built and written as well, as a planner's `run --out` does
    if (outDir !== null) argv.push("--out", outDir, "--force");
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

