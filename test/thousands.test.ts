// Thousands separators without Intl: the same text as toLocaleString("en-US") for every whole number.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thousands } from "../src/util/thousands.js";

describe("thousands", () => {
  it("writes what toLocaleString('en-US') writes for whole numbers, negative ones included", () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, -1, -1234, -1000000, 2 ** 40]) {
      expect(thousands(n)).toBe(n.toLocaleString("en-US"));
    }
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (n) => thousands(n) === n.toLocaleString("en-US")),
      { seed: 3, numRuns: 2000 },
    );
  });

  it("rounds a fraction first, as the callers do", () => {
    expect(thousands(1234.6)).toBe("1,235");
    expect(thousands(-0.4)).toBe("0");
  });
});
