// The CSV files of a run: intervals.csv (one row per interval, site and type), groups.csv, nodes.csv, urs.csv.

import { stringify } from "csv-stringify/sync";
import { csvLine, type CsvCell } from "./csv-line.js";
import { METRIC_NAMES, type MetricName } from "../metrics/tally.js";
import { formatTimestamp, parseTimestamp } from "../scenario/timestamp.js";
import { tidy } from "./numbers.js";
import type { ExperimentResult, MetricSummaries } from "../observe/results.js";

const cell = (x: number | undefined | null) => (x === undefined || x === null ? "" : tidy(x));

function table(header: string[], rows: (string | number)[][]): string {
  return stringify([header, ...rows]);
}

/** One row per interval, site and type: the columns it always had (each metric's mean over replications), then each
 *  metric's 95% interval (`<metric>_lo`, `<metric>_hi`, empty with one replication), the agents on shift with theirs
 *  (empty for a type's rows), and, when the scenario sets `start:`, each interval's start as a UTC date-time. */
export function intervalsCsv(r: ExperimentResult): string {
  const names = METRIC_NAMES.filter((n) => r.intervals.some((row) => row.metrics[n] !== undefined));
  const origin = r.scenario.start === undefined ? undefined : parseTimestamp(r.scenario.start);
  // with voicemail or mwi: SIP Server's MWI counts of the interval, on its whole-center row
  const mwi = r.voicemail?.intervals;
  const extra = (row: ExperimentResult["intervals"][number], k: number, cells: CsvCell[]): void => {
    if (mwi === undefined) return;
    const whole = row.site === "*" && row.type === "*";
    cells.push(whole ? cell(mwi.mwiSubscriptions[k]) : "", whole ? cell(mwi.mwiMessages[k]) : "");
  };
  const header = [
    "start_s", "end_s", "site", "type", ...names, ...(mwi === undefined ? [] : ["mwiSubscriptions", "mwiMessages"]),
    ...names.flatMap((n) => [`${n}_lo`, `${n}_hi`]), "staffed", "staffed_lo", "staffed_hi",
  ];
  if (origin !== undefined) header.push("start_time");
  // a line at a time, with no array of every row's cells (docs/speed.md: run --out at 20,000 intervals)
  const lines = [csvLine(header)];
  let k = -1;
  for (const row of r.intervals) {
    if (row.site === "*" && row.type === "*") k++;
    const cells: CsvCell[] = [row.start, row.end, row.site, row.type];
    for (const n of names) cells.push(cell(row.metrics[n]));
    extra(row, k, cells);
    for (const n of names) cells.push(cell(row.ci95?.[n]?.[0]), cell(row.ci95?.[n]?.[1]));
    cells.push(cell(row.staffed?.mean), cell(row.staffed?.ci95?.[0]), cell(row.staffed?.ci95?.[1]));
    if (origin !== undefined) cells.push(formatTimestamp(origin + row.start));
    lines.push(csvLine(cells));
  }
  return lines.join("");
}

/** One row per slice id: each metric's mean and CI bounds. */
function sliceCsv(
  key: string,
  slices: Record<string, MetricSummaries>,
  names: readonly MetricName[],
  extra: (id: string) => (string | number)[] = () => [],
  extraHeader: string[] = [],
): string {
  const header = [key, ...extraHeader];
  for (const n of names) header.push(n, `${n}_lo`, `${n}_hi`);
  const rows = Object.entries(slices).map(([id, m]) => {
    const row: (string | number)[] = [id, ...extra(id)];
    for (const n of names) {
      const s = m[n];
      row.push(cell(s?.mean), cell(s?.ci95?.[0]), cell(s?.ci95?.[1]));
    }
    return row;
  });
  return table(header, rows);
}

export function groupsCsv(r: ExperimentResult): string {
  const site = new Map(r.scenario.agents.map((g) => [g.group, g]));
  return sliceCsv(
    "group",
    r.byGroup,
    ["answered", "asa", "occupancy", "noAnswers"],
    (id) => [site.get(id)!.site, site.get(id)!.count],
    ["site", "agents"],
  );
}

export function nodesCsv(r: ExperimentResult): string {
  return sliceCsv(
    "node",
    r.byNode,
    ["offered", "answered", "serviceLevel", "reservationRequests", "reservationConflicts", "conflictRate", "conflictsPerCall", "routingFailures", "occupancy"],
    (id) => [r.agentsPerNode[id] ?? 0],
    ["agents"],
  );
}

export function ursCsv(r: ExperimentResult): string {
  return sliceCsv(
    "urs",
    r.byUrs,
    ["routingAttempts", "reservationRequests", "reservationConflicts", "conflictRate", "conflictsPerCall", "routingFailures", "ursAttemptsPerCall"],
  );
}
