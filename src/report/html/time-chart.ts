// A time chart: one value per interval for each series (a line through the interval midpoints, a dot per interval,
// its 95% interval over replications as a band), a target line, and the scenario's fault windows shaded across it.

import { area, line, scaleLinear } from "d3";
import type { FaultWindow } from "../summary.js";
import {
  CHART_WIDTH, chartSvg, frameOf, leftFor, legend, legendRows, linearTicks, referenceLine, rightFor, seriesClass, textWidth, topFor, xAxis, yAxis,
  type LegendItem, type Reference,
} from "./chart-frame.js";
import { clock, clockAt, shown, span, timeAxisTitle } from "./format.js";
import { el, esc, leaf, px } from "./markup.js";

export interface Slot {
  readonly start: number;
  readonly end: number;
}

export interface TimeSeries {
  readonly name: string;
  /** one per slot; null where the series has no value */
  readonly values: readonly (number | null)[];
  /** the 95% interval of each slot over replications, drawn as a band (null where there is none) */
  readonly bands?: readonly (Band | null)[];
  /** slots whose value rests on too few observations to read: drawn hollow and grey, with no band, off the line */
  readonly few?: readonly boolean[];
  /** the series class index (default: its place in the chart) */
  readonly cls?: number;
  /** a reference series (such as Erlang C's head count): a line with no dots */
  readonly plain?: boolean;
}

export interface Band {
  readonly lo: number;
  readonly hi: number;
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
  /** a target to read the series against: a dashed line, named in the legend */
  readonly reference?: Reference;
  /** the scenario's `start:` in seconds since 1970 (UTC): the axis then shows clock time and the date */
  readonly origin?: number;
}

/** Tick steps for simulated time, in seconds: whole minutes and hours, never a tick at 1:07. */
const STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Ticks on whole steps of the clock the axis shows (`origin` seconds after 1970 at time 0, or 0), at most `most`. */
function timeTicks(d0: number, d1: number, origin: number, most: number): number[] {
  const step = STEPS.find((s) => (d1 - d0) / s <= most) ?? Math.ceil((d1 - d0) / most / 86400) * 86400;
  const out: number[] = [];
  for (let t = Math.ceil((d0 + origin) / step) * step - origin; t <= d1; t += step) out.push(t);
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
  const { slots, series, origin } = spec;
  const d0 = slots[0]?.start ?? 0;
  const d1 = slots.at(-1)?.end ?? spec.horizon;
  const clsOf = (s: TimeSeries, i: number) => seriesClass(s.cls ?? i);
  const items: LegendItem[] = series.map((s, i) => ({ name: s.name, cls: clsOf(s, i), mark: "line" }));
  if (spec.reference) items.push({ name: spec.reference.label, cls: "reference-key", mark: "reference" });
  const windows = spec.faults
    .map((f, i) => ({ f, i, at: faultSpan(f, spec.horizon, d0, d1) }))
    .filter((w): w is { f: FaultWindow; i: number; at: [number, number] } => w.at !== null);
  if (windows.length > 0) items.push({ name: "fault window", cls: "fault-key", mark: "fault" });
  let max = spec.reference?.value ?? 0;
  for (const s of series) {
    for (const v of s.values) if (v !== null && v > max) max = v;
    for (const b of s.bands ?? []) if (b !== null && b.hi > max) max = b.hi;
  }
  // counts, times and shares start at 0; the scale's ticks do not depend on its pixel range, so the margin can be
  // made to fit their labels first
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5);
  const yTicks = y.ticks(5).map((v) => y.tickFormat(5)(v));
  const when = (t: number) => clockAt(t, origin);
  const f = frameOf(200, { top: topFor(legendRows(items, CHART_WIDTH - 74)), right: rightFor([when(d1)]), bottom: 42, left: leftFor(yTicks) });
  y.range([f.innerH, 0]);
  const x = scaleLinear().domain([d0, d1]).range([0, f.innerW]);
  const mid = slots.map((s) => (s.start + s.end) / 2);
  const suffix = spec.suffix ?? "";
  const path = (s: TimeSeries) =>
    line<number | null>()
      .defined((v, k) => v !== null && !s.few?.[k])
      .x((_, k) => x(mid[k]!))
      .y((v) => y(v!))
      .digits(1)(s.values) ?? "";
  const band = (s: TimeSeries) =>
    area<Band | null>()
      .defined((b, k) => b !== null && !s.few?.[k])
      .x((_, k) => x(mid[k]!))
      .y0((b) => y(b!.lo))
      .y1((b) => y(b!.hi))
      .digits(1)(s.bands ?? []) ?? "";

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
      { class: `series ${clsOf(s, i)}` },
      s.bands ? leaf("path", { class: "band", d: band(s) }) : "",
      leaf("path", { class: "line", d: path(s) }),
      ...(s.plain
        ? []
        : s.values.map((v, k) => {
            if (v === null) return "";
            const b = s.bands?.[k];
            const ci = b ? ` [${shown(b.lo)}, ${shown(b.hi)}]` : "";
            const few = s.few?.[k] ? " (too few observations to read)" : "";
            // written out as el() writes it: one a series and interval, so (series x intervals) of them in a long day
            const title = esc(`${s.name} ${when(slots[k]!.start)}-${when(slots[k]!.end)}: ${shown(v)}${suffix}${ci}${few}`);
            return `<circle class="${s.few?.[k] ? "dot few" : "dot"}" cx="${px(x(mid[k]!))}" cy="${px(y(v))}" r="2.5"><title>${title}</title></circle>`;
          })),
    ),
  );
  const ref = spec.reference ? referenceLine(f, y(spec.reference.value)) : "";
  const xTicks = timeTicks(d0, d1, origin ?? 0, Math.max(2, Math.floor(f.innerW / (textWidth(when(d1)) + 14)))).map((t) => ({ at: x(t), text: when(t) }));
  return chartSvg(
    f,
    spec.label,
    false,
    ...shading,
    yAxis(f, linearTicks(y, 5), spec.yTitle),
    xAxis(f, xTicks, timeAxisTitle(d0, d1, origin)),
    ref,
    ...lines,
    legend(f, items),
  );
}
