// A WFM or ACD interval export for `ccsim import`: a CSV of one row per interval per queue (start, queue, offered,
// handled, AHT, abandoned, and optionally answered within the threshold and staffed agents), read into checked rows,
// every bad cell refused at its line and column.

import { CsvError, parse } from "csv-parse/sync";
import { readWhole } from "./bounded-read.js";
import { suggestion } from "./did-you-mean.js";
import { parseDuration } from "./duration.js";
import { InputError, ValueError } from "./errors.js";
import { MAX_REPORTED } from "./locations.js";
import { looksLikeTimestamp, parseTimestamp } from "./timestamp.js";
import { traceError } from "./trace-columns.js";

/** bytes: a year of half hours for 50 queues is ~55 MB of rows */
export const MAX_WFM_BYTES = 64 << 20;

export const WFM_COLUMNS = ["start", "queue", "offered", "handled", "aht", "abandoned", "answered_within", "staffed"] as const;
export type WfmColumn = (typeof WFM_COLUMNS)[number];
const REQUIRED: readonly WfmColumn[] = ["start", "queue", "offered", "handled", "aht", "abandoned"];

/** The header names each column is known by, compared without case and without `_`, `-`, spaces and dots: the
 *  names ACD and WFM exports commonly use */
export const WFM_ALIASES: Readonly<Record<WfmColumn, readonly string[]>> = {
  start: ["start", "interval_start", "interval", "period_start", "time", "timestamp"],
  queue: ["queue", "skill", "split", "type"],
  offered: ["offered", "calls_offered", "contacts_offered"],
  handled: ["handled", "calls_handled", "answered", "contacts_handled"],
  aht: ["aht", "avg_handle_time", "average_handle_time", "handle_time"],
  abandoned: ["abandoned", "abandons", "calls_abandoned", "contacts_abandoned"],
  answered_within: ["answered_within", "answered_within_threshold", "within_threshold", "within_sl", "in_sl"],
  staffed: ["staffed", "staffed_agents", "agents", "agents_staffed", "positions"],
};

const key = (s: string) => s.toLowerCase().replace(/[\s_.-]/g, "");
const BY_KEY = new Map(WFM_COLUMNS.flatMap((c) => WFM_ALIASES[c].map((a) => [key(a), c] as const)));

export interface WfmRow {
  /** seconds; with `timestamps`, since the Unix epoch */
  readonly start: number;
  readonly queue: string;
  readonly offered: number;
  readonly handled: number;
  /** seconds; NaN where the cell is empty (an interval that handled nothing) */
  readonly aht: number;
  readonly abandoned: number;
  /** NaN when the export has no such column */
  readonly answeredWithin: number;
  readonly staffed: number;
  /** the file line of the row (the header is line 1) */
  readonly line: number;
}

export interface WfmExport {
  /** the file as messages name it */
  readonly file: string;
  readonly rows: readonly WfmRow[];
  /** interval starts are ISO timestamps (else seconds) */
  readonly timestamps: boolean;
  readonly hasAnsweredWithin: boolean;
  readonly hasStaffed: boolean;
  /** the queues in the order they first appear */
  readonly queues: readonly string[];
  /** the 1-based column of each column the header has, and the header's own name for it */
  readonly columns: Readonly<Partial<Record<WfmColumn, { readonly col: number; readonly name: string }>>>;
}

/** A problem list that becomes one InputError: the first, carrying the others (MAX_REPORTED in all). */
class Problems {
  readonly list: InputError[] = [];
  add(e: InputError): void {
    this.list.push(e);
  }
  throwAny(): void {
    if (this.list.length === 0) return;
    const first = this.list[0]!;
    first.also = this.list.slice(1, MAX_REPORTED);
    first.unshown = Math.max(0, this.list.length - MAX_REPORTED);
    throw first;
  }
}

export function readWfmExport(file: string): WfmExport {
  const bytes = readWhole(file, MAX_WFM_BYTES, "an interval export");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const bad = text.indexOf("\ufffd");
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    throw traceError(file, line, 1, undefined, "expected UTF-8 text, got bytes that are not UTF-8");
  }
  return parseWfmExport(text, file);
}

function records(text: string, file: string): { cells: string[]; line: number }[] {
  try {
    const out = parse(text.replace(/^\ufeff/, ""), { relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return out.map((r) => ({ cells: r.record, line: r.info.lines }));
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 1;
      throw traceError(file, line, 1, undefined, `expected CSV, got ${e.message.replace(/^Invalid Record Length: /, "").split(":")[0]}`);
    }
    throw e;
  }
}

export function parseWfmExport(text: string, file: string): WfmExport {
  const rows = records(text, file);
  if (rows.length === 0) throw new InputError(file, undefined, "expected a header (start, queue, offered, handled, aht, abandoned), got an empty file");
  const header = rows[0]!;
  const columns: Partial<Record<WfmColumn, { col: number; name: string }>> = {};
  const problems = new Problems();
  header.cells.forEach((name, i) => {
    const c = BY_KEY.get(key(name));
    if (c === undefined) return; // other columns (service level %, ASA, ...) are the export's own: ignored
    const had = columns[c];
    if (had !== undefined) {
      problems.add(traceError(file, header.line, i + 1, name, `the ${c} column again (column ${had.col} is ${JSON.stringify(had.name)}): keep one`));
    } else columns[c] = { col: i + 1, name };
  });
  for (const c of REQUIRED) {
    if (columns[c] !== undefined) continue;
    // a header cell ccsim does not know that is close to one of the names: the column is there, misspelt
    const col = header.cells.findIndex((n) => !BY_KEY.has(key(n)) && suggestion(n, WFM_ALIASES[c]) !== "");
    const expected = `expected the ${c} column (named ${WFM_ALIASES[c].join(", ")}), got none`;
    if (col < 0) problems.add(traceError(file, 1, 1, undefined, expected));
    else problems.add(traceError(file, 1, col + 1, header.cells[col]!, `${expected}${suggestion(header.cells[col]!, WFM_ALIASES[c])}`));
  }
  problems.throwAny();
  if (rows.length === 1) throw traceError(file, 1, 1, undefined, "expected interval rows after the header, got none");

  const out: WfmRow[] = [];
  const queues: string[] = [];
  const seen = new Map<string, number>();
  let timestamps: boolean | undefined;
  for (const { cells, line } of rows.slice(1)) {
    if (cells.length !== header.cells.length) {
      problems.add(traceError(file, line, 1, undefined, `expected ${header.cells.length} fields as in the header, got ${cells.length}`));
      continue;
    }
    const at = (c: WfmColumn, detail: string) => problems.add(traceError(file, line, columns[c]!.col, columns[c]!.name, detail));
    const cell = (c: WfmColumn) => (columns[c] === undefined ? undefined : cells[columns[c]!.col - 1]!);
    const count = (c: WfmColumn, required: boolean): number => {
      const v = cell(c);
      if (v === undefined) return NaN;
      if (v === "" && !required) return NaN;
      const n = Number(v);
      if (v === "" || !Number.isSafeInteger(n) || n < 0) {
        at(c, `expected a whole number of calls >= 0, got ${JSON.stringify(v)}`);
        return NaN;
      }
      return n;
    };
    const s = cell("start")!;
    let start = NaN;
    const isStamp = looksLikeTimestamp(s);
    try {
      start = isStamp ? parseTimestamp(s) : parseDuration(s);
      if (timestamps !== undefined && timestamps !== isStamp) {
        at("start", `expected ${timestamps ? "an ISO timestamp" : "seconds"} as on the rows before, got ${JSON.stringify(s)}: use one kind of start`);
      }
      timestamps ??= isStamp;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      at("start", `expected an ISO timestamp like 2024-03-04T08:00:00Z or seconds, got ${JSON.stringify(s)}`);
    }
    const queue = cell("queue")!;
    if (queue === "") at("queue", "expected a queue name, got an empty cell");
    const offered = count("offered", true);
    const handled = count("handled", true);
    const abandoned = count("abandoned", true);
    const answeredWithin = count("answered_within", false);
    const a = cell("aht")!;
    let aht = NaN;
    if (a !== "") {
      try {
        aht = parseDuration(a);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        at("aht", e.message);
      }
    } else if (handled > 0) at("aht", `expected the average handle time of the ${handled} calls handled, got an empty cell`);
    const st = cell("staffed");
    let staffed = NaN;
    if (st !== undefined && st !== "") {
      staffed = Number(st);
      if (!Number.isFinite(staffed) || staffed < 0) {
        at("staffed", `expected a number of agents >= 0, got ${JSON.stringify(st)}`);
        staffed = NaN;
      }
    }
    if (handled + abandoned > offered) {
      at("offered", `expected at least handled + abandoned (${handled} + ${abandoned}), got ${offered}`);
    }
    if (answeredWithin > handled) {
      at("answered_within", `expected at most the ${handled} calls handled, got ${answeredWithin}`);
    }
    if (queue !== "" && !Number.isNaN(start)) {
      const k = `${queue}\u0000${start}`;
      const before = seen.get(k);
      if (before !== undefined) at("start", `expected one row per interval and queue, got ${JSON.stringify(s)} for ${JSON.stringify(queue)} again (line ${before})`);
      else seen.set(k, line);
    }
    if (queue !== "" && !queues.includes(queue)) queues.push(queue);
    out.push({ start, queue, offered, handled, aht, abandoned, answeredWithin, staffed, line });
  }
  problems.throwAny();
  return {
    file,
    rows: out,
    timestamps: timestamps ?? false,
    hasAnsweredWithin: columns.answered_within !== undefined,
    hasStaffed: columns.staffed !== undefined,
    queues,
    columns,
  };
}
