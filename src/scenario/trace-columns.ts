// A trace's columns as the loader keeps them: typed arrays, and names as 16-bit codes; the RawTrace a reader makes.
import { InputError } from "./errors.js";

export const TRACE_COLUMNS = ["time", "type", "site", "media", "handleTime", "patience", "priority"] as const;
export type TraceColumn = (typeof TRACE_COLUMNS)[number];

/** names are stored as 16-bit codes; 0 is an empty cell */
export const MAX_NAMES = 0xffff;

/** A column of names (type, site, media): a code per row into `names`; code 0 is an empty cell ("not given"). */
export interface NameColumn {
  readonly codes: Uint16Array;
  /** names[0] is "" */
  readonly names: readonly string[];
  /** the row where each name first appears */
  readonly firstRow: readonly number[];
}

export interface RawTrace {
  /** the file as named in messages */
  readonly file: string;
  readonly rows: number;
  /** the 1-based CSV column of each column the header has */
  readonly columns: Readonly<Partial<Record<TraceColumn, number>>>;
  /** seconds from the scenario's start; with `timestamps`, seconds since the Unix epoch. Non-decreasing. */
  readonly time: Float64Array;
  readonly timestamps: boolean;
  /** the file line each row starts on (the header is line 1), for messages about rows found wrong later */
  readonly line: Uint32Array;
  readonly type: NameColumn | null;
  readonly site: NameColumn | null;
  readonly media: NameColumn | null;
  /** seconds; NaN where the cell is empty */
  readonly handleTime: Float64Array | null;
  readonly patience: Float64Array | null;
  /** NaN where the cell is empty */
  readonly priority: Float64Array | null;
}

/** `file:line:col: column: detail`, the form every trace error takes. */
export function traceError(file: string, line: number, col: number, column: string | undefined, detail: string): InputError {
  return new InputError(`${file}:${line}:${col}`, column, detail, line, col);
}

export class Uints {
  data: Uint16Array | Uint32Array;
  length = 0;
  constructor(private readonly wide: boolean) {
    this.data = wide ? new Uint32Array(1024) : new Uint16Array(1024);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.wide ? new Uint32Array(this.data.length * 2) : new Uint16Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

export class Names {
  readonly codes = new Uints(false);
  readonly names: string[] = [""];
  readonly firstRow: number[] = [-1];
  private readonly index = new Map<string, number>([["", 0]]);

  /** false when there are too many distinct names */
  push(name: string, row: number): boolean {
    let code = this.index.get(name);
    if (code === undefined) {
      if (this.names.length > MAX_NAMES) return false;
      code = this.names.length;
      this.index.set(name, code);
      this.names.push(name);
      this.firstRow.push(row);
    }
    this.codes.push(code);
    return true;
  }

  done(): NameColumn {
    return { codes: (this.codes.data as Uint16Array).slice(0, this.codes.length), names: this.names, firstRow: this.firstRow };
  }
}
