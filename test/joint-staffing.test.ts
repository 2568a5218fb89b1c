// Joint staffing (src/experiment/joint-staffing.ts): on two call types served by a specialist and a generalist group,
// the search finds the cheapest staffing an exhaustive search over every pair of counts finds, judged the same way.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openPool } from "../src/experiment/pool.js";
import { experimentRunner } from "../src/experiment/pooled-experiment.js";
import { fluidStart, sizeStaffing, typeVerdicts } from "../src/experiment/joint-staffing.js";
import { periodScenario } from "../src/experiment/period-sizing.js";
import { staffingProfile, staffPerPeriod } from "../src/experiment/period-staffing.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { ccsim } from "./helpers.js";

const s = loadScenario({ file: `${import.meta.dirname}/fixtures/staffing/specialist-generalist.yaml` });

describe("joint staffing", () => {
  const run = experimentRunner(openPool(1));

  it("starts at the fluid bound: each type's load on its cheapest server", () => {
    // a: 1 call a minute of 3 minutes, 3 erlangs, to the specialist; b: 1.5 erlangs, only the generalist serves it
    expect(fluidStart(s, { specialist: 1, generalist: 1.5 })).toEqual({ specialist: 3, generalist: 2 });
  });

  it("finds the exhaustive search's cheapest staffing that meets every target of every type", async () => {
    const r = await sizeStaffing(s, { seed: s.seed, replications: s.replications, run });
    expect(r.recommended).not.toBeNull();
    // the exhaustive search: every (specialist, generalist) pair in 0..7 x 1..7, each judged in full, as the search's
    // final look judges (the safe 95% bound of every type's service level)
    let best: { cost: number; counts: string } | null = null;
    for (let sp = 0; sp <= 7; sp++) {
      for (let ge = 1; ge <= 7; ge++) {
        const at = { ...s, agents: s.agents.map((a) => ({ ...a, count: a.group === "specialist" ? sp : ge })).filter((a) => a.count > 0) };
        const res = await run(at, { seed: s.seed, replications: s.replications });
        if (!typeVerdicts(res).every((v) => v.met)) continue;
        const cost = sp * 1 + ge * 1.5;
        if (best === null || cost < best.cost) best = { cost, counts: `${sp},${ge}` };
      }
    }
    expect(best).not.toBeNull();
    const found = r.recommended!;
    expect(`${found.counts.specialist},${found.counts.generalist}`).toBe(best!.counts);
    expect(found.cost).toBeCloseTo(best!.cost, 9);
    // every target of every type at the answer is met on its safe bound, and the tries say what they ran
    expect(typeVerdicts(found.result).every((v) => v.met)).toBe(true);
    // (no try here reuses another's replications: what each simulated is what its verdict rests on)
    expect(r.replications).toBe(r.tries.reduce((n, t) => n + t.replications, 0));
    expect(r.replications).toBeLessThan(r.tries.length * s.replications);
  });

  it("ccsim size --for staffing prints the answer, every type's bound and a block to paste; JSON says the same", () => {
    const f = "test/fixtures/staffing/specialist-generalist.yaml";
    const text = ccsim(["size", f, "--for", "staffing"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("recommended: specialist 2, generalist 5; cost 9.50 (1 h)");
    expect(text.stdout).toMatch(/every target at it \(safe 95% bound\): a serviceLevel [\d.]+%, b serviceLevel [\d.]+%/);
    expect(text.stdout).toContain("  - { group: specialist, count: 2 }\n  - { group: generalist, count: 5 }");
    const j = JSON.parse(ccsim(["size", f, "--for", "staffing", "--json"]).stdout);
    expect(j.recommended).toEqual({ specialist: 2, generalist: 5 });
    expect(j.cost).toBe(9.5);
    expect(j.targets.map((v: { type: string; met: boolean }) => [v.type, v.met])).toEqual([["a", true], ["b", true]]);
    expect(j.replicationsSimulated).toBe(j.tries.reduce((n: number, t: { replications: number }) => n + t.replications, 0));
  });

  it("with an arrival profile, staffs each period as its own steady state: the busier period costs more", async () => {
    // type a doubles in the second half hour; each period is the joint search on that period's rates held steady
    const prof = loadScenario({
      text: readFileSync(`${import.meta.dirname}/fixtures/staffing/specialist-generalist.yaml`, "utf8").replace(
        "arrivals: { rate: 60/h }",
        "arrivals: { period: 30m, rates: [60/h, 120/h] }",
      ),
      file: "profile.yaml",
    });
    const profile = staffingProfile(prof)!;
    expect(profile).toEqual({ period: 1800, periods: 2 });
    const r = await staffPerPeriod(prof, profile, { seed: prof.seed, replications: prof.replications, run });
    for (const p of [0, 1]) {
      const alone = await sizeStaffing(periodScenario(prof, p, 1800), { seed: prof.seed, replications: prof.replications, run });
      expect(r.periods[p]!.recommended!.counts).toEqual(alone.recommended!.counts);
      expect(r.staffing.specialist![p]).toBe(alone.recommended!.counts.specialist);
    }
    const costAt = (p: number) => r.groups.reduce((n, g) => n + r.staffing[g]![p]! * r.costs[g]!, 0);
    expect(costAt(1)).toBeGreaterThan(costAt(0));
    expect(r.cost).toBeCloseTo((costAt(0) + costAt(1)) * 0.5, 9);
  });

  it("ccsim size --for staffing on a profile prints a staffing table and a block of staffing counts to paste; --max refused", () => {
    const text = ccsim(["size", "scenarios/sized-per-period.yaml", "--for", "staffing"]);
    expect(text.code, text.stderr).toBe(0);
    // one group: the same table as sizing the group per period
    const alone = ccsim(["size", "scenarios/sized-per-period.yaml", "--json"]);
    const counts: number[] = JSON.parse(alone.stdout).recommended.agents;
    expect(text.stdout).toContain(`  - { group: agents, staffing: { period: 1h, counts: [${counts.join(", ")}] } }`);
    expect(text.stdout).toMatch(/^replications simulated: \d+ in \d+ tries/m);
    const max = ccsim(["size", "test/fixtures/staffing/specialist-generalist.yaml", "--for", "staffing", "--max", "5"]);
    expect(max.code).toBe(2);
    expect(max.stderr).toMatch(/^--max: bounds one count/);
  });
});
