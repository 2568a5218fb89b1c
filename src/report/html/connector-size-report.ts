// report.html of `ccsim size --for connectors`: the guide's pool formulas with the figures they were given, the
// recommendation and whether one T-Server suffices, the simulated tries (the pool as given, and the guideline's pool
// on the connectors left when the planned ones are stopped) with their conference waits and time to a conference as
// charts; in the style of the other size reports.

import type { ConnectorSizing } from "../../experiment/connector-sizing.js";
import type { MetricSummary } from "../../observe/results.js";
import { answer, formulas, tServer } from "../connector-sizing-report.js";
import type { SizingContext } from "../sizing-report.js";
import { barChart } from "./bar-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { shown } from "./format.js";
import { el, esc, textList } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { runFacts } from "./size-report.js";

export interface ConnectorSizeReportInput {
  readonly result: ConnectorSizing;
  readonly context: SizingContext;
  readonly version: string;
  readonly provenance: Provenance;
}

const estimate = (m: MetricSummary, scale = 1) => ({ mean: m.mean * scale, lo: m.ci95 ? m.ci95[0] * scale : null, hi: m.ci95 ? m.ci95[1] * scale : null });

function triesTable(z: ConnectorSizing): DataTable {
  return {
    columns: [
      "try", "connectors live", "conferencePoolSize", "taes", "conferenceWaits", "meanAllocationTime (s)", "callsPerSecond",
      "peakCallsPerSecond", "peakSimultaneousCalls", "abandonRate %",
    ],
    rows: z.tries.map((t): Cell[] => {
      const m = t.result.skype!.metrics;
      return [
        t.label, t.live, t.poolSize, t.taes, m.conferenceWaits.mean, m.meanAllocationTime.mean, m.callsPerSecond.mean,
        m.peakCallsPerSecond.mean, m.peakSimultaneousCalls.mean, Number(((t.result.metrics.abandonRate?.mean ?? 0) * 100).toPrecision(5)),
      ];
    }),
  };
}

const TRY_FIGURES = {
  conferenceWaits: { title: "Calls that waited for a conference", axis: "calls (per run)", note: "A call waits when its connector's pool has no conference ready: the guideline's pool is meant to leave none waiting." },
  meanAllocationTime: { title: "Time from arrival to a conference", axis: "mean time (s)", note: "The T-Server's scheduling queue included: what remains with no conference wait is the scheduling's, which no pool size removes." },
} as const;

/** One Skype number per try, with its 95% interval. */
function tryFigure(z: ConnectorSizing, key: keyof typeof TRY_FIGURES): string {
  const f = TRY_FIGURES[key];
  const values = z.tries.map((t) => estimate(t.result.skype!.metrics[key]));
  const table: DataTable = {
    columns: ["try", `${key} mean`, "95% CI low", "95% CI high"],
    rows: z.tries.map((t, i): Cell[] => [t.label, values[i]!.mean, values[i]!.lo, values[i]!.hi]),
  };
  const chart = barChart({
    label: `${f.title}, for each try`,
    categories: z.tries.map((t) => t.label),
    xTitle: "try",
    yTitle: f.axis,
    series: [{ name: "mean, 95% CI", values }],
  });
  return figure({ id: key, title: f.title, kind: "bars", note: f.note, chart, table });
}

export function connectorSizeReport(input: ConnectorSizeReportInput): string {
  const { result: z, context: ctx } = input;
  const tries = triesTable(z);
  const limits = `${shown(z.peakCallsPerSecond)} calls/s offered in the busiest interval, ${shown(z.sustainedCallsPerSecond)} the conference scheduling sustains`;
  return page({
    kind: "size",
    title: `ccsim size: Skype for Business connectors of ${z.site} in ${ctx.scenario}`,
    facts: [`conference-pool-size ${z.poolSize}`, `one T-Server ${z.oneTServer ? "suffices" : "does not suffice"}`, ...runFacts(ctx, input.version, false)],
    sections: [
      {
        id: "answer",
        title: "Answer",
        body:
          el("p", {}, esc(`Sized: the UCMA connectors of site ${z.site} and their conference pools, by the guide's formulas, then simulated.`)) +
          el("p", { class: "answer met" }, esc(`${answer(z).replace(/^recommended/, "Recommended")}.`)) +
          el("p", { class: z.oneTServer ? "answer met" : "answer missed" }, esc(`${tServer(z).replace(/^one/, "One")}.`)),
      },
      { id: "formulas", title: "The guide's formulas", body: textList(formulas(z)) },
      {
        id: "tries",
        title: "Tries",
        body:
          el("p", { class: "note" }, esc(`Means over the replications of each try (${limits}). `), csvLink(tries, "tries.csv")) +
          el("div", { class: "wide" }, tableHtml(tries, "tries")) +
          tryFigure(z, "conferenceWaits") +
          tryFigure(z, "meanAllocationTime"),
      },
      ...provenanceSections(input.provenance),
    ],
  });
}
