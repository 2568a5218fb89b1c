// A dot-and-whisker chart: one row per estimate (a variant, or a paired difference), its mean as a dot and its 95%
// confidence interval as a line, with a zero line when the question is "is it different from nothing?".

import { scaleBand, scaleLinear } from "d3";
import { chartSvg, fittingTicks, frameOf, rightFor, textWidth, xAxis, yAxis, type Estimate, type Reference } from "./chart-frame.js";
import { shown } from "./format.js";
import { el, esc, leaf, px } from "./markup.js";

export interface DotRow {
  readonly label: string;
  readonly est: Estimate;
  /** classes of the row: a series class, and `ns` for a difference whose interval straddles 0 */
  readonly cls: string;
  /** a word after the row, e.g. "not significant" */
  readonly note?: string;
  /** why the row has no interval, when it has none (default: one replication) */
  readonly noInterval?: string;
}

export interface DotChartSpec {
  readonly label: string;
  readonly xTitle: string;
  readonly rows: readonly DotRow[];
  /** draw the zero line and keep 0 inside the axis */
  readonly zero?: boolean;
  /** a vertical line to judge the rows against (a target), kept inside the axis */
  readonly reference?: Reference;
}

const ROW = 30;

export function dotChart(spec: DotChartSpec): string {
  const left = Math.min(220, Math.max(60, ...spec.rows.map((r) => textWidth(r.label) + 14)));
  const values: number[] = spec.zero ? [0] : [];
  if (spec.reference) values.push(spec.reference.value);
  for (const r of spec.rows) values.push(r.est.mean, r.est.lo ?? r.est.mean, r.est.hi ?? r.est.mean);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.05;
  // a chart of values (not of differences) shows counts, times or shares: its axis stops at 0
  const x = scaleLinear()
    .domain([spec.zero || lo < 0 ? lo - pad : Math.max(0, lo - pad), hi + pad])
    .nice(5);
  // the last tick's label is centred on the plot's right end: the margin holds its half, beside the rows' notes
  const tickTexts = x.ticks(5).map((v) => x.tickFormat(5)(v));
  const right = Math.max(rightFor(tickTexts), ...spec.rows.map((r) => (r.note ? textWidth(r.note) + 12 : 0)));
  const f = frameOf(spec.rows.length * ROW, { top: spec.reference ? 24 : 10, right, bottom: 42, left });
  x.range([0, f.innerW]);
  const y = scaleBand<number>()
    .domain(spec.rows.map((_, i) => i))
    .range([0, f.innerH]);
  const rows = spec.rows.map((r, i) => {
    const cy = y(i)! + y.bandwidth() / 2;
    const ci = r.est.lo !== null && r.est.hi !== null ? ` [${shown(r.est.lo)}, ${shown(r.est.hi)}]` : ` (no interval: ${r.noInterval ?? "one replication"})`;
    return el(
      "g",
      { class: `series ${r.cls}` },
      r.est.lo !== null && r.est.hi !== null
        ? leaf("path", { class: "whisker", d: `M${px(x(r.est.lo))},${px(cy)}H${px(x(r.est.hi))}` })
        : "",
      el("circle", { class: "dot", cx: x(r.est.mean), cy, r: 4.5 }, el("title", {}, esc(`${r.label}: ${shown(r.est.mean)}${ci}`))),
      r.note ? el("text", { class: "row-note", x: f.innerW + 8, y: cy, dy: "0.32em" }, esc(r.note)) : "",
    );
  });
  const zero = spec.zero ? leaf("line", { class: "zero", x1: x(0), x2: x(0), y2: f.innerH }) : "";
  const ref = spec.reference
    ? el(
        "g",
        { class: "reference" },
        leaf("line", { x1: x(spec.reference.value), x2: x(spec.reference.value), y1: -6, y2: f.innerH }),
        el("text", { x: x(spec.reference.value), y: -10, "text-anchor": "middle" }, esc(spec.reference.label)),
      )
    : "";
  const yTicks = spec.rows.map((r, i) => ({ at: y(i)! + y.bandwidth() / 2, text: r.label }));
  return chartSvg(f, spec.label, spec.zero === true, yAxis(f, yTicks, "", false), xAxis(f, fittingTicks(x, 5, f.innerW), spec.xTitle), zero, ref, ...rows);
}
