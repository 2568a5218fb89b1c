// Variants of a scenario for compare and sweep: `--vary path=v1,v2,...` becomes one override list per variant.

import { InputError, formatPath } from "../scenario/errors.js";
import { parseOverride, parseOverrideValue } from "../scenario/overrides.js";
import { EVERY, checkPath, overlaps, parsePath, shownPath as shown, type VarySegment } from "../scenario/override-path.js";

export interface Vary {
  readonly path: string;
  readonly values: readonly string[];
  /** as given, for messages */
  readonly spec: string;
  readonly segments: readonly VarySegment[];
}

/** Splits on commas that are not inside brackets, braces or quotes, so `{mode: none, collectionTime: 0}` is one value. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The scenario's top-level lists, the only places `[*]` can stand (their lengths are known before any point loads). */
const STAR_LISTS = ["sites", "agents", "traffic", "faults"];

/** Fields a --vary would change in every point's scenario while the study goes on without them. */
const STUDY_WIDE: Record<string, string> = {
  seed: "every point runs on the one seed of the study (common random numbers), so varying it would change nothing; give --seed",
  replications: "every point runs the study's replications, so varying it would change nothing; give --replications",
  $schema: "ccsim ignores $schema, so every point would be the same scenario",
  version: "1 is the only scenario format version",
};

export function parseVary(spec: string): Vary {
  const where = `--vary ${spec}`;
  const eq = spec.indexOf("=");
  const path = eq > 0 ? spec.slice(0, eq).trim() : "";
  const values = eq > 0 ? splitTopLevel(spec.slice(eq + 1)) : [];
  if (!path || values.length === 0 || values.some((v) => v === "")) {
    throw new InputError(where, undefined, "expected path=value1,value2,... (e.g. routing.mode=node-based,centralized)");
  }
  const segments = parsePath(path, where, true);
  const stars = segments.filter((s) => s === EVERY).length;
  if (stars > 1 || (stars === 1 && (segments[1] !== EVERY || !STAR_LISTS.includes(String(segments[0]))))) {
    throw new InputError(where, undefined, `[*] stands once, right after one of the scenario's lists (${STAR_LISTS.map((l) => `${l}[*]`).join(", ")}), e.g. sites[*].nodes`);
  }
  checkPath(segments, where);
  const study = STUDY_WIDE[String(segments[0])];
  if (study !== undefined) throw new InputError(where, path, study);
  // two equal values would be two identical points under two labels; values that read the same (1 and 1.0) count
  const seen = new Map<string, string>();
  for (const v of values) {
    const key = JSON.stringify(parseOverrideValue(v, where));
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(where, path, first === v ? `the value ${v} is given twice` : `the values ${first} and ${v} are the same`);
    }
    seen.set(key, v);
  }
  return { path, values, spec, segments };
}


/** How a --set path stands to a --vary path it overlaps, naming the --vary. */
function relation(set: readonly VarySegment[], v: Vary): string {
  if (set.length === v.segments.length && set.every((x, k) => x === v.segments[k])) return `the same field as --vary ${v.spec}`;
  const what =
    set.length > v.segments.length ? "inside" :
    set.length < v.segments.length ? "contains" :
    "one of";
  return `${what} ${shown(v.segments)}, which --vary ${v.spec} varies`;
}

/**
 * Refuses what would be silently lost: two --vary of the same field (or one inside the other), which would write
 * over each other in every point and mislabel the rows, and a --set of a field a --vary varies, which the --vary
 * would replace in every point.
 */
export function refuseOverlaps(sets: readonly string[], varies: readonly Vary[]): void {
  for (let j = 1; j < varies.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = varies[i]!;
      const b = varies[j]!;
      if (!overlaps(a.segments, b.segments)) continue;
      const same = a.segments.length === b.segments.length && a.segments.every((x, k) => x === b.segments[k]);
      const [outer, inner] = b.segments.length < a.segments.length ? [b, a] : [a, b];
      throw new InputError(
        `--vary ${b.spec}`,
        shown(b.segments),
        same
          ? `the same field as --vary ${a.spec}: give each field once, with all its values`
          : `overlaps --vary ${a.spec} (${shown(inner.segments)} is ${inner.segments.length === outer.segments.length ? "one of" : "inside"} ${shown(outer.segments)}): each point would set it twice`,
      );
    }
  }
  for (const s of sets) {
    const set = parseOverride(s);
    for (const v of varies) {
      if (!overlaps(set.path, v.segments)) continue;
      throw new InputError(
        `--set ${s}`,
        formatPath(set.path),
        `${relation(set.path, v)}: the --vary would replace the --set in every point; drop one of them`,
      );
    }
  }
}

/**
 * Every combination of the varied values, first path slowest. A path with `[*]` (e.g. `sites[*].nodes`) sets that
 * field in every element of the list at once; `lengthOf` tells how many elements the list before `[*]` has.
 */
export function variantGrid(
  varies: readonly Vary[],
  lengthOf: (list: string) => number,
): { label: string[]; overrides: string[] }[] {
  let grid: { label: string[]; overrides: string[] }[] = [{ label: [], overrides: [] }];
  for (const v of varies) {
    const star = v.path.indexOf("[*]");
    let paths = [v.path];
    if (star >= 0) {
      const list = v.path.slice(0, star);
      const n = lengthOf(list);
      // an empty list would make every point the same scenario under a different label
      if (n === 0) throw new InputError(`--vary ${v.spec}`, list, `${list} is empty, so [*] names nothing to vary`);
      paths = Array.from({ length: n }, (_, i) => v.path.replace("[*]", `[${i}]`));
    }
    grid = grid.flatMap((g) =>
      v.values.map((value) => ({
        label: [...g.label, value],
        overrides: [...g.overrides, ...paths.map((p) => `${p}=${value}`)],
      })),
    );
  }
  return grid;
}
