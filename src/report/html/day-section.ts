// The run report's day, interval by interval (the rows of intervals.csv): load, service level against its target,
// waiting, abandonment, conflicts, occupancy, and agents on shift beside the agents Erlang C would want; each series
// with its 95% band over replications, on the scenario's clock when it sets `start:`.

import { agentsNeeded, type AgentsNeeded } from "../../experiment/agents-needed.js";
import type { MetricName } from "../../metrics/tally.js";
import type { IntervalMeans } from "../../observe/results.js";
import { parseTimestamp } from "../../scenario/timestamp.js";
import type { Scenario } from "../../scenario/types.js";
import type { Summary } from "../summary.js";
import { unitOf } from "../units.js";
import type { Reference } from "./chart-frame.js";
import { figure, type Cell, type DataTable } from "./figure.js";
import { clockAt, shown, shownValue, span } from "./format.js";
import { FEW_OBSERVATIONS, isFew } from "./few-observations.js";
import { el } from "./markup.js";
import { timeChart, type Band, type Slot, type TimeSeries } from "./time-chart.js";

/** What each interval metric is a share or a mean of: its observations. */
const BASE: Partial<Record<MetricName, MetricName>> = {
  serviceLevel: "offered",
  abandonRate: "offered",
  asa: "answered",
  conflictRate: "reservationRequests",
};

export interface DayInput {
  /** what summary.json holds */
  readonly summary: Summary;
  /** what intervals.csv holds */
  readonly intervals: readonly IntervalMeans[];
  /** the service level threshold T, in seconds */
  readonly serviceLevelThreshold: number;
  /** the scenario's serviceLevel target, if it has one: the service level chart's target line */
  readonly serviceLevelTarget?: { readonly op: string; readonly value: number };
  /** the scenario's `start:` in seconds since 1970 UTC: times are then shown on its clock, with the date */
  readonly origin?: number;
  /** Erlang C's head count per interval, or why there is none */
  readonly agentsNeeded?: AgentsNeeded;
}

/** What the day's charts take from the scenario: its serviceLevel target, its clock, and Erlang C per interval. */
export function dayInputsOf(scenario: Scenario, intervals: readonly IntervalMeans[]): Pick<DayInput, "serviceLevelTarget" | "origin" | "agentsNeeded"> {
  const target = scenario.targets.find((t) => t.metric === "serviceLevel");
  return {
    ...(target ? { serviceLevelTarget: { op: target.op, value: target.value } } : {}),
    ...(scenario.start === undefined ? {} : { origin: parseTimestamp(scenario.start) }),
    agentsNeeded: agentsNeeded(scenario, intervals.filter((r) => r.site === "*" && r.type === "*")),
  };
}

const suffixOf = (name: MetricName) => (unitOf(name) === "%" ? "%" : unitOf(name) === "s" ? " s" : "");

export function daySection(input: DayInput): string {
  const { summary: s, intervals, origin } = input;
  const whole = intervals.filter((r) => r.site === "*" && r.type === "*");
  const slots: Slot[] = whole.map((r) => ({ start: r.start, end: r.end }));
  const sites = [...new Set(intervals.filter((r) => r.site !== "*").map((r) => r.site))];
  const scopes = [{ name: "all", site: "*" }, ...(sites.length > 1 ? sites.map((x) => ({ name: x, site: x })) : [])];
  const bySiteAndStart = new Map(intervals.filter((r) => r.type === "*").map((r) => [`${r.site}@${r.start}`, r]));
  const rowOf = (site: string, sl: Slot) => bySiteAndStart.get(`${site}@${sl.start}`);
  const faults = s.faults ?? [];
  const banded = s.replications > 1;
  // the first interval can be cut short by the warm-up; the others have the scenario's length
  const width = Math.max(0, ...slots.map((sl) => sl.end - sl.start));
  let fewSeen = false;

  /** `what (unit)` is the y axis title; each table column is `series (unit)`, then each series' bounds */
  const chart = (id: string, title: string, what: string, unit: string, series: TimeSeries[], suffix: string, note: string, reference?: Reference) => {
    const yTitle = `${what} (${unit})`;
    const withBands = series.filter((x) => x.bands);
    const table: DataTable = {
      columns: ["start", "end", ...series.map((x) => `${x.name} (${unit})`), ...withBands.flatMap((x) => [`${x.name} low`, `${x.name} high`])],
      rows: slots.map((sl, k): Cell[] => [
        clockAt(sl.start, origin, true),
        clockAt(sl.end, origin),
        ...series.map((x) => x.values[k] ?? null),
        ...withBands.flatMap((x) => [x.bands![k]?.lo ?? null, x.bands![k]?.hi ?? null]),
      ]),
    };
    return figure({
      id,
      title,
      kind: "time",
      note,
      chart: timeChart({ label: title, yTitle, slots, series, faults, horizon: s.horizon, suffix, reference, origin }),
      table,
    });
  };
  const perScope = (name: MetricName): TimeSeries[] =>
    scopes.map((sc) => {
      const rows = slots.map((sl) => rowOf(sc.site, sl));
      const base = BASE[name];
      const few = rows.map((r) => base !== undefined && r !== undefined && isFew(r.metrics[base]));
      if (few.some(Boolean)) fewSeen = true;
      return {
        name: sc.name,
        values: rows.map((r) => (r?.metrics[name] === undefined ? null : shownValue(name, r.metrics[name]!))),
        ...(banded ? { bands: rows.map((r): Band | null => (r?.ci95?.[name] ? { lo: shownValue(name, r.ci95[name]![0]), hi: shownValue(name, r.ci95[name]![1]) } : null)) } : {}),
        few,
      };
    });
  const bandNote = banded ? "Bands: 95% confidence intervals over replications." : "One replication: no confidence bands.";
  const scoped = (name: MetricName, id: string, title: string, what: string, unit: string, note = "", reference?: Reference) =>
    chart(id, title, what, unit, perScope(name), suffixOf(name), `${note}${note ? " " : ""}${bandNote}`, reference);
  const perInterval = `per ${span(width)} interval`;

  const load: TimeSeries[] = (["offered", "answered", "abandoned"] as const).map((n) => ({
    name: n,
    values: whole.map((r) => r.metrics[n] ?? null),
    ...(banded ? { bands: whole.map((r): Band | null => (r.ci95?.[n] ? { lo: r.ci95[n]![0], hi: r.ci95[n]![1] } : null)) } : {}),
  }));
  const t = input.serviceLevelTarget;
  const slTarget = t ? { value: t.value * 100, label: `target ${t.op} ${shown(t.value * 100)}%` } : undefined;
  const figures = [
    chart("load", "Offered and answered load", "calls", perInterval, load, "", `Interactions counted in the interval they arrived in, whole center. ${bandNote}`),
    scoped(
      "serviceLevel", "service-level", "Service level", `answered within ${span(input.serviceLevelThreshold)}`, "%",
      slTarget ? "Dashed: the scenario's service-level target." : "The scenario sets no serviceLevel target: no target line.",
      slTarget,
    ),
    scoped("asa", "waiting", "Waiting: ASA", "mean wait of answered", "s"),
    scoped("abandonRate", "abandonment", "Abandonment", "abandoned of offered", "%"),
    scoped("reservationConflicts", "conflicts", "Reservation conflicts", "conflicts", perInterval),
    scoped("conflictRate", "conflict-rate", "Conflict rate", "conflicts of reservation requests", "%"),
    scoped("occupancy", "occupancy-time", "Occupancy", "agent time busy of logged in", "%"),
    agentsFigure(),
  ];

  function agentsFigure(): string {
    const staffed: TimeSeries[] = scopes.map((sc) => {
      const rows = slots.map((sl) => rowOf(sc.site, sl));
      return {
        name: `on shift, ${sc.name}`,
        values: rows.map((r) => r?.staffed?.mean ?? null),
        ...(banded ? { bands: rows.map((r): Band | null => (r?.staffed?.ci95 ? { lo: r.staffed.ci95[0], hi: r.staffed.ci95[1] } : null)) } : {}),
      };
    });
    const need = input.agentsNeeded;
    let note = "On shift: the time-average of agents logged in during the interval, from the staffing plan.";
    if (need && "needed" in need) {
      staffed.push({ name: "needed (Erlang C)", values: need.needed, cls: 4, plain: true });
      note +=
        ` Needed: a reference line, Erlang C at the interval's own offered load and ${shown(need.serviceTime)} s of agent time a call, ` +
        `the smallest head count meeting ${need.targets.join(", ")} as if the interval were a steady state (it lets nobody abandon).`;
    } else if (need) {
      note += ` Agents needed (Erlang C): ${need.omitted}.`;
    }
    return chart("agents", "Agents on shift and needed", "agents", "count", staffed, "", `${note} ${bandNote}`);
  }

  const intro = el(
    "p",
    { class: "note" },
    `Means over ${s.replications} replication${s.replications === 1 ? "" : "s"}, one point per interval (the rows of intervals.csv)` +
      (scopes.length > 1 ? "; the whole center and each site." : ".") +
      (faults.length > 0 ? " Shaded: fault windows (see Faults)." : "") +
      (fewSeen
        ? ` Hollow grey points rest on fewer than ${FEW_OBSERVATIONS} observation a replication (calls offered, answered or reservation requests): too few to read, drawn without a band and off the line.`
        : ""),
  );
  return intro + el("div", { class: "grid" }, ...figures);
}
