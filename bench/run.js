// `npm run bench`: times ccsim against the hand-written floor (minimal-loop.js) and SIM.JS on two M/M/c cases (on the
// scenarios' default interval, and again as one interval) and the cluster, then prints the scaling table
// (bench/scaling.js): cost per call against agents, nodes and calls, and the --workers speed-up.
//
// Each measurement is a whole `node` process (bench/measure.js). A failing implementation prints its error in its row
// and the others still run.
// Usage: node bench/run.js [--calls N] [--quick] [--repeat K] [--only minimal,simjs,ccsim]

import { parseArgs } from "node:util";
import { AHT, DEFAULT_CALLS, measure as measureCase } from "./measure.js";
import { cluster, scalingReport } from "./scaling.js";

const QUICK_CALLS = 100_000;

const CASES = [
  { id: "a", label: "14 agents, 10 Erl", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml" },
  // case a again at ten times the calls, ccsim alone: does peak memory grow with the number of calls?
  { id: "a10", label: "same, 10x the calls", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml", ccsimOnly: true, fraction: 10 },
  // cases a and b again with the whole run as one interval: what the default quarter-hour series costs beside it
  { id: "a1", label: "same, one interval", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml", ccsimOnly: true, oneInterval: true },
  // case a again with --out: intervals.csv and report.html of its 20,000 quarter hours, and of one interval
  { id: "ao", label: "same, --out", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml", ccsimOnly: true, out: true },
  { id: "ao1", label: "--out, one interval", agents: 14, erlangs: 10, scenario: "bench/scenarios/mmc-14.yaml", ccsimOnly: true, out: true, oneInterval: true },
  { id: "b", label: "950 agents, 900 Erl", agents: 950, erlangs: 900, scenario: "bench/scenarios/mmc-950.yaml" },
  { id: "b1", label: "same, one interval", agents: 950, erlangs: 900, scenario: "bench/scenarios/mmc-950.yaml", ccsimOnly: true, oneInterval: true },
  // the SIP Cluster at scale: no reference models it, so ccsim alone; run at a tenth of the calls too, for its peak
  // memory beside the full run's
  { id: "c", label: "cluster 8 nodes 2000 ag", ratePerSec: 6.3, scenario: "bench/scenarios/cluster-2000.yaml", ccsimOnly: true },
  { id: "c/10", label: "same, 1/10 of the calls", ratePerSec: 6.3, scenario: "bench/scenarios/cluster-2000.yaml", ccsimOnly: true, fraction: 0.1 },
];
const TARGET_CLUSTER_SECONDS = 20;

// The targets, judged on whole-process runs of the full 1,000,000-call cases: the foundation's (M/M/14 and M/M/950
// against the floor) and the later speed-and-scale ones (M/M/14 again, the cluster, memory flat in calls).
const TARGET_CALLS_PER_SEC_14 = 1_500_000;
const TARGET_MAX_TIME_VS_FLOOR_950 = 3;
const TARGET_SCALE_CALLS_PER_SEC_14 = 2_500_000;
const TARGET_SCALE_CLUSTER_CALLS_PER_SEC = 150_000;
// On the scenarios' defaults (the quarter-hour interval): the M/M/c cases against the floor, the series against one
// interval, and the cluster's cost per call at 8 nodes a site against 1.
const TARGET_DEFAULTS_TIME_VS_FLOOR = 3;
const TARGET_SERIES_TIME = 1.15;
const TARGET_SERIES_MEMORY = 1.2;
const TARGET_NODES_8_VS_1 = 1.5;

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

const measure = (impl, c, n = calls) => measureCase(impl, c, { calls: n, repeat, seed: args.seed });

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
process.stdout.write("\nFoundation targets (judged at 1,000,000 calls a case, whole process):\n");
const a = results.find((r) => r.c.id === "a")?.rows;
const b = results.find((r) => r.c.id === "b")?.rows;
const scaleNote = calls === DEFAULT_CALLS ? "" : ` [this run: ${calls.toLocaleString("en-US")} calls, not the target size]`;
/** One "at least so many calls a second" target, judged on a ccsim row; `note` goes before the verdict. */
const judge = (label, row, target, note = "") =>
  process.stdout.write(
    row?.ok
      ? `  ${label} >= ${fmtRate(target)} calls/s: ${fmtRate(row.callsPerSec)} calls/s${note} -> ${row.callsPerSec >= target ? "MET" : "NOT MET"}${scaleNote}\n`
      : `  ${label} >= ${fmtRate(target)} calls/s: not measured (ccsim did not run)\n`,
  );
const ofFloor = a?.ccsim?.ok && a?.minimal?.ok ? `, ${(a.ccsim.callsPerSec / a.minimal.callsPerSec).toFixed(2)}x of floor` : "";
judge("ccsim on case a", a?.ccsim, TARGET_CALLS_PER_SEC_14, ofFloor);
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
}

process.stdout.write("\nSpeed-and-scale targets (the same runs):\n");
judge("ccsim on case a", a?.ccsim, TARGET_SCALE_CALLS_PER_SEC_14, ofFloor);
judge("ccsim on case c", cl, TARGET_SCALE_CLUSTER_CALLS_PER_SEC);
// peak RSS of the whole process, as rss-probe.js samples it; "no higher" is judged as it stands, to the megabyte
const a10 = results.find((r) => r.c.id === "a10")?.rows?.ccsim;
if (a?.ccsim?.ok && a10?.ok) {
  const met = Math.round(a10.peakMB) <= Math.round(a.ccsim.peakMB);
  process.stdout.write(
    `  peak memory no higher at 10x the calls (case a): ${a10.peakMB.toFixed(0)} MB for ${fmtRate(a10.calls)} calls ` +
      `against ${a.ccsim.peakMB.toFixed(0)} MB for ${fmtRate(a.ccsim.calls)} -> ${met ? "MET" : "NOT MET"}${scaleNote}\n`,
  );
}
if (cl?.ok && cl10?.ok) {
  process.stdout.write(
    `  (the cluster, case c: peak ${cl.peakMB.toFixed(0)} MB for ${fmtRate(cl.calls)} calls against ` +
      `${cl10.peakMB.toFixed(0)} MB for ${fmtRate(cl10.calls)}, a tenth)\n`,
  );
}
process.stdout.write("  --workers 2 against 1: the last lines of the scaling table below\n");

process.stdout.write("\nTargets on the scenarios' defaults (the 15-minute interval; the same runs):\n");
const verdict = (met) => (met ? "MET" : "NOT MET");
for (const id of ["a", "b"]) {
  const r = results.find((x) => x.c.id === id)?.rows;
  if (!r?.ccsim?.ok || !r?.minimal?.ok) {
    process.stdout.write(`  ccsim time <= ${TARGET_DEFAULTS_TIME_VS_FLOOR}x the floor's on case ${id}: not measured\n`);
    continue;
  }
  const times = r.minimal.callsPerSec / r.ccsim.callsPerSec;
  process.stdout.write(
    `  ccsim time <= ${TARGET_DEFAULTS_TIME_VS_FLOOR}x the floor's on case ${id}: ${times.toFixed(2)}x -> ` +
      `${verdict(times <= TARGET_DEFAULTS_TIME_VS_FLOOR)}${scaleNote}\n`,
  );
}
for (const id of ["a", "b"]) {
  const series = results.find((x) => x.c.id === id)?.rows?.ccsim;
  const one = results.find((x) => x.c.id === `${id}1`)?.rows?.ccsim;
  const what = `case ${id}, 15-minute interval against one interval`;
  if (!series?.ok || !one?.ok) {
    process.stdout.write(`  ${what}: not measured\n`);
    continue;
  }
  // the same seed and calls either way: the interval decides what is counted where, not what happens
  const time = series.wall / one.wall;
  const memory = series.peakMB / one.peakMB;
  process.stdout.write(
    `  ${what}: time ${time.toFixed(2)}x (<= ${TARGET_SERIES_TIME}x -> ${verdict(time <= TARGET_SERIES_TIME)}), ` +
      `peak memory ${memory.toFixed(2)}x, ${series.peakMB.toFixed(0)} against ${one.peakMB.toFixed(0)} MB ` +
      `(<= ${TARGET_SERIES_MEMORY}x -> ${verdict(memory <= TARGET_SERIES_MEMORY)})${scaleNote}\n`,
  );
}
{
  // --out is not among the targets: its cost beside one interval is printed as a figure
  const series = results.find((x) => x.c.id === "ao")?.rows?.ccsim;
  const one = results.find((x) => x.c.id === "ao1")?.rows?.ccsim;
  const what = "case a with --out (intervals.csv, report.html), 15-minute interval against one interval";
  process.stdout.write(
    series?.ok && one?.ok
      ? `  ${what}: time ${(series.wall / one.wall).toFixed(2)}x (${series.wall.toFixed(2)} against ${one.wall.toFixed(2)} s), ` +
          `peak memory ${(series.peakMB / one.peakMB).toFixed(2)}x (${series.peakMB.toFixed(0)} against ${one.peakMB.toFixed(0)} MB); ` +
          `a figure, not a target${scaleNote}\n`
      : `  ${what}: not measured\n`,
  );
}
if (only.has("ccsim")) {
  // the scaling table's rows of the same runs (measure caches them)
  const n1 = await measure("ccsim", cluster(1));
  const n8 = await measure("ccsim", cluster(8));
  if (n1.ok && n8.ok) {
    const grows = (n8.wall / n8.calls) / (n1.wall / n1.calls);
    process.stdout.write(
      `  cluster, cost per call at 8 nodes a site <= ${TARGET_NODES_8_VS_1}x of 1 node: ${grows.toFixed(2)}x ` +
        `(${((n1.wall / n1.calls) * 1e6).toFixed(1)} to ${((n8.wall / n8.calls) * 1e6).toFixed(1)} us) -> ` +
        `${verdict(grows <= TARGET_NODES_8_VS_1)}${scaleNote}\n`,
    );
  }
}

process.stdout.write(
  await scalingReport({
    measure,
    calls,
    only,
    progress: (what) => process.stderr.isTTY && process.stderr.write(`  running ${what}...\n`),
  }),
);

const referenceFailed = results.some(({ rows }) => ["minimal", "simjs"].some((k) => rows[k] && !rows[k].ok));
process.exitCode = referenceFailed ? 1 : 0;
