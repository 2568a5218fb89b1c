// Input errors: one line that names where (file:line:col, or the --set that did it), the field and what was expected.

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `agents[0].count`; keys that would read ambiguously are quoted (`skills["lang.en"]`); the empty path is `(root)`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** A short, single-line rendering of a user's value for "got ..." (long strings and collections are abbreviated). */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null (an empty value)";
  if (typeof v === "string") {
    const s = v.length > 60 ? `${v.slice(0, 57)}...` : v;
    return JSON.stringify(s);
  }
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return String(v);
  if (typeof v === "symbol") return v.description ?? "symbol";
  // YAML's explicit tags build these; as objects they would read as "a mapping {0, 1, 2, ...}" or "an empty mapping"
  if (ArrayBuffer.isView(v)) return `binary data (!!binary, ${v.byteLength} byte${v.byteLength === 1 ? "" : "s"})`;
  if (v instanceof Map) return `an ordered mapping (!!omap) of ${v.size}`;
  if (v instanceof Set) return `a set (!!set) of ${v.size}`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "a timestamp (!!timestamp)" : `a timestamp (!!timestamp) ${v.toISOString()}`;
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (typeof v === "object") {
    const keys = Object.keys(v as object);
    if (keys.length === 0) return "an empty mapping";
    const shown = keys.slice(0, 3).join(", ");
    return `a mapping {${shown}${keys.length > 3 ? ", ..." : ""}}`;
  }
  return typeof v;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** longest place or path a message repeats whole: a --set or --vary is quoted as given, and may be a megabyte */
const MAX_SHOWN = 200;

/** A place or a path as a message shows it: on one line whatever it holds (a --set value may hold a newline: it is
 *  shown as \n), and shortened in the middle when long, so the message stays one readable line. */
function shown(s: string): string {
  const flat = s.replace(/[\r\n\t\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  if (flat.length <= MAX_SHOWN) return flat;
  return `${flat.slice(0, MAX_SHOWN - 60)}...(${flat.length} characters)...${flat.slice(-40)}`;
}

/**
 * A value that does not parse, without a location: the parsers (durations, rates) throw it, the loader places it.
 * The message reads "expected ..., got ...".
 */
export class ValueError extends Error {
  constructor(message: string) {
    super(oneLine(message));
    this.name = "ValueError";
  }
}

/**
 * Bad input: the CLI prints `message` alone and exits 2, so the message is the whole story on one line:
 * `where: path: detail`, where `where` is `file:line:col`, `--set path=value`, or just `file`.
 */
export class InputError extends Error {
  /** `file:line:col`, `file`, or `--set ...` */
  readonly where: string;
  /** the dotted path of the field, absent when the problem is the whole file */
  readonly path: string | undefined;
  /** what was expected, and what was found */
  readonly detail: string;
  readonly line: number | undefined;
  readonly col: number | undefined;
  /** the other problems found at the same stage, in document order (a file's first few, MAX_REPORTED in all), each a
   *  line of its own after this one's; `unshown` more were found and not listed */
  also: readonly InputError[] = [];
  unshown = 0;

  constructor(where: string, path: string | undefined, detail: string, line?: number, col?: number) {
    const d = oneLine(detail);
    super(path === undefined ? `${shown(where)}: ${d}` : `${shown(where)}: ${shown(path)}: ${d}`);
    this.name = "InputError";
    this.where = where;
    this.path = path;
    this.detail = d;
    this.line = line;
    this.col = col;
  }
}

/** What a user reads of an input error: its line, then each other problem of the same stage on a line of its own. */
export function inputErrorText(e: InputError): string {
  const more = e.unshown > 0 ? [`(and ${e.unshown} more problem${e.unshown === 1 ? "" : "s"} of the same kind not listed)`] : [];
  return [e.message, ...e.also.map((x) => x.message), ...more].join("\n");
}

/** the first line of a parser's message, without the "at line L, column C" our own place replaces */
export function firstLine(s: string): string {
  return (s.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "").trim();
}
