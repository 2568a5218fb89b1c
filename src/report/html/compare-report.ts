// report.html of `ccsim compare`: the variants side by side, each metric with its confidence interval, and the
// paired differences against the first variant, drawn so that a difference whose interval includes 0 reads as such.

import type { StudyMetricName } from "../../experiment/study-metrics.js";
import type { ComparisonData } from "../comparison.js";
import { unitOf } from "../units.js";
import { dotChart, type DotRow } from "./dot-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { axisTitle, estimateOf, labelOf, shownUnit, shownValue } from "./format.js";
import { el, esc } from "./markup.js";
import { compareMediaSection } from "./media-study.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { seriesClass } from "./chart-frame.js";

export interface CompareReportInput {
  /** what compare.json holds */
  readonly data: ComparisonData;
  /** the metrics to chart (--metrics, or the routing-focused default) */
  readonly focus: readonly StudyMetricName[];
  readonly provenance: Provenance;
}

/** A difference of shares is in percentage points, not percent. */
const differenceUnit = (n: StudyMetricName) => (unitOf(n) === "%" ? "percentage points" : shownUnit(n));

const NOT_SIGNIFICANT = "not significant";

function metricFigure(d: ComparisonData, n: StudyMetricName): string {
  const base = d.variants[0]!.value;
  const variants: DotRow[] = d.variants.flatMap((v, i) => {
    const e = estimateOf(n, v.metrics[n]);
    return e ? [{ label: v.value, est: e, cls: `dotrow ${seriesClass(i + 1)}` }] : [];
  });
  const differences: DotRow[] = d.differences.flatMap((x, i) => {
    const m = x.metrics[n];
    if (!m) return [];
    const scale = (v: number) => shownValue(n, v);
    return [
      {
        label: `${x.value} − ${x.against}`,
        est: { mean: scale(m.mean), lo: m.ci95 ? scale(m.ci95[0]) : null, hi: m.ci95 ? scale(m.ci95[1]) : null },
        cls: m.significant ? `dotrow sig ${seriesClass(i + 2)}` : "dotrow ns",
        note: m.significant ? undefined : m.ci95 ? NOT_SIGNIFICANT : "no interval: one replication",
      },
    ];
  });
  const rows: Cell[][] = d.variants.map((v, i) => {
    const e = estimateOf(n, v.metrics[n]);
    const diff = i > 0 ? d.differences[i - 1]!.metrics[n] : undefined;
    return [
      v.value,
      e?.mean ?? null,
      e?.lo ?? null,
      e?.hi ?? null,
      diff ? shownValue(n, diff.mean) : null,
      diff?.ci95 ? shownValue(n, diff.ci95[0]) : null,
      diff?.ci95 ? shownValue(n, diff.ci95[1]) : null,
      diff ? (diff.significant ? "yes" : "no") : null,
    ];
  });
  const unit = shownUnit(n);
  const table: DataTable = {
    columns: [
      d.vary, `mean (${unit})`, "95% CI low", "95% CI high",
      `difference from ${base} (${differenceUnit(n)})`, "difference low", "difference high", "significant",
    ],
    rows,
  };
  const chart = el(
    "div",
    { class: "pair" },
    el("div", {}, el("h3", {}, "each variant: mean, 95% CI"), dotChart({ label: `${labelOf(n)} of each variant`, xTitle: axisTitle(n), rows: variants })),
    el(
      "div",
      {},
      el("h3", {}, esc(`paired difference from ${base}: mean, 95% CI`)),
      dotChart({ label: `paired differences of ${labelOf(n)}`, xTitle: `difference (${differenceUnit(n)})`, rows: differences, zero: true }),
    ),
  );
  return figure({ id: `metric-${n}`, title: labelOf(n), kind: "dots", chart, table });
}

function sideBySide(d: ComparisonData, focus: readonly StudyMetricName[]): string {
  const columns = ["metric", "unit"];
  for (const v of d.variants) columns.push(`${v.value} mean`, `${v.value} low`, `${v.value} high`);
  for (const x of d.differences) columns.push(`${x.value} − ${x.against}`, "low", "high", "significant");
  const rows = focus.map((n): Cell[] => {
    const row: Cell[] = [labelOf(n), shownUnit(n)];
    for (const v of d.variants) {
      const e = estimateOf(n, v.metrics[n]);
      row.push(e?.mean ?? null, e?.lo ?? null, e?.hi ?? null);
    }
    for (const x of d.differences) {
      const m = x.metrics[n];
      row.push(
        m ? shownValue(n, m.mean) : null,
        m?.ci95 ? shownValue(n, m.ci95[0]) : null,
        m?.ci95 ? shownValue(n, m.ci95[1]) : null,
        m ? (m.significant ? "yes" : "no") : null,
      );
    }
    return row;
  });
  const table: DataTable = { columns, rows };
  return (
    el(
      "p",
      { class: "note" },
      `Every variant ran the same ${d.replications} replications on common random numbers, so each difference is paired ` +
        "replication by replication. Differences of shares are in percentage points. ",
      csvLink(table, "side-by-side.csv"),
    ) + el("div", { class: "wide" }, tableHtml(table, "side-by-side"))
  );
}

export function compareReport(input: CompareReportInput): string {
  const { data: d, focus } = input;
  const values = d.variants.map((v) => v.value);
  const media = compareMediaSection(d);
  return page({
    kind: "compare",
    title: `ccsim compare: ${d.scenario}, ${d.vary}`,
    facts: [
      `${d.vary} = ${values.join(" vs ")}`,
      `seed ${d.seed}`,
      `${d.replications} paired replication${d.replications === 1 ? "" : "s"} (common random numbers)`,
      `ccsim ${d.ccsim}`,
    ],
    sections: [
      { id: "side-by-side", title: "Side by side", body: sideBySide(d, focus) },
      {
        id: "metrics",
        title: "Each metric",
        body:
          el(
            "p",
            { class: "note" },
            `Left, each variant's mean with its 95% confidence interval. Right, the paired difference from ${esc(values[0]!)}: ` +
              `a filled dot is a difference whose interval excludes 0; a hollow grey dot marked "${NOT_SIGNIFICANT}" is one whose interval includes 0.`,
          ) + el("div", { class: "stack" }, ...focus.map((n) => metricFigure(d, n))),
      },
      ...(media ? [media] : []),
      ...provenanceSections(input.provenance),
    ],
  });
}
