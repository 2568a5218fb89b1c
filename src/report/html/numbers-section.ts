// A report section of summarized numbers outside the metrics (a Skype site's, the callers', voicemail's, private
// calls'): each number's summary.json name, unit, mean and 95% interval, in the unit the terminal's table shows it in.

import type { MetricSummary } from "../../observe/results.js";
import type { MetricUnit } from "../units.js";
import { csvLink, tableHtml, type DataTable } from "./figure.js";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";

export interface NumbersPart {
  readonly heading: string;
  /** the part's CSV download and table id, e.g. "callers-retrials" */
  readonly id: string;
  readonly numbers: Readonly<Record<string, MetricSummary>>;
}

const UNITS: Readonly<Record<MetricUnit, string>> = { "%": "%", s: "s", count: "per run" };

function partTable(p: NumbersPart, unitOf: (name: string) => MetricUnit): DataTable {
  const shown = (name: string, x: number) => (unitOf(name) === "%" ? x * 100 : x);
  return {
    columns: ["summary.json name", "unit", "mean", "95% CI low", "95% CI high"],
    rows: Object.entries(p.numbers).map(([name, m]) => [
      name, UNITS[unitOf(name)], shown(name, m.mean), m.ci95 ? shown(name, m.ci95[0]) : null, m.ci95 ? shown(name, m.ci95[1]) : null,
    ]),
  };
}

/** `more`: HTML after the parts (a table of the guide's limits, say) */
export function numbersSection(id: string, title: string, note: string, parts: readonly NumbersPart[], unitOf: (name: string) => MetricUnit, more = ""): Section {
  const body = parts
    .map((p) => {
      const t = partTable(p, unitOf);
      return el("h3", {}, esc(p.heading), " ", csvLink(t, `${p.id}.csv`)) + tableHtml(t, p.id);
    })
    .join("");
  return { id, title, body: el("p", { class: "note" }, esc(note)) + body + more };
}
