// report.html of `ccsim size --for nodes|urs|throughput`: what was sized, the answer, the targets at it, every try
// with its busiest component, the busiest component's utilization per try as a chart, how the search started, the
// assumptions.

import { calibrationNote } from "../calibration-note.js";
import type { MachineSizing, MachineTry } from "../../experiment/machine-sizing.js";
import { machineSizingMethod, TITLES } from "../machine-sizing-report.js";
import type { SizingContext } from "../sizing-report.js";
import { verdictsOf } from "../verdicts.js";
import { barChart } from "./bar-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { shown } from "./format.js";
import { el, esc } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { methodHtml, sizeFacts } from "./size-report.js";
import { targetFigures, tryVerdictCells, tryVerdictColumns, verdictTableHtml } from "./targets.js";

export interface MachineSizeReportInput {
  readonly result: MachineSizing;
  readonly context: SizingContext;
  readonly version: string;
  readonly provenance: Provenance;
}

const pct = (x: number) => Number((x * 100).toPrecision(5));

/** met, missed (a target), or not sustained (a component did not keep up) */
function verdictOf(t: MachineTry): string {
  return t.met ? "met" : t.result.components!.sustained ? "missed" : "not sustained";
}

function busiestOf(t: MachineTry) {
  const c = t.result.components!;
  return { id: c.busiest, summary: c.instances[c.busiest]! };
}

/** What a try varied, short enough for an axis: "dc1: 2", "3 pairs", "x 1.712". */
function labelOf(s: MachineSizing, t: MachineTry): string {
  if (s.what === "nodes") return `${t.scope}: ${t.value}`;
  if (s.what === "urs") return `${t.value} pair${t.value === 1 ? "" : "s"}`;
  return `x ${shown(t.value)}`;
}

function triesTable(s: MachineSizing): DataTable {
  const metrics = verdictsOf(s.tries[0]!.result).map((v) => v.metric);
  return {
    columns: [
      "try", "scope", s.what === "throughput" ? "scale" : "count", "setting", "verdict", "busiest component", "its utilization %",
      "its busiest interval %", ...tryVerdictColumns(metrics),
    ],
    rows: s.tries.map((t, i): Cell[] => {
      const b = busiestOf(t);
      return [
        i + 1, t.scope, t.value, t.setting, verdictOf(t), b.id, pct(b.summary.utilization.mean), pct(b.summary.peakUtilization.mean),
        ...tryVerdictCells(verdictsOf(t.result)),
      ];
    }),
  };
}

/** The busiest component's utilization per try, ordered by what was varied (per site for nodes). */
function utilizationFigure(s: MachineSizing): string {
  const scopes = [...new Set(s.tries.map((t) => t.scope))];
  const ordered = [...s.tries].sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope) || a.value - b.value);
  const table: DataTable = {
    columns: ["tried", "verdict", "busiest component", "utilization %", "95% CI low", "95% CI high", "busiest interval %"],
    rows: ordered.map((t): Cell[] => {
      const u = busiestOf(t).summary;
      const ci = u.utilization.ci95;
      return [labelOf(s, t), verdictOf(t), busiestOf(t).id, pct(u.utilization.mean), ci ? pct(ci[0]) : null, ci ? pct(ci[1]) : null, pct(u.peakUtilization.mean)];
    }),
  };
  const varied = s.what === "nodes" ? "site: nodes" : s.what === "urs" ? "URS pairs" : "traffic scale";
  const chart = barChart({
    label: `Utilization of the busiest component for each ${varied} tried: its mean over the run and its busiest interval`,
    categories: ordered.map((t) => labelOf(s, t)),
    xTitle: `${varied} tried`,
    yTitle: "utilization of the busiest component (%)",
    series: [
      {
        name: "mean over the run, 95% CI",
        values: ordered.map((t) => {
          const u = busiestOf(t).summary.utilization;
          return { mean: pct(u.mean), lo: u.ci95 ? pct(u.ci95[0]) : null, hi: u.ci95 ? pct(u.ci95[1]) : null };
        }),
      },
      { name: "busiest interval", values: ordered.map((t) => ({ mean: pct(busiestOf(t).summary.peakUtilization.mean), lo: null, hi: null })) },
    ],
    suffix: "%",
  });
  return figure({
    id: "utilization",
    title: "Utilization of the busiest component per try",
    kind: "bars",
    note:
      "A busiest interval at 100% means that component was busy the whole interval: it did not keep up (not sustained). " +
      "The busiest component can differ from try to try; the table names it.",
    chart,
    table,
  });
}

function answerOf(s: MachineSizing): string {
  const answer = Object.entries(s.recommended).map(([k, v]) => `${k} ${v === null ? "none found" : v}`).join(", ");
  const found = Object.values(s.recommended).every((v) => v !== null);
  const note = calibrationNote(s.shown.result.scenario);
  if (!found) return el("p", { class: "answer missed" }, esc(`Not found: ${answer}${note}. The targets below are at the last try, ${s.shown.setting}.`));
  if (s.what === "throughput") {
    return el("p", { class: "answer met" }, esc(`Throughput capacity: ${answer}`), esc(`, the largest load tried at which every component kept up${note}.`));
  }
  const several = Object.keys(s.recommended).length > 1 && s.what === "nodes";
  return el(
    "p",
    { class: "answer met" },
    esc(`Recommended: ${answer}`),
    esc(`, the smallest count${several ? "s" : ""} that met every target with every component keeping up${note}.`),
  );
}

export function machineSizeReport(input: MachineSizeReportInput): string {
  const { result: s, context: ctx } = input;
  const verdicts = verdictsOf(s.shown.result);
  const tries = triesTable(s);
  const answerFact = Object.entries(s.recommended).map(([k, v]) => `${k} ${v ?? "none found"}`).join(", ");
  return page({
    kind: "size",
    title: `ccsim size: ${TITLES[s.what]} in ${ctx.scenario}`,
    facts: sizeFacts(answerFact, s.tries.length, ctx, input.version),
    sections: [
      { id: "answer", title: "Answer", body: el("p", {}, esc(`Sized: ${TITLES[s.what]}, varying ${s.varied}.`)) + answerOf(s) },
      ...(verdicts.length > 0
        ? [
            {
              id: "targets",
              title: `Targets at ${s.shown.setting}`,
              body:
                (s.what === "throughput" ? el("p", { class: "note" }, esc("Shown for information: throughput capacity does not count the targets.")) : "") +
                verdictTableHtml(verdicts, "targets.csv") + targetFigures(verdicts, s.shown.result.scenario.targets),
            },
          ]
        : []),
      {
        id: "tries",
        title: "Tries",
        body:
          el(
            "p",
            { class: "note" },
            "In the order they were run; the busiest component is the instance with the highest mean utilization. ",
            csvLink(tries, "tries.csv"),
          ) +
          el("div", { class: "wide" }, tableHtml(tries, "tries")) +
          utilizationFigure(s),
      },
      { id: "method", title: "How it was found, and assumptions", body: methodHtml(machineSizingMethod(s, ctx)) },
      ...provenanceSections(input.provenance),
    ],
  });
}
