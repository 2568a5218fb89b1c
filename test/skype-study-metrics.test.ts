// A Skype for Business site's numbers (summary.json's skype part) in compare and sweep: selectable by --metrics like
// the whole center's, paired replication by replication, written to the CSV and JSON; refused by name with a
// suggestion, and refused for a scenario without a Skype site.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareVariants } from "../src/experiment/compare.js";
import { ccsim, scenarioOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("skype-study");

/** 2 calls a second of 60 s on 3 connectors: about 120 calls in progress, 40 a connector */
const busy = (pool: number) => `
topology: standalone
seed: 3
replications: 3
horizon: 10m
warmup: 2m
interval: 2m
sites: [{ id: hq, skype: { connectors: 3, conferencePoolSize: ${pool} } }]
agents:
  - { group: desk, count: 200, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 2/s }, handleTime: { dist: exponential, mean: 60s }, patience: { dist: exponential, mean: 2m }, target: "s > 0" }
`;

describe("Skype metrics in compare and sweep", () => {
  it("a paired difference of conferenceWaits is the mean of the replications' own differences", () => {
    const c = compareVariants("pool", [{ value: "20", scenario: scenarioOf(busy(20)) }, { value: "80", scenario: scenarioOf(busy(80)) }], 3, 3);
    const [small, big] = c.variants.map((v) => v.result.perReplicationSkype!.map((k) => k.conferenceWaits));
    // 20 a connector is below the ~40 calls each holds: calls wait; 80 is above: none do
    expect(Math.min(...small!)).toBeGreaterThan(0);
    expect(big).toEqual([0, 0, 0]);
    const d = c.differences[0]!.metrics.conferenceWaits!;
    expect(d.mean).toBeCloseTo(big!.reduce((s, x, i) => s + x - small![i]!, 0) / 3, 9);
    expect(d.significant).toBe(true);
    const [smallPeak, bigPeak] = c.variants.map((v) => v.result.perReplicationSkype!.map((k) => k.peakConferencesInUse));
    expect(c.differences[0]!.metrics.peakConferencesInUse!.mean).toBeCloseTo(bigPeak!.reduce((s, x, i) => s + x - smallPeak![i]!, 0) / 3, 9);
  });

  it("compare --metrics shows them in the table, the CSV and compare.json; sweep.csv gains their columns", () => {
    const dir = tmp();
    const file = join(dir, "busy.yaml");
    writeFileSync(file, busy(20));
    const out = join(dir, "cmp");
    const r = ccsim(["compare", file, "--vary", "sites[0].skype.conferencePoolSize=20,80", "--metrics", "conferenceWaits,conferenceWaitRate,meanAllocationTime", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("warning");
    expect(r.stdout).toMatch(/^conferenceWaitRate +\d+\.\d\d% \[/m);
    expect(r.stdout).toMatch(/^meanAllocationTime +[\d.]+ s \[/m);
    expect(r.stdout).toMatch(/^conferenceWaits .* 0 \[0, 0\] .*\*$/m);
    expect(readFileSync(join(out, "compare.csv"), "utf8")).toMatch(/^conferenceWaits,80,0,0,0,20,-[\d.]+,/m);
    const json = JSON.parse(readFileSync(join(out, "compare.json"), "utf8"));
    expect(json.variants[1].metrics.conferenceWaits.mean).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("Skype: calls that waited for a conference");
    const sweep = join(dir, "sw");
    expect(ccsim(["sweep", file, "--vary", "sites[0].skype.conferencePoolSize=20,80", "--replications", "2", "--quiet", "--out", sweep]).code).toBe(0);
    expect(readFileSync(join(sweep, "sweep.csv"), "utf8").split("\n")[0]).toContain(",conferenceWaits,conferenceWaits_lo,conferenceWaits_hi,");
  });

  it("refuses a misspelt name with a suggestion, and a Skype number for a scenario without a Skype site", () => {
    const dir = tmp();
    const file = join(dir, "busy.yaml");
    writeFileSync(file, busy(20));
    const typo = ccsim(["compare", file, "--vary", "sites[0].skype.conferencePoolSize=20,80", "--metrics", "conferenceWait"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('--metrics: unknown metric "conferenceWait" (did you mean "conferenceWaits"?)\n');
    const none = ccsim(["sweep", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=13,14", "--metrics", "peakCallsPerSecond"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('--metrics: "peakCallsPerSecond" is a number of a Skype for Business site (sites[].skype), and the scenario has no Skype site\n');
    const plain = ccsim(["sweep", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=13,14", "--replications", "1", "--json"]);
    expect(plain.stdout).not.toContain("conferenceWaits");
  });
});
