// Student t quantiles, replication summaries and paired differences.
import { describe, expect, it } from "vitest";
import { pairedDifference, studentTCdf, summarize, tQuantile } from "../src/metrics/statistics.js";

describe("tQuantile", () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.1824463052837078],
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.262157162798205],
    [0.975, 29, 2.045229642132703],
    [0.975, 1000, 1.9623390808264083],
    [0.95, 5, 2.0150483733330233],
    [0.995, 10, 3.16927267261695],
    [0.9995, 3, 12.923978636687961],
    [0.6, 7, 0.2631668613520229],
  ])("t(%f, %i) = %f (scipy.stats.t.ppf)", (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected)).toBeLessThan(1e-9 * expected);
  });

  it("is antisymmetric around p = 1/2", () => {
    expect(tQuantile(0.5, 5)).toBe(0);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-tQuantile(0.975, 9), 12);
  });

  it("inverts the t CDF, for whole and fractional degrees of freedom", () => {
    for (const df of [1, 2, 3, 4.5, 17, 120, 5000]) {
      for (const p of [0.001, 0.1, 0.5, 0.8, 0.975, 0.99999]) {
        expect(studentTCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
      }
    }
  });

  it("approaches the normal quantile as df grows", () => {
    expect(Math.abs(tQuantile(0.975, 1e6) - 1.959963984540054)).toBeLessThan(1e-5);
  });

  it("rejects p outside (0, 1) and df <= 0", () => {
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, NaN)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives mean, sample sd and the 95% t interval", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const half = (2.364624251592784 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(s.ci95![0]).toBeCloseTo(5 - half, 9);
    expect(s.ci95![1]).toBeCloseTo(5 + half, 9);
  });

  it("has no sd and no interval for a single replication", () => {
    expect(summarize([3.5])).toEqual({ n: 1, mean: 3.5, sd: null, ci95: null });
  });

  it("gives a zero-width interval when every replication agrees", () => {
    expect(summarize([0.8, 0.8, 0.8])).toEqual({ n: 3, mean: 0.8, sd: 0, ci95: [0.8, 0.8] });
  });

  it("rejects an empty array and non-finite values", () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, NaN])).toThrow(/observation 1 is NaN/);
  });
});

describe("pairedDifference", () => {
  it("summarizes b - a replication by replication and flags an interval that excludes 0", () => {
    const a = [10, 12, 11, 13, 12];
    const b = [8, 10, 10, 11, 10];
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(-1.8, 12);
    expect(d.ci95![1]).toBeLessThan(0);
    expect(d.significant).toBe(true);
  });

  it("is not significant when the interval straddles 0", () => {
    const d = pairedDifference([1, 2, 3, 4], [1.5, 1.5, 3.5, 3.5]);
    expect(d.mean).toBe(0);
    expect(d.significant).toBe(false);
  });

  it("is never significant with one pair", () => {
    expect(pairedDifference([1], [5]).significant).toBe(false);
  });

  it("rejects arrays of different lengths", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(RangeError);
  });
});
