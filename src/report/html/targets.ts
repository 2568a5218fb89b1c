// The targets of `check` and `size` in the HTML report: the verdict table (mean, CI, the bound judged on, margin,
// met or missed) and one dot chart per target, its mean and 95% interval against the target's line.

import type { MetricName } from "../../metrics/tally.js";
import type { TargetSpec } from "../../scenario/types.js";
import { unitOf } from "../units.js";
import type { Verdict } from "../verdicts.js";
import { dotChart } from "./dot-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { axisTitle, labelOf, shown, shownUnit, shownValue } from "./format.js";
import { el } from "./markup.js";

const metricOf = (v: Verdict) => v.metric as MetricName;

/** A margin of a share is in percentage points. */
const marginUnit = (n: MetricName) => (unitOf(n) === "%" ? "pts" : shownUnit(n));

/** A dot row's label: a utilization target names its kind alone (the full label does not fit the margin). */
const rowLabel = (n: MetricName) => (n.startsWith("utilization.") ? `busiest ${n.slice("utilization.".length)}` : labelOf(n));

export const verdictWord = (met: boolean): string => (met ? "met" : "missed");

/** A tries table's columns of the targets: each one's mean, the bound it was judged on, and its verdict. */
export const tryVerdictColumns = (metrics: readonly string[]): string[] =>
  metrics.flatMap((m) => [`${m} mean`, `${m} judged on`, `${m} verdict`]);

/** A try's cells under tryVerdictColumns. */
export const tryVerdictCells = (verdicts: readonly Verdict[]): Cell[] =>
  verdicts.flatMap((v) => [shownValue(metricOf(v), v.mean), shownValue(metricOf(v), v.judgedOn), verdictWord(v.met)]);

export function verdictTable(verdicts: readonly Verdict[]): DataTable {
  return {
    columns: ["target", "unit", "wanted", "mean", "95% CI low", "95% CI high", "judged on", "margin", "margin unit", "verdict"],
    rows: verdicts.map((v): Cell[] => {
      const n = metricOf(v);
      const s = (x: number) => shownValue(n, x);
      return [
        v.metric, shownUnit(n), v.target, s(v.mean), v.ci95 ? s(v.ci95[0]) : null, v.ci95 ? s(v.ci95[1]) : null,
        s(v.judgedOn), s(v.margin), marginUnit(n), verdictWord(v.met),
      ];
    }),
  };
}

/** The verdict table with its CSV link, and what "judged on" means. */
export function verdictTableHtml(verdicts: readonly Verdict[], csvFile: string): string {
  const table = verdictTable(verdicts);
  return (
    el(
      "p",
      { class: "note" },
      "Each target is judged on the 95% bound that makes the claim safe: the lower bound for a minimum, the upper for a maximum. " +
        "The margin is how far that bound is on the safe side of the target (negative: missed). ",
      csvLink(table, csvFile),
    ) + el("div", { class: "wide" }, tableHtml(table, "verdicts"))
  );
}

/** One figure per target: the mean with its interval as a dot, the target as a dashed line. */
export function targetFigures(verdicts: readonly Verdict[], specs: readonly TargetSpec[]): string {
  return el(
    "div",
    { class: "grid" },
    ...verdicts.map((v, i) => {
      const n = metricOf(v);
      const s = (x: number) => shownValue(n, x);
      const spec = specs[i]!;
      const est = { mean: s(v.mean), lo: v.ci95 ? s(v.ci95[0]) : null, hi: v.ci95 ? s(v.ci95[1]) : null };
      const table: DataTable = {
        columns: ["target", `target value (${shownUnit(n)})`, `mean (${shownUnit(n)})`, "95% CI low", "95% CI high", "judged on", "verdict"],
        rows: [[`${v.metric} ${v.target}`, s(spec.value), est.mean, est.lo, est.hi, s(v.judgedOn), verdictWord(v.met)]],
      };
      return figure({
        // an id a CSS selector can name: utilization.urs becomes target-utilization-urs
        id: `target-${v.metric.replace(/\./g, "-")}`,
        title: `${labelOf(n)} ${v.target}`,
        kind: "dots",
        note: `${verdictWord(v.met)}: judged on ${shown(s(v.judgedOn))} ${shownUnit(n)}, the ${spec.op.startsWith(">") ? "lower" : "upper"} end of the interval.`,
        chart: dotChart({
          label: `${labelOf(n)}: mean and 95% interval against the target ${v.target}`,
          xTitle: axisTitle(n),
          rows: [{ label: rowLabel(n), est, cls: v.met ? "dotrow s3" : "dotrow s4", note: verdictWord(v.met) }],
          reference: { value: s(spec.value), label: `target ${spec.op} ${shown(s(spec.value))}` },
        }),
        table,
      });
    }),
  );
}
