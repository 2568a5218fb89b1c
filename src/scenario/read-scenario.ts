// Reading a scenario, in stages as Ciw's loader reads one: read the text -> parse and guard the YAML (yaml-guards.ts) ->
// apply the --set overrides (overrides.ts) -> validate against the schema (schema.ts, zod-problems.ts) -> fill the
// defaults (defaults.ts) part by part (normalize/) -> cross-check the parts -> read the traces -> freeze.
// Every problem is an InputError placed at the line:col of the YAML node it concerns (or the --set that caused it);
// when several exist, the first in document order wins, stage by stage (locations.ts).
import { basename, dirname, extname } from "node:path";
import { DEFAULTS } from "./defaults.js";
import { InputError } from "./errors.js";
import { throwFirst } from "./locations.js";
import { normalizeScenario } from "./normalize/scenario.js";
import { withTraces } from "./normalize/traces.js";
import { applyOverride, isPlainObject, parseOverride } from "./overrides.js";
import { ScenarioSchema } from "./schema.js";
import { readSource } from "./scenario-text.js";
import { unsupportedFeatures, unsupportedMessage } from "./support.js";
import type { Scenario } from "./types.js";
import { guardedRoot } from "./yaml-guards.js";
import { replaceTaggedValues } from "./yaml-tags.js";
import { zodProblems } from "./zod-problems.js";
export { readScenarioText } from "./scenario-text.js";

export interface LoadOptions {
  /** the file to read, or with `text` only the name shown in messages */
  readonly file?: string;
  /** the scenario source (YAML or JSON); when absent, `file` is read */
  readonly text?: string;
  /** `path=value` strings, as given to --set, applied in order; an object names another flag it came from (--vary) */
  readonly overrides?: readonly (string | { readonly source: string; readonly flag: string })[];
}

/**
 * Reads, overrides, validates and normalizes a scenario. Throws InputError (one line: where, field, what was
 * expected) for the first problem in document order, carrying the other problems of its stage (InputError.also).
 */
export function loadScenario(opts: LoadOptions): Scenario {
  try {
    return loadOnce(opts);
  } catch (e) {
    throw blameOverride(e, opts);
  }
}

/** Overrides tried one by one at most to find which one caused a problem placed in the file (each try is one load). */
const MAX_BLAME_TRIES = 16;

/**
 * A problem placed in the file that the file alone does not have was caused by the overrides (`--set horizon=1s`
 * makes the file's `warmup: 2h` too long): it is blamed on the override whose removal makes it go away (the last
 * given, when only several together cause it), and the file's place is kept in the message.
 */
function blameOverride(e: unknown, opts: LoadOptions): unknown {
  const given = opts.overrides ?? [];
  // a problem in another file (a trace CSV's row) is that file's to fix, whichever override pointed to it
  const inScenario = e instanceof InputError && e.line !== undefined && e.where.startsWith(`${opts.file ?? "<text>"}:`);
  if (!inScenario || given.length === 0) return e;
  const stillFails = (overrides: LoadOptions["overrides"]): boolean => {
    try {
      loadOnce({ ...opts, overrides });
      return false;
    } catch (again) {
      return again instanceof Error && again.message === e.message;
    }
  };
  if (stillFails([])) return e;
  let culprit = given.length - 1;
  if (given.length <= MAX_BLAME_TRIES) {
    for (let k = given.length - 1; k >= 0; k--) {
      if (!stillFails(given.filter((_, j) => j !== k))) {
        culprit = k;
        break;
      }
    }
  }
  const o = given[culprit]!;
  const where = typeof o === "string" ? `--set ${o}` : `${o.flag} ${o.source}`;
  return new InputError(where, e.path, `${e.detail} (see ${e.where})`);
}

function loadOnce(opts: LoadOptions): Scenario {
  const display = opts.file ?? "<text>";
  const overrides = (opts.overrides ?? []).map((o) => (typeof o === "string" ? parseOverride(o) : parseOverride(o.source, o.flag)));
  // read
  let text = readSource(opts, display);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // parse and guard, then override
  const { root, loc } = guardedRoot(text, display, overrides);
  for (const ov of overrides) applyOverride(root, ov);
  replaceTaggedValues(root);

  // validate
  const parsed = ScenarioSchema.safeParse(root, { reportInput: true });
  if (!parsed.success) {
    throwFirst(loc, zodProblems(parsed.error.issues));
    throw new InputError(display, undefined, "invalid scenario");
  }

  // fill the defaults and check each part, then the references between parts, then what can be served at all
  const name = opts.file === undefined ? DEFAULTS.name : basename(opts.file, extname(opts.file)) || DEFAULTS.name;
  const rawTargets = root["targets"];
  const { scenario, ctx } = normalizeScenario(parsed.data, name, isPlainObject(rawTargets) ? Object.keys(rawTargets) : []);
  throwFirst(loc, ctx.values);
  throwFirst(loc, ctx.refs);
  throwFirst(loc, ctx.serving);
  // what the model does not support yet; then the traces (the slowest step, so last), then freeze
  throwFirst(
    loc,
    unsupportedFeatures(scenario).map((u) => ({ path: u.path, message: unsupportedMessage(u) })),
  );
  return deepFreeze(withTraces(scenario, ctx.traces, opts.file === undefined ? "." : dirname(opts.file), loc));
}

/** the Scenario the model gets is read-only all the way down */
function deepFreeze<T>(v: T): T {
  // a trace's typed arrays cannot be frozen; nothing writes to them
  if (typeof v === "object" && v !== null && !ArrayBuffer.isView(v) && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}
