// Distribution samplers: sample moments against the exact moments, exact constants, parameter checks at build time.
import { describe, expect, it } from "vitest";
import { checkDistribution, meanMustBePositive, meanOf, sampler, varianceOf } from "../src/kernel/distributions.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import type { DistributionSpec } from "../src/scenario/types.js";

const DRAWS = 200_000;

function moments(spec: DistributionSpec, name: string): { mean: number; variance: number; min: number } {
  const draw = sampler(spec, new RandomStreams(2024, 0).stream(name));
  let sum = 0;
  let min = Infinity;
  const xs = new Float64Array(DRAWS);
  for (let i = 0; i < DRAWS; i++) {
    const x = draw();
    xs[i] = x;
    sum += x;
    if (x < min) min = x;
  }
  const mean = sum / DRAWS;
  let squares = 0;
  for (let i = 0; i < DRAWS; i++) squares += (xs[i]! - mean) ** 2;
  return { mean, variance: squares / (DRAWS - 1), min };
}

describe("sampler: sample moments within tolerance of meanOf / varianceOf (seed 2024, 200k draws)", () => {
  const cases: [string, DistributionSpec][] = [
    ["exponential", { dist: "exponential", mean: 180 }],
    ["uniform", { dist: "uniform", min: 2, max: 6 }],
    ["normal, barely truncated", { dist: "normal", mean: 180, sd: 60 }],
    ["normal, truncated hard", { dist: "normal", mean: 10, sd: 20 }],
    ["normal at 0 (half-normal)", { dist: "normal", mean: 0, sd: 5 }],
    ["lognormal", { dist: "lognormal", mean: 240, sd: 180 }],
    ["gamma, shape > 1", { dist: "gamma", mean: 30, cv: 0.5 }],
    ["gamma, shape < 1", { dist: "gamma", mean: 30, cv: 2 }],
    ["gamma, shape 1", { dist: "gamma", mean: 30, cv: 1 }],
    ["erlang", { dist: "erlang", k: 3, mean: 60 }],
    ["empirical", { dist: "empirical", values: [1, 2, 5, 10], weights: [1, 0, 3, 6] }],
  ];

  it.each(cases)("%s", (name, spec) => {
    const { mean, variance, min } = moments(spec, name);
    const exactMean = meanOf(spec);
    const exactVariance = varianceOf(spec);
    // 5 standard errors of the mean; 6% for the variance (4+ standard errors for the heaviest tail here, gamma cv 2).
    expect(Math.abs(mean - exactMean)).toBeLessThan(5 * Math.sqrt(exactVariance / DRAWS));
    expect(Math.abs(variance / exactVariance - 1)).toBeLessThan(0.06);
    expect(min).toBeGreaterThanOrEqual(0);
  });

  it("constant draws its value exactly, every time", () => {
    const draw = sampler({ dist: "constant", value: 12 }, new RandomStreams(1, 0).stream("c"));
    for (let i = 0; i < 1000; i++) expect(draw()).toBe(12);
    expect(meanOf({ dist: "constant", value: 12 })).toBe(12);
    expect(varianceOf({ dist: "constant", value: 12 })).toBe(0);
  });

  it("zero spread degenerates to the mean", () => {
    const rng = new RandomStreams(1, 0).stream("d");
    expect(sampler({ dist: "normal", mean: 7, sd: 0 }, rng)()).toBe(7);
    expect(sampler({ dist: "lognormal", mean: 7, sd: 0 }, rng)()).toBe(7);
    expect(sampler({ dist: "gamma", mean: 7, cv: 0 }, rng)()).toBe(7);
  });

  it("empirical never draws a value of weight 0, and draws the others in proportion", () => {
    const draw = sampler({ dist: "empirical", values: [1, 2, 5, 10], weights: [1, 0, 3, 6] }, new RandomStreams(9, 0).stream("e"));
    const seen = new Map<number, number>();
    for (let i = 0; i < DRAWS; i++) {
      const x = draw();
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    expect(seen.has(2)).toBe(false);
    expect(seen.get(1)! / DRAWS).toBeCloseTo(0.1, 2);
    expect(seen.get(5)! / DRAWS).toBeCloseTo(0.3, 2);
    expect(seen.get(10)! / DRAWS).toBeCloseTo(0.6, 2);
  });

  it("replays the same draws from the same stream", () => {
    const spec: DistributionSpec = { dist: "lognormal", mean: 240, sd: 180 };
    const a = sampler(spec, new RandomStreams(5, 2).stream("handle:sales"));
    const b = sampler(spec, new RandomStreams(5, 2).stream("handle:sales"));
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});

describe("meanOf / varianceOf", () => {
  it.each([
    // scipy.stats.truncnorm(a=-mean/sd, b=inf, loc=mean, scale=sd)
    [180, 120, 196.6547700550621, 11124.76002450183],
    [10, 20, 20.18320867674067, 194.47017427854686],
    [0, 5, 3.989422804014327, 9.084505690810465],
    // a mean below 0 (it was [-5, 4]) is refused since the normal's one rule (checkNormal); 1 sd of 4 keeps it close
    [1, 4, 3.5833574840672693, 6.742906625446359],
  ])("normal(%f, %f) truncated at 0 has mean %f and variance %f", (mean, sd, m, v) => {
    const spec: DistributionSpec = { dist: "normal", mean, sd };
    expect(Math.abs(meanOf(spec) / m - 1)).toBeLessThan(1e-10);
    expect(Math.abs(varianceOf(spec) / v - 1)).toBeLessThan(1e-10);
  });

  it("gives the closed forms of the other distributions", () => {
    expect(varianceOf({ dist: "exponential", mean: 3 })).toBe(9);
    expect(meanOf({ dist: "uniform", min: 2, max: 6 })).toBe(4);
    expect(varianceOf({ dist: "uniform", min: 2, max: 6 })).toBeCloseTo(16 / 12, 14);
    expect(varianceOf({ dist: "lognormal", mean: 240, sd: 180 })).toBe(32400);
    expect(varianceOf({ dist: "gamma", mean: 30, cv: 0.5 })).toBe(225);
    expect(varianceOf({ dist: "erlang", k: 4, mean: 60 })).toBe(900);
    expect(meanOf({ dist: "empirical", values: [1, 3], weights: [1, 1] })).toBe(2);
    expect(varianceOf({ dist: "empirical", values: [1, 3], weights: [1, 1] })).toBe(1);
  });
});

describe("parameter checks when a sampler is built", () => {
  const rng = new RandomStreams(1, 0).stream("bad");
  it.each<[DistributionSpec, RegExp]>([
    [{ dist: "constant", value: -1 }, /^constant: value must be >= 0, got -1$/],
    [{ dist: "exponential", mean: 0 }, /^exponential: mean must be > 0/],
    [{ dist: "exponential", mean: NaN }, /^exponential: mean must be a finite number, got NaN$/],
    [{ dist: "uniform", min: 5, max: 2 }, /^uniform: max \(2\) is below min \(5\)$/],
    [{ dist: "normal", mean: 10, sd: -1 }, /^normal: sd must be >= 0, got -1$/],
    [{ dist: "normal", mean: -40, sd: 10 }, /^normal: mean must be >= 0, got -40$/],
    [{ dist: "lognormal", mean: 0, sd: 1 }, /^lognormal: mean must be > 0/],
    [{ dist: "lognormal", mean: 10, sd: Infinity }, /^lognormal: sd must be a finite number/],
    [{ dist: "gamma", mean: 10, cv: -0.5 }, /^gamma: cv must be >= 0/],
    [{ dist: "erlang", k: 2.5, mean: 10 }, /^erlang: k must be a whole number >= 1, got 2.5$/],
    [{ dist: "erlang", k: 0, mean: 10 }, /^erlang: k must be a whole number >= 1/],
    [{ dist: "empirical", values: [1, 2], weights: [1] }, /^empirical: 1 weights for 2 values$/],
    [{ dist: "empirical", values: [1, 2], weights: [0, 0] }, /^empirical: all weights are 0$/],
    [{ dist: "empirical", values: [], weights: [] }, /^empirical: values is empty$/],
    [{ dist: "empirical", values: [1, -2], weights: [1, 1] }, /^empirical: values\[1\] must be >= 0/],
  ])("%j throws %s", (spec, message) => {
    expect(() => sampler(spec, rng)).toThrow(RangeError);
    expect(() => sampler(spec, rng)).toThrow(message);
    expect(() => checkDistribution(spec)).toThrow(message);
  });
});

describe("one rule for a normal's mean against its sd (distribution-checks.ts checkNormal), the kernel's and the loader's", () => {
  it("a normal whose mean is 1 sd below 0 is refused (it used to pass down to -3 sd); one at 0, the half-normal, is accepted", () => {
    expect(() => checkDistribution({ dist: "normal", mean: -10, sd: 10 })).toThrow(/^normal: mean must be >= 0, got -10$/);
    expect(() => checkDistribution({ dist: "normal", mean: -1e-9, sd: 10 })).toThrow(/^normal: mean must be >= 0/);
    expect(() => meanOf({ dist: "normal", mean: -5, sd: 4 })).toThrow(/^normal: mean must be >= 0, got -5$/);
    expect(() => checkDistribution({ dist: "normal", mean: 0, sd: 10 })).not.toThrow();
    expect(() => checkDistribution({ dist: "normal", mean: 5, sd: 1000 })).not.toThrow();
  });

  it("the loader says the same: a negative mean is not a duration, a mean of 0 with any sd loads", () => {
    const file = (mean: string) =>
      `sites: [{id: dc1}]\nagents: [{group: g, count: 1, skills: {s: 1}}]\ntraffic: [{type: t, arrivals: {rate: 1/min}, target: s, handleTime: {dist: normal, mean: ${mean}, sd: 10s}}]\n`;
    expect(() => loadScenario({ text: file("-10s") })).toThrow(/handleTime\.mean: expected a duration >= 0, got "-10s"$/);
    expect(loadScenario({ text: file("0") }).traffic[0]!.handleTime).toEqual({ dist: "normal", mean: 0, sd: 10 });
  });

  it("the means that must be above 0 are one list, asked by the loader before the kernel", () => {
    expect(["constant", "exponential", "uniform", "normal", "lognormal", "gamma", "erlang", "empirical"].filter((d) => meanMustBePositive(d as DistributionSpec["dist"]))).toEqual([
      "exponential",
      "lognormal",
      "gamma",
      "erlang",
    ]);
  });
});
