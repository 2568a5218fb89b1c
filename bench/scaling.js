// The scaling table of `npm run bench`: ccsim's whole-process time per call against agents, nodes and calls, beside
// the minimal loop and simjs measured in the same run, and the speed-up of --workers 2 over --workers 1.
//
// A row's cost per call is its process's wall time over its calls, startup included, as a user pays it: at few calls
// startup weighs more, which is what the calls rows show.

import { runNode } from "./measure.js";

const MMC = (agents, erlangs, scenario, set) => ({ agents, erlangs, scenario, ...(set ? { set } : {}) });
// M/M/100 is the 950-agent file with 100 agents offered 90 Erlang (the same mean handle, 0.5 calls/s)
const MMC_14 = MMC(14, 10, "bench/scenarios/mmc-14.yaml");
const MMC_100 = MMC(100, 90, "bench/scenarios/mmc-950.yaml", ["agents[0].count=100", "traffic[0].arrivals.rate=0.5/s"]);
const MMC_950 = MMC(950, 900, "bench/scenarios/mmc-950.yaml");
/** the 2,000-agent cluster with `nodes` nodes a site (4 is the file's own) */
export const cluster = (nodes) => ({
  ratePerSec: 6.3,
  scenario: "bench/scenarios/cluster-2000.yaml",
  set: nodes === 4 ? undefined : [`sites[0].nodes=${nodes}`, `sites[1].nodes=${nodes}`],
});

// --workers on 20 replications: short ones (~0.08 s each, where each thread's start and JIT warm-up weigh) and long
// ones (~0.6 s each, the 2,000-agent cluster over 2 h, where they do not)
const WORKERS_REPLICATIONS = 20;
const WORKERS_RUNS = [
  { label: "scenarios/two-sites-node-based.yaml", argv: ["scenarios/two-sites-node-based.yaml"] },
  { label: "bench/scenarios/cluster-2000.yaml over 2 h", argv: ["bench/scenarios/cluster-2000.yaml", "--set", "horizon=2h"] },
];

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const int = (x) => Math.round(x).toLocaleString("en-US");
const nsPerCall = (r) => (r?.ok ? (r.wall / r.calls) * 1e9 : NaN);
const cellNs = (r) => (r === undefined ? "-" : r.ok ? int(nsPerCall(r)) : "failed");
const times = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : "-");

/**
 * Measures and prints the table. `measure(impl, case, calls)` is bench/run.js's (shared cache), `calls` the size of
 * the agents and nodes rows (the calls rows take a tenth of it and all of it), `only` the implementations to run.
 */
export async function scalingReport({ measure, calls, only, progress }) {
  const rows = [
    ...[[MMC_14, "M/M/14, 10 Erl"], [MMC_100, "M/M/100, 90 Erl"], [MMC_950, "M/M/950, 900 Erl"]].map(([c, label]) => ({
      axis: "agents", label, c, calls, refs: true,
    })),
    ...[1, 2, 4, 8].map((n) => ({ axis: "nodes", label: `cluster 2,000 ag, ${n} node${n > 1 ? "s" : ""} a site`, c: cluster(n), calls, refs: false })),
    ...[calls / 10, calls].map((n) => ({ axis: "calls", label: `M/M/14, ${int(n)} calls`, c: MMC_14, calls: n, refs: true })),
  ];
  for (const row of rows) {
    row.r = {};
    for (const impl of ["minimal", "simjs", "ccsim"]) {
      if (!only.has(impl) || (!row.refs && impl !== "ccsim")) continue;
      progress(`scaling ${row.label}: ${impl}`);
      row.r[impl] = await measure(impl, row.c, row.calls);
    }
  }

  const header = [pad("axis", 7), pad("case", 34), pad("calls", 10, true), pad("floor ns", 9, true), pad("simjs ns", 9, true),
    pad("ccsim ns", 9, true), pad("vs floor", 9, true), pad("vs simjs", 9, true), pad("vs first", 9, true)].join(" ");
  let out = "\nScaling: whole-process wall time per call (ns, lower is better); vs: ccsim's time per call over the floor's, " +
    "simjs's, and the first row of its axis\n";
  out += `${header}\n${"-".repeat(header.length)}\n`;
  const first = {};
  for (const row of rows) {
    const ns = nsPerCall(row.r.ccsim);
    first[row.axis] ??= ns;
    out += [pad(row.axis, 7), pad(row.label, 34), pad(row.r.ccsim?.ok ? int(row.r.ccsim.calls) : int(row.calls), 10, true),
      pad(cellNs(row.r.minimal), 9, true), pad(cellNs(row.r.simjs), 9, true), pad(cellNs(row.r.ccsim), 9, true),
      pad(times(ns, nsPerCall(row.r.minimal)), 9, true), pad(times(ns, nsPerCall(row.r.simjs)), 9, true),
      pad(times(ns, first[row.axis]), 9, true)].join(" ") + "\n";
    for (const [impl, r] of Object.entries(row.r)) if (!r.ok) out += `        ${impl} FAILED: ${r.error}${r.hint ?? ""}\n`;
  }

  if (only.has("ccsim")) {
    out += "\n";
    for (const w of WORKERS_RUNS) {
      progress(`--workers 1 and 2, ${WORKERS_REPLICATIONS} replications of ${w.label}`);
      const run = (n) => runNode(["bin/ccsim.js", "run", ...w.argv, "--replications", String(WORKERS_REPLICATIONS), "--json", "--workers", String(n)]);
      const one = await run(1);
      const two = await run(2);
      if (one.ok && two.ok) {
        out += `--workers: ${WORKERS_REPLICATIONS} replications of ${w.label}: ${one.wall.toFixed(2)} s on 1, ` +
          `${two.wall.toFixed(2)} s on 2 -> speed-up ${(one.wall / two.wall).toFixed(2)}x; ` +
          `summary ${one.stdout === two.stdout ? "byte for byte the same" : "DIFFERENT (a bug)"}\n`;
      } else {
        out += `--workers: ${w.label}: FAILED: ${(one.ok ? two : one).error}\n`;
      }
    }
  }
  return out;
}
