// The calibration of a scenario against the interval export it was built from: per type and interval, the export's
// offered calls, service level and abandonment beside the simulation's, with the simulated mean's 95% CI and the
// range an export of as many days would fall in were the scenario true; the intervals outside it are where the model
// and the history part.

import { clipToDomain } from "../metrics/metric-domain.js";
import { summarize, tQuantile } from "../metrics/statistics.js";
import { formatDuration } from "../scenario/duration.js";
import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/types.js";
import type { ReplicationResult } from "../observe/results.js";
import type { ImportFit, TypeFit } from "./wfm-fit.js";

export const CALIBRATION_MEASURES = ["offered", "serviceLevel", "abandonRate"] as const;
export type CalibrationMeasure = (typeof CALIBRATION_MEASURES)[number];

export interface Side {
  /** the export's value (offered: the mean over its days); NaN when it has none (no call offered, no column) */
  readonly exported: number;
  readonly mean: number;
  /** the 95% CI of the simulated mean; null with one replication */
  readonly ci95: readonly [number, number] | null;
  /** where 95% of exports of `days` days would fall if the scenario were true: the replications' spread for the
   *  export's days (at least the counting noise of its calls), and the mean's own uncertainty (a t prediction
   *  interval); null with one replication */
  readonly range: readonly [number, number] | null;
  /** the export lies outside `range` (null: nothing to judge) */
  readonly outside: boolean | null;
}

export interface CalibrationRow {
  readonly type: string;
  /** seconds from time 0 */
  readonly start: number;
  readonly sides: Readonly<Partial<Record<CalibrationMeasure, Side>>>;
}

export interface WfmCalibration {
  readonly scenarioFile: string;
  readonly replications: number;
  readonly days: number;
  /** added to an interval's start for its clock label: the export's time of day at time 0 */
  readonly clockOffset: number;
  readonly threshold: number | null;
  readonly rows: readonly CalibrationRow[];
  /** export types the scenario has no traffic for */
  readonly missing: readonly string[];
}

/** Refuses, before anything runs, a scenario that cannot stand beside the export: another interval length, none of
 *  its types, a service level threshold other than the one answered_within counted against. Returns the shared types. */
export function checkCalibration(fit: ImportFit, scenarioFile: string, scenario: Scenario, threshold: number | undefined): TypeFit[] {
  if (Math.abs(scenario.interval - fit.interval) > 1e-9) {
    throw new InputError(scenarioFile, "interval",
      `expected the export's interval (${formatDuration(fit.interval)}), so that each simulated interval stands beside one of the export's, got ${formatDuration(scenario.interval)}`);
  }
  const types = new Map(scenario.traffic.map((t) => [t.type, t] as const));
  const shared = fit.types.filter((t) => types.has(t.type));
  if (shared.length === 0) {
    throw new InputError(scenarioFile, "traffic",
      `expected traffic types named as the export's (${fit.types.map((t) => t.type).join(", ")}), got ${[...types.keys()].join(", ")}: use --map or rename them`);
  }
  const slThreshold = (type: string) => types.get(type)!.serviceLevel ?? scenario.serviceLevel;
  if (fit.hasAnsweredWithin && threshold !== undefined) {
    for (const t of shared) {
      if (Math.abs(slThreshold(t.type) - threshold) > 1e-9) {
        throw new InputError(scenarioFile, "serviceLevel",
          `expected the export's answered_within threshold (--threshold ${formatDuration(threshold)}) for ${t.type}, got ${formatDuration(slThreshold(t.type))}`);
      }
    }
  }
  return shared;
}

/**
 * `results` are the scenario's replications, in replication order, with their interval series. The scenario's
 * intervals are the export's periods: the same length, interval k of the scenario beside period k of the fit.
 */
export function calibrateAgainst(
  fit: ImportFit,
  scenarioFile: string,
  scenario: Scenario,
  results: readonly ReplicationResult[],
  threshold: number | undefined,
): WfmCalibration {
  const shared = checkCalibration(fit, scenarioFile, scenario, threshold);
  const slThreshold = (type: string) => scenario.traffic.find((t) => t.type === type)!.serviceLevel ?? scenario.serviceLevel;
  const n = results.length;
  const t = n >= 2 ? tQuantile(0.975, n - 1) : NaN;
  const days = fit.days;
  // both intervals are clipped to what the measure can be (no share below 0 or above 1)
  // an export's days vary at least as counts of its calls do (Poisson offered, binomial shares over the calls it
  // offered): a floor under the replications' spread, which a few replications of a rare event (no abandoned call in
  // most) put near 0
  const side = (name: CalibrationMeasure, exported: number, xs: number[], calls: number): Side => {
    const s = summarize(xs);
    if (s.sd === null || s.ci95 === null) return { exported, mean: s.mean, ci95: null, range: null, outside: null };
    const floor = name === "offered" ? s.mean / days : calls > 0 ? (s.mean * (1 - s.mean)) / calls : 0;
    const half = t * Math.sqrt((s.sd * s.sd) / n + Math.max((s.sd * s.sd) / days, floor));
    const range = clipToDomain(name, [s.mean - half, s.mean + half]).ci95;
    const outside = Number.isNaN(exported) ? null : exported < range[0] - 1e-12 || exported > range[1] + 1e-12;
    return { exported, mean: s.mean, ci95: clipToDomain(name, s.ci95).ci95, range, outside };
  };

  // each replication's rows of a type, by interval start
  const byStart = results.map((r) => {
    const m = new Map<string, Map<number, ReplicationResult["intervals"][number]>>();
    for (const row of r.intervals) {
      if (row.type === "*") continue;
      let inner = m.get(row.type);
      if (inner === undefined) m.set(row.type, (inner = new Map()));
      inner.set(Math.round(row.start / fit.interval), row);
    }
    return m;
  });
  const rows: CalibrationRow[] = [];
  for (const ft of shared) {
    for (let k = 0; k < fit.periods; k++) {
      const sim = byStart.map((m) => m.get(ft.type)?.get(k));
      if (sim.some((r) => r === undefined)) continue; // before the warmup or past the horizon
      const metric = (name: CalibrationMeasure) => sim.map((r) => r!.metrics[name] ?? 0);
      const offered = ft.counts.offered[k]!;
      const sides: Partial<Record<CalibrationMeasure, Side>> = {
        offered: side("offered", offered / days, metric("offered"), offered),
        abandonRate: side("abandonRate", offered > 0 ? ft.counts.abandoned[k]! / offered : NaN, metric("abandonRate"), offered),
      };
      if (fit.hasAnsweredWithin) sides.serviceLevel = side("serviceLevel", offered > 0 ? ft.counts.answeredWithin[k]! / offered : NaN, metric("serviceLevel"), offered);
      rows.push({ type: ft.type, start: k * fit.interval, sides });
    }
  }
  return {
    scenarioFile,
    replications: n,
    days,
    clockOffset: fit.clockOffset,
    threshold: fit.hasAnsweredWithin ? (threshold ?? slThreshold(shared[0]!.type)) : null,
    rows,
    missing: fit.types.filter((x) => !shared.includes(x)).map((x) => x.type),
  };
}
