// A time chart: one value per interval for each series (a line through the interval midpoints, a dot per interval),
// with the scenario's fault windows shaded across the plot.

import { line, scaleLinear } from "d3";
import type { FaultWindow } from "../summary.js";
import { chartSvg, frameOf, legend, legendRows, linearTicks, seriesClass, topFor, xAxis, yAxis, type LegendItem } from "./chart-frame.js";
import { clock, shown, span } from "./format.js";
import { el, esc, leaf } from "./markup.js";

export interface Slot {
  readonly start: number;
  readonly end: number;
}

export interface TimeSeries {
  readonly name: string;
  /** one per slot; null where the series has no value */
  readonly values: readonly (number | null)[];
}

export interface TimeChartSpec {
  /** what the chart shows, for screen readers */
  readonly label: string;
  readonly yTitle: string;
  readonly slots: readonly Slot[];
  readonly series: readonly TimeSeries[];
  readonly faults: readonly FaultWindow[];
  /** the end of arrivals: where a fault without a duration ends */
  readonly horizon: number;
  /** the unit after a value in a tooltip, e.g. "%" or " s" */
  readonly suffix?: string;
}

/** Tick steps for simulated time, in seconds: whole minutes and hours, never a tick at 1:07. */
const STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

function timeTicks(d0: number, d1: number): number[] {
  const step = STEPS.find((s) => (d1 - d0) / s <= 9) ?? Math.ceil((d1 - d0) / 9 / 86400) * 86400;
  const out: number[] = [];
  for (let t = Math.ceil(d0 / step) * step; t <= d1; t += step) out.push(t);
  return out;
}

/** The part of a fault window inside [d0, d1], or null when it falls outside. */
export function faultSpan(f: FaultWindow, horizon: number, d0: number, d1: number): [number, number] | null {
  const end = f.duration === null ? Math.max(horizon, d1) : f.at + f.duration;
  const a = Math.max(f.at, d0);
  const b = Math.min(end, d1);
  return a > b || f.at > d1 ? null : [a, b];
}

export function faultText(f: FaultWindow): string {
  const what = f.target ?? (f.between ? `${f.between[0]} - ${f.between[1]}` : "");
  const how = f.duration === null ? "until the end" : `for ${span(f.duration)}`;
  return `${f.kind}${what ? ` ${what}` : ""} at ${clock(f.at)} ${how}`;
}

export function timeChart(spec: TimeChartSpec): string {
  const { slots, series } = spec;
  const d0 = slots[0]?.start ?? 0;
  const d1 = slots.at(-1)?.end ?? spec.horizon;
  const items: LegendItem[] = series.map((s, i) => ({ name: s.name, cls: seriesClass(i), mark: "line" }));
  const windows = spec.faults
    .map((f, i) => ({ f, i, at: faultSpan(f, spec.horizon, d0, d1) }))
    .filter((w): w is { f: FaultWindow; i: number; at: [number, number] } => w.at !== null);
  if (windows.length > 0) items.push({ name: "fault window", cls: "fault-key", mark: "fault" });
  const f = frameOf(200, { top: topFor(legendRows(items, 600 - 74)), right: 16, bottom: 42, left: 58 });
  const x = scaleLinear().domain([d0, d1]).range([0, f.innerW]);
  let max = 0;
  for (const s of series) for (const v of s.values) if (v !== null && v > max) max = v;
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5)
    .range([f.innerH, 0]);
  const mid = slots.map((s) => (s.start + s.end) / 2);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(mid[i]!))
    .y((v) => y(v!))
    .digits(1);
  const suffix = spec.suffix ?? "";

  const shading = windows.map(({ f: w, i, at }) => {
    const x0 = x(at[0]);
    const width = Math.max(x(at[1]) - x0, 2);
    return el(
      "g",
      { class: "fault-window" },
      el("rect", { class: "fault", x: x0, y: 0, width, height: f.innerH }, el("title", {}, esc(`F${i + 1}: ${faultText(w)}`))),
      el("text", { class: "fault-label", x: x0 + 3, y: 12 }, `F${i + 1}`),
    );
  });
  const lines = series.map((s, i) =>
    el(
      "g",
      { class: `series ${seriesClass(i)}` },
      leaf("path", { class: "line", d: path(s.values) ?? "" }),
      ...s.values.map((v, k) =>
        v === null
          ? ""
          : el(
              "circle",
              { class: "dot", cx: x(mid[k]!), cy: y(v), r: 2.5 },
              el("title", {}, esc(`${s.name} ${clock(slots[k]!.start)}-${clock(slots[k]!.end)}: ${shown(v)}${suffix}`)),
            ),
      ),
    ),
  );
  return chartSvg(
    f,
    spec.label,
    ...shading,
    yAxis(f, linearTicks(y, 5), spec.yTitle),
    xAxis(f, timeTicks(d0, d1).map((t) => ({ at: x(t), text: clock(t) })), "simulated time since start (h:mm)"),
    ...lines,
    legend(f, items),
  );
}
