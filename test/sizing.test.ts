// Agent sizing: the Erlang closed forms against the published values, the search against the textbook answer (from
// the analytic start and from far off it), and `ccsim size` through the real command line with its report.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPool } from "../src/experiment/pool.js";
import { experimentRunner } from "../src/experiment/pooled-experiment.js";
import { analyticStart, sizeAgents } from "../src/experiment/sizing.js";
import { erlangAMeasures, erlangCMeasures } from "../src/metrics/erlang.js";
import { ccsim, scenarioFile } from "./helpers.js";

const lambda = 200 / 3600;
const mu = 1 / 180;

describe("Erlang closed forms", () => {
  it("give the published Erlang C case (docs/validation.md: probWait 0.174132, service level 0.888350)", () => {
    const c14 = erlangCMeasures(14, lambda, mu, 20);
    expect(c14.probWait).toBeCloseTo(0.174132, 6);
    expect(c14.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(c14.meanWait).toBeCloseTo(7.836, 3);
    const c13 = erlangCMeasures(13, lambda, mu, 20);
    expect(c13.probWait).toBeCloseTo(0.28527, 5);
    expect(c13.serviceLevel).toBeCloseTo(0.795595, 6);
  });

  it("give the published Erlang A case", () => {
    const a = erlangAMeasures(10, 10, 1, 1, 1);
    expect(a.probWait).toBeCloseTo(0.54207, 5);
    expect(a.abandonRate).toBeCloseTo(0.12511, 5);
    expect(a.meanWait).toBeCloseTo(0.12511, 5);
  });

  it("Erlang A's service level tends to Erlang C's as patience grows without bound", () => {
    expect(erlangAMeasures(14, lambda, mu, 1e-9, 20).serviceLevel).toBeCloseTo(0.88835, 6);
  });
});

describe("sizing agents", () => {
  // Erlang C: 13 agents give 0.7956 and 14 give 0.8884 within 20 s, so 14 is the textbook minimum for >= 0.88.
  // The simulation judges 14 on the lower 95% bound of its service level (0.8833 on this seed), still above 0.88.
  const s = scenarioFile("erlang-c.yaml", ["targets.serviceLevel=>= 0.88"]);
  // a pool of one runs every try in this thread
  const run = experimentRunner(openPool(1));

  it("starts from the Erlang C minimum for the group's load", () => {
    const st = analyticStart(s, "agents");
    expect(st.model).toBe("Erlang C");
    expect(st.offeredLoad).toBeCloseTo(10, 9);
    expect(st.count).toBe(14);
  });

  it("gives the textbook Erlang C answer for a service-level target, with the count below it tried and missed", async () => {
    const r = await sizeAgents(s, "agents", { seed: s.seed, replications: s.replications, run });
    expect(r.recommended).toBe(14);
    expect(r.tries.map((t) => [t.count, t.met])).toEqual([
      [14, true],
      [13, false],
    ]);
  });

  it("finds the same answer from far below and far above the analytic start", async () => {
    // fewer replications widen the intervals, so the target leaves room: >= 0.85 is still 14 by Erlang C
    const loose = scenarioFile("erlang-c.yaml", ["targets.serviceLevel=>= 0.85"]);
    const opts = { seed: s.seed, replications: 4, run };
    const up = await sizeAgents(loose, "agents", { ...opts, from: 6 });
    const down = await sizeAgents(loose, "agents", { ...opts, from: 40 });
    expect(up.recommended).toBe(14);
    expect(down.recommended).toBe(14);
    // stepping 1, 2, 4, ... from 6 passes 14 at 21 (6+1+2+4+8), then bisects back
    expect(up.tries.map((t) => t.count).slice(0, 5)).toEqual([6, 7, 9, 13, 21]);
  });

  it("says so when no count up to the limit meets the targets", async () => {
    const hard = scenarioFile("erlang-c.yaml", ["targets.serviceLevel=>= 0.88", "horizon=20h"]);
    const r = await sizeAgents(hard, "agents", { seed: 1, replications: 2, max: 12, run });
    expect(r.recommended).toBeNull();
    expect(r.tries.every((t) => !t.met)).toBe(true);
  });
});

describe("ccsim size", () => {
  it("prints the recommendation, the targets and every try as JSON", () => {
    const r = ccsim(["size", "scenarios/erlang-c.yaml", "--target", "serviceLevel=>= 0.88", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.recommended).toEqual({ agents: 14 });
    expect(j.targets[0]).toMatchObject({ metric: "serviceLevel", target: ">= 0.88", met: true });
    expect(j.tries.map((t: { count: number; met: boolean }) => [t.count, t.met])).toEqual([
      [14, true],
      [13, false],
    ]);
  });

  it("writes sizing.md, sizing.csv and sizing.json for a CI summary, and report.html", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-size-"));
    const r = ccsim(["size", "scenarios/gate-fail.yaml", "--for", "agents:support", "--quiet", "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const md = readFileSync(join(dir, "sizing.md"), "utf8");
    const j = JSON.parse(readFileSync(join(dir, "sizing.json"), "utf8"));
    const n = j.recommended.support as number;
    expect(md).toContain(`**Recommended: ${n} agents** in \`support\``);
    expect(md).toContain(`(${n - 1} was tried and missed)`);
    expect(md).toMatch(/### Assumptions/);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain(`Recommended: ${n} agents in support`);
    const csv = readFileSync(join(dir, "sizing.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe(
      "try,group,count,met,replications,serviceLevel_mean,serviceLevel_judgedOn,serviceLevel_met,abandonRate_mean,abandonRate_judgedOn,abandonRate_met,asa_mean,asa_judgedOn,asa_met",
    );
    expect(csv).toHaveLength(1 + j.tries.length);
    // each try says the replications it ran, the search their sum, and sizing.md both
    const used = j.tries.reduce((s: number, t: { replications: number }) => s + t.replications, 0);
    expect(j.replicationsSimulated).toBe(used);
    expect(used).toBeLessThan(j.tries.length * j.replications);
    expect(md).toContain(`Replications simulated: ${used} in ${j.tries.length} tries.`);
    // the gate's failing deployment (20 agents) is below the answer, its passing one (23) at or above it
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThanOrEqual(23);
  });

  it("rejects an unknown group with a suggestion, and machines without the component load model, exit 2", () => {
    const bad = ccsim(["size", "scenarios/gate-pass.yaml", "--for", "agents:suport"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--for agents:suport: no agent group "suport" \(did you mean "support"\?\)/);
    const nodes = ccsim(["size", "scenarios/gate-pass.yaml", "--for", "nodes"]);
    expect(nodes.code).toBe(2);
    expect(nodes.stderr).toMatch(/sizing nodes needs the component load model: add `components: \{\}`/);
    const vq = ccsim(["size", "scenarios/gate-pass.yaml", "--for", "vq"]);
    expect(vq.code).toBe(2);
    expect(vq.stderr).toMatch(/one VQ SIP Server HA pair a site/);
    // sizing URS pairs tries every grouping: --max has nothing to bound, so it is refused, not ignored
    const max = ccsim(["size", "scenarios/sized-two-site.yaml", "--for", "urs", "--max", "3"]);
    expect(max.code).toBe(2);
    expect(max.stderr).toBe("--max: bounds the count of agents or nodes, or the tries of --for throughput: --for urs tries every grouping of the nodes\n");
  });
});
