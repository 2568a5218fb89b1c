// What every chart of the report shares: its frame and margins, axes from d3 scales, the legend, the series classes.
//
// Charts are SVG written on the server with d3's scales and shapes, so the page needs no script, prints as it shows,
// and has the same bytes for the same data. Axes are drawn here from the scale's own ticks (d3-axis needs a DOM).
// Colours are not written into the SVG: each series carries a class (s0..s7) that the page's CSS maps to the
// Okabe-Ito palette, for light, dark and print alike.

import type { ScaleLinear } from "d3";
import { el, esc, leaf } from "./markup.js";

export const CHART_WIDTH = 600;

/** A mean and its 95% confidence interval (null bounds: one replication, no interval). */
export interface Estimate {
  readonly mean: number;
  readonly lo: number | null;
  readonly hi: number | null;
}
const FONT = 12;

/** The width of a character in ems, by kind, at the widest of the fonts `system-ui` falls back to (DejaVu Sans on a
 *  plain Linux): margins laid out for it leave room on every other system. */
function charEm(c: string): number {
  if (/[.,:;'|!ijlI ()[\]]/u.test(c)) return 0.34;
  if (/[ftr-]/u.test(c)) return 0.42;
  if (/[mwMW%]/u.test(c)) return 0.98;
  if (/[A-Z]/u.test(c)) return 0.74;
  return 0.64;
}

/** The width of a label in the chart's font, to lay out legends and margins without a DOM. */
export function textWidth(s: string): number {
  let em = 0;
  for (const c of s) em += charEm(c);
  return em * FONT;
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly innerW: number;
  readonly innerH: number;
}

export function frameOf(innerH: number, m: { top: number; right: number; bottom: number; left: number }): Frame {
  const innerW = CHART_WIDTH - m.left - m.right;
  return { width: CHART_WIDTH, height: m.top + innerH + m.bottom, left: m.left, top: m.top, innerW, innerH };
}

export interface Tick {
  /** position along the axis, in pixels */
  readonly at: number;
  readonly text: string;
}

export function linearTicks(scale: ScaleLinear<number, number>, count: number, format?: (x: number) => string): Tick[] {
  const f = format ?? scale.tickFormat(count);
  return scale.ticks(count).map((v) => ({ at: scale(v), text: f(v) }));
}

/** Ticks along an x axis of `length` pixels: at most `count`, fewer when their labels would not fit side by side. */
export function fittingTicks(scale: ScaleLinear<number, number>, count: number, length: number): Tick[] {
  let ticks = linearTicks(scale, count);
  for (let c = count - 1; c >= 2; c--) {
    const spacing = ticks.length > 1 ? length / (ticks.length - 1) : length;
    if (Math.max(...ticks.map((t) => textWidth(t.text))) + 10 <= spacing) break;
    ticks = linearTicks(scale, c);
  }
  return ticks;
}

/** The widest of some tick labels. */
const widest = (texts: readonly string[]): number => Math.max(0, ...texts.map(textWidth));

// y tick labels end TICK_TEXT left of the axis; the y axis title's baseline sits TITLE_GAP left of the widest label,
// and the title's letters rise TITLE_RISE from it: so the margin is the widest label plus these
const TICK_TEXT = 8;
const TITLE_GAP = 16;
const TITLE_RISE = 12;

/** The left margin that holds the y tick labels and, clear of them, the axis title. */
export const leftFor = (texts: readonly string[]): number => Math.max(58, Math.ceil(widest(texts) + TICK_TEXT + TITLE_GAP + TITLE_RISE));

/** The right margin that holds half the last x tick label (centred on the plot's right end) and a little room. */
export const rightFor = (texts: readonly string[], min = 16): number => Math.max(min, Math.ceil(textWidth(texts.at(-1) ?? "") / 2 + 4));

/** The x axis along the bottom of the plot, its ticks and its title (which says the unit). */
export function xAxis(f: Frame, ticks: readonly Tick[], title: string, rotate = false): string {
  const marks = ticks.map((t) =>
    el(
      "g",
      { class: "tick", transform: `translate(${round(t.at)},0)` },
      leaf("line", { y2: 5 }),
      rotate
        ? el("text", { transform: "rotate(-30)", x: -4, y: 9, "text-anchor": "end" }, esc(t.text))
        : el("text", { y: 20, "text-anchor": "middle" }, esc(t.text)),
    ),
  );
  return el(
    "g",
    { class: "axis x", transform: `translate(0,${round(f.innerH)})` },
    leaf("line", { x2: f.innerW }),
    ...marks,
    el("text", { class: "axis-title", x: f.innerW / 2, y: f.height - f.top - f.innerH - 6, "text-anchor": "middle" }, esc(title)),
  );
}

/** The y axis on the left, with grid lines across the plot, and its title turned along the axis. */
export function yAxis(f: Frame, ticks: readonly Tick[], title: string, grid = true): string {
  const marks = ticks.map((t) =>
    el(
      "g",
      { class: "tick", transform: `translate(0,${round(t.at)})` },
      grid ? leaf("line", { class: "grid", x2: f.innerW }) : "",
      leaf("line", { x2: -5 }),
      el("text", { x: -8, dy: "0.32em", "text-anchor": "end" }, esc(t.text)),
    ),
  );
  return el(
    "g",
    { class: "axis y" },
    leaf("line", { y2: f.innerH }),
    ...marks,
    el("text", { class: "axis-title", transform: "rotate(-90)", x: -f.innerH / 2, y: -(widest(ticks.map((t) => t.text)) + TICK_TEXT + TITLE_GAP), "text-anchor": "middle" }, esc(title)),
  );
}

export type LegendMark = "line" | "bar" | "dot" | "fault" | "reference";

export interface LegendItem {
  readonly name: string;
  /** the series class (`s0`..`s7`), `fault-key`, or `reference-key` (a target line) */
  readonly cls: string;
  readonly mark: LegendMark;
}

const LEGEND_ROW = 16;

/** How many rows a legend takes at the top of a chart, so the chart can leave room for it. */
export function legendRows(items: readonly LegendItem[], width: number): number {
  return layOut(items, width).rows;
}

function layOut(items: readonly LegendItem[], width: number) {
  let x = 0;
  let row = 0;
  const at = items.map((it) => {
    const w = 26 + textWidth(it.name) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const p = { x, row };
    x += w;
    return p;
  });
  return { at, rows: items.length === 0 ? 0 : row + 1 };
}

/** The legend, in the top margin above the plot (coordinates of the plot's group). */
export function legend(f: Frame, items: readonly LegendItem[]): string {
  const { at, rows } = layOut(items, f.innerW);
  const top = -8 - rows * LEGEND_ROW;
  return el(
    "g",
    { class: "legend" },
    ...items.map((it, i) => {
      const p = at[i]!;
      const y = top + p.row * LEGEND_ROW + 8;
      const swatch =
        it.mark === "line" || it.mark === "reference"
          ? leaf("line", { class: it.mark === "line" ? "line" : undefined, x1: p.x, x2: p.x + 22, y1: y, y2: y })
          : it.mark === "dot"
            ? leaf("circle", { class: "dot", cx: p.x + 11, cy: y, r: 4 })
            : leaf("rect", { class: it.mark === "fault" ? "fault" : "bar", x: p.x + 4, y: y - 6, width: 14, height: 12 });
      return el("g", { class: it.cls }, swatch, el("text", { x: p.x + 26, y, dy: "0.32em" }, esc(it.name)));
    }),
  );
}

/** The margin a chart leaves above its plot for a legend of `rows` rows. */
export const topFor = (rows: number): number => 14 + rows * LEGEND_ROW;

/** The series class of the i-th series: colour and dash pattern come from the page's CSS. */
export const seriesClass = (i: number): string => `s${i % 8}`;

/** The whole SVG: a title for screen readers (the table below the chart is the full text alternative). `signed`: an
 *  axis of differences, which may go below 0 (any other axis shows a count, time or share, and stops at 0). */
export function chartSvg(f: Frame, label: string, signed: boolean, ...body: string[]): string {
  return el(
    "svg",
    { class: "plot", viewBox: `0 0 ${f.width} ${round(f.height)}`, role: "img", "aria-label": label, ...(signed ? { "data-signed": "" } : {}) },
    el("title", {}, esc(label)),
    el("g", { transform: `translate(${round(f.left)},${round(f.top)})` }, ...body),
  );
}

/** A value the reader compares the data against, such as a target: drawn as a dashed line, named in the legend (a
 *  label on the plot would sit on the series somewhere) or, in a dot chart, above the plot. */
export interface Reference {
  readonly value: number;
  readonly label: string;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** A horizontal reference line across the plot (its name is in the legend). */
export const referenceLine = (f: Frame, y: number): string =>
  el("g", { class: "reference" }, leaf("line", { x1: 0, x2: f.innerW, y1: round(y), y2: round(y) }));
