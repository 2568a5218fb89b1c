// A figure of the report: a titled chart with its text alternative, the table behind it, downloadable as CSV.
//
// The table cells and the CSV fields are the same strings, so what a reader downloads is exactly what the page shows.
// The CSV is a data: URL written into the page, so the download works offline and with scripts turned off.

import { csvLine } from "../csv-line.js";
import { el, esc } from "./markup.js";
import { shown } from "./format.js";

export type Cell = string | number | null;

export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const cellText = (c: Cell): string => (c === null ? "" : typeof c === "number" ? shown(c) : c);

/** Numbers and text alike: the stylesheet aligns every column but the first to the right. */
export function tableHtml(t: DataTable, className = "data"): string {
  const head = el("thead", {}, el("tr", {}, ...t.columns.map((c) => el("th", { scope: "col" }, esc(c)))));
  const body = el(
    "tbody",
    {},
    ...t.rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, esc(cellText(c)))))),
  );
  return el("table", { class: className }, head, body);
}

function csvOf(t: DataTable): string {
  return csvLine(t.columns) + t.rows.map((r) => csvLine(r.map(cellText))).join("");
}

/** Percent-encodes only what a data: URL inside an HTML attribute cannot hold as it is, so the CSV stays readable. */
export function csvDataUrl(t: DataTable): string {
  const body = csvOf(t).replace(/[^A-Za-z0-9,.\-_:;()/+*!~']/gu, (c) => encodeURIComponent(c));
  return `data:text/csv;charset=utf-8,${body}`;
}

export const csvLink = (t: DataTable, file: string): string =>
  el("a", { class: "csv", download: file, href: csvDataUrl(t) }, "CSV");

export interface FigureSpec {
  readonly id: string;
  readonly title: string;
  /** what to read from the chart, in a sentence */
  readonly note?: string;
  /** the chart's SVG */
  readonly chart: string;
  readonly table: DataTable;
  /** e.g. "time" (a time chart, where fault windows are shaded), "bars", "dots", "bands" */
  readonly kind: string;
}

export function figure(f: FigureSpec): string {
  return el(
    "figure",
    { class: "chart", id: f.id, "data-kind": f.kind },
    el("figcaption", {}, el("span", { class: "title" }, esc(f.title)), " ", csvLink(f.table, `${f.id}.csv`)),
    f.note ? el("p", { class: "note" }, esc(f.note)) : "",
    f.chart,
    // a table wider than the chart scrolls inside the figure instead of running out of it
    el("details", { class: "table" }, el("summary", {}, "Table"), el("div", { class: "wide" }, tableHtml(f.table))),
  );
}
