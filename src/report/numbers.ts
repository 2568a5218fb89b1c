// The one way ccsim formats numbers in files: ten significant digits, so outputs are tidy and byte-stable.

import { thousands } from "../util/thousands.js";

export function tidy(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(10));
}

/** Recursively tidies every number in a plain JSON value. */
export function tidyDeep<T>(v: T): T {
  if (typeof v === "number") return tidy(v) as T;
  if (Array.isArray(v)) return v.map(tidyDeep) as T;
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tidyDeep(x)])) as T;
  }
  return v;
}

/** A number for a terminal: fixed decimals chosen by size. */
export function human(x: number, decimals = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return thousands(x);
  return x.toFixed(decimals);
}
