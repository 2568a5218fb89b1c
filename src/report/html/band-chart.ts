// A band chart: a metric against a varied value, one line per series, each point its mean with the 95% confidence
// interval drawn as a band around the line. Numeric values sit on a linear axis, others at evenly spaced points.

import { area, line, scaleLinear, scalePoint } from "d3";
import {
  CHART_WIDTH, chartSvg, fittingTicks, frameOf, leftFor, legend, legendRows, linearTicks, referenceLine, rightFor, seriesClass, topFor, xAxis, yAxis,
  type Estimate, type LegendItem, type Reference,
} from "./chart-frame.js";
import { shown } from "./format.js";
import { el, esc, leaf } from "./markup.js";

export interface BandSeries {
  readonly name: string;
  /** one per x value; null where the series has no point */
  readonly points: readonly (Estimate | null)[];
}

export interface BandChartSpec {
  readonly label: string;
  readonly xValues: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly BandSeries[];
  /** a horizontal line to judge the series against (a target), kept inside the axis and named in the legend */
  readonly reference?: Reference;
  /** keep 0 on the y axis (default); false zooms in on the data, for values that only matter near a target */
  readonly fromZero?: boolean;
}

const isNumeric = (vs: readonly string[]) => vs.length > 1 && vs.every((v) => v.trim() !== "" && Number.isFinite(Number(v)));

export function bandChart(spec: BandChartSpec): string {
  const items: LegendItem[] = spec.series.length > 1 ? spec.series.map((s, i) => ({ name: s.name, cls: seriesClass(i + 1), mark: "line" })) : [];
  if (spec.reference) items.push({ name: spec.reference.label, cls: "reference-key", mark: "reference" });
  const all = spec.series.flatMap((s) => s.points.flatMap((p) => (p ? [p.mean, p.lo ?? p.mean, p.hi ?? p.mean] : [])));
  if (spec.reference) all.push(spec.reference.value);
  const floor = spec.fromZero === false ? [] : [0];
  // what the chart shows is a count, a time or a share: the axis never reaches below 0
  const lo = Math.max(0, Math.min(...floor, ...all));
  let hi = Math.max(...all, ...floor);
  if (lo >= hi) hi = lo + 1;
  const y = scaleLinear().domain([lo, hi]).nice(5);
  const yTicks = y.ticks(5).map((v) => y.tickFormat(5)(v));
  const last = spec.xValues.at(-1) ?? "";
  const f = frameOf(200, { top: topFor(legendRows(items, CHART_WIDTH - 74)), right: rightFor([last]), bottom: 42, left: leftFor(yTicks) });
  y.range([f.innerH, 0]);
  const numeric = isNumeric(spec.xValues);
  let xOf: (i: number) => number;
  let xTicks;
  if (numeric) {
    const nums = spec.xValues.map(Number);
    const [a, b] = [Math.min(...nums), Math.max(...nums)];
    // a little room at both ends, so the first and last points do not sit on the axes
    const pad = (b - a) * 0.04;
    const x = scaleLinear()
      .domain([a - pad, b + pad])
      .range([0, f.innerW]);
    xOf = (i) => x(nums[i]!);
    xTicks = nums.length <= 10 ? nums.map((v, i) => ({ at: xOf(i), text: spec.xValues[i]! })) : fittingTicks(x, 6, f.innerW);
  } else {
    const x = scalePoint<number>()
      .domain(spec.xValues.map((_, i) => i))
      .range([0, f.innerW])
      .padding(0.3);
    xOf = (i) => x(i)!;
    xTicks = spec.xValues.map((v, i) => ({ at: xOf(i), text: v }));
  }
  const band = area<Estimate | null>()
    .defined((p) => p !== null && p.lo !== null && p.hi !== null)
    .x((_, i) => xOf(i))
    .y0((p) => y(p!.lo!))
    .y1((p) => y(p!.hi!))
    .digits(1);
  const path = line<Estimate | null>()
    .defined((p) => p !== null)
    .x((_, i) => xOf(i))
    .y((p) => y(p!.mean))
    .digits(1);
  const series = spec.series.map((s, k) =>
    el(
      "g",
      { class: `series ${seriesClass(k + 1)}` },
      leaf("path", { class: "band", d: band(s.points) ?? "" }),
      leaf("path", { class: "line", d: path(s.points) ?? "" }),
      ...s.points.map((p, i) => {
        if (!p) return "";
        const ci = p.lo !== null && p.hi !== null ? ` [${shown(p.lo)}, ${shown(p.hi)}]` : "";
        const who = spec.series.length > 1 ? `${s.name}, ` : "";
        return el("circle", { class: "dot", cx: xOf(i), cy: y(p.mean), r: 3.5 }, el("title", {}, esc(`${who}${spec.xValues[i]}: ${shown(p.mean)}${ci}`)));
      }),
    ),
  );
  const ref = spec.reference ? referenceLine(f, y(spec.reference.value)) : "";
  return chartSvg(f, spec.label, false, yAxis(f, linearTicks(y, 5), spec.yTitle), xAxis(f, xTicks, spec.xTitle), ref, ...series, legend(f, items));
}
