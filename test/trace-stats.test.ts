// `ccsim trace-stats`: maximum-likelihood fits that find the distribution a sample came from, and a snippet that
// pastes into a scenario and describes the trace it came from.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { sampler } from "../src/kernel/distributions.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { digamma, fitDuration, lnGamma, trigamma } from "../src/metrics/fit.js";
import type { DistributionSpec } from "../src/scenario/types.js";
import { ROOT, ccsim, scenarioOf } from "./helpers.js";

function draws(spec: DistributionSpec, n: number, name: string): Float64Array {
  const draw = sampler(spec, new RandomStreams(3, 0).stream(name));
  return Float64Array.from({ length: n }, draw);
}

describe("special functions", () => {
  it("agree with known values", () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 11);
    expect(trigamma(1)).toBeCloseTo((Math.PI * Math.PI) / 6, 11);
    expect(digamma(0.25)).toBeCloseTo(-Math.PI / 2 - 3 * Math.log(2) - 0.5772156649015329, 11);
  });
});

describe("fitting a duration distribution", () => {
  it("a lognormal sample is fitted best by a lognormal with its mean and sd", () => {
    const fit = fitDuration(draws({ dist: "lognormal", mean: 240, sd: 180 }, 20000, "a"));
    expect(fit.best.dist).toBe("lognormal");
    const best = fit.best as { mean: number; sd: number };
    expect(best.mean / 240).toBeCloseTo(1, 1);
    expect(best.sd / 180).toBeCloseTo(1, 1);
  });

  it("a gamma sample is fitted best by a gamma with its mean and cv", () => {
    const fit = fitDuration(draws({ dist: "gamma", mean: 420, cv: 0.6 }, 20000, "b"));
    expect(fit.best.dist).toBe("gamma");
    const best = fit.best as { mean: number; cv: number };
    expect(best.mean / 420).toBeCloseTo(1, 1);
    expect(best.cv / 0.6).toBeCloseTo(1, 1);
  });

  it("an exponential sample is fitted best by the exponential: the others do not earn their extra parameter", () => {
    const fit = fitDuration(draws({ dist: "exponential", mean: 90 }, 20000, "c"));
    // a gamma of shape 1 is the exponential; AIC charges it for the parameter it does not need
    expect(fit.best.dist).toBe("exponential");
    expect(fit.mean / 90).toBeCloseTo(1, 1);
    expect(fit.cv).toBeCloseTo(1, 1);
  });

  it("values of 0 leave only the exponential, and says why; equal values are a constant", () => {
    const zeros = fitDuration([0, 10, 20, 30]);
    expect(zeros.candidates.map((c) => c.spec.dist)).toEqual(["exponential"]);
    expect(zeros.note).toMatch(/values of 0/);
    expect(fitDuration([5, 5, 5]).best).toEqual({ dist: "constant", value: 5 });
  });
});

describe("ccsim trace-stats", () => {
  const example = join(ROOT, "scenarios", "example-trace.csv");

  it("prints a snippet that pastes into a scenario, with the trace's counts and the distributions it was drawn from", () => {
    const r = ccsim(["trace-stats", example, "--interval", "1h"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const snippet = parse(r.stdout) as { traffic: Record<string, unknown>[] };
    const types = Object.fromEntries(snippet.traffic.map((t) => [t.type as string, t]));
    // sales was drawn from a lognormal of mean 4m, support from a gamma of mean 7m (scenarios/example-profile.yaml)
    expect(types.sales!.handleTime).toMatchObject({ dist: "lognormal" });
    expect(types.support!.handleTime).toMatchObject({ dist: "gamma" });
    // the snippet is a valid traffic list: the example's deployment runs it
    const yaml = `
sites: [{ id: dc1, nodes: 2 }]
horizon: 8h
agents: [{ group: all, count: 30, skills: { sales: 1, support: 1 } }]
${r.stdout.slice(r.stdout.indexOf("traffic:"))}`;
    const s = scenarioOf(yaml);
    const rows = readFileSync(example, "utf8").trim().split("\n").slice(1);
    for (const t of s.traffic) {
      const counted = t.arrivals.rates.reduce((n, rate) => n + rate * t.arrivals.period, 0);
      expect(Math.round(counted), t.type).toBe(rows.filter((row) => row.split(",")[1] === t.type).length);
    }
  });

  it("--fold averages the intervals over periods, so a month becomes a typical day", () => {
    const r = ccsim(["trace-stats", example, "--interval", "1h", "--fold", "4h"]);
    expect(r.code).toBe(0);
    const snippet = parse(r.stdout) as { traffic: { type: string; arrivals: { rates: string[] } }[] };
    const sales = snippet.traffic.find((t) => t.type === "sales")!;
    expect(sales.arrivals.rates).toHaveLength(4);
    const plain = parse(ccsim(["trace-stats", example, "--interval", "1h"]).stdout) as typeof snippet;
    const hourly = plain.traffic.find((t) => t.type === "sales")!.arrivals.rates.map((x) => Number.parseFloat(x));
    expect(Number.parseFloat(sales.arrivals.rates[0]!)).toBeCloseTo((hourly[0]! + hourly[4]!) / 2, 6);
  });

  it("counts a trace of ISO timestamps from midnight of its first day, or from --start, and says which", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-stats-"));
    try {
      const file = join(dir, "calls.csv");
      writeFileSync(file, "time,handleTime\n2024-03-04T08:10:00Z,60\n2024-03-04T08:40:00Z,120\n2024-03-04T09:05:00Z,90\n");
      const midnight = ccsim(["trace-stats", file, "--interval", "1h"]);
      expect(midnight.stdout).toContain("from 2024-03-04T00:00:00Z (time 0; give the scenario start: 2024-03-04T00:00:00Z)");
      const rates = (out: string) => (parse(out) as { traffic: { arrivals: { rates: string[] } }[] }).traffic[0]!.arrivals.rates;
      expect(rates(midnight.stdout).slice(8)).toEqual(["2/h", "1/h"]);
      const eight = ccsim(["trace-stats", file, "--interval", "1h", "--start", "2024-03-04T08:00:00Z"]);
      expect(rates(eight.stdout)).toEqual(["2/h", "1/h"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a bad trace or a bad flag: exit 2, one line", () => {
    const bad = join(ROOT, "test", "fixtures", "bad-trace", "unsorted.csv");
    for (const args of [["trace-stats", bad], ["trace-stats", example, "--interval", "0"], ["trace-stats", example, "--interval", "1h", "--fold", "90m"]]) {
      const r = ccsim(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });

  it("class 2 of the hostile inputs: an --interval that cuts the trace into more than 20,000 intervals is refused at once (1 ms ran out of memory)", () => {
    const r = ccsim(["trace-stats", example, "--interval", "1ms"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^--interval: 1ms gives [\d,.e]+ intervals over the trace's span \(.+\); at most 20,000: give a longer --interval or a --fold\n$/);
    expect(r.stdout).toBe("");
    expect(ccsim(["trace-stats", example, "--interval", "1s", "--fold", "4h"]).code).toBe(0);
  });
});
