// A bar chart: one group of bars per category (a node, a site, a group), one bar per series, each mean with its 95%
// confidence interval as a whisker.

import { scaleBand, scaleLinear } from "d3";
import {
  CHART_WIDTH, chartSvg, frameOf, leftFor, legend, legendRows, linearTicks, seriesClass, textWidth, topFor, xAxis, yAxis, type Estimate, type LegendItem,
} from "./chart-frame.js";
import { shown } from "./format.js";
import { el, esc, leaf, px } from "./markup.js";

export interface BarSeries {
  readonly name: string;
  /** one per category; null where the series has no value */
  readonly values: readonly (Estimate | null)[];
}

export interface BarChartSpec {
  readonly label: string;
  readonly categories: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly BarSeries[];
  /** the first series' class index (so a one-series chart can take a colour of its own) */
  readonly firstClass?: number;
  readonly suffix?: string;
}

/** A confidence interval: a vertical line with a cap at each end. */
const whisker = (x: number, y0: number, y1: number, w: number) =>
  leaf("path", { class: "whisker", d: `M${px(x)},${px(y0)}V${px(y1)}M${px(x - w)},${px(y0)}h${px(2 * w)}M${px(x - w)},${px(y1)}h${px(2 * w)}` });

export function barChart(spec: BarChartSpec): string {
  const first = spec.firstClass ?? 1;
  const items: LegendItem[] =
    spec.series.length > 1 ? spec.series.map((s, i) => ({ name: s.name, cls: seriesClass(first + i), mark: "bar" })) : [];
  const longest = Math.max(0, ...spec.categories.map(textWidth));
  const slot = (600 - 74) / Math.max(1, spec.categories.length);
  const rotate = longest > slot - 6;
  const bottom = rotate ? 30 + longest * 0.5 + 12 : 42;
  // bars stand on 0, and what they show (counts, times, shares) cannot go below it: their intervals are clipped there
  let max = 0;
  for (const s of spec.series) for (const v of s.values) if (v) max = Math.max(max, v.mean, v.hi ?? v.mean);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5);
  // a turned label runs down to the left of its tick (cos 30 of its length): the first one must stay on the chart
  const turned = rotate ? Math.ceil(longest * 0.87 + 10 - slot / 2) : 0;
  const left = Math.max(leftFor(y.ticks(5).map((v) => y.tickFormat(5)(v))), turned);
  const f = frameOf(190, { top: topFor(legendRows(items, CHART_WIDTH - 74)), right: 16, bottom, left });
  y.range([f.innerH, 0]);
  const x = scaleBand<string>().domain(spec.categories).range([0, f.innerW]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(spec.series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .paddingInner(0.08);
  const suffix = spec.suffix ?? "";
  const bars = spec.series.map((s, i) =>
    el(
      "g",
      { class: `series ${seriesClass(first + i)}` },
      ...s.values.map((v, k) => {
        if (!v) return "";
        const x0 = x(spec.categories[k]!)! + inner(i)!;
        const w = inner.bandwidth();
        const ci = v.lo !== null && v.hi !== null ? ` [${shown(v.lo)}, ${shown(v.hi)}]` : "";
        return (
          el(
            "rect",
            { class: "bar", x: x0, y: Math.min(y(0), y(v.mean)), width: w, height: Math.abs(y(0) - y(v.mean)) },
            el("title", {}, esc(`${spec.categories[k]} ${s.name}: ${shown(v.mean)}${suffix}${ci}`)),
          ) + (v.lo !== null && v.hi !== null ? whisker(x0 + w / 2, y(Math.max(0, v.lo)), y(v.hi), Math.min(4, w / 3)) : "")
        );
      }),
    ),
  );
  const xTicks = spec.categories.map((c) => ({ at: x(c)! + x.bandwidth() / 2, text: c }));
  return chartSvg(f, spec.label, false, yAxis(f, linearTicks(y, 5), spec.yTitle), xAxis(f, xTicks, spec.xTitle, rotate), ...bars, legend(f, items));
}
