// Sizing tries run in batches (src/experiment/sequential-try.ts): the looks, the interval each interim look judges
// on, that a try stopped early rests on exactly the replications a fixed run of that many gives (common random
// numbers), and that a search in batches gives the answer the fixed-size search's rule gives, on fewer replications.

import { describe, expect, it } from "vitest";
import { openPool } from "../src/experiment/pool.js";
import { experimentRunner } from "../src/experiment/pooled-experiment.js";
import { interimError, looksOf, sequentialTry, sideOf } from "../src/experiment/sequential-try.js";
import { sizeAgents } from "../src/experiment/sizing.js";
import { judgeTargets } from "../src/experiment/targets.js";
import { tQuantile } from "../src/metrics/statistics.js";
import type { Scenario } from "../src/scenario/types.js";
import { scenarioFile } from "./helpers.js";

describe("the looks of a try", () => {
  it("start at 3 replications, double, and end at the maximum", () => {
    expect(looksOf(1)).toEqual([1]);
    expect(looksOf(3)).toEqual([3]);
    expect(looksOf(5)).toEqual([3, 5]);
    expect(looksOf(10)).toEqual([3, 6, 10]);
    expect(looksOf(20)).toEqual([3, 6, 12, 20]);
  });

  it("share a two-sided 5% between the interim looks (Bonferroni)", () => {
    expect(interimError(3)).toBeNull();
    expect(interimError(5)).toBeCloseTo(0.05, 12);
    expect(interimError(10)).toBeCloseTo(0.025, 12);
  });

  it("call a side only when the whole corrected interval is on it", () => {
    // n = 4, sd 2: the half-width at two-sided error 2.5% is t(0.9875, 3) x 2 / 2
    const half = tQuantile(0.9875, 3);
    const m = (mean: number) => ({ mean, sd: 2, ci95: null });
    expect(sideOf(m(10 + half + 1e-9), 4, 0.025, ">=", 10)).toBe("met");
    expect(sideOf(m(10 + half - 1e-6), 4, 0.025, ">=", 10)).toBe("unclear");
    expect(sideOf(m(10 - half - 1e-9), 4, 0.025, ">=", 10)).toBe("missed");
    expect(sideOf(m(10 - half - 1e-9), 4, 0.025, "<=", 10)).toBe("met");
    expect(sideOf(m(10 + half + 1e-9), 4, 0.025, "<", 10)).toBe("missed");
    // one replication has no interval: never clear before the last look
    expect(sideOf({ mean: 0, sd: null, ci95: null }, 1, 0.025, "<=", 10)).toBe("unclear");
  });
});

describe("a search in batches", () => {
  // a small Erlang C center: 100 calls an hour of 3 minutes, 2 h after 15 min of warm-up
  const s: Scenario = scenarioFile("erlang-c.yaml", ["targets.serviceLevel=>= 0.75", "horizon=2h15m", "warmup=15m"]);
  const run = experimentRunner(openPool(1));
  const max = 6;

  it("rests each try on the replications a fixed run of as many gives, and counts them", async () => {
    const r = await sizeAgents(s, "agents", { seed: 7, replications: max, run });
    expect(r.replications).toBe(r.tries.reduce((n, t) => n + t.replications, 0));
    // at least one try was clear before the maximum, and every try stopped at a look
    expect(r.tries.some((t) => t.replications < max)).toBe(true);
    for (const t of r.tries) {
      expect(looksOf(max)).toContain(t.replications);
      const fixed = await run(t.result.scenario, { seed: 7, replications: t.replications });
      expect(t.result.metrics).toEqual(fixed.metrics);
    }
  });

  it("answers what the fixed-size rule answers: the count meets the targets on all replications, one less does not", async () => {
    const r = await sizeAgents(s, "agents", { seed: 7, replications: max, run });
    const full = async (count: number) => {
      const at = { ...s, agents: s.agents.map((a) => ({ ...a, count })) };
      const res = await run(at, { seed: 7, replications: max });
      return judgeTargets(at.targets, res).every((v) => v.met);
    };
    expect(r.recommended).not.toBeNull();
    expect(await full(r.recommended!)).toBe(true);
    expect(await full(r.recommended! - 1)).toBe(false);
    expect(r.replications).toBeLessThan(r.tries.length * max);
  });

  it("keeps the replications it was given and runs only the rest", async () => {
    const kept: Parameters<typeof sequentialTry>[2]["kept"] = [];
    const at = { ...s, agents: s.agents.map((a) => ({ ...a, count: 5 })) };
    await run(at, { seed: 7, replications: 3, kept });
    const t = await sequentialTry(run, at, { seed: 7, replications: max, kept });
    expect(t.simulated).toBe(t.replications - 3);
    expect(t.result.metrics).toEqual((await run(at, { seed: 7, replications: t.replications })).metrics);
  });
});
