// A planner's load-test measurements for `ccsim calibrate`: a CSV of (component, callsPerSecond, cpuPercent) points,
// read into points per component kind, each bad row refused at its line.

import { readWhole } from "./bounded-read.js";
import { suggestion } from "./did-you-mean.js";
import { InputError } from "./errors.js";
import { MAX_SCENARIO_BYTES } from "./input-limits.js";
import { DEFAULTS } from "./defaults.js";

/** the component kinds of the component load model (`components:` keys that carry costs) */
export type ComponentKind = keyof typeof DEFAULTS.components;
export const COMPONENT_KINDS = Object.keys(DEFAULTS.components) as ComponentKind[];

export const MEASUREMENT_COLUMNS = ["component", "callsPerSecond", "cpuPercent"] as const;

export interface MeasurementPoint {
  readonly callsPerSecond: number;
  readonly cpuPercent: number;
  /** the file line it came from (the header is line 1) */
  readonly line: number;
}

/** each kind's points in file order, the kinds in the order they first appear */
export type Measurements = ReadonlyMap<ComponentKind, readonly MeasurementPoint[]>;

export function readMeasurements(file: string): Measurements {
  return parseMeasurements(readWhole(file, MAX_SCENARIO_BYTES, "a measurements file").toString("utf8"), file);
}

export function parseMeasurements(text: string, file: string): Measurements {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const at = (line: number, column: string | undefined, detail: string) => new InputError(`${file}:${line}`, column, detail);
  const header = lines[0]!.split(",").map((c) => c.trim());
  const want = MEASUREMENT_COLUMNS.join(",");
  if (header.join(",") !== want) {
    const wrong = header.find((c) => !(MEASUREMENT_COLUMNS as readonly string[]).includes(c));
    throw at(1, undefined, `expected the header ${want}, got ${JSON.stringify(lines[0]!.slice(0, 80))}${wrong === undefined ? "" : suggestion(wrong, MEASUREMENT_COLUMNS)}`);
  }
  const byKind = new Map<ComponentKind, MeasurementPoint[]>();
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i]!;
    if (row.trim() === "") continue;
    const line = i + 1;
    const cells = row.split(",").map((c) => c.trim());
    if (cells.length !== MEASUREMENT_COLUMNS.length) {
      throw at(line, undefined, `expected ${MEASUREMENT_COLUMNS.length} cells (${want}), got ${cells.length}`);
    }
    const kind = cells[0]!;
    if (!(COMPONENT_KINDS as readonly string[]).includes(kind)) {
      throw at(line, "component", `expected a component kind (${COMPONENT_KINDS.join(", ")}), got ${JSON.stringify(kind)}${suggestion(kind, COMPONENT_KINDS)}`);
    }
    const num = (k: 1 | 2, what: string, max: number) => {
      const v = Number(cells[k]);
      if (cells[k] === "" || !Number.isFinite(v) || v < 0 || v > max) {
        throw at(line, MEASUREMENT_COLUMNS[k], `expected ${what}, got ${JSON.stringify(cells[k])}`);
      }
      return v;
    };
    const callsPerSecond = num(1, "a number of calls per second >= 0", Number.MAX_SAFE_INTEGER);
    const cpuPercent = num(2, "a CPU percentage from 0 to 100 (one component instance, one core)", 100);
    const points = byKind.get(kind as ComponentKind) ?? [];
    points.push({ callsPerSecond, cpuPercent, line });
    byKind.set(kind as ComponentKind, points);
  }
  if (byKind.size === 0) throw at(1, undefined, "expected measurements after the header, got none");
  for (const [kind, points] of byKind) {
    if (new Set(points.map((p) => p.callsPerSecond)).size < 2) {
      throw at(points[0]!.line, "callsPerSecond", `expected two or more points of ${kind} at different call rates, got ${points.length === 1 ? "one point" : "one call rate"}`);
    }
  }
  return byKind;
}
