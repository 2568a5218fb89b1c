// Rates as users write them (`20/s`, `20/min`, `200/h`, or a number per second) -> events per second.
import { ValueError, describeValue } from "./errors.js";

const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const UNIT = String.raw`(?:s|sec|second|m|min|minute|h|hr|hour|d|day)`;

/** The accepted string forms, for the JSON Schema. */
export const RATE_PATTERN = String.raw`^\s*${NUM}\s*(?:/\s*${UNIT}\s*)?$`;

export const RATE_EXPECTED = "a rate like 20/s, 20/min, 200/h or a number per second";

const RATE = new RegExp(String.raw`^(${NUM})\s*(?:/\s*(${UNIT}))?$`, "i");

const PER_SECONDS: Record<string, number> = {
  s: 1, sec: 1, second: 1,
  m: 60, min: 60, minute: 60,
  h: 3600, hr: 3600, hour: 3600,
  d: 86400, day: 86400,
};

/** Events per second (>= 0, finite). Throws ValueError for anything else; "> 0" is the caller's business. */
export function parseRate(v: unknown): number {
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw new ValueError(`expected ${RATE_EXPECTED}, got NaN`);
    if (v < 0) throw new ValueError(`expected a rate >= 0, got ${describeValue(v)}`);
    if (!Number.isFinite(v)) throw new ValueError(`expected a finite rate, got ${describeValue(v)}`);
    return v;
  }
  if (typeof v !== "string") throw new ValueError(`expected ${RATE_EXPECTED}, got ${describeValue(v)}`);
  const s = v.trim();
  if (s.startsWith("-") && s.length > 1) throw new ValueError(`expected a rate >= 0, got ${describeValue(v)}`);
  const m = RATE.exec(s);
  if (m === null) throw new ValueError(`expected ${RATE_EXPECTED}, got ${describeValue(v)}`);
  const n = Number(m[1]);
  const per = m[2] === undefined ? 1 : PER_SECONDS[m[2].toLowerCase()]!;
  const r = n / per;
  if (!Number.isFinite(r)) throw new ValueError(`expected a finite rate, got ${describeValue(v)}`);
  return r;
}
