// report.html of `ccsim size --for ports:SITE`: the recommended capacity of the site's Asterisk media ports, the
// targets at it, every try with the pool's blocking and utilization, the two against the capacity as a chart, how
// the search started (Erlang B) and the assumptions; in the style of the other size reports.

import type { PortSizingResult } from "../../experiment/port-sizing.js";
import type { MetricSummary } from "../../observe/results.js";
import { portSizingMethod } from "../port-sizing-report.js";
import { shownTry, type SizingContext } from "../sizing-report.js";
import { verdictsOf } from "../verdicts.js";
import { barChart } from "./bar-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { el, esc } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { methodHtml, sizeFacts } from "./size-report.js";
import { targetFigures, tryVerdictCells, tryVerdictColumns, verdictTableHtml, verdictWord } from "./targets.js";

export interface PortSizeReportInput {
  readonly result: PortSizingResult;
  readonly context: SizingContext;
  readonly version: string;
  readonly provenance: Provenance;
}

const pct = (x: number) => Number((x * 100).toPrecision(5));
const estimate = (m: MetricSummary) => ({ mean: pct(m.mean), lo: m.ci95 ? pct(m.ci95[0]) : null, hi: m.ci95 ? pct(m.ci95[1]) : null });

function triesTable(s: PortSizingResult): DataTable {
  const metrics = verdictsOf(s.tries[0]!.result).map((v) => v.metric);
  return {
    columns: ["try", "ports", "verdict", "blocking %", "utilization %", "busiest ports", ...tryVerdictColumns(metrics)],
    rows: s.tries.map((t, i): Cell[] => {
      const p = t.result.mediaPorts!.bySite[s.site]!;
      return [i + 1, t.count, verdictWord(t.met), pct(p.portBlocking.mean), pct(p.portUtilization.mean), p.portsPeak.mean, ...tryVerdictCells(verdictsOf(t.result))];
    }),
  };
}

const POOL_FIGURES = {
  portBlocking: { title: "Blocking per capacity", axis: "blocking (%)", what: "blocking (port requests refused)", note: "More ports refuse fewer prompts and recordings: the portBlocking target is judged on this." },
  portUtilization: { title: "Utilization per capacity", axis: "utilization (%)", what: "utilization (busy ports over capacity)", note: "The same load spread over more ports keeps each busy less of the time." },
} as const;

/** One of the pool's shares against the capacity tried, in order of capacity. */
function poolFigure(s: PortSizingResult, key: keyof typeof POOL_FIGURES): string {
  const f = POOL_FIGURES[key];
  const byCount = [...s.tries].sort((a, b) => a.count - b.count);
  const shares = byCount.map((t) => estimate(t.result.mediaPorts!.bySite[s.site]![key]));
  const table: DataTable = {
    columns: ["ports", "verdict", `${key} %`, "95% CI low", "95% CI high"],
    rows: byCount.map((t, i): Cell[] => [t.count, verdictWord(t.met), shares[i]!.mean, shares[i]!.lo, shares[i]!.hi]),
  };
  const chart = barChart({
    label: `${f.what} of the media ports of ${s.site} for each capacity tried`,
    categories: byCount.map((t) => String(t.count)),
    xTitle: `media ports in ${s.site}`,
    yTitle: f.axis,
    series: [{ name: "mean, 95% CI", values: shares }],
    suffix: "%",
  });
  return figure({ id: key, title: f.title, kind: "bars", note: f.note, chart, table });
}

export function portSizeReport(input: PortSizeReportInput): string {
  const { result: s, context: ctx } = input;
  const at = shownTry(s);
  const verdicts = verdictsOf(at.result);
  const answer =
    s.recommended !== null
      ? el(
          "p",
          { class: "answer met" },
          esc(`Recommended: ${s.recommended} media ports in ${s.site}`),
          esc(`, the smallest capacity that met every target${s.recommended > 1 ? ` (${s.recommended - 1} was tried and missed)` : ""}.`),
        )
      : el("p", { class: "answer missed" }, esc(`No capacity up to ${s.max} met every target; the targets below are at ${at.count}, the largest tried.`));
  const tries = triesTable(s);
  return page({
    kind: "size",
    title: `ccsim size: media ports of ${s.site} in ${ctx.scenario}`,
    facts: sizeFacts(s.recommended !== null ? `recommended ${s.recommended} ports` : `none up to ${s.max}`, s.tries.length, ctx, input.version),
    sections: [
      {
        id: "answer",
        title: "Answer",
        body: el("p", {}, esc(`Sized: the capacity of site ${s.site}'s Asterisk media ports, from 1 to at most ${s.max}.`)) + answer,
      },
      { id: "targets", title: `Targets at ${at.count} ports`, body: verdictTableHtml(verdicts, "targets.csv") + targetFigures(verdicts, at.result.scenario.targets) },
      {
        id: "tries",
        title: "Tries",
        body:
          el("p", { class: "note" }, "In the order they were run; the pool's blocking and utilization, each target's mean and the bound it was judged on. ", csvLink(tries, "tries.csv")) +
          el("div", { class: "wide" }, tableHtml(tries, "tries")) +
          poolFigure(s, "portBlocking") +
          poolFigure(s, "portUtilization"),
      },
      { id: "method", title: "How it was found, and assumptions", body: methodHtml(portSizingMethod(s, ctx)) },
      ...provenanceSections(input.provenance),
    ],
  });
}
