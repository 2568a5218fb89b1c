// Durations as users write them (`300ms`, `12s`, `5m`, `8h`, `1h30m`, `1.5h`, or a number of seconds) -> seconds.
import { ValueError, describeValue } from "./errors.js";

const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const UNIT = String.raw`(?:ms|h|m|s)`;

/** The accepted string forms, for the JSON Schema: a number, or parts with units from largest to smallest, each once
 *  (1h30m, not 30m1h; the lookahead after m keeps 5ms from reading as 5m and a stray s). */
export const DURATION_PATTERN = String.raw`^\s*(?:${NUM}\s*|(?=[\d.])(?:${NUM}\s*h\s*)?(?:${NUM}\s*m(?!s)\s*)?(?:${NUM}\s*s\s*)?(?:${NUM}\s*ms\s*)?)$`;

export const DURATION_EXPECTED = "a duration like 300ms, 12s, 5m, 8h, 1h30m or a number of seconds";

const PLAIN_NUMBER = new RegExp(String.raw`^${NUM}$`);
const PART = new RegExp(String.raw`(${NUM})\s*(${UNIT})\s*`, "y");

// ms is divided, not multiplied, so 300ms is exactly 0.3 and not 0.30000000000000004
const UNITS: Record<string, { rank: number; toSeconds: (n: number) => number }> = {
  h: { rank: 4, toSeconds: (n) => n * 3600 },
  m: { rank: 3, toSeconds: (n) => n * 60 },
  s: { rank: 2, toSeconds: (n) => n },
  ms: { rank: 1, toSeconds: (n) => n / 1000 },
};

/** Seconds (>= 0, finite). Throws ValueError ("expected ..., got ...") for anything else. */
export function parseDuration(v: unknown): number {
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw new ValueError(`expected ${DURATION_EXPECTED}, got NaN`);
    if (v < 0) throw new ValueError(`expected a duration >= 0, got ${describeValue(v)}`);
    if (!Number.isFinite(v)) throw new ValueError(`expected a finite duration, got ${describeValue(v)}`);
    return v;
  }
  if (typeof v !== "string") throw new ValueError(`expected ${DURATION_EXPECTED}, got ${describeValue(v)}`);
  const s = v.trim();
  if (s.startsWith("-") && s.length > 1) throw new ValueError(`expected a duration >= 0, got ${describeValue(v)}`);
  if (PLAIN_NUMBER.test(s)) return Number(s);
  let pos = 0;
  let total = 0;
  let lastRank = Infinity;
  PART.lastIndex = 0;
  while (pos < s.length) {
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (m === null) break;
    const unit = UNITS[m[2]!]!;
    if (unit.rank >= lastRank) {
      throw new ValueError(
        `expected ${DURATION_EXPECTED} (units from largest to smallest, each once), got ${describeValue(v)}`,
      );
    }
    lastRank = unit.rank;
    total += unit.toSeconds(Number(m[1]));
    pos = PART.lastIndex;
  }
  if (pos === 0 || pos < s.length) throw new ValueError(`expected ${DURATION_EXPECTED}, got ${describeValue(v)}`);
  if (!Number.isFinite(total)) throw new ValueError(`expected a finite duration, got ${describeValue(v)}`);
  return total;
}

/** The shortest exact rendering in the scenario format (`1h30m`, `300ms`, `0s`), for messages. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return "0s";
  const sign = seconds < 0 ? "-" : "";
  let rest = Math.abs(seconds);
  if (rest < 1) return `${sign}${+(rest * 1000).toFixed(3)}ms`;
  let out = "";
  const h = Math.floor(rest / 3600);
  if (h > 0) out += `${h}h`;
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  if (m > 0) out += `${m}m`;
  rest -= m * 60;
  if (rest > 1e-9) out += `${+rest.toFixed(3)}s`;
  return sign + out;
}
