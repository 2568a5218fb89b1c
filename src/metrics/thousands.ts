// Whole numbers as people read them, with thousands separators ("1,234,567"): what toLocaleString("en-US") gives, but
// without Intl, whose first use costs about 10 ms of every command's start.

export function thousands(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? "," : "") + digits.slice(Math.max(0, end - 3), end) + out;
  return (n < 0 && Math.round(n) !== 0 ? "-" : "") + out;
}
