// Overrides: `--set path=value` (and the --vary values made into them) parsed, checked against the scenario's keys,
// and written into the file's plain data before it is validated.
import { parseDocument } from "yaml";
import { InputError, describeValue, firstLine, formatPath, type PathSegment } from "./errors.js";
import { MAX_DEPTH, tooDeepAt } from "./input-limits.js";
import { checkPath, parsePath, reservedKeyIn, reservedKeyMessage } from "./override-path.js";

export interface Override {
  readonly path: PathSegment[];
  readonly value: unknown;
  /** as written, e.g. `agents[0].count=20` */
  readonly source: string;
  /** what messages blame: the flag and the override, e.g. `--set agents[0].count=20` */
  readonly where: string;
}

/** Parses `path=value` (the value a YAML flow value: `3`, `grouped`, `{mode: none}`, `[1, 2]`) and checks the path
 *  against the scenario's keys; `flag` names where it came from in messages (--set, or the --vary it was made from). */
export function parseOverride(s: string, flag = "--set"): Override {
  const where = `${flag} ${s}`;
  const eq = s.indexOf("=");
  if (eq <= 0) throw new InputError(where, undefined, "expected path=value, e.g. agents[0].count=20");
  const path = parsePath(s.slice(0, eq).trim(), where, false) as PathSegment[];
  checkPath(path, where);
  const value = parseOverrideValue(s.slice(eq + 1), where);
  const reserved = reservedKeyIn(value, path);
  if (reserved !== undefined) throw new InputError(where, formatPath(reserved), reservedKeyMessage(reserved));
  return { path, value, source: s, where };
}

export function parseOverrideValue(text: string, where: string): unknown {
  const t = text.trim();
  if (t === "") return "";
  // YAML would read these as block scalars, tags, anchors or aliases; on the command line they are plain text
  // (`>= 0.80`, `!sales`)
  if (/^[>|!&*%@`]/.test(t)) return t;
  // the YAML parser recurses once per level: a value nested past the file's own limit is refused before it sees it
  if (tooDeepAt(t) >= 0) throw new InputError(where, undefined, `the value nests deeper than ${MAX_DEPTH} levels`);
  const doc = parseDocument(t, { prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    if (/^[[{"']/.test(t)) {
      const e = doc.errors[0] ?? doc.warnings[0]!;
      throw new InputError(where, undefined, `the value is not valid YAML: ${firstLine(e.message)}`);
    }
    return t;
  }
  return doc.toJS();
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Writes one checked override into the document's plain data: only own properties are read on the way (a record key
 *  such as `toString` is never found on the prototype), and only keys checkPath allowed are written. */
export function applyOverride(root: Record<string, unknown>, ov: Override): void {
  const where = ov.where;
  let cur: unknown = root;
  for (let k = 0; k < ov.path.length; k++) {
    const seg = ov.path[k]!;
    const last = k === ov.path.length - 1;
    const here = formatPath(ov.path.slice(0, k));
    if (typeof seg === "number") {
      if (cur === undefined) {
        throw new InputError(where, formatPath(ov.path.slice(0, k + 1)), `the scenario has no ${here}, so no item ${seg} of it; set the whole list, e.g. --set '${here}=[...]'`);
      }
      if (!Array.isArray(cur)) {
        throw new InputError(where, formatPath(ov.path.slice(0, k + 1)), `${here} is not a list, got ${describeValue(cur)}`);
      }
      // an index names an existing item: appending would make the list's length depend on the order of flags
      if (seg >= cur.length) {
        throw new InputError(
          where,
          formatPath(ov.path.slice(0, k + 1)),
          `index ${seg} is beyond the list (${here} has ${cur.length} item${cur.length === 1 ? "" : "s"}); to add an item, set the whole list, e.g. --set '${here}=[...]'`,
        );
      }
      if (last) cur[seg] = ov.value;
      else cur = cur[seg];
    } else {
      if (!isPlainObject(cur)) {
        throw new InputError(where, formatPath(ov.path.slice(0, k + 1)), `${here} is not a mapping, got ${describeValue(cur)}`);
      }
      if (last) {
        Object.defineProperty(cur, seg, { value: ov.value, writable: true, enumerable: true, configurable: true });
      } else {
        // a missing mapping on the way is created, so `--set routing.reservation.mode=none` works on a file
        // without routing; a missing list cannot be, since its index would be beyond it
        const own = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
        if (own === undefined && typeof ov.path[k + 1] === "string") {
          Object.defineProperty(cur, seg, { value: {}, writable: true, enumerable: true, configurable: true });
        }
        cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
      }
    }
  }
}
