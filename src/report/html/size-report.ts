// report.html of `ccsim size`: what was sized, the recommended count, the targets and their margins at that count,
// every try with its verdict, the judged value against the count tried, how the search started, the assumptions.

import { calibrationNote } from "../calibration-note.js";
import type { SizingResult } from "../../experiment/sizing.js";
import type { MetricName } from "../../metrics/tally.js";
import { agentSizingMethod, shownTry, type SizingContext, type SizingMethod } from "../sizing-report.js";
import { verdictsOf } from "../verdicts.js";
import { bandChart } from "./band-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { axisTitle, labelOf, shown, shownUnit, shownValue } from "./format.js";
import { el, esc, textList } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { targetFigures, tryVerdictCells, tryVerdictColumns, verdictTableHtml, verdictWord } from "./targets.js";

export interface SizeReportInput {
  readonly result: SizingResult;
  readonly context: SizingContext;
  readonly version: string;
  readonly provenance: Provenance;
}

/** The facts every size report's header ends with: how each try was run (`batches`: in batches, up to the scenario's
 *  replications; `size --for connectors` runs every try whole). */
export function runFacts(ctx: SizingContext, version: string, batches = true): string[] {
  const most = `${ctx.replications} replication${ctx.replications === 1 ? "" : "s"} a try`;
  return [`seed ${ctx.seed}`, batches ? `at most ${most}` : most, `ccsim ${version}`];
}

/** A size report's header facts: its answer, its tries, how each ran. */
export function sizeFacts(answer: string, tries: number, ctx: SizingContext, version: string): string[] {
  return [answer, `${tries} tr${tries === 1 ? "y" : "ies"}`, ...runFacts(ctx, version)];
}

function triesTable(s: SizingResult): DataTable {
  const metrics = verdictsOf(s.tries[0]!.result).map((v) => v.metric);
  return {
    columns: ["try", "agents", "verdict", ...tryVerdictColumns(metrics)],
    rows: s.tries.map((t, i): Cell[] => [
      i + 1,
      t.count,
      verdictWord(t.met),
      ...tryVerdictCells(verdictsOf(t.result)),
    ]),
  };
}

/** The judged target against the count: the service level when it is a target, else the first target. */
function searchFigure(s: SizingResult): string {
  const specs = s.tries[0]!.result.scenario.targets;
  const k = Math.max(0, specs.findIndex((t) => t.metric === "serviceLevel"));
  const spec = specs[k]!;
  const n = spec.metric as MetricName;
  const v = (x: number) => shownValue(n, x);
  const byCount = [...s.tries].sort((a, b) => a.count - b.count).map((t) => ({ t, verdict: verdictsOf(t.result)[k]! }));
  const table: DataTable = {
    columns: ["agents", `${n} mean (${shownUnit(n)})`, "95% CI low", "95% CI high", "judged on", "target", "verdict"],
    rows: byCount.map(({ t, verdict: x }): Cell[] => [
      t.count, v(x.mean), x.ci95 ? v(x.ci95[0]) : null, x.ci95 ? v(x.ci95[1]) : null, v(x.judgedOn), spec.source, verdictWord(x.met),
    ]),
  };
  const chart = bandChart({
    label: `${labelOf(n)} against the agents in ${s.group}, with the target ${spec.source}`,
    xValues: byCount.map(({ t }) => String(t.count)),
    xTitle: `agents in ${s.group} (count)`,
    yTitle: axisTitle(n),
    series: [
      {
        name: "mean, 95% CI",
        points: byCount.map(({ verdict: x }) => ({ mean: v(x.mean), lo: x.ci95 ? v(x.ci95[0]) : null, hi: x.ci95 ? v(x.ci95[1]) : null })),
      },
      { name: "judged on (the safe bound)", points: byCount.map(({ verdict: x }) => ({ mean: v(x.judgedOn), lo: null, hi: null })) },
    ],
    reference: { value: v(spec.value), label: `target ${spec.op} ${shown(v(spec.value))}` },
    fromZero: false,
  });
  return figure({
    id: "search",
    title: `${labelOf(n)} against the count tried`,
    kind: "bands",
    note: "Each try's mean with its 95% confidence interval, and the bound it was judged on, against the target line.",
    chart,
    table,
  });
}

/** The "How it was found, and assumptions" section of every size report. */
export function methodHtml(m: SizingMethod): string {
  return (m.found.length > 0 ? el("h3", {}, "How it was found") + textList(m.found) : "") + el("h3", {}, "Assumptions") + textList(m.assumptions);
}

export function sizeReport(input: SizeReportInput): string {
  const { result: s, context: ctx } = input;
  const at = shownTry(s);
  const verdicts = verdictsOf(at.result);
  const note = calibrationNote(at.result.scenario);
  const answer =
    s.recommended !== null
      ? el(
          "p",
          { class: "answer met" },
          esc(`Recommended: ${s.recommended} agents in ${s.group}`),
          esc(`, the smallest count that met every target${s.recommended > 1 ? ` (${s.recommended - 1} was tried and missed)` : ""}${note}.`),
        )
      : el("p", { class: "answer missed" }, esc(`No count up to ${s.max} met every target${note}; the targets below are at ${at.count}, the largest tried.`));
  const tries = triesTable(s);
  return page({
    kind: "size",
    title: `ccsim size: agents of ${s.group} in ${ctx.scenario}`,
    facts: sizeFacts(s.recommended !== null ? `recommended ${s.recommended} agents` : `none up to ${s.max}`, s.tries.length, ctx, input.version),
    sections: [
      {
        id: "answer",
        title: "Answer",
        body: el("p", {}, esc(`Sized: the head count of agent group ${s.group}, from 1 to at most ${s.max}, all day.`)) + answer,
      },
      {
        id: "targets",
        title: `Targets at ${at.count} agents`,
        body: verdictTableHtml(verdicts, "targets.csv") + targetFigures(verdicts, at.result.scenario.targets),
      },
      {
        id: "tries",
        title: "Tries",
        body:
          el("p", { class: "note" }, "In the order they were run; each target's mean and the bound it was judged on. ", csvLink(tries, "tries.csv")) +
          el("div", { class: "wide" }, tableHtml(tries, "tries")) +
          searchFigure(s),
      },
      { id: "method", title: "How it was found, and assumptions", body: methodHtml(agentSizingMethod(s, ctx)) },
      ...provenanceSections(input.provenance),
    ],
  });
}
