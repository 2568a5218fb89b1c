// Rate parsing: per second, minute, hour (and day), or a bare number per second.
import { describe, expect, it } from "vitest";
import { ValueError } from "../src/scenario/errors.js";
import { RATE_PATTERN, parseRate } from "../src/scenario/rate.js";

describe("parseRate", () => {
  it.each([
    ["20/s", 20],
    ["20/sec", 20],
    ["20/min", 20 / 60],
    ["20 / min", 20 / 60],
    ["200/h", 200 / 3600],
    ["200/hour", 200 / 3600],
    ["200/HR", 200 / 3600],
    ["2400/day", 2400 / 86400],
    ["1.5/s", 1.5],
    ["0/min", 0],
    ["3", 3],
    [3, 3],
    [0.5, 0.5],
    [0, 0],
  ] as const)("%j is %d per second", (input, perSecond) => {
    expect(parseRate(input)).toBeCloseTo(perSecond, 12);
  });

  it.each([
    [-1, "expected a rate >= 0, got -1"],
    ["-2/min", "expected a rate >= 0"],
    [Number.NaN, "got NaN"],
    [Number.POSITIVE_INFINITY, "expected a finite rate"],
    ["", 'got ""'],
    ["20/week", 'got "20/week"'],
    ["20 per minute", 'got "20 per minute"'],
    ["/min", 'got "/min"'],
    [null, "got null"],
    [{ rate: 1 }, "got a mapping"],
  ] as const)("rejects %j", (input, message) => {
    expect(() => parseRate(input)).toThrow(ValueError);
    expect(() => parseRate(input)).toThrow(message);
  });

  it("its schema pattern accepts what it parses", () => {
    const re = new RegExp(RATE_PATTERN, "i");
    for (const s of ["20/s", "20/min", "200/h", "3", "2 / Hour"]) expect(re.test(s), s).toBe(true);
    for (const s of ["", "-1/s", "20/week", "x"]) expect(re.test(s), s).toBe(false);
  });
});
