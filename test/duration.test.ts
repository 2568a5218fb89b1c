// Duration parsing: the forms users write, and the ones they must be told about.
import { describe, expect, it } from "vitest";
import { DURATION_PATTERN, formatDuration, parseDuration } from "../src/scenario/duration.js";
import { ValueError } from "../src/scenario/errors.js";

describe("parseDuration", () => {
  it.each([
    ["300ms", 0.3],
    ["12s", 12],
    ["5m", 300],
    ["8h", 28800],
    ["1h30m", 5400],
    ["1h 30m 15s", 5415],
    ["2m500ms", 120.5],
    ["1.5h", 5400],
    [".5s", 0.5],
    ["0", 0],
    ["0s", 0],
    ["42", 42],
    ["  7s  ", 7],
    [12, 12],
    [0.25, 0.25],
    [0, 0],
  ] as const)("%j is %d s", (input, seconds) => {
    expect(parseDuration(input)).toBeCloseTo(seconds, 12);
  });

  it("gives 300ms as exactly 0.3", () => {
    expect(parseDuration("300ms")).toBe(0.3);
  });

  it.each([
    [-1, "expected a duration >= 0, got -1"],
    ["-5m", 'expected a duration >= 0, got "-5m"'],
    [Number.NaN, "got NaN"],
    [Number.POSITIVE_INFINITY, "expected a finite duration, got Infinity"],
    ["", 'got ""'],
    ["   ", "expected a duration like"],
    ["abc", 'got "abc"'],
    ["5 minutes", 'got "5 minutes"'],
    ["5x", 'got "5x"'],
    ["m5", 'got "m5"'],
    ["30s1m", "units from largest to smallest"],
    ["1h1h", "units from largest to smallest"],
    [null, "got null"],
    [true, "got true"],
    [{ mean: 3 }, "got a mapping"],
    [[1], "got a list of 1"],
  ] as const)("rejects %j", (input, message) => {
    expect(() => parseDuration(input)).toThrow(ValueError);
    expect(() => parseDuration(input)).toThrow(message);
  });

  it("its schema pattern accepts what it parses", () => {
    const re = new RegExp(DURATION_PATTERN);
    for (const s of ["300ms", "12s", "1h30m", "1.5h", "42", " 7s ", "1h 30m"]) expect(re.test(s), s).toBe(true);
    for (const s of ["", "abc", "-5m", "5x"]) expect(re.test(s), s).toBe(false);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [0.3, "300ms"],
    [12, "12s"],
    [5400, "1h30m"],
    [28800, "8h"],
    [90.5, "1m30.5s"],
  ])("%d s is %s", (s, text) => {
    expect(formatDuration(s)).toBe(text);
    expect(parseDuration(text)).toBeCloseTo(s, 9);
  });
});
