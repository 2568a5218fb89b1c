// The interval series is kept only where something reads it (a run's --out folder, a shard's partial, a fault's
// recovery): without it a replication counts as one interval does, and every summary stays exactly what it was.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../src/experiment/experiment.js";
import { summaryJson, summaryOf } from "../src/report/summary.js";
import { ccsim, scenarioFile, tempFolders } from "./helpers.js";

const tmp = tempFolders("interval-series");

describe("the interval series, only when it is read", () => {
  it("a two-site day without its series: no interval rows, and the same summary to the byte", () => {
    // two sites, two call types and a profile over quarter hours: agent time and calls split over many intervals
    const s = scenarioFile("two-sites-node-based.yaml", ["horizon=2h", "warmup=15m"]);
    const kept = runExperiment(s, { replications: 3, seed: 7 });
    const skipped = runExperiment(s, { replications: 3, seed: 7, series: false });
    expect(kept.intervals.length).toBeGreaterThan(10);
    expect(skipped.intervals).toEqual([]);
    expect(summaryJson(summaryOf(skipped))).toBe(summaryJson(summaryOf(kept)));
  });

  // a fault's recovery (summary.json's faults) is judged on the series: `run --json` keeps it there too
  it.each(["day-profile.yaml", "faults-link-cut.yaml"])("`run %s --json` prints the summary.json that `run --out` writes", (name) => {
    const dir = tmp();
    const args = ["run", `scenarios/${name}`, "--set", "replications=3"];
    const printed = ccsim([...args, "--json"]);
    expect(printed.code).toBe(0);
    expect(ccsim([...args, "--out", dir, "--quiet"]).code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(join(dir, "summary.json"), "utf8"));
    if (name.startsWith("faults")) expect(JSON.parse(printed.stdout).faults[0].serviceLevelLowest).toBeDefined();
  });
});
