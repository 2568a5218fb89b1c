// The table of every scenario default with where it comes from (src/scenario/defaults.ts, SOURCES), as `ccsim
// defaults` prints it and docs/defaults.md keeps it: key path, value with its unit, source.

import { defaultAt, SOURCES, type DefaultKey, type DefaultSource, type DefaultUnit } from "../scenario/default-sources.js";
import { formatDuration } from "../scenario/duration.js";

export interface DefaultRow {
  /** the scenario key path the default fills */
  readonly path: string;
  /** where it sits in the defaults table (src/scenario/defaults.ts) */
  readonly key: DefaultKey;
  /** as the loader uses it: durations in seconds */
  readonly value: unknown;
  readonly unit: DefaultUnit;
  /** the value as a scenario would write it */
  readonly shown: string;
  readonly source: DefaultSource;
}

export function shownDefault(value: unknown, unit: DefaultUnit): string {
  if (unit === "duration" && typeof value === "number") return formatDuration(value);
  if (typeof value === "object" && value !== null && "alternatives" in value && "name" in value) {
    return `${String(value.name)}: ${JSON.stringify(value.alternatives)}`;
  }
  return String(value);
}

export function defaultRows(): DefaultRow[] {
  return (Object.keys(SOURCES) as DefaultKey[]).map((key) => {
    const e = SOURCES[key];
    const value = defaultAt(key);
    return { path: e.path, key, value, unit: e.unit, shown: shownDefault(value, e.unit), source: e.source };
  });
}

export function sourceText(s: DefaultSource): string {
  if ("guide" in s) return `${s.guide}, ${s.section}, ${s.option}: "${s.quote.replace(/\t/g, " ")}"`;
  if ("assumption" in s) return `assumption: ${s.assumption}`;
  return `format: ${s.format}`;
}

/** the plain-text table: one default a line, columns aligned */
export function defaultsText(rows: readonly DefaultRow[] = defaultRows()): string {
  const pw = Math.max(...rows.map((r) => r.path.length));
  const vw = Math.max(...rows.map((r) => r.shown.length));
  return rows.map((r) => `${r.path.padEnd(pw)}  ${r.shown.padEnd(vw)}  ${sourceText(r.source)}`.trimEnd() + "\n").join("");
}

export function defaultsJson(rows: readonly DefaultRow[] = defaultRows()): string {
  return JSON.stringify(rows.map(({ path, key, value, unit, source }) => ({ path, key, value, unit, source })), null, 2) + "\n";
}

/** an assumption's value as a scenario would write it (its unit from the table) */
export function shownAssumption(path: string, value: unknown): string {
  const key = (Object.keys(SOURCES) as DefaultKey[]).find((k) => SOURCES[k].path === path);
  return shownDefault(value, key === undefined ? "value" : SOURCES[key].unit);
}
