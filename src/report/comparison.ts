// Compare and sweep outputs: terminal tables, JSON and CSV, every metric with its CI and the paired differences.

import { stringify } from "csv-stringify/sync";
import type { Comparison } from "../experiment/compare.js";
import type { Sweep } from "../experiment/sweep.js";
import { DEFAULT_DN_METRICS, METRIC_NAMES, type MetricName } from "../metrics/tally.js";
import { mediaHeader, mediaRows } from "./media.js";
import { tidy, tidyDeep } from "./numbers.js";
import { TABLE_WIDTH, foldedGrid, grid } from "./grid.js";
import { formatMetric } from "./units.js";
import { CCSIM_VERSION } from "./version.js";
import type { ExperimentResult } from "../observe/results.js";
import { STUDY_METRIC_NAMES, studyMetricsOf, type StudyMetricName, type StudyMetricSummaries } from "../experiment/study-metrics.js";
import type { DefaultDnKind } from "../scenario/types.js";

export const DEFAULT_FOCUS: MetricName[] = [
  "offered", "serviceLevel", "asa", "abandonRate", "occupancy", "reservationRequests", "reservationConflicts",
  "conflictRate", "conflictsPerCall", "routingFailures", "routingDelay", "ursAttemptsPerCall",
];

/** The default table for scenarios with faults: what the failures cost first. */
export const FAULT_FOCUS: MetricName[] = [
  "offered", "serviceLevel", "abandonRate", "defaultRouted", "dropped", "cutOff", "lostRequests", "routingFailures",
  "oosFailures", "conflictsPerCall",
];

/** The fault table of a study whose points send calls to these default DNs: after defaultRouted, what became of them. */
export function faultFocus(dns: readonly DefaultDnKind[]): MetricName[] {
  const more = METRIC_NAMES.filter((n) => dns.some((k) => (DEFAULT_DN_METRICS[k] as readonly MetricName[]).includes(n)));
  return FAULT_FOCUS.flatMap((n) => (n === "defaultRouted" ? [n, ...more] : [n]));
}

/** a mean and its CI in the metric's unit, as the run table writes it (shares in %, times in s, counts plain) */
const withCi = (name: StudyMetricName, m: { mean: number; ci95: readonly [number, number] | null } | undefined) => {
  if (m === undefined) return "";
  const f = (x: number) => formatMetric(name, x);
  return m.ci95 ? `${f(m.mean)} [${f(m.ci95[0])}, ${f(m.ci95[1])}]` : f(m.mean);
};

/** `width`: the table folded to this many columns (TABLE_WIDTH by default; Infinity: whole) */
export function comparisonTable(c: Comparison, focus: readonly StudyMetricName[], width = TABLE_WIDTH): string {
  const header = ["metric", ...c.variants.map((v) => v.value), ...c.differences.map((d) => `${d.value} - ${d.against}`)];
  const rows = [header];
  for (const n of focus) {
    const cells = c.variants.map((v) => withCi(n, studyMetricsOf(v.result)[n]));
    const diffs = c.differences.map((d) => {
      const m = d.metrics[n];
      return m ? `${withCi(n, m)}${m.significant ? " *" : ""}` : "";
    });
    rows.push([n, ...cells, ...diffs]);
  }
  const r = c.variants[0]!.result;
  const media = r.byMedia ? `\n\nper media (means):\n\n${grid([mediaHeader(r, [c.path]), ...c.variants.flatMap((v) => mediaRows(v.result, [v.value]))], 2)}` : "";
  return (
    `compare ${c.path}: seed ${r.seed}, ${r.replications} paired replications (common random numbers)\n\n` +
    foldedGrid(rows, 1, width) +
    "\n\nmean [95% CI]; * marks a difference whose interval excludes 0\n" +
    (media === "" ? "" : media.slice(1) + "\n")
  );
}

interface Provenance {
  readonly ccsim: string;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
}

/** compare.json: who made it and from what, the variants with their metrics, the paired differences. */
export interface ComparisonData extends Provenance {
  readonly vary: string;
  readonly variants: readonly { readonly value: string; readonly metrics: StudyMetricSummaries; readonly byMedia?: ExperimentResult["byMedia"] }[];
  readonly differences: Comparison["differences"];
}

/** sweep.json: who made it and from what, then each point's varied values and metrics. */
export interface SweepData extends Provenance {
  readonly vary: readonly string[];
  readonly points: readonly { readonly values: readonly string[]; readonly metrics: StudyMetricSummaries; readonly byMedia?: ExperimentResult["byMedia"] }[];
}

/** a variant's or point's per-media breakdown, when the scenario has one */
const mediaOf = (r: ExperimentResult) => (r.byMedia ? { byMedia: r.byMedia } : {});

const provenanceOf = (r: ExperimentResult): Provenance => ({
  ccsim: CCSIM_VERSION,
  scenario: r.scenario.name,
  seed: r.seed,
  replications: r.replications,
});

export function comparisonData(c: Comparison): ComparisonData {
  return tidyDeep({
    ...provenanceOf(c.variants[0]!.result),
    vary: c.path,
    variants: c.variants.map((v) => ({ value: v.value, metrics: studyMetricsOf(v.result), ...mediaOf(v.result) })),
    differences: c.differences,
  });
}

export function comparisonJson(d: ComparisonData): string {
  return JSON.stringify(d, null, 2) + "\n";
}

export function comparisonCsv(c: Comparison): string {
  const rows: (string | number)[][] = [["metric", "variant", "mean", "lo", "hi", "diff_vs", "diff_mean", "diff_lo", "diff_hi", "significant"]];
  for (const n of STUDY_METRIC_NAMES) {
    c.variants.forEach((v, i) => {
      const m = studyMetricsOf(v.result)[n];
      if (!m) return;
      const d = i > 0 ? c.differences[i - 1]!.metrics[n] : undefined;
      rows.push([
        n, v.value, tidy(m.mean), m.ci95 ? tidy(m.ci95[0]) : "", m.ci95 ? tidy(m.ci95[1]) : "",
        d ? c.differences[i - 1]!.against : "", d ? tidy(d.mean) : "", d?.ci95 ? tidy(d.ci95[0]) : "",
        d?.ci95 ? tidy(d.ci95[1]) : "", d ? String(d.significant) : "",
      ]);
    });
  }
  return stringify(rows);
}

export function sweepTable(s: Sweep, focus: readonly StudyMetricName[], width = TABLE_WIDTH): string {
  const rows = [[...s.paths, ...focus]];
  for (const p of s.points) rows.push([...p.values, ...focus.map((n) => withCi(n, studyMetricsOf(p.result)[n]))]);
  const r = s.points[0]!.result;
  const media = r.byMedia
    ? `\nper media (means):\n\n${grid([mediaHeader(r, s.paths), ...s.points.flatMap((p) => mediaRows(p.result, p.values))], s.paths.length + 1)}\n`
    : "";
  return `sweep: seed ${r.seed}, ${r.replications} replications a point; mean [95% CI]\n\n${foldedGrid(rows, s.paths.length, width)}\n${media}`;
}

export function sweepData(s: Sweep): SweepData {
  return tidyDeep({
    ...provenanceOf(s.points[0]!.result),
    vary: s.paths,
    points: s.points.map((p) => ({ values: p.values, metrics: studyMetricsOf(p.result), ...mediaOf(p.result) })),
  });
}

export function sweepJson(d: SweepData): string {
  return JSON.stringify(d, null, 2) + "\n";
}

export function sweepCsv(s: Sweep): string {
  // every metric's columns, empty where a point has none; the day's cost only when a point is priced; the Skype
  // site's after the whole center's, only when the points have one
  const names = STUDY_METRIC_NAMES.filter((n) =>
    n === "cost"
      ? s.points.some((p) => p.result.metrics.cost !== undefined)
      : (METRIC_NAMES as readonly string[]).includes(n) || studyMetricsOf(s.points[0]!.result)[n] !== undefined,
  );
  const header: string[] = [...s.paths];
  for (const n of names) header.push(n, `${n}_lo`, `${n}_hi`);
  const rows: (string | number)[][] = [header];
  for (const p of s.points) {
    const row: (string | number)[] = [...p.values];
    for (const n of names) {
      const m = studyMetricsOf(p.result)[n];
      row.push(m ? tidy(m.mean) : "", m?.ci95 ? tidy(m.ci95[0]) : "", m?.ci95 ? tidy(m.ci95[1]) : "");
    }
    rows.push(row);
  }
  return stringify(rows);
}
