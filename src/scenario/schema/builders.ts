// The schema's building blocks: strict objects that tell the loader their allowed keys, enums, numbers, patterns,
// durations and rates, each leaf with its own "expected ..., got ..." message; and how a default is shown in a text.
import * as z from "zod";
import { DURATION_EXPECTED, DURATION_PATTERN, formatDuration, parseDuration } from "../duration.js";
import { describeValue } from "../errors.js";
import { RATE_EXPECTED, RATE_PATTERN, parseRate } from "../rate.js";
import { suggestion } from "../did-you-mean.js";

// A run parses one scenario: zod's JIT would compile, for that one parse, code it never runs again (3-6 ms of start-up).
z.config({ jitless: true });

export const SITE_ID_PATTERN = "^[A-Za-z0-9_-]+$";
/** names that become JSON keys or labels: no integer-like keys, which JavaScript would reorder */
export const NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_.-]*$";

// zod's error maps return a plain message; an unknown key must also tell the loader which keys were allowed,
// so that one message is tagged and carries them as JSON (decoded by unknownKeysInfo)
const UNKNOWN_KEYS_TAG = "\u0000unknown-keys:";

export interface UnknownKeysInfo {
  /** "key", "metric", "media" */
  readonly what: string;
  readonly allowed: readonly string[];
}

export function unknownKeysInfo(message: string): UnknownKeysInfo | undefined {
  if (!message.startsWith(UNKNOWN_KEYS_TAG)) return undefined;
  return JSON.parse(message.slice(UNKNOWN_KEYS_TAG.length)) as UnknownKeysInfo;
}

type Issue = { readonly code?: string; readonly input?: unknown };

export function expected(what: string): (iss: Issue) => string {
  return (iss) => (iss.input === undefined ? `missing (expected ${what})` : `expected ${what}, got ${describeValue(iss.input)}`);
}

/** A parser's own wording ("expected a duration >= 0, got ...") when it has one, else the generic text. */
function viaParser(parse: (v: unknown) => unknown, what: string): (iss: Issue) => string {
  return (iss) => {
    if (iss.input === undefined) return `missing (expected ${what})`;
    try {
      parse(iss.input);
    } catch (e) {
      return (e as Error).message;
    }
    return `expected ${what}, got ${describeValue(iss.input)}`;
  };
}

export function obj<S extends z.core.$ZodLooseShape>(shape: S, what: string, description: string, unknownWhat = "key") {
  const allowed = Object.keys(shape);
  const typeError = expected(what);
  return z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? UNKNOWN_KEYS_TAG + JSON.stringify({ what: unknownWhat, allowed } satisfies UnknownKeysInfo)
          : typeError(iss),
    })
    .meta({ description });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const list = values.join(", ");
  return z
    .enum(values, {
      error: (iss) =>
        iss.input === undefined
          ? `missing (expected one of ${list})`
          : `expected one of ${list}, got ${describeValue(iss.input)}` +
            (typeof iss.input === "string" ? suggestion(iss.input, values) : ""),
    })
    .meta({ description });
}

export function whole(min: number, description: string) {
  const e = expected(`a whole number >= ${min}`);
  return z.number({ error: e }).int({ error: e }).min(min, { error: e }).meta({ description });
}

export function num(description: string, min?: number) {
  const e = expected(min === undefined ? "a number" : `a number >= ${min}`);
  const n = z.number({ error: e });
  return (min === undefined ? n : n.min(min, { error: e })).meta({ description });
}

export function pattern(re: string, what: string, description: string) {
  const e = expected(what);
  return z.string({ error: e }).regex(new RegExp(re), { error: e }).meta({ description });
}

// One union each for durations and rates, shared by every field (each field only adds its description): building
// them per field cost 2-3 ms of every command's start-up (15 of the schema's ms).
const DURATION = (() => {
  const e = viaParser(parseDuration, DURATION_EXPECTED);
  return z.union(
    [z.number({ error: e }).min(0, { error: e }), z.string({ error: e }).regex(new RegExp(DURATION_PATTERN), { error: e })],
    { error: e },
  );
})();

/** A pattern that also asks for a digit other than 0 (neither durations' nor rates' units have digits): what makes
 *  the value > 0, so that an editor refuses `interval: 0` as the loader does. */
const nonZero = (re: string) => `^(?=[^1-9]*[1-9])${re.slice(1)}`;

/** `v`'s own problem when the parser has one, else that it is not > 0 */
function viaParserPositive(parse: (v: unknown) => number, what: string, kind: string): (iss: Issue) => string {
  const general = viaParser(parse, what);
  return (iss) => {
    if (iss.input === undefined) return general(iss);
    try {
      if (parse(iss.input) === 0) return `expected ${kind} > 0, got ${describeValue(iss.input)}`;
    } catch {
      // the parser's own message says what is wrong
    }
    return general(iss);
  };
}

const POSITIVE_DURATION = (() => {
  const e = viaParserPositive(parseDuration, DURATION_EXPECTED, "a duration");
  return z.union(
    [z.number({ error: e }).gt(0, { error: e }), z.string({ error: e }).regex(new RegExp(nonZero(DURATION_PATTERN)), { error: e })],
    { error: e },
  );
})();

const RATE = (() => {
  const e = viaParser(parseRate, RATE_EXPECTED);
  return z.union(
    [z.number({ error: e }).min(0, { error: e }), z.string({ error: e }).regex(new RegExp(RATE_PATTERN, "i"), { error: e })],
    { error: e },
  );
})();

export function durationSchema(description: string) {
  return DURATION.meta({ description: `${description} (${DURATION_EXPECTED})` });
}

export function rateSchema(description: string) {
  return RATE.meta({ description: `${description} (${RATE_EXPECTED})` });
}

/** a duration, or one word that stands for "no duration" (wrap-up-time: untimed) */
export function durationOrWord(word: string, description: string) {
  const e = expected(`${DURATION_EXPECTED}, or ${word}`);
  return z
    .union([z.number({ error: e }).min(0, { error: e }), z.string({ error: e }).regex(new RegExp(`${DURATION_PATTERN}|^${word}$`), { error: e })], { error: e })
    .meta({ description: `${description} (${DURATION_EXPECTED}, or ${word})` });
}

/** a duration that must be > 0 (a horizon, an interval, a timeout) */
export function positiveDurationSchema(description: string) {
  return POSITIVE_DURATION.meta({ description: `${description} (${DURATION_EXPECTED}, > 0)` });
}

const POSITIVE_RATE = (() => {
  const e = viaParserPositive(parseRate, RATE_EXPECTED, "a rate");
  return z.union(
    [z.number({ error: e }).gt(0, { error: e }), z.string({ error: e }).regex(new RegExp(nonZero(RATE_PATTERN), "i"), { error: e })],
    { error: e },
  );
})();

/** a rate that must be > 0 (a constant arrival rate) */
export function positiveRateSchema(description: string) {
  return POSITIVE_RATE.meta({ description: `${description} (${RATE_EXPECTED}, > 0)` });
}

export const MEDIA_NAMES = ["voice", "chat", "email", "im"] as const;

/**
 * A default duration as the schema's texts write it (defaults.ts holds the value): 0, 300ms, 140s, 10m, 8h; whole
 * hours as hours, whole multiples of 5 minutes as minutes, the rest in seconds.
 */
export function shown(seconds: number): string {
  if (seconds === 0) return "0";
  if (seconds < 1) return formatDuration(seconds);
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 300 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
