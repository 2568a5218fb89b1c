// report.html of per-period agent sizing (`ccsim size --for agents` on traffic with an arrival profile): the staffing
// table to paste back, the count per interval against its Erlang start as a chart, the targets at each period's
// answer, every try of every period, the assumptions.

import { calibrationNote } from "../calibration-note.js";
import type { PeriodSizing } from "../../experiment/period-sizing.js";
import type { SizingResult } from "../../experiment/sizing.js";
import type { MetricName } from "../../metrics/tally.js";
import { formatDuration } from "../../scenario/duration.js";
import { periodSizingMethod } from "../period-sizing-report.js";
import { shownTry, type SizingContext } from "../sizing-report.js";
import { verdictsOf } from "../verdicts.js";
import { barChart } from "./bar-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { clockAt, shownValue, timeAxisTitle } from "./format.js";
import { el, esc, textList } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { runFacts } from "./size-report.js";
import { tryVerdictCells, tryVerdictColumns, verdictWord } from "./targets.js";

export interface PeriodSizeReportInput {
  readonly result: PeriodSizing;
  readonly context: SizingContext;
  readonly version: string;
  readonly provenance: Provenance;
  /** the scenario's `start:` in seconds since 1970 UTC: periods are then named by their clock time */
  readonly origin?: number;
}

/** A period by its times: h:mm since the start, or with `start:` its clock time, the start with its date (not on a
 *  chart's axis, whose title says the date); and the axis title. */
interface When {
  (i: number, date?: boolean): string;
  readonly axis: string;
}
function whenOf(s: PeriodSizing, origin: number | undefined): When {
  const f = (i: number, date = origin !== undefined) => `${clockAt(i * s.period, origin, date)}-${clockAt((i + 1) * s.period, origin)}`;
  return Object.assign(f, { axis: timeAxisTitle(0, s.periods.length * s.period, origin) });
}

/** The targets of the first period that has traffic: every period judges the same ones. */
function targetNames(s: PeriodSizing): string[] {
  const first = s.periods.find((p) => p !== null);
  return first ? verdictsOf(first.tries[0]!.result).map((v) => v.metric) : [];
}

/** One row per period: its load, the Erlang start, the answer, and each target as judged at the answer. */
function staffingTable(s: PeriodSizing, when: When): DataTable {
  const metrics = targetNames(s);
  return {
    columns: ["period", "offered (Erlangs)", "Erlang start", "recommended agents", "tries", ...metrics.flatMap((m) => [`${m} judged on`, `${m} verdict`])],
    rows: s.periods.map((p, i): Cell[] => {
      const base: Cell[] = [when(i), p === null ? 0 : Number(p.start.offeredLoad.toFixed(3)), p === null ? 0 : p.start.count, s.staffing[i] ?? null, p?.tries.length ?? 0];
      if (p === null) return [...base, ...metrics.flatMap(() => [null, "no traffic"])];
      return [
        ...base,
        ...verdictsOf(shownTry(p).result).flatMap((v) => [shownValue(v.metric as MetricName, v.judgedOn), verdictWord(v.met)]),
      ];
    }),
  };
}

function staffingFigure(s: PeriodSizing, when: When): string {
  const table: DataTable = {
    columns: ["period", "recommended agents", "Erlang start"],
    rows: s.periods.map((p, i): Cell[] => [when(i), s.staffing[i] ?? null, p === null ? 0 : p.start.count]),
  };
  const chart = barChart({
    label: `Agents of ${s.group} per period: the count recommended by simulation and the Erlang start`,
    categories: s.periods.map((_, i) => when(i, false)),
    xTitle: `period of ${formatDuration(s.period)}, ${when.axis}`,
    yTitle: `agents in ${s.group} (count)`,
    series: [
      { name: "recommended (simulated)", values: s.staffing.map((c) => (c === null ? null : { mean: c, lo: null, hi: null })) },
      { name: "Erlang start", values: s.periods.map((p) => ({ mean: p === null ? 0 : p.start.count, lo: null, hi: null })) },
    ],
  });
  return figure({
    id: "staffing",
    title: `Agents of ${s.group} per period`,
    kind: "bars",
    note: "The smallest count that met every target in each period, next to the Erlang figure the search started from there.",
    chart,
    table,
  });
}

function triesTable(s: PeriodSizing, when: When): DataTable {
  const metrics = targetNames(s);
  const rows: Cell[][] = [];
  s.periods.forEach((p: SizingResult | null, i) =>
    p?.tries.forEach((t) =>
      rows.push([
        rows.length + 1, when(i), t.count, verdictWord(t.met),
        ...tryVerdictCells(verdictsOf(t.result)),
      ]),
    ),
  );
  return { columns: ["try", "period", "agents", "verdict", ...tryVerdictColumns(metrics)], rows };
}

export function periodSizeReport(input: PeriodSizeReportInput): string {
  const { result: s, context: ctx } = input;
  const found = s.staffing.every((c) => c !== null);
  const line = `staffing: { period: ${formatDuration(s.period)}, counts: [${s.staffing.map((c) => c ?? "?").join(", ")}] }`;
  const when = whenOf(s, input.origin);
  const staffing = staffingTable(s, when);
  const tries = triesTable(s, when);
  const sized = s.periods.find((p) => p !== null);
  const note = sized ? calibrationNote(sized.tries[0]!.result.scenario) : "";
  const answer = found
    ? el("p", { class: "answer met" }, esc(`Recommended staffing for ${s.group}: [${s.staffing.join(", ")}]`), esc(`, the smallest count meeting every target in each period${note}.`))
    : el("p", { class: "answer missed" }, esc(`Not found for every period: [${s.staffing.map((c) => c ?? "none").join(", ")}] (none: no count up to the maximum met every target)${note}.`));
  return page({
    kind: "size",
    title: `ccsim size: agents of ${s.group} per period in ${ctx.scenario}`,
    facts: [
      `staffing [${s.staffing.map((c) => c ?? "?").join(", ")}]`,
      `${s.periods.length} periods of ${formatDuration(s.period)}`,
      `${tries.rows.length} tries`,
      ...runFacts(ctx, input.version),
    ],
    sections: [
      {
        id: "answer",
        title: "Answer",
        body:
          el("p", {}, esc(`Sized: the head count of agent group ${s.group} in each period of ${formatDuration(s.period)} of its traffic's arrival profile.`)) +
          answer +
          el("p", {}, "As a staffing table for the scenario:") +
          el("pre", {}, esc(line)),
      },
      {
        id: "periods",
        title: "Staffing per period",
        body:
          el("p", { class: "note" }, "Each period's load, its Erlang start, the answer, and each target as judged at the answer. ", csvLink(staffing, "periods.csv")) +
          el("div", { class: "wide" }, tableHtml(staffing, "periods")) +
          staffingFigure(s, when),
      },
      {
        id: "tries",
        title: "Tries",
        body:
          el("p", { class: "note" }, "Period by period, in the order they were run; each target's mean and the bound it was judged on. ", csvLink(tries, "tries.csv")) +
          el("div", { class: "wide" }, tableHtml(tries, "tries")),
      },
      { id: "method", title: "Assumptions", body: textList(periodSizingMethod(ctx).assumptions) },
      ...provenanceSections(input.provenance),
    ],
  });
}
