// YAML guards: the scenario text -> its plain data, refusing at their line:col what the YAML parser would accept or
// choke on: nesting too deep for it, syntax errors, duplicate keys, reserved keys (__proto__, constructor, prototype),
// alias bombs and unresolved aliases, and a file that is empty or not a mapping.
import { LineCounter, isAlias, isMap, isSeq, parseDocument, visit, type Document } from "yaml";
import { InputError, describeValue, firstLine, formatPath, type Path } from "./errors.js";
import { MAX_ALIAS_COUNT, MAX_DEPTH, tooDeepAt } from "./input-limits.js";
import { Locator, firstOf, keyOf, type Ranked } from "./locations.js";
import { isReservedKey, reservedKeyMessage } from "./override-path.js";
import { isPlainObject, type Override } from "./overrides.js";
import { replaceTaggedValues } from "./yaml-tags.js";

function duplicateKeys(doc: Document, lc: LineCounter, loc: Locator): Ranked[] {
  const out: Ranked[] = [];
  const start = (n: unknown): number | undefined => (n as { range?: [number, number, number] } | null)?.range?.[0];
  const walk = (node: unknown, path: Path): void => {
    if (isMap(node)) {
      const seen = new Map<string, unknown>();
      for (const pair of node.items) {
        const k = keyOf(pair.key);
        const first = seen.get(k);
        if (first !== undefined) {
          // placed at the second occurrence, since placing by path would find the first
          const firstAt = start(first);
          const at = firstAt === undefined ? "" : ` (first at line ${lc.linePos(firstAt).line})`;
          out.push(loc.atOffset(start(pair.key) ?? 0, formatPath([...path, k]), `duplicate key${at}`));
        } else {
          seen.set(k, pair.key);
        }
        walk(pair.value, [...path, k]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => walk(it, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}

/** Keys named __proto__, constructor or prototype, at their line:col: none is a scenario key, and as a skill or rule
 *  name each would be misread by plain-object lookups (or, for __proto__, by a later copy setting the prototype). */
function reservedKeys(doc: Document, loc: Locator): Ranked[] {
  const out: Ranked[] = [];
  const start = (n: unknown): number | undefined => (n as { range?: [number, number, number] } | null)?.range?.[0];
  const walk = (node: unknown, path: Path): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyOf(pair.key);
        if (isReservedKey(k)) out.push(loc.atOffset(start(pair.key) ?? 0, formatPath([...path, k]), reservedKeyMessage([...path, k])));
        walk(pair.value, [...path, k]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => walk(it, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}

/** the offset of the first alias of the document */
function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

/** the offset of the first alias whose anchor is not defined before it (toJS only throws, without a place) */
function unresolvedAlias(doc: Document): number | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined) return;
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) found = node.range?.[0];
    } else if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const it of node.items) walk(it);
    }
  };
  walk(doc.contents);
  return found;
}

/**
 * The scenario text's plain data (a mapping, tags replaced) and the Locator that places problems in it; throws the
 * first YAML problem in document order. `overrides` are only for the Locator to blame.
 */
export function guardedRoot(text: string, display: string, overrides: readonly Override[]): { root: Record<string, unknown>; loc: Locator } {
  const lc = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    lc.addNewLine(0);
    for (let i = 0; i < deep; i++) if (text.charCodeAt(i) === 10) lc.addNewLine(i + 1);
    throw new Locator(display, text, undefined, lc, overrides).atOffset(
      deep,
      undefined,
      `nested deeper than ${MAX_DEPTH} levels (a scenario needs fewer than 10)`,
    ).error;
  }
  // duplicate keys are found by our own walk, which can name both lines and the field's path
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  const loc = new Locator(display, text, doc, lc, overrides);

  const yamlProblems: Ranked[] = [
    ...doc.errors.map((e) => {
      const pos = e.pos[0];
      const what =
        e.code === "MULTIPLE_DOCS" ? "a scenario is one YAML document, and a second one starts here" :
        // the parser recurses; the scan before it catches ordinary deep nesting, this whatever slipped past it
        /call stack/i.test(e.message) ? "nested too deeply for the YAML parser" :
        firstLine(e.message);
      return loc.atOffset(pos, loc.pathAt(pos), `not valid YAML: ${what}`);
    }),
    ...doc.warnings.map((w) => {
      const pos = w.pos[0];
      const tag = w.code === "TAG_RESOLVE_FAILED" ? " (quote the value if it is text starting with !)" : "";
      return loc.atOffset(pos, loc.pathAt(pos), `not valid YAML: ${firstLine(w.message)}${tag}`);
    }),
    ...duplicateKeys(doc, lc, loc),
    ...reservedKeys(doc, loc),
  ];
  const yamlError = firstOf(yamlProblems);
  if (yamlError !== undefined) throw yamlError;

  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const bomb = /excessive alias count/i.test((e as Error).message);
    const at = bomb ? firstAlias(doc) : unresolvedAlias(doc);
    const detail = bomb
      ? `too many aliases: expanding them would copy nodes more than ${MAX_ALIAS_COUNT} times (an alias bomb?); write the values out`
      : `not valid YAML: ${firstLine((e as Error).message)}`;
    if (at !== undefined) throw loc.atOffset(at, loc.pathAt(at), detail).error;
    throw new InputError(`${display}:1:1`, undefined, detail, 1, 1);
  }
  root = replaceTaggedValues(root);
  if (root === null || root === undefined) {
    throw new InputError(`${display}:1:1`, "(root)", "the file is empty (expected a scenario mapping with sites, agents and traffic)", 1, 1);
  }
  if (!isPlainObject(root)) {
    throw loc.place({ path: [], message: `expected a scenario mapping with sites, agents and traffic, got ${describeValue(root)}` }).error;
  }
  return { root, loc };
}

