// The per-media breakdown in reports (scenarios with chat, email or IM only): media.csv, and the media tables of run,
// compare and sweep on the terminal.

import { stringify } from "csv-stringify/sync";
import type { ExperimentResult, MediaSummaries } from "../experiment/experiment.js";
import { MEDIA_METRIC_NAMES, type MediaMetricName } from "../metrics/media-metrics.js";
import { tidy } from "./numbers.js";
import { formatMetric } from "./units.js";

const TABLE: readonly MediaMetricName[] = [
  "offered", "serviceLevel", "asa", "abandonRate", "occupancy", "concurrency", "reservationConflicts", "conflictRate",
];

/** the columns worth showing: the table's, plus IM messages when IM is there */
function columns(r: ExperimentResult): MediaMetricName[] {
  return "im" in r.byMedia! ? [...TABLE, "imMessages"] : [...TABLE];
}

function cells(m: MediaSummaries, names: readonly MediaMetricName[]): string[] {
  return names.map((n) => (m[n] ? formatMetric(n, m[n]!.mean) : ""));
}

/** The rows of one result's media table, each led by `lead`. */
export function mediaRows(r: ExperimentResult, lead: readonly string[] = []): string[][] {
  const names = columns(r);
  return Object.entries(r.byMedia!).map(([media, s]) => [...lead, media, ...cells(s.metrics, names)]);
}

export function mediaHeader(r: ExperimentResult, lead: readonly string[] = []): string[] {
  return [...lead, "media", ...columns(r)];
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
