// Whole numbers as people read them, with thousands separators ("1,234,567"): what toLocaleString("en-US") gives, but
// without Intl, whose first use costs about 10 ms of every command's start.

export function thousands(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? "," : "") + digits.slice(Math.max(0, end - 3), end) + out;
  return (n < 0 && Math.round(n) !== 0 ? "-" : "") + out;
}

/** A count that may be astronomically large, as people read it: thousands() up to a trillion, then "1.1e305" (never
 *  "1,1e+305" nor "Infinity": one past the largest double reads "more than 1.8e308"). */
export function largeNumber(n: number): string {
  if (!Number.isFinite(n)) return "more than 1.8e308";
  if (Math.abs(n) < 1e12) return thousands(n);
  return n.toExponential(1).replace("e+", "e");
}
