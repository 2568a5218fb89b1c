// Trace files: recorded arrivals in a CSV, read in bounded chunks into columns of typed arrays, checked row by row.
//
// Why typed arrays filled at load time rather than rows streamed during the run: the kernel is synchronous and the
// model must not read files, so the loader reads the trace before the run and hands the model plain arrays. A row
// costs 8 bytes per numeric column, 2 per name column and 4 for its line number (a month of a busy center, 2M rows
// with every column, is about 80 MB), and no row object outlives its chunk: the file is read 1 MiB at a time with
// readSync, each chunk cut at its last line end outside quotes and parsed with csv-parse/sync, so memory while reading
// is bounded by the chunk, whatever the size of the file; what is kept, by MAX_TRACE_BYTES and MAX_TRACE_ROWS
// (input-limits.ts), counted as the file is read, since a device or a FIFO has no size to check first.

import { closeSync, fstatSync, statSync } from "node:fs";
import { CsvError, parse } from "csv-parse/sync";
import { suggestion } from "./did-you-mean.js";
import { parseDuration } from "./duration.js";
import { InputError, ValueError, describeValue } from "./errors.js";
import { looksLikeTimestamp, parseTimestamp } from "./timestamp.js";
import { FloatList } from "./float-list.js";
import { openInput, readSome } from "./bounded-read.js";
import { MAX_TRACE_BYTES, MAX_TRACE_ROWS } from "./input-limits.js";
import { thousands } from "../util/thousands.js";
import { firstInvalidUtf8, lineAndColumn } from "./utf8.js";
import { MAX_NAMES, Names, TRACE_COLUMNS, Uints, traceError, type RawTrace, type TraceColumn } from "./trace-columns.js";
export { TRACE_COLUMNS, traceError, type NameColumn, type RawTrace, type TraceColumn } from "./trace-columns.js";

const CHUNK = 1 << 20;
/** a record longer than this is an unclosed quote, not data */
const MAX_RECORD = 16 << 20;

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Where the last record of a chunk ends: just after its last line end outside quotes (0: none in the chunk). */
function lastRecordEnd(buf: Uint8Array): number {
  let quotes = 0;
  let end = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x22) quotes++;
    else if (b === 0x0a && (quotes & 1) === 0) end = i + 1;
  }
  return end;
}

function countLines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

class TraceReader {
  private header: string[] | null = null;
  /** CSV column (0-based) -> what it holds */
  private kinds: TraceColumn[] = [];
  private readonly columns: Partial<Record<TraceColumn, number>> = {};
  private readonly time = new FloatList();
  private timestamps: boolean | null = null;
  private readonly line = new Uints(true);
  private type: Names | null = null;
  private site: Names | null = null;
  private media: Names | null = null;
  private handleTime: FloatList | null = null;
  private patience: FloatList | null = null;
  private priority: FloatList | null = null;
  private rows = 0;
  private lastTime = -Infinity;
  private lastTimeLine = 0;

  constructor(private readonly file: string) {}

  read(path: string): RawTrace {
    let fd: number;
    try {
      fd = openInput(path);
      if (fstatSync(fd).isDirectory()) {
        closeSync(fd);
        throw Object.assign(new Error("directory"), { code: "EISDIR" });
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason =
        err.code === "ENOENT" ? "no such file" :
        err.code === "EISDIR" ? "it is a directory" :
        err.code === "EACCES" ? "permission denied" :
        (err.code ?? err.message);
      throw new InputError(this.file, undefined, `cannot read the trace: ${reason}`);
    }
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      let carry: Buffer = Buffer.alloc(0);
      let linesBefore = 0;
      let total = 0;
      for (;;) {
        const n = readSome(fd, buf, 0, CHUNK);
        total += n;
        // a device or a FIFO never says how long it is: the limit is counted as it is read
        if (total > MAX_TRACE_BYTES) {
          throw new InputError(this.file, undefined, `the trace holds more than ${MAX_TRACE_BYTES >> 20} MiB, more than a trace may be`);
        }
        const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
        const eof = n === 0;
        const cut = eof ? data.length : lastRecordEnd(data);
        if (cut === 0 && !eof) {
          if (data.length > MAX_RECORD) {
            throw traceError(this.file, linesBefore + 1, 1, undefined, `a record longer than ${MAX_RECORD >> 20} MiB: an unclosed quote?`);
          }
          carry = Buffer.from(data);
          continue;
        }
        const part = data.subarray(0, cut);
        carry = Buffer.from(data.subarray(cut));
        this.chunk(part, linesBefore, linesBefore === 0);
        linesBefore += countLines(part);
        if (eof) break;
      }
    } finally {
      closeSync(fd);
    }
    return this.done();
  }

  private chunk(part: Buffer, linesBefore: number, first: boolean): void {
    const bad = firstInvalidUtf8(part);
    if (bad >= 0) {
      const { line, col } = lineAndColumn(part, bad);
      throw traceError(
        this.file,
        linesBefore + line,
        col,
        undefined,
        `not UTF-8: byte 0x${part[bad]!.toString(16).toUpperCase().padStart(2, "0")} at byte ${col} of the line (save the file as UTF-8)`,
      );
    }
    // csv-parse's line count is where a record ends, and it counts each \r and \n inside a quoted field as a line
    // of its own; a record (a multi-line quoted field) is reported at the line it starts on, so both are undone here
    let extraCr = 0;
    try {
      parse(part, {
        bom: first,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        on_record: (record: string[], ctx: { lines: number }) => {
          let cr = 0;
          let nl = 0;
          for (const cell of record) {
            if (cell.length === 0 || (!cell.includes("\n") && !cell.includes("\r"))) continue;
            for (let i = 0; i < cell.length; i++) {
              const c = cell.charCodeAt(i);
              if (c === 13) cr++;
              else if (c === 10) nl++;
            }
          }
          extraCr += cr;
          this.record(record, linesBefore + ctx.lines - extraCr - nl);
          return null;
        },
      });
    } catch (e) {
      if (e instanceof CsvError) {
        const lines = (e as CsvError & { lines?: number }).lines ?? 1;
        const col = ((e as CsvError & { index?: number }).index ?? 0) + 1;
        throw traceError(this.file, linesBefore + lines, col, undefined, `not valid CSV: ${e.message.replace(/ at line \d+.*$/, "").replace(/ on line \d+$/, "")}`);
      }
      throw e;
    }
  }

  private record(cells: string[], line: number): void {
    if (cells.every((c) => c === "")) return;
    if (this.header === null) return this.readHeader(cells, line);
    const header = this.header;
    if (cells.length !== header.length) {
      throw traceError(
        this.file,
        line,
        Math.min(cells.length, header.length) + 1,
        undefined,
        `expected ${header.length} fields like the header (${header.join(",")}), got ${cells.length}`,
      );
    }
    const row = this.rows;
    if (row >= MAX_TRACE_ROWS) {
      throw traceError(this.file, line, 1, undefined, `more than ${thousands(MAX_TRACE_ROWS)} arrivals, more than a trace may hold (each is replayed in every replication)`);
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const kind = this.kinds[c]!;
      switch (kind) {
        case "time":
          this.readTime(cell, line, c + 1);
          break;
        case "type":
        case "site":
        case "media":
          if (!this[kind]!.push(cell, row)) {
            throw traceError(this.file, line, c + 1, kind, `more than ${MAX_NAMES} different names in the ${kind} column`);
          }
          break;
        case "handleTime":
        case "patience":
          this[kind]!.push(cell === "" ? Number.NaN : this.duration(cell, line, c + 1, kind));
          break;
        case "priority":
          this.priority!.push(cell === "" ? Number.NaN : this.number(cell, line, c + 1, kind));
          break;
      }
    }
    this.line.push(line);
    this.rows++;
  }

  private readHeader(cells: string[], line: number): void {
    const seen = new Map<string, number>();
    cells.forEach((name, c) => {
      if (!(TRACE_COLUMNS as readonly string[]).includes(name)) {
        const hint = suggestion(name, TRACE_COLUMNS);
        throw traceError(
          this.file,
          line,
          c + 1,
          undefined,
          `unknown column ${describeValue(name)}${hint}${hint === "" ? `; columns are ${TRACE_COLUMNS.join(", ")}` : ""}`,
        );
      }
      const before = seen.get(name);
      if (before !== undefined) {
        throw traceError(this.file, line, c + 1, undefined, `duplicate column ${JSON.stringify(name)} (already column ${before})`);
      }
      seen.set(name, c + 1);
    });
    if (!seen.has("time")) {
      throw traceError(this.file, line, 1, undefined, `no time column (the header must name the columns: time, and any of ${TRACE_COLUMNS.slice(1).join(", ")})`);
    }
    this.header = cells;
    this.kinds = cells as TraceColumn[];
    for (const [name, c] of seen) this.columns[name as TraceColumn] = c;
    if (seen.has("type")) this.type = new Names();
    if (seen.has("site")) this.site = new Names();
    if (seen.has("media")) this.media = new Names();
    if (seen.has("handleTime")) this.handleTime = new FloatList();
    if (seen.has("patience")) this.patience = new FloatList();
    if (seen.has("priority")) this.priority = new FloatList();
  }

  private readTime(cell: string, line: number, col: number): void {
    const stamp = looksLikeTimestamp(cell);
    let t: number;
    if (stamp) {
      try {
        t = parseTimestamp(cell);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        throw traceError(this.file, line, col, "time", e.message);
      }
    } else {
      t = this.number(cell, line, col, "time", "seconds from the start or an ISO timestamp");
      if (t < 0) throw traceError(this.file, line, col, "time", `expected a time >= 0, got ${describeValue(cell)}`);
    }
    if (this.timestamps === null) this.timestamps = stamp;
    else if (stamp !== this.timestamps) {
      throw traceError(
        this.file,
        line,
        col,
        "time",
        `expected ${this.timestamps ? "an ISO timestamp" : "seconds from the start"} like the rows above, got ${describeValue(cell)}`,
      );
    }
    if (t < this.lastTime) {
      throw traceError(
        this.file,
        line,
        col,
        "time",
        `${describeValue(cell)} is earlier than the time on line ${this.lastTimeLine}: rows must be sorted by time`,
      );
    }
    this.lastTime = t;
    this.lastTimeLine = line;
    this.time.push(t);
  }

  private number(cell: string, line: number, col: number, column: string, what = "a number"): number {
    const x = PLAIN_NUMBER.test(cell) ? Number(cell) : Number.NaN;
    if (Number.isNaN(x)) throw traceError(this.file, line, col, column, `expected ${what}, got ${describeValue(cell)}`);
    if (!Number.isFinite(x)) throw traceError(this.file, line, col, column, `expected a finite number, got ${describeValue(cell)}`);
    return x;
  }

  private duration(cell: string, line: number, col: number, column: string): number {
    try {
      return parseDuration(cell);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      throw traceError(this.file, line, col, column, e.message);
    }
  }

  private done(): RawTrace {
    if (this.header === null) throw traceError(this.file, 1, 1, undefined, "the trace is empty (expected a header like time,type,handleTime)");
    return {
      file: this.file,
      rows: this.rows,
      columns: this.columns,
      time: this.time.done(),
      timestamps: this.timestamps ?? false,
      line: (this.line.data as Uint32Array).slice(0, this.line.length),
      type: this.type?.done() ?? null,
      site: this.site?.done() ?? null,
      media: this.media?.done() ?? null,
      handleTime: this.handleTime?.done() ?? null,
      patience: this.patience?.done() ?? null,
      priority: this.priority?.done() ?? null,
    };
  }
}

/**
 * Reads and checks a trace file: a header naming its columns, then one row per arrival, sorted by time. Throws
 * InputError `file:line:col: column: what was expected, got what` at the first bad cell.
 * `display` is the name messages use; `path` the file to open.
 */
export function readTrace(path: string, display: string = path): RawTrace {
  return new TraceReader(display).read(path);
}

// compare and sweep load the scenario once per variant: the same unchanged file is read once
const cache = new Map<string, { stamp: string; trace: RawTrace }>();
const CACHED = 4;

/** readTrace, remembered while the file's size and modification time stay the same. */
export function readTraceCached(path: string, display: string = path): RawTrace {
  let stamp: string | undefined;
  try {
    const st = statSync(path, { bigint: true });
    if (st.isFile()) stamp = `${st.size}/${st.mtimeNs}/${st.ino}/${display}`;
  } catch {
    // readTrace says what is wrong
  }
  const hit = cache.get(path);
  if (stamp !== undefined && hit?.stamp === stamp) return hit.trace;
  const trace = readTrace(path, display);
  if (stamp !== undefined) {
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
    cache.set(path, { stamp, trace });
  }
  return trace;
}
