// The log-linear duration histogram: quantiles within a bin's width, exact mean, merge, compact JSON.
import { describe, expect, it } from "vitest";
import { Histogram } from "../src/metrics/histogram.js";
import { RandomStreams } from "../src/kernel/random-stream.js";

describe("Histogram", () => {
  it("puts the quantiles of a known uniform within 1%", () => {
    const h = new Histogram();
    const rng = new RandomStreams(3, 0).stream("uniform");
    for (let i = 0; i < 200_000; i++) h.add(10 + 290 * rng());
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]) {
      const exact = 10 + 290 * q;
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThan(0.01);
    }
  });

  it("keeps 1% relative resolution from 1 ms to 1e7 s", () => {
    const rng = new RandomStreams(6, 0).stream("log-uniform");
    const xs = [0.001, 0.0037, 0.00256, 0.02, 0.5, 7.3, 180, 3600, 86_400, 1e6];
    for (let i = 0; i < 2000; i++) xs.push(10 ** (-3 + 10 * rng()));
    for (const x of xs) {
      const h = new Histogram();
      for (let i = 0; i < 5; i++) h.add(x);
      h.add(x * 3); // keeps max away from x, so the answer comes from the bins, not the clamp
      expect(Math.abs(h.quantile(0.5) / x - 1)).toBeLessThan(0.01);
    }
  });

  it("resolves an exponential's quantiles (many octaves at once)", () => {
    const h = new Histogram();
    const rng = new RandomStreams(4, 0).stream("exp");
    for (let i = 0; i < 200_000; i++) h.add(-Math.log1p(-rng()) * 180);
    for (const q of [0.1, 0.5, 0.9, 0.99]) {
      expect(Math.abs(h.quantile(q) / (-Math.log1p(-q) * 180) - 1)).toBeLessThan(0.02);
    }
  });

  it("has an exact count, mean, min and max", () => {
    const h = new Histogram();
    for (const x of [0, 1.5, 2.25, 1000]) h.add(x);
    expect(h.count).toBe(4);
    expect(h.mean).toBe(1003.75 / 4);
    expect(h.min).toBe(0);
    expect(h.max).toBe(1000);
    expect(h.quantile(0)).toBe(0);
    expect(h.quantile(1)).toBe(1000);
  });

  it("is NaN-valued while empty", () => {
    const h = new Histogram();
    expect(h.count).toBe(0);
    expect(h.mean).toBeNaN();
    expect(h.quantile(0.5)).toBeNaN();
  });

  it("stays in range for values beyond its top bin", () => {
    const h = new Histogram();
    h.add(1e9);
    h.add(2e9);
    expect(h.quantile(0.5)).toBeGreaterThanOrEqual(1e9);
    expect(h.quantile(0.5)).toBeLessThanOrEqual(2e9);
    expect(h.mean).toBe(1.5e9);
  });

  it("merges into the same histogram as adding everything to one", () => {
    const all = new Histogram();
    const a = new Histogram();
    const b = new Histogram();
    const rng = new RandomStreams(5, 0).stream("m");
    for (let i = 0; i < 10_000; i++) {
      const x = 600 * rng();
      all.add(x);
      (i % 3 === 0 ? a : b).add(x);
    }
    a.merge(b);
    expect(a.count).toBe(all.count);
    expect(a.toJSON().bins).toEqual(all.toJSON().bins);
    expect(a.mean).toBeCloseTo(all.mean, 9);
    expect(a.quantile(0.8)).toBeCloseTo(all.quantile(0.8), 9);
  });

  it("round-trips through its compact JSON", () => {
    const h = new Histogram();
    for (const x of [0.002, 0.002, 5, 60, 61, 3600]) h.add(x);
    const json = h.toJSON();
    expect(json.count).toBe(6);
    expect(json.bins.length).toBe(10); // 5 distinct bins as [bin, count] pairs
    const back = Histogram.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.toJSON()).toEqual(json);
    expect(back.quantile(0.5)).toBe(h.quantile(0.5));
  });

  it("rejects negative, infinite and NaN samples", () => {
    const h = new Histogram();
    expect(() => h.add(-0.001)).toThrow(RangeError);
    expect(() => h.add(NaN)).toThrow(RangeError);
    expect(() => h.add(Infinity)).toThrow(RangeError);
    expect(h.count).toBe(0);
  });
});
