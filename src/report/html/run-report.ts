// report.html of `ccsim run`: the headline with confidence intervals and targets, the day interval by interval (see
// day-section.ts),
// conflicts and routing failures per node and site, occupancy per group, each media (with chat, email or IM), component
// load, media ports, a Skype site, private calls, voicemail, the callers' retrials, callbacks and transfers, the day's
// cost, the fault windows, and how to reproduce it.

import type { MetricName } from "../../metrics/tally.js";
import type { Summary } from "../summary.js";
import { unitOf } from "../units.js";
import { barChart, type BarSeries } from "./bar-chart.js";
import { assumptionsSection } from "./assumptions-section.js";
import { componentsSection } from "./components-section.js";
import { mediaPortsSection } from "./media-ports-section.js";
import { dayCostSection } from "./day-cost-section.js";
import { callersSection, privateCallsSection, skypeSection, voicemailSection } from "./deployment-sections.js";
import { mediaSection } from "./media-section.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { axisTitle, clockAt, estimateOf, labelOf, shown, shownUnit, shownValue, span } from "./format.js";
import { el, esc } from "./markup.js";
import { page, type Section } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { faultText } from "./time-chart.js";
import { daySection, type DayInput } from "./day-section.js";
import type { MetricSummaries } from "../../observe/results.js";

/** what summary.json and intervals.csv hold, the service level threshold and what the day takes from the scenario
 *  (day-section.ts), and: */
export interface RunReportInput extends DayInput {
  /** each media's service level thresholds in seconds (scenarios with chat, email or IM) */
  readonly mediaThresholds?: Readonly<Record<string, readonly number[]>>;
  readonly provenance: Provenance;
}

const HEADLINE: readonly MetricName[] = [
  "offered", "answered", "abandoned", "defaultRouted", "defaultTreated", "defaultExternal", "defaultAnswered", "defaultAbandoned",
  "dropped", "cutOff", "unfinished", "serviceLevel", "asa", "meanWait", "probWait",
  "abandonRate", "occupancy", "throughputPerHour", "reservationRequests", "reservationGrants", "reservationConflicts",
  "conflictRate", "conflictsPerCall", "routingAttempts", "routingFailures", "oosFailures", "lostRequests", "noAnswers",
  "routingDelay", "ursAttemptsPerCall", "cost",
];
// a priced scenario's day cost stands beside its service
const CARDS: readonly MetricName[] = ["serviceLevel", "asa", "abandonRate", "occupancy", "conflictRate", "conflictsPerCall", "cost"];

const suffixOf = (name: MetricName) => (unitOf(name) === "%" ? "%" : unitOf(name) === "s" ? " s" : "");

function headline(s: Summary): string {
  const cards = CARDS.filter((n) => s.metrics[n]).map((n) => {
    const e = estimateOf(n, s.metrics[n])!;
    return el(
      "div",
      { class: "card", "data-metric": n },
      el("div", { class: "name" }, esc(labelOf(n))),
      el("div", { class: "value" }, `${shown(e.mean)}${esc(suffixOf(n))}`),
      el("div", { class: "ci" }, e.lo !== null ? `95% CI ${shown(e.lo)} to ${shown(e.hi!)}` : "one replication: no interval"),
    );
  });
  const table: DataTable = {
    columns: ["metric", "summary.json name", "unit", "mean", "95% CI low", "95% CI high"],
    rows: HEADLINE.filter((n) => s.metrics[n]).map((n) => {
      const e = estimateOf(n, s.metrics[n])!;
      return [labelOf(n), n, shownUnit(n), e.mean, e.lo, e.hi];
    }),
  };
  let targets = "";
  if (s.targets.length > 0) {
    const rows = s.targets.map((t) => {
      const n = t.metric as MetricName;
      return el(
        "tr",
        { "data-metric": n },
        el("td", {}, esc(labelOf(n))),
        el("td", {}, esc(t.target)),
        el("td", {}, `${shown(shownValue(n, t.judgedOn))}${esc(suffixOf(n))}`),
        el("td", { class: t.met ? "met" : "missed" }, t.met ? "met" : "missed"),
      );
    });
    targets =
      el("h3", {}, "Targets") +
      el(
        "table",
        { class: "targets" },
        el("thead", {}, el("tr", {}, ...["metric", "target", "judged on", "verdict"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows),
      ) +
      el("p", { class: "note" }, "Each target is judged on the 95% bound that makes the claim safe: the lower bound for a minimum, the upper for a maximum.");
  }
  return (
    el("div", { class: "cards" }, ...cards) +
    targets +
    el("h3", {}, "All metrics ", csvLink(table, "headline.csv")) +
    el("p", { class: "note" }, "Counts are per run (the measured window of one replication), means over replications.") +
    el("div", { class: "wide" }, tableHtml(table, "headline"))
  );
}

function sliceBars(
  id: string,
  title: string,
  slices: Record<string, MetricSummaries>,
  names: readonly MetricName[],
  /** what a category is: the x axis title and the table's first column */
  category: string,
  yTitle: string,
  firstClass?: number,
): string {
  const categories = Object.keys(slices);
  const series: BarSeries[] = names.map((n) => ({ name: labelOf(n), values: categories.map((c) => estimateOf(n, slices[c]![n])) }));
  const columns = [category, ...names.flatMap((n) => [labelOf(n), `${labelOf(n)} low`, `${labelOf(n)} high`])];
  const rows = categories.map((c, k): Cell[] => [c, ...series.flatMap((x) => { const v = x.values[k]; return v ? [v.mean, v.lo, v.hi] : [null, null, null]; })]);
  return figure({
    id,
    title,
    kind: "bars",
    chart: barChart({ label: title, categories, xTitle: category, yTitle, series, firstClass, suffix: suffixOf(names[0]!) }),
    table: { columns, rows },
  });
}

function faultsSection(s: Summary, origin: number | undefined): Section | null {
  if (!s.faults || s.faults.length === 0) return null;
  const costs = s.faults.some((f) => f.cost !== undefined);
  // only a connector-down counts calls held until its connector's restart: the column is there only with one
  const held = costs && s.faults.some((f) => f.cost?.held !== undefined);
  const mean = (m: { mean: number } | undefined) => (m === undefined ? "" : shown(m.mean));
  const table: DataTable = {
    columns: [
      "fault", "kind", "target", "from", "until", "description",
      ...(costs ? ["dropped", "cut off", "default-routed", "lost requests", "routing failures"] : []),
      ...(held ? ["held"] : []),
      ...(costs ? ["recovery (s)"] : []),
    ],
    rows: s.faults.map((f, i) => [
      `F${i + 1}`,
      f.kind,
      f.connector !== undefined ? `${f.target} connector ${f.connector}` : f.frontEnd !== undefined ? `${f.target} Front End ${f.frontEnd}` : f.target ?? (f.between ? f.between.join(" - ") : ""),
      clockAt(f.at, origin, true),
      f.duration === null ? "end" : clockAt(f.at + f.duration, origin),
      faultText(f),
      ...(costs
        ? [
            mean(f.cost?.dropped),
            mean(f.cost?.cutOff),
            mean(f.cost?.defaultRouted),
            mean(f.cost?.lostRequests),
            mean(f.cost?.routingFailures),
            ...(held ? [mean(f.cost?.held)] : []),
            f.recovery === null || f.recovery === undefined ? "not recovered" : shown(f.recovery),
          ]
        : []),
    ]),
  };
  return {
    id: "faults",
    title: "Faults",
    body: el("p", { class: "note" }, 
      "Shaded on every time chart above, labelled F1, F2, ... Costs are means over replications; recovery is the time " +
        "from the fault's start until its site's service level per interval is back within 5 points of its level before. ", csvLink(table, "faults.csv")) + el("div", { class: "wide" }, tableHtml(table, "faults")),
  };
}

export function runReport(input: RunReportInput): string {
  const s = input.summary;
  const bars = [
    sliceBars("node-bars", "Conflicts and routing failures per node", s.byNode, ["reservationConflicts", "routingFailures"], "SIP Cluster node", "per run (mean of replications)"),
    sliceBars("site-bars", "Conflicts and routing failures per site", s.bySite, ["reservationConflicts", "routingFailures"], "site", "per run (mean of replications)"),
  ];
  const sections: Section[] = [
    { id: "headline", title: "Headline", body: headline(s) },
    { id: "day", title: "Through the day", body: daySection(input) },
    {
      id: "slices",
      title: "Nodes and sites",
      body: el("p", { class: "note" }, "A call counts at the node that received it (and that node's site); whiskers: 95% confidence intervals.") + el("div", { class: "grid" }, ...bars),
    },
    {
      id: "groups",
      title: "Agent groups",
      body: el(
        "div",
        { class: "grid" },
        sliceBars("group-occupancy", "Occupancy per agent group", s.byGroup, ["occupancy"], "agent group", axisTitle("occupancy"), 3),
      ),
    },
  ];
  if (s.byMedia) sections.push(mediaSection(s.byMedia, input.mediaThresholds ?? {}));
  if (s.components) sections.push(componentsSection(s.components));
  if (s.mediaPorts) sections.push(mediaPortsSection(s.mediaPorts));
  if (s.skype) sections.push(skypeSection(s.skype));
  if (s.privateCalls) sections.push(privateCallsSection(s.privateCalls));
  if (s.voicemail) sections.push(voicemailSection(s.voicemail));
  if (s.callers) sections.push(callersSection(s.callers));
  if (s.cost) sections.push(dayCostSection(s.cost));
  const faults = faultsSection(s, input.origin);
  if (faults) sections.push(faults);
  sections.push(assumptionsSection(s.assumptions), ...provenanceSections(input.provenance));
  return page({
    kind: "run",
    title: `ccsim run: ${s.scenario}`,
    facts: [
      `seed ${s.seed}`,
      `${s.replications} replication${s.replications === 1 ? "" : "s"}`,
      `horizon ${span(s.horizon)}`,
      `warm-up ${span(s.warmup)}`,
      `ccsim ${s.ccsim}`,
    ],
    sections,
  });
}
