// ISO 8601 timestamps (`2024-03-04T08:00:00Z`, `2024-03-04 08:00:00.250+01:00`) -> seconds since the Unix epoch.
//
// A timestamp without a zone is read as UTC, never as the machine's local time, so that a trace replays the same on
// every machine; a trace and its scenario's `start` written the same way differ by the right amount either way.

import { ValueError, describeValue } from "./errors.js";

export const TIMESTAMP_EXPECTED = "an ISO timestamp like 2024-03-04T08:00:00Z";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A cheap test of whether a cell looks like a timestamp at all (it starts with a date), to choose its parser. */
export function looksLikeTimestamp(s: string): boolean {
  return /^\s*\d{4}-\d{2}-\d{2}/.test(s);
}

/** Seconds since 1970-01-01T00:00:00Z, with the fraction as written. Throws ValueError for anything else. */
export function parseTimestamp(v: unknown): number {
  if (typeof v !== "string") throw new ValueError(`expected ${TIMESTAMP_EXPECTED}, got ${describeValue(v)}`);
  const m = ISO.exec(v.trim());
  if (m === null) throw new ValueError(`expected ${TIMESTAMP_EXPECTED}, got ${describeValue(v)}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new ValueError(`expected ${TIMESTAMP_EXPECTED} (a real date and time), got ${describeValue(v)}`);
  }
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const minutes = Number(z[2]) * 60 + Number(z[3] ?? 0);
    if (minutes > 18 * 60) throw new ValueError(`expected a zone offset within +-18:00, got ${describeValue(v)}`);
    offset = (z[1] === "-" ? -1 : 1) * minutes * 60;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  return utc - offset + (m[7] === undefined ? 0 : Number(m[7]));
}

/** The timestamp `seconds` after the epoch, as `2024-03-04T08:00:00Z` (milliseconds shown when there are any). */
export function formatTimestamp(seconds: number): string {
  const iso = new Date(Math.round(seconds * 1000)).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
