// Numbers within their domain: a confidence interval never reaches below 0 or a share past 1 (it is clipped there and
// marked), and slices that see no arrivals (agent groups, URS) report nothing counted against arrivals.

import { describe, expect, it } from "vitest";
import { clipToDomain, domainOf } from "../src/metrics/metric-domain.js";
import { run, scenarioOf } from "./helpers.js";

// a quiet day: few calls, rare routing failures, so the t intervals of counts and shares straddle their bounds
const QUIET = `
seed: 4
replications: 3
horizon: 1h
sites: [{ id: dc1, nodes: 2 }]
routing: { mode: node-based }
agents: [{ group: a, site: dc1, count: 3, skills: { s: 1 } }]
traffic: [{ type: t, site: dc1, arrivals: { rate: 20/h }, handleTime: { dist: exponential, mean: 3m }, patience: { dist: exponential, mean: 30m }, target: s }]
`;

describe("confidence intervals within the metric's domain", () => {
  it("a share's interval lies in [0, 1], a count's or a time's from 0, and a clipped one says so", () => {
    expect(domainOf("abandonRate")).toEqual([0, 1]);
    expect(domainOf("asa")).toEqual([0, Infinity]);
    expect(clipToDomain("abandonRate", [-0.0053, 0.02])).toEqual({ ci95: [0, 0.02], clipped: true });
    expect(clipToDomain("serviceLevel", [0.97, 1.004])).toEqual({ ci95: [0.97, 1], clipped: true });
    expect(clipToDomain("asa", [-7.98, 25.05])).toEqual({ ci95: [0, 25.05], clipped: true });
    expect(clipToDomain("asa", [1, 2])).toEqual({ ci95: [1, 2], clipped: false });
  });

  it("on a quiet day every interval of every slice is within its domain, and those moved are marked clipped", () => {
    const r = run(scenarioOf(QUIET));
    let clipped = 0;
    const slices = [r.metrics, ...Object.values(r.bySite), ...Object.values(r.byNode), ...Object.values(r.byType), ...Object.values(r.byGroup)];
    for (const slice of slices) {
      for (const [name, m] of Object.entries(slice)) {
        if (m?.ci95 == null) continue;
        const [lo, hi] = domainOf(name);
        expect(m.ci95[0], name).toBeGreaterThanOrEqual(lo);
        expect(m.ci95[1], name).toBeLessThanOrEqual(hi);
        expect(m.mean, name).toBeGreaterThanOrEqual(m.ci95[0]);
        if (m.clipped) clipped++;
      }
    }
    // the day is quiet enough that some interval needed clipping: the check above is not vacuous
    expect(clipped).toBeGreaterThan(0);
  });
});

describe("slices that see no arrivals", () => {
  it("an agent group reports what it answered and its occupancy, not an offered count, service level or an unfinished count below 0", () => {
    const r = run(scenarioOf(QUIET));
    const g = r.byGroup["a"]!;
    expect(g.answered!.mean).toBeGreaterThan(0);
    expect(g.occupancy!.mean).toBeGreaterThan(0);
    for (const name of ["offered", "unfinished", "serviceLevel", "probWait", "abandonRate"] as const) expect(g[name], name).toBeUndefined();
    for (const urs of Object.values(r.byUrs)) expect(urs.unfinished).toBeUndefined();
    expect(r.metrics.unfinished!.mean).toBeGreaterThanOrEqual(0);
  });
});
