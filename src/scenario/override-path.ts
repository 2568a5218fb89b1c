// Paths given to --set and --vary: parsed, then checked against the scenario schema's own keys before anything is applied.
// A path is only ever followed through keys the schema (or a user-named mapping such as skills) has, so no
// `__proto__`, `constructor` or `prototype` segment can reach JavaScript's object prototype.
import type * as z from "zod";
import { suggestion } from "./did-you-mean.js";
import { InputError, formatPath, type Path, type PathSegment } from "./errors.js";
import { ScenarioSchema } from "./schema.js";

/** A `[*]` segment of a --vary path: every element of the list. */
export const EVERY = "[*]";
export type VarySegment = PathSegment | typeof EVERY;

/**
 * Keys every JavaScript object already answers to (Object.prototype's, and `prototype`): following one reads or
 * rewrites the prototype instead of the data, and as a skill name one would be found, as a function, on every
 * agent that lacks the skill. None is a scenario key, so they are refused wherever a user names a key.
 */
export const RESERVED_KEYS: readonly string[] = [
  "__proto__", "constructor", "prototype", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf",
  "propertyIsEnumerable", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
];

export function isReservedKey(k: string): boolean {
  return RESERVED_KEYS.includes(k);
}

/** "a skill may not be named ...": what a user-named key at this path is called, for the refusal. */
export function reservedKeyMessage(path: Path): string {
  const key = String(path[path.length - 1]);
  const parent = path.length >= 2 ? path[path.length - 2] : undefined;
  const noun =
    parent === "skills" ? "a skill" :
    parent === "capacityRules" && path.length === 2 ? "a capacity rule" :
    "a key";
  return `${noun} may not be named ${JSON.stringify(key)}: every JavaScript object already has a property of that name`;
}

const SEGMENT = /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*"|'[^']*')\]|\[(\*)\]/y;

/** `agents[0].skills["lang.en"]` as segments; `[*]` only where `star` allows it (--vary). */
export function parsePath(text: string, where: string, star: boolean): VarySegment[] {
  const path: VarySegment[] = [];
  let i = 0;
  const bad = (why: string) => new InputError(where, undefined, `bad path ${JSON.stringify(text)} at character ${i + 1}: ${why}`);
  while (i < text.length) {
    SEGMENT.lastIndex = i;
    const m = SEGMENT.exec(text);
    if (m === null || (m[1] !== undefined && i > 0 && text[i] !== ".") || (i === 0 && text[0] === ".")) {
      throw bad(`expected names and [index] like agents[0].count${star ? " (or [*] for every item)" : ""}`);
    }
    if (m[1] !== undefined) path.push(m[1]);
    else if (m[2] !== undefined) {
      const n = Number(m[2]);
      if (!Number.isSafeInteger(n)) throw bad(`index ${m[2]} is too large`);
      path.push(n);
    } else if (m[3] !== undefined) {
      const q = m[3];
      path.push(q.startsWith('"') ? (JSON.parse(q) as string) : q.slice(1, -1));
    } else {
      if (!star) throw bad("[*] (every item) is for --vary; --set names one item, like agents[0].count");
      path.push(EVERY);
    }
    i = SEGMENT.lastIndex;
  }
  if (path.length === 0 || typeof path[0] !== "string" || path[0] === EVERY) {
    throw new InputError(where, undefined, "expected path=value, e.g. agents[0].count=20");
  }
  return path;
}

/** `sites[*].nodes`, as the user wrote it */
export function shownPath(path: readonly VarySegment[]): string {
  return formatPath(path.map((s) => (s === EVERY ? "*" : s)) as Path).replaceAll('["*"]', "[*]");
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly items?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

type Walk = { ok: true } | { ok: false; depth: number; message: string; unknown?: readonly string[] };

const LEAF_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  enum: "one of a list of words",
  literal: "a fixed value",
};

function walk(schema: z.ZodType, path: readonly VarySegment[], k: number): Walk {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
    case "nonoptional":
      return walk(def.innerType!, path, k);
    case "pipe":
      return walk(def.in!, path, k);
    case "lazy":
      return walk(def.getter!(), path, k);
    case "union": {
      // a field of several forms (a duration, or a {dist: ...} mapping) has a path if any form has it; when none
      // does, the form that got furthest explains why, and forms failing at the same key pool their keys
      const fails: Extract<Walk, { ok: false }>[] = [];
      for (const o of def.options!) {
        const r = walk(o, path, k);
        if (r.ok) return r;
        fails.push(r);
      }
      const depth = Math.max(...fails.map((f) => f.depth));
      const deepest = fails.filter((f) => f.depth === depth);
      const keyed = deepest.filter((f) => f.unknown !== undefined);
      if (keyed.length > 0) {
        const keys = [...new Set(keyed.flatMap((f) => f.unknown!))];
        return unknownKey(path, depth, keys);
      }
      // leaves of different types (a number or a duration text): the field is one value either way
      if (new Set(deepest.map((f) => f.message)).size > 1) {
        return { ok: false, depth, message: `${shownPath(path.slice(0, depth))} is a single value, with no fields or items inside` };
      }
      return deepest[0]!;
    }
  }
  if (k === path.length) return { ok: true };
  const seg = path[k]!;
  const here = shownPath(path.slice(0, k));
  if (typeof seg === "string" && seg !== EVERY && isReservedKey(seg)) {
    return { ok: false, depth: k, message: reservedKeyMessage(path.slice(0, k + 1) as Path) };
  }
  switch (def.type) {
    case "object": {
      if (typeof seg !== "string" || seg === EVERY) {
        return { ok: false, depth: k, message: `${here} is a mapping, not a list: name one of its keys, e.g. ${here}.${Object.keys(def.shape!)[0]}` };
      }
      const next = Object.hasOwn(def.shape!, seg) ? def.shape![seg] : undefined;
      if (next === undefined) return unknownKey(path, k, Object.keys(def.shape!));
      return walk(next, path, k + 1);
    }
    case "record": {
      if (typeof seg !== "string" || seg === EVERY) {
        return { ok: false, depth: k, message: `${here} is a mapping of names, not a list: name one, e.g. ${here}.sales` };
      }
      return walk(def.valueType!, path, k + 1);
    }
    case "array": {
      if (typeof seg === "string" && seg !== EVERY) {
        return { ok: false, depth: k, message: `${here} is a list: give an index first, e.g. ${here}[0].${seg}` };
      }
      return walk(def.element!, path, k + 1);
    }
    case "tuple": {
      const items = def.items!;
      if (typeof seg !== "number" && seg !== EVERY) {
        return { ok: false, depth: k, message: `${here} is a list of ${items.length}: give an index first, e.g. ${here}[0]` };
      }
      if (typeof seg === "number" && seg >= items.length) {
        return { ok: false, depth: k, message: `index ${seg} is beyond ${here}, which holds exactly ${items.length}` };
      }
      return walk(items[typeof seg === "number" ? seg : 0]!, path, k + 1);
    }
    default: {
      const what = LEAF_WORDS[def.type] ?? "a single value";
      return { ok: false, depth: k, message: `${here} is ${what}, with no fields or items inside` };
    }
  }
}

function unknownKey(path: readonly VarySegment[], k: number, keys: readonly string[]): Walk {
  const seg = String(path[k]);
  const hint = suggestion(seg, keys);
  const list = hint === "" ? `; ${k === 0 ? "the scenario's" : `${shownPath(path.slice(0, k))}'s`} keys are ${keys.join(", ")}` : "";
  return { ok: false, depth: k, message: `unknown key${hint}${list}`, unknown: keys };
}

/**
 * Refuses a path the scenario format does not have, naming `where` (the flag and what was given) and the path up to
 * the first segment that is wrong. Nothing is applied before this passes.
 */
export function checkPath(path: readonly VarySegment[], where: string): void {
  const r = walk(ScenarioSchema, path, 0);
  if (r.ok) return;
  throw new InputError(where, shownPath(path.slice(0, r.depth + 1)), r.message);
}

/**
 * The first own key of a value given on the command line that is reserved, with its path under `base`
 * (YAML and JSON make `{__proto__: 1}` an own key, which zod and the loader's lookups would then misread).
 */
export function reservedKeyIn(value: unknown, base: Path): Path | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = reservedKeyIn(value[i], [...base, i]);
      if (p !== undefined) return p;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) {
      if (isReservedKey(key)) return [...base, key];
      const p = reservedKeyIn((value as Record<string, unknown>)[key], [...base, key]);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}

/** Two paths touch the same field when one is the other or lies inside it; `[*]` matches every index. */
export function overlaps(a: readonly VarySegment[], b: readonly VarySegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === EVERY && typeof y === "number") continue;
    if (y === EVERY && typeof x === "number") continue;
    if (x !== y) return false;
  }
  return true;
}
