// Locations: a problem at a scenario path -> an InputError at the line:col of its YAML node, or at the --set that wrote
// it. When several exist, they are reported in document order (throwFirst), stage by stage, so a root cause is reported
// before the problems it causes elsewhere.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Scalar } from "yaml";
import { InputError, formatPath, type Path, type PathSegment } from "./errors.js";
import type { Override } from "./overrides.js";

/** A problem at a path of the scenario, before it is placed in the file or on an override. */
export interface Problem {
  readonly path: Path;
  readonly message: string;
  /** place it at the key rather than the value (unknown and duplicate keys) */
  readonly key?: boolean;
  /** a character offset inside the string value (skill expressions) */
  readonly offset?: number;
}

/** a YAML mapping key as the text a path segment compares with */
export function keyOf(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  return String(k);
}

/** A placed problem and its rank: [0, offset] in the file, [1, k] on override k; the lowest is reported. */
export interface Ranked {
  readonly rank: readonly [number, number];
  readonly error: InputError;
}

export class Locator {
  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly doc: Document | undefined,
    private readonly lc: LineCounter,
    private readonly overrides: readonly Override[],
  ) {}

  atOffset(pos: number, path: string | undefined, message: string): Ranked {
    const { line, col } = this.lc.linePos(pos);
    return { rank: [0, pos], error: new InputError(`${this.file}:${line}:${col}`, path, message, line, col) };
  }

  place(p: Problem): Ranked {
    const pathText = formatPath(p.path);
    const offsetNote = p.offset === undefined ? "" : ` (character ${p.offset + 1} of the expression)`;
    const blame = (k: number): Ranked => ({
      rank: [1, k],
      error: new InputError(this.overrides[k]!.where, pathText, p.message + offsetNote),
    });
    // the override that last wrote this value (or one of its parents) is where the user can fix it
    for (let k = this.overrides.length - 1; k >= 0; k--) {
      const ov = this.overrides[k]!;
      if (ov.path.length <= p.path.length && ov.path.every((seg, j) => String(seg) === String(p.path[j]))) return blame(k);
    }
    const pos = this.position(p);
    // a place the file does not have, inside a mapping an override created (`--set traffic[0].patience.mean=1s`
    // on a file without patience, missing its dist): the file's nearest node is not where it can be fixed
    const found = pos?.found ?? 0;
    if (found < p.path.length) {
      for (let k = this.overrides.length - 1; k >= 0; k--) {
        if (sharedPrefix(this.overrides[k]!.path, p.path) > found) return blame(k);
      }
    }
    if (pos === undefined) {
      return { rank: [0, 0], error: new InputError(`${this.file}:1:1`, pathText, p.message + offsetNote, 1, 1) };
    }
    return this.atOffset(pos.offset, pathText, p.message + (pos.exact ? "" : offsetNote));
  }

  /** where a problem's node starts, and how many segments of its path the file has */
  private position(p: Problem): { offset: number; exact: boolean; found: number } | undefined {
    if (this.doc === undefined || this.doc.contents === null) return undefined;
    let node: unknown = this.doc.contents;
    let keyNode: unknown;
    let complete = true;
    let found = 0;
    for (const seg of p.path) {
      if (isAlias(node)) node = node.resolve(this.doc) ?? node;
      if (isMap(node)) {
        const pair = node.items.find((it) => keyOf(it.key) === String(seg));
        if (pair === undefined) {
          complete = false;
          break;
        }
        keyNode = pair.key;
        // `key:` with nothing after it has no value node: the key is the place
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
        keyNode = undefined;
        node = node.items[seg];
      } else {
        complete = false;
        break;
      }
      found++;
    }
    const start = (n: unknown): number | undefined => {
      const r = (n as { range?: [number, number, number] } | null)?.range;
      return r === undefined ? undefined : r[0];
    };
    if (complete && p.key === true && keyNode !== undefined) {
      const s = start(keyNode);
      if (s !== undefined) return { offset: s, exact: true, found };
    }
    if (complete && p.offset !== undefined && isScalar(node)) {
      const inside = this.scalarOffset(node, p.offset);
      if (inside !== undefined) return { offset: inside, exact: true, found };
    }
    const s = start(node);
    return s === undefined ? undefined : { offset: s, exact: false, found };
  }

  /** where character `offset` of a string scalar's value sits in the source, when the scalar is written verbatim */
  private scalarOffset(node: Scalar, offset: number): number | undefined {
    const r = node.range;
    if (r === undefined || r === null || typeof node.value !== "string") return undefined;
    const raw = this.text.slice(r[0], r[1]);
    if (node.type === "PLAIN" && raw === node.value) return r[0] + offset;
    if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && raw.slice(1, -1) === node.value) {
      return r[0] + 1 + offset;
    }
    return undefined;
  }

  /**
   * For a YAML syntax error: the path of the key or scalar value at that offset. Undefined when the offset falls
   * in a collection's structure, where the parser's recovery makes any path a guess.
   */
  pathAt(pos: number): string | undefined {
    const path: PathSegment[] = [];
    let node: unknown = this.doc?.contents;
    const range = (n: unknown): [number, number, number] | undefined =>
      (n as { range?: [number, number, number] } | null)?.range ?? undefined;
    const contains = (n: unknown): boolean => {
      const r = range(n);
      return r !== undefined && r[0] <= pos && pos < r[2];
    };
    for (;;) {
      if (isMap(node)) {
        // a pair spans from its key to the end of its value, tags and anchors between them included
        const pair = node.items.find((it) => {
          const from = range(it.key)?.[0];
          const to = range(it.value)?.[2] ?? range(it.key)?.[2];
          return from !== undefined && to !== undefined && from <= pos && pos < to;
        });
        if (pair === undefined) return undefined;
        path.push(keyOf(pair.key));
        if (!contains(pair.value)) {
          return isScalar(pair.value) || isAlias(pair.value) || pair.value === null || contains(pair.key) ? formatPath(path) : undefined;
        }
        node = pair.value;
      } else if (isSeq(node)) {
        const idx = node.items.findIndex((it) => contains(it));
        if (idx < 0) return undefined;
        path.push(idx);
        node = node.items[idx];
      } else {
        return isScalar(node) || isAlias(node) ? formatPath(path) : undefined;
      }
    }
  }
}

/** how many leading segments two paths share */
function sharedPrefix(a: Path, b: Path): number {
  let n = 0;
  while (n < a.length && n < b.length && String(a[n]) === String(b[n])) n++;
  return n;
}

export function firstOf(ranked: Ranked[]): InputError | undefined {
  if (ranked.length === 0) return undefined;
  let best = ranked[0]!;
  for (const r of ranked) {
    if (r.rank[0] < best.rank[0] || (r.rank[0] === best.rank[0] && r.rank[1] < best.rank[1])) best = r;
  }
  return best.error;
}

/** the most problems of one stage a message lists, one line each: enough to fix a file in one go, not a screenful */
export const MAX_REPORTED = 10;

/** Throws the stage's first problem in document order, carrying the others (`also`, up to MAX_REPORTED in all), so
 *  that a file with several mistakes is fixed in one go; a later stage is not checked until this one passes. */
export function throwFirst(loc: Locator, problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const byRank = (a: Ranked, b: Ranked) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1];
  const seen = new Set<string>();
  const ranked = problems
    .map((p) => loc.place(p))
    .sort(byRank)
    .filter((r) => !seen.has(r.error.message) && seen.add(r.error.message) !== undefined);
  const first = ranked[0]!.error;
  first.also = ranked.slice(1, MAX_REPORTED).map((r) => r.error);
  first.unshown = Math.max(0, ranked.length - MAX_REPORTED);
  throw first;
}
