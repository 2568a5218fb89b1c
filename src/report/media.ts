// The per-media breakdown in reports (scenarios with chat, email or IM only): media.csv, and the media tables of run,
// compare and sweep on the terminal, the columns of report.html's media table, and each media's thresholds.

import { stringify } from "csv-stringify/sync";
import { MEDIA_METRIC_NAMES, type MediaMetricName } from "../metrics/media-metrics.js";
import type { Scenario } from "../scenario/types.js";
import { tidy } from "./numbers.js";
import { formatMetric } from "./units.js";
import type { ExperimentResult, MediaSummaries } from "../observe/results.js";

/** the terminal's media table, and report.html's */
const MEDIA_TABLE: readonly MediaMetricName[] = [
  "offered", "serviceLevel", "asa", "abandonRate", "occupancy", "concurrency", "reservationConflicts", "conflictRate",
];

/** the columns worth showing: the table's, plus IM messages when IM is there */
export function mediaColumns(byMedia: Record<string, unknown>): MediaMetricName[] {
  return "im" in byMedia ? [...MEDIA_TABLE, "imMessages"] : [...MEDIA_TABLE];
}

function cells(m: MediaSummaries, names: readonly MediaMetricName[]): string[] {
  return names.map((n) => (m[n] ? formatMetric(n, m[n]!.mean) : ""));
}

/** The rows of one result's media table, each led by `lead`. */
export function mediaRows(r: ExperimentResult, lead: readonly string[] = []): string[][] {
  const names = mediaColumns(r.byMedia!);
  return Object.entries(r.byMedia!).map(([media, s]) => [...lead, media, ...cells(s.metrics, names)]);
}

export function mediaHeader(r: ExperimentResult, lead: readonly string[] = []): string[] {
  return [...lead, "media", ...mediaColumns(r.byMedia!)];
}

/** media.csv: one row per media for the whole center (group "*"), then per agent group that can take it; each metric's
 *  mean and 95% CI bounds. */
export function mediaCsv(r: ExperimentResult): string {
  const header = ["media", "group"];
  for (const n of MEDIA_METRIC_NAMES) header.push(n, `${n}_lo`, `${n}_hi`);
  const rows: (string | number)[][] = [header];
  const row = (media: string, group: string, m: MediaSummaries) => {
    const out: (string | number)[] = [media, group];
    for (const n of MEDIA_METRIC_NAMES) {
      const s = m[n];
      out.push(s ? tidy(s.mean) : "", s?.ci95 ? tidy(s.ci95[0]) : "", s?.ci95 ? tidy(s.ci95[1]) : "");
    }
    rows.push(out);
  };
  for (const [media, s] of Object.entries(r.byMedia!)) {
    row(media, "*", s.metrics);
    for (const [g, m] of Object.entries(s.byGroup)) row(media, g, m);
  }
  return stringify(rows);
}

/** Each media's service level thresholds (seconds, distinct, ascending): every traffic type is judged on its own
 *  `serviceLevel`, or the scenario's, so one media's figure can mix several. */
export function mediaThresholds(s: Scenario): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const t of s.traffic) {
    const list = (out[t.media] ??= []);
    const T = t.serviceLevel ?? s.serviceLevel;
    if (!list.includes(T)) list.push(T);
  }
  for (const list of Object.values(out)) list.sort((a, b) => a - b);
  return out;
}
