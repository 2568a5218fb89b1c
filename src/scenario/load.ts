// Scenario loader: YAML/JSON text -> --set overrides -> zod validation -> defaults -> cross-checks -> frozen Scenario.
// Every problem is an InputError placed at the line:col of the YAML node it concerns (or the --set that caused it);
// when several exist, the first in document order wins, stage by stage, so a root cause is reported before the
// problems it causes elsewhere.
import { basename, dirname, extname, isAbsolute, join } from "node:path";
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Scalar,
} from "yaml";
import type * as z from "zod";
import { didYouMean, suggestion } from "./did-you-mean.js";
import { formatDuration, parseDuration } from "./duration.js";
import { InputError, ValueError, describeValue, formatPath, type Path, type PathSegment } from "./errors.js";
import { checkPath, isReservedKey, parsePath, reservedKeyIn, reservedKeyMessage } from "./override-path.js";
import { parseRate } from "./rate.js";
import { ScenarioSchema, unknownKeysInfo, type RawDistribution, type RawScenario } from "./schema.js";
import { pointlessTarget } from "./target-ranges.js";
import { SkillExpressionError, compileSkillExpression, type SkillExpression } from "./skill-expression.js";
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_SCENARIO_BYTES, tooDeepAt } from "./input-limits.js";
import { readBounded } from "./bounded-read.js";
import { unsupportedFeatures, unsupportedMessage } from "./support.js";
import { firstInvalidUtf8, lineAndColumn } from "./utf8.js";
import { parseTimestamp, formatTimestamp } from "./timestamp.js";
import { replaceTaggedValues } from "./yaml-tags.js";
import { ownWording } from "./zod-wording.js";
import { DistributionRangeError, MIN_POSITIVE, checkDistribution } from "../kernel/distributions.js";
import { readTraceCached, type RawTrace } from "./trace.js";
import { equivalentProfile, noArrivalsMessage, traceArrivals } from "./trace-arrivals.js";
import {
  MEDIA,
  type AgentGroupSpec,
  type ArrivalsSpec,
  type CapacityAlternative,
  type CapacityRuleSpec,
  type ComponentsSpec,
  type DistributionSpec,
  type FaultKind,
  type FaultSpec,
  type HaSpec,
  type ImSpec,
  type TreatmentSpec,
  type Media,
  type Scenario,
  type SiteSpec,
  type StaffingSpec,
  type TargetSpec,
  type TraceSpec,
  type TrafficSpec,
  viaInteractionServer,
} from "./types.js";

export interface LoadOptions {
  /** the file to read, or with `text` only the name shown in messages */
  readonly file?: string;
  /** the scenario source (YAML or JSON); when absent, `file` is read */
  readonly text?: string;
  /** `path=value` strings, as given to --set, applied in order; an object names another flag it came from (--vary) */
  readonly overrides?: readonly (string | { readonly source: string; readonly flag: string })[];
}

export interface Override {
  readonly path: PathSegment[];
  readonly value: unknown;
  /** as written, e.g. `agents[0].count=20` */
  readonly source: string;
  /** what messages blame: the flag and the override, e.g. `--set agents[0].count=20` */
  readonly where: string;
}

interface Problem {
  readonly path: Path;
  readonly message: string;
  /** place it at the key rather than the value (unknown and duplicate keys) */
  readonly key?: boolean;
  /** a character offset inside the string value (skill expressions) */
  readonly offset?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// --set

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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Writes one checked override into the document's plain data: only own properties are read on the way (a record key
 *  such as `toString` is never found on the prototype), and only keys checkPath allowed are written. */
function applyOverride(root: Record<string, unknown>, ov: Override): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Locations

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "").trim();
}

function keyOf(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  return String(k);
}

interface Ranked {
  readonly rank: readonly [number, number];
  readonly error: InputError;
}

class Locator {
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

function firstOf(ranked: Ranked[]): InputError | undefined {
  if (ranked.length === 0) return undefined;
  let best = ranked[0]!;
  for (const r of ranked) {
    if (r.rank[0] < best.rank[0] || (r.rank[0] === best.rank[0] && r.rank[1] < best.rank[1])) best = r;
  }
  return best.error;
}

function throwFirst(loc: Locator, problems: readonly Problem[]): void {
  const e = firstOf(problems.map((p) => loc.place(p)));
  if (e !== undefined) throw e;
}

// ---------------------------------------------------------------------------------------------------------------
// YAML

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

/** A scenario file's text, or the one-line InputError loadScenario would give for a file it cannot read. */
export function readScenarioText(file: string): string {
  return readSource({ file }, file);
}

/** `bytes` is the file's size when it is known (a regular file, a text), undefined for a device or pipe read up to
 *  the limit. */
function tooBig(display: string, bytes: number | undefined): InputError {
  const mb = (x: number) => `${(x / (1 << 20)).toFixed(1)} MB`;
  return new InputError(
    display,
    undefined,
    `${bytes === undefined ? "it holds" : `the file is ${mb(bytes)},`} more than a scenario may be (${mb(MAX_SCENARIO_BYTES)}); recorded arrivals belong in a trace CSV (arrivals: {trace: calls.csv})`,
  );
}

/** The scenario's text: never more than MAX_SCENARIO_BYTES read of it, whatever the file is (a device or a FIFO too),
 *  and checked for UTF-8 before it is decoded. */
function readSource(opts: LoadOptions, display: string): string {
  if (opts.text !== undefined) {
    if (opts.text.length > MAX_SCENARIO_BYTES) throw tooBig(display, Buffer.byteLength(opts.text));
    return opts.text;
  }
  if (opts.file === undefined) throw new InputError("ccsim", undefined, "no scenario given (a file or text)");
  try {
    const read = readBounded(opts.file, MAX_SCENARIO_BYTES);
    if (read.more) throw tooBig(display, read.size);
    const bytes = read.bytes;
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const { line, col } = lineAndColumn(bytes, bad);
      throw new InputError(
        `${display}:${line}:${col}`,
        undefined,
        `not UTF-8: byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")} (save the file as UTF-8)`,
        line,
        col,
      );
    }
    return bytes.toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === "ENOENT" ? "no such file" :
      err.code === "EISDIR" ? "it is a directory" :
      err.code === "EACCES" ? "permission denied" :
      firstLine(err.message);
    throw new InputError(display, undefined, `cannot read: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// zod issues -> problems

type Issue = z.core.$ZodIssue;

function isRootTypeMismatch(i: Issue): boolean {
  if (i.path.length !== 0) return false;
  if (i.code === "invalid_type") return true;
  if (i.code === "invalid_union" && !("discriminator" in i && i.discriminator !== undefined)) {
    return i.errors.length > 0 && i.errors.every((b) => b.every(isRootTypeMismatch));
  }
  return false;
}

function issueProblems(iss: Issue, base: Path): Problem[] {
  const path: Path = [...base, ...iss.path.map((s) => (typeof s === "number" ? s : String(s)))];
  switch (iss.code) {
    case "unrecognized_keys": {
      const info = unknownKeysInfo(iss.message);
      const allowed = info?.allowed ?? [];
      const what = info?.what ?? "key";
      return iss.keys.map((k) => {
        const hint = suggestion(k, allowed);
        const list = hint === "" && allowed.length > 0 ? `; expected one of ${allowed.join(", ")}` : "";
        return { path: [...path, k], message: `unknown ${what}${hint}${list}`, key: true };
      });
    }
    case "invalid_key": {
      const inner = iss.issues[0];
      return [{ path, message: inner === undefined ? ownWording(iss) : ownWording(inner as Issue), key: true }];
    }
    case "invalid_union": {
      if ("discriminator" in iss && iss.discriminator !== undefined) return [{ path, message: ownWording(iss) }];
      // a union of differently-typed forms (a duration, or a {dist: ...} mapping): the form whose type matched
      // says what is wrong inside it; when none matched, the union's own message lists the forms
      const live = iss.errors.filter((b) => !b.every(isRootTypeMismatch));
      if (live.length === 1) return live[0]!.flatMap((i) => issueProblems(i, path));
      return [{ path, message: ownWording(iss) }];
    }
    default:
      return [{ path, message: ownWording(iss) }];
  }
}

/**
 * The problems of a failed parse. A required key that is missing because it is misspelt (`agentz:`) is reported once,
 * at the misspelt key's own line with its did-you-mean, not also as "agents: missing" at 1:1, which would win.
 */
function zodProblems(issues: readonly Issue[]): Problem[] {
  const problems = issues.flatMap((i) => issueProblems(i, []));
  const unknown = problems.filter((p) => p.key === true && p.message.startsWith("unknown"));
  const misspelt = (p: Problem): boolean => {
    if (!p.message.startsWith("missing") || p.path.length === 0) return false;
    const name = String(p.path[p.path.length - 1]);
    const parent = p.path.slice(0, -1);
    return unknown.some(
      (u) =>
        u.path.length === p.path.length &&
        parent.every((seg, j) => String(seg) === String(u.path[j])) &&
        didYouMean(String(u.path[u.path.length - 1]), [name]) === name,
    );
  };
  return problems.filter((p) => !misspelt(p));
}

// ---------------------------------------------------------------------------------------------------------------
// Normalization

const DEFAULTS = {
  name: "scenario",
  seed: 1,
  replications: 10,
  horizon: 8 * 3600,
  warmup: 0,
  interval: 15 * 60,
  serviceLevel: 20,
  topology: "cluster",
  network: { intraSite: 0.001, interSite: 0.04, statDelay: 0.005 },
  routing: {
    mode: "node-based",
    environment: "none",
    selection: "longest-idle",
    reservation: { mode: "explicit", collectionTime: 0.3, reservationTime: 10 },
    routerTimeout: 10,
    strategyTime: 0,
    proxy: "round-robin",
    defaultRoute: "reject",
  },
  ha: {
    addpTimeout: 7,
    proxyDetection: 2,
    tcReconnectTimeout: 0,
    registrationDelay: 140,
    agentStateAutoRestore: false,
    loginDelay: 30,
    requestTimeout: 5,
  },
  /** the component load model's costs: assumptions to calibrate (README, "Component load") */
  components: {
    sipProxy: { call: 0.002 },
    sessionController: { call: 0.11, routeCall: 0.056 },
    tController: { event: 0.025, peer: 0.005, client: 0.006 },
    smartProxy: { enabled: false, event: 0.005, client: 0.002 },
    statServer: { event: 0.005 },
    urs: { attempt: 0.08 },
    vqServer: { reserve: 0.01 },
    interactionServer: { route: 0.11, deliver: 0.056 },
  },
  site: { nodes: 1, vqPriority: 0 },
  agent: { capacity: "voice", phone: "sip", noAnswer: 0, noAnswerTimeout: 12, noAnswerNotReady: 60 },
  traffic: { media: "voice", priority: 0 },
  /** an unused IM session is released after 10 minutes of inactivity (Skype for Business connector guide) */
  im: { messages: 5, gapMean: 30, idleTimeout: 600 },
} as const;

/** the most interactions of one media a capacity rule may allow: a bound on what a desk can hold, well past any real one */
const MAX_CAPACITY = 1000;

const BUILTIN_RULE: CapacityRuleSpec = { name: "voice", alternatives: [{ voice: 1 }] };

// floating-point slack when checking that periods cover the horizon (1.5h as 90 x 1m)
const EPS = 1e-9;
const DAY = 86400;

class Normalizer {
  /** stage 1: values and shapes */
  readonly values: Problem[] = [];
  /** stage 2: references between parts (sites, rules, skills, node ids) */
  readonly refs: Problem[] = [];
  /** stage 3: whether each target can be served at all */
  readonly serving: Problem[] = [];
  /** traffic types whose arrivals are a trace, read once everything else is known to be right */
  readonly traces: { index: number; source: string; resample: boolean }[] = [];

  constructor(
    private readonly raw: RawScenario,
    private readonly defaultName: string,
    /** metric names as the user wrote them: zod's output follows the schema's key order instead */
    private readonly targetOrder: readonly string[],
  ) {}

  private dur(v: unknown, path: Path, opts: { positive?: boolean } = {}): number {
    try {
      const d = parseDuration(v);
      if (opts.positive === true && d === 0) {
        this.values.push({ path, message: `expected a duration > 0, got ${describeValue(v)}` });
      }
      return d;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      this.values.push({ path, message: e.message });
      return Number.NaN;
    }
  }

  private optDur(v: unknown, path: Path, dflt: number, opts: { positive?: boolean } = {}): number {
    return v === undefined ? dflt : this.dur(v, path, opts);
  }

  private rate(v: unknown, path: Path): number {
    try {
      const r = parseRate(v);
      // the mean gap between arrivals must be one the clock can add (distributions.ts MIN_POSITIVE): a shorter one
      // leaves t + gap === t, and the arrivals would never move the run on
      if (r * MIN_POSITIVE > 1) {
        this.values.push({ path, message: `expected a rate of at most 1,000,000/s (one arrival a microsecond, the clock's resolution), got ${describeValue(v)}` });
      }
      return r;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      this.values.push({ path, message: e.message });
      return Number.NaN;
    }
  }

  /** a distribution, checked by the kernel's own rule for what it draws (distributions.ts checkDistribution) */
  private dist(v: RawDistribution, path: Path): DistributionSpec {
    const before = this.values.length;
    const spec = this.distSpec(v, path);
    // a parameter already reported (NaN in its place) would only be reported again
    if (this.values.length > before) return spec;
    try {
      checkDistribution(spec);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      this.values.push(distributionProblem(e, v, path));
    }
    return spec;
  }

  private distSpec(v: RawDistribution, path: Path): DistributionSpec {
    if (typeof v === "number" || typeof v === "string") return { dist: "constant", value: this.dur(v, path) };
    const at = (k: string): Path => [...path, k];
    switch (v.dist) {
      case "constant":
        return { dist: "constant", value: this.dur(v.mean, at("mean")) };
      case "exponential":
        return { dist: "exponential", mean: this.dur(v.mean, at("mean"), { positive: true }) };
      case "uniform": {
        const min = this.dur(v.min, at("min"));
        const max = this.dur(v.max, at("max"));
        if (max < min) {
          this.values.push({ path: at("max"), message: `expected max >= min (${formatDuration(min)}), got ${describeValue(v.max)}` });
        }
        return { dist: "uniform", min, max };
      }
      case "normal": {
        // how far below 0 the mean may sit against the sd is the kernel's rule, applied by dist()
        return { dist: "normal", mean: this.dur(v.mean, at("mean")), sd: this.dur(v.sd, at("sd")) };
      }
      case "lognormal":
        return { dist: "lognormal", mean: this.dur(v.mean, at("mean"), { positive: true }), sd: this.dur(v.sd, at("sd")) };
      case "gamma":
        // cv 0 is the constant mean, as the kernel draws it (one rule, checked by dist())
        return { dist: "gamma", mean: this.dur(v.mean, at("mean"), { positive: true }), cv: v.cv };
      case "erlang":
        return { dist: "erlang", k: v.k, mean: this.dur(v.mean, at("mean"), { positive: true }) };
      case "empirical": {
        const values = v.values.map((x, i) => this.dur(x, [...path, "values", i]));
        let weights: number[];
        if (v.weights === undefined) {
          weights = values.map(() => 1);
        } else {
          weights = v.weights.slice();
          if (weights.length !== values.length) {
            this.values.push({
              path: at("weights"),
              message: `expected ${values.length} weight${values.length === 1 ? "" : "s"} (one per value), got ${weights.length}`,
            });
          } else if (!weights.some((w) => w > 0)) {
            this.values.push({ path: at("weights"), message: "expected at least one weight > 0, got all 0" });
          }
        }
        return { dist: "empirical", values, weights };
      }
    }
  }

  run(): Scenario {
    const r = this.raw;
    const horizon = this.optDur(r.horizon, ["horizon"], DEFAULTS.horizon, { positive: true });
    const warmup = this.optDur(r.warmup, ["warmup"], DEFAULTS.warmup);
    if (warmup >= horizon) {
      this.values.push({
        path: ["warmup"],
        message: `expected a warmup shorter than the horizon (${formatDuration(horizon)}), got ${describeValue(r.warmup)}`,
      });
    }
    const interval = this.optDur(r.interval, ["interval"], DEFAULTS.interval, { positive: true });
    const serviceLevel = this.optDur(r.serviceLevel, ["serviceLevel"], DEFAULTS.serviceLevel);
    let start: string | undefined;
    if (r.start !== undefined) {
      try {
        start = formatTimestamp(parseTimestamp(r.start));
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        this.values.push({ path: ["start"], message: e.message });
      }
    }

    const sites = this.sites();
    const siteIds = sites.map((s) => s.id);
    this.failovers(sites);
    const network = {
      intraSite: this.optDur(r.network?.intraSite, ["network", "intraSite"], DEFAULTS.network.intraSite),
      interSite: this.optDur(r.network?.interSite, ["network", "interSite"], DEFAULTS.network.interSite),
      statDelay: this.optDur(r.network?.statDelay, ["network", "statDelay"], DEFAULTS.network.statDelay),
    };
    const routing = this.routing();
    const capacityRules = this.capacityRules();
    const agents = this.agents(horizon, siteIds, capacityRules);
    const { traffic, compiled } = this.traffic(horizon, siteIds);
    this.skillRefs(agents, compiled, siteIds);
    this.serve(agents, traffic, compiled, capacityRules);
    const topology = r.topology ?? DEFAULTS.topology;
    this.topology(topology, sites, traffic);
    const ha = this.ha();
    const faults = this.faults(sites, horizon);
    const components = r.components === undefined ? undefined : this.components();
    const targets = this.targets(components, traffic);

    return {
      version: 1,
      name: r.name ?? this.defaultName,
      seed: r.seed ?? DEFAULTS.seed,
      replications: r.replications ?? DEFAULTS.replications,
      ...(start === undefined ? {} : { start }),
      horizon,
      warmup,
      interval,
      serviceLevel,
      topology,
      sites,
      network,
      routing,
      capacityRules,
      agents,
      traffic,
      ha,
      faults,
      targets,
      ...(components === undefined ? {} : { components }),
    };
  }

  private components(): ComponentsSpec {
    const r = this.raw.components ?? {};
    const d = DEFAULTS.components;
    const cost = <K extends keyof typeof d>(kind: K, key: string, given: Readonly<Record<string, unknown>> | undefined): number =>
      this.optDur(given?.[key], ["components", kind, key], (d[kind] as Readonly<Record<string, number>>)[key]!);
    const sp = r.smartProxy;
    const spGiven = typeof sp === "object" ? sp : undefined;
    return {
      sipProxy: { call: cost("sipProxy", "call", r.sipProxy) },
      sessionController: {
        call: cost("sessionController", "call", r.sessionController),
        routeCall: cost("sessionController", "routeCall", r.sessionController),
      },
      tController: {
        event: cost("tController", "event", r.tController),
        peer: cost("tController", "peer", r.tController),
        client: cost("tController", "client", r.tController),
      },
      smartProxy: {
        enabled: typeof sp === "boolean" ? sp : sp === undefined ? d.smartProxy.enabled : (sp.enabled ?? true),
        event: cost("smartProxy", "event", spGiven),
        client: cost("smartProxy", "client", spGiven),
      },
      statServer: { event: cost("statServer", "event", r.statServer) },
      urs: { attempt: cost("urs", "attempt", r.urs) },
      vqServer: { reserve: cost("vqServer", "reserve", r.vqServer) },
      interactionServer: {
        route: cost("interactionServer", "route", r.interactionServer),
        deliver: cost("interactionServer", "deliver", r.interactionServer),
      },
    };
  }

  /** IM needs SIP Servers outside a cluster; a standalone site is one SIP Server HA pair. */
  private topology(topology: "cluster" | "standalone", sites: readonly SiteSpec[], traffic: readonly TrafficSpec[]): void {
    if (topology === "standalone") {
      sites.forEach((s, i) => {
        if (s.nodes !== 1) {
          this.values.push({
            path: ["sites", i, "nodes"],
            message: `topology standalone: each site is one SIP Server HA pair (expected nodes: 1), got ${s.nodes}`,
          });
        }
      });
      return;
    }
    traffic.forEach((t, i) => {
      if (t.media !== "im") return;
      this.values.push({
        path: ["traffic", i, "media"],
        message:
          "SIP Cluster does not support Instant Messaging (SIP Cluster Solution Guide): use topology: standalone " +
          "(one SIP Server HA pair a site) for IM",
      });
    });
  }

  private ha(): HaSpec {
    const r = this.raw.ha ?? {};
    const d = DEFAULTS.ha;
    const at = (k: keyof typeof d): Path => ["ha", k];
    return {
      addpTimeout: this.optDur(r.addpTimeout, at("addpTimeout"), d.addpTimeout, { positive: true }),
      proxyDetection: this.optDur(r.proxyDetection, at("proxyDetection"), d.proxyDetection),
      tcReconnectTimeout: this.optDur(r.tcReconnectTimeout, at("tcReconnectTimeout"), d.tcReconnectTimeout),
      registrationDelay: this.optDur(r.registrationDelay, at("registrationDelay"), d.registrationDelay, { positive: true }),
      agentStateAutoRestore: r.agentStateAutoRestore ?? d.agentStateAutoRestore,
      loginDelay: this.optDur(r.loginDelay, at("loginDelay"), d.loginDelay),
      requestTimeout: this.optDur(r.requestTimeout, at("requestTimeout"), d.requestTimeout, { positive: true }),
    };
  }

  private duplicate(seen: Map<string, number>, id: string, path: Path, what: string, list: string): void {
    const first = seen.get(id);
    if (first !== undefined) {
      this.values.push({ path, message: `duplicate ${what} ${JSON.stringify(id)} (already ${list}[${first}])` });
    } else {
      seen.set(id, path[1] as number);
    }
  }

  private sites(): SiteSpec[] {
    const seen = new Map<string, number>();
    return this.raw.sites.map((s, i) => {
      this.duplicate(seen, s.id, ["sites", i, "id"], "site id", "sites");
      const site: { id: string; nodes: number; vq: { priority: number }; failover?: string } = {
        id: s.id,
        nodes: s.nodes ?? DEFAULTS.site.nodes,
        vq: { priority: s.vq?.priority ?? DEFAULTS.site.vqPriority },
      };
      if (s.failover !== undefined) site.failover = s.failover;
      return site;
    });
  }

  /** A site's failover must name another site. */
  private failovers(sites: readonly SiteSpec[]): void {
    const ids = sites.map((s) => s.id);
    sites.forEach((s, i) => {
      if (s.failover === undefined) return;
      if (s.failover === s.id) {
        this.refs.push({ path: ["sites", i, "failover"], message: `expected another site than ${s.id} itself` });
      } else if (!ids.includes(s.failover)) {
        const hint = suggestion(s.failover, ids);
        this.refs.push({ path: ["sites", i, "failover"], message: `unknown site ${JSON.stringify(s.failover)}${hint}${hint === "" ? `; sites are ${ids.join(", ")}` : ""}` });
      }
    });
  }

  private routing(): Scenario["routing"] {
    const r = this.raw.routing ?? {};
    const d = DEFAULTS.routing;
    const mode = r.mode ?? d.mode;
    let nodesPerUrs = 1;
    if (mode === "grouped") {
      if (r.nodesPerUrs === undefined) {
        this.values.push({
          path: ["routing", "nodesPerUrs"],
          message: "missing (expected a whole number >= 1: routing mode grouped needs nodes per URS pair)",
        });
      } else {
        nodesPerUrs = r.nodesPerUrs;
      }
    } else if (r.nodesPerUrs !== undefined) {
      this.values.push({
        path: ["routing", "nodesPerUrs"],
        message: `only allowed with mode: grouped (mode is ${mode})`,
        key: true,
      });
    }
    const res = r.reservation ?? {};
    return {
      mode,
      nodesPerUrs,
      environment: r.environment ?? d.environment,
      selection: r.selection ?? d.selection,
      reservation: {
        mode: res.mode ?? d.reservation.mode,
        collectionTime: this.optDur(res.collectionTime, ["routing", "reservation", "collectionTime"], d.reservation.collectionTime),
        reservationTime: this.optDur(res.reservationTime, ["routing", "reservation", "reservationTime"], d.reservation.reservationTime, { positive: true }),
      },
      routerTimeout: this.optDur(r.routerTimeout, ["routing", "routerTimeout"], d.routerTimeout, { positive: true }),
      strategyTime: this.optDur(r.strategyTime, ["routing", "strategyTime"], d.strategyTime),
      proxy: r.proxy ?? d.proxy,
      defaultRoute: r.defaultRoute ?? d.defaultRoute,
    };
  }

  private capacityRules(): CapacityRuleSpec[] {
    const rules: CapacityRuleSpec[] = [];
    for (const [name, alts] of Object.entries(this.raw.capacityRules ?? {})) {
      const alternatives: CapacityAlternative[] = alts.map((alt, i) => {
        const out: Partial<Record<Media, number>> = {};
        for (const m of MEDIA) {
          const max = alt[m];
          if (max === undefined) continue;
          out[m] = max;
          if (max > MAX_CAPACITY) {
            this.values.push({ path: ["capacityRules", name, i, m], message: `expected at most ${MAX_CAPACITY} interactions at once, got ${max}` });
          }
        }
        if (Object.keys(out).length === 0) {
          this.values.push({
            path: ["capacityRules", name, i],
            message: "expected at least one media, e.g. {voice: 1}, got an empty mapping",
          });
        }
        return out;
      });
      rules.push({ name, alternatives });
    }
    if (!rules.some((r) => r.name === BUILTIN_RULE.name)) rules.push(BUILTIN_RULE);
    return rules;
  }

  private siteRef(v: string | undefined, path: Path, siteIds: readonly string[]): string {
    if (v === undefined) {
      if (siteIds.length === 1) return siteIds[0]!;
      this.refs.push({ path, message: `missing (expected one of ${siteIds.join(", ")}: required when there are several sites)` });
      return "";
    }
    if (!siteIds.includes(v)) {
      const hint = suggestion(v, siteIds);
      this.refs.push({ path, message: `unknown site ${JSON.stringify(v)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}` });
    }
    return v;
  }

  private agents(horizon: number, siteIds: readonly string[], rules: readonly CapacityRuleSpec[]): AgentGroupSpec[] {
    const seen = new Map<string, number>();
    const ruleNames = rules.map((r) => r.name);
    const d = DEFAULTS.agent;
    return this.raw.agents.map((a, i) => {
      const p = (...rest: PathSegment[]): Path => ["agents", i, ...rest];
      this.duplicate(seen, a.group, p("group"), "group", "agents");
      const site = this.siteRef(a.site, p("site"), siteIds);
      let count = 1;
      let staffing: StaffingSpec | undefined;
      if (a.count !== undefined && a.staffing !== undefined) {
        this.values.push({ path: p("staffing"), message: "give either count or staffing, not both", key: true });
      } else if (a.count !== undefined) {
        count = a.count;
      } else if (a.staffing !== undefined) {
        const period = this.dur(a.staffing.period, p("staffing", "period"), { positive: true });
        const counts = a.staffing.counts.slice();
        this.covers(counts.length, period, horizon, p("staffing", "counts"), "count");
        count = Math.max(...counts);
        if (count < 1) this.values.push({ path: p("staffing", "counts"), message: "expected at least one count >= 1, got all 0" });
        staffing = { period, counts };
      } else {
        this.values.push({ path: p("count"), message: "missing (expected count: a whole number >= 1, or staffing: {period, counts})" });
      }
      const capacity = a.capacity ?? d.capacity;
      if (!ruleNames.includes(capacity)) {
        const hint = suggestion(capacity, ruleNames);
        this.refs.push({
          path: p("capacity"),
          message: `unknown capacity rule ${JSON.stringify(capacity)}${hint}${hint === "" ? `; rules are ${ruleNames.join(", ")}` : ""}`,
        });
      }
      const group: AgentGroupSpec = {
        group: a.group,
        site,
        count,
        ...(staffing === undefined ? {} : { staffing }),
        skills: Object.fromEntries(Object.entries(a.skills ?? {})),
        capacity,
        phone: a.phone ?? d.phone,
        answerDelay: a.answerDelay === undefined ? { dist: "constant", value: 0 } : this.dist(a.answerDelay, p("answerDelay")),
        noAnswer: a.noAnswer ?? d.noAnswer,
        noAnswerTimeout: this.optDur(a.noAnswerTimeout, p("noAnswerTimeout"), d.noAnswerTimeout, { positive: true }),
        noAnswerNotReady: this.optDur(a.noAnswerNotReady, p("noAnswerNotReady"), d.noAnswerNotReady),
        wrapUp: a.wrapUp === undefined ? { dist: "constant", value: 0 } : this.dist(a.wrapUp, p("wrapUp")),
      };
      return group;
    });
  }

  /** a profile of n periods must reach the horizon: the model has nothing to say past its end */
  private covers(n: number, period: number, horizon: number, path: Path, what: string): void {
    if (!(period > 0) || !Number.isFinite(horizon)) return;
    if (n * period < horizon - EPS) {
      const need = Math.ceil(horizon / period - EPS);
      this.values.push({
        path,
        message:
          `${n} ${what}${n === 1 ? "" : "s"} of ${formatDuration(period)} cover ${formatDuration(n * period)}, ` +
          `short of the horizon (${formatDuration(horizon)}): expected at least ${need}`,
      });
    }
  }

  private traffic(horizon: number, siteIds: readonly string[]): { traffic: TrafficSpec[]; compiled: (SkillExpression | undefined)[] } {
    const seen = new Map<string, number>();
    const compiled: (SkillExpression | undefined)[] = [];
    const traffic = this.raw.traffic.map((t, i) => {
      const p = (...rest: PathSegment[]): Path => ["traffic", i, ...rest];
      this.duplicate(seen, t.type, p("type"), "type", "traffic");
      const site = this.siteRef(t.site, p("site"), siteIds);
      const arrivals = this.arrivals(t.arrivals, horizon, p("arrivals"));
      let expr: SkillExpression | undefined;
      try {
        expr = compileSkillExpression(t.target);
      } catch (e) {
        if (!(e instanceof SkillExpressionError)) throw e;
        this.values.push({ path: p("target"), message: `bad skill expression: ${e.message}`, offset: e.offset });
      }
      compiled.push(expr);
      const media = t.media ?? DEFAULTS.traffic.media;
      if (t.im !== undefined && media !== "im") {
        this.values.push({ path: p("im"), message: `only media im takes im (this type is ${media})`, key: true });
      }
      const spec: TrafficSpec = {
        type: t.type,
        site,
        media,
        arrivals,
        handleTime: this.handleTime(t, i),
        ...(t.patience === undefined ? {} : { patience: this.dist(t.patience, p("patience")) }),
        target: t.target,
        priority: t.priority ?? DEFAULTS.traffic.priority,
        ...(t.serviceLevel === undefined ? {} : { serviceLevel: this.dur(t.serviceLevel, p("serviceLevel")) }),
        ...(media === "im" ? { im: this.im(t.im ?? {}, p("im")) } : {}),
      };
      return spec;
    });
    return { traffic, compiled };
  }

  /** IM sessions last as long as their conversation; every other media needs its handle time */
  private handleTime(t: RawScenario["traffic"][number], i: number): DistributionSpec {
    const path: Path = ["traffic", i, "handleTime"];
    if (t.media === "im") {
      if (t.handleTime !== undefined) {
        this.values.push({ path, message: "an IM session lasts as long as its conversation: give im.messages and im.gap instead", key: true });
      }
      return { dist: "constant", value: 0 };
    }
    if (t.handleTime === undefined) {
      this.values.push({ path, message: "missing (expected a distribution: a duration like 30s, or a mapping like {dist: exponential, mean: 30s})" });
      return { dist: "constant", value: 0 };
    }
    return this.dist(t.handleTime, path);
  }

  private im(raw: NonNullable<RawScenario["traffic"][number]["im"]>, path: Path): ImSpec {
    const at = (...rest: PathSegment[]): Path => [...path, ...rest];
    const treatments = (raw.treatments ?? []).map((tr, k): TreatmentSpec => {
      const here = at("treatments", k);
      if ((tr.playAnnouncement === undefined) === (tr.collectDigits === undefined)) {
        this.values.push({ path: here, message: "expected exactly one of playAnnouncement or collectDigits" });
        return { kind: "playAnnouncement", duration: 0 };
      }
      if (tr.playAnnouncement !== undefined) {
        return { kind: "playAnnouncement", duration: this.dur(tr.playAnnouncement, [...here, "playAnnouncement"]) };
      }
      const c = tr.collectDigits!;
      const cd: Path = [...here, "collectDigits"];
      return {
        kind: "collectDigits",
        totalTimeout: this.dur(c.totalTimeout, [...cd, "totalTimeout"], { positive: true }),
        reply: this.dist(c.reply, [...cd, "reply"]),
        onTimeout: c.onTimeout ?? "proceed",
      };
    });
    return {
      messages: raw.messages === undefined ? { dist: "constant", value: DEFAULTS.im.messages } : this.dist(raw.messages, at("messages")),
      gap: raw.gap === undefined ? { dist: "exponential", mean: DEFAULTS.im.gapMean } : this.dist(raw.gap, at("gap")),
      idleTimeout: this.optDur(raw.idleTimeout, at("idleTimeout"), DEFAULTS.im.idleTimeout, { positive: true }),
      treatments,
    };
  }

  private arrivals(a: NonNullable<RawScenario["traffic"][number]["arrivals"]>, horizon: number, path: Path): ArrivalsSpec {
    const at = (k: string): Path => [...path, k];
    if (a.trace !== undefined) {
      const extra = (["rate", "period", "rates"] as const).find((k) => a[k] !== undefined);
      if (extra !== undefined) {
        this.values.push({ path: at(extra), message: "give either rate, period with rates, or trace, not several", key: true });
      }
      const resample = a.resample ?? false;
      if (resample && !(horizon >= 2 * DAY && Number.isInteger(horizon / DAY))) {
        this.values.push({
          path: at("resample"),
          message: `resample replays days drawn from the trace: expected a horizon of whole days, at least 2 (24h, 48h, ...), got ${formatDuration(horizon)}`,
        });
      }
      this.traces.push({ index: path[1] as number, source: a.trace, resample });
      // the trace's own profile replaces this once it is read
      return { period: horizon, rates: [0] };
    }
    if (a.resample !== undefined) {
      this.values.push({ path: at("resample"), message: "only a trace can be resampled (arrivals: {trace: calls.csv, resample: true})", key: true });
    }
    if (a.rate !== undefined) {
      if (a.period !== undefined || a.rates !== undefined) {
        const extra = a.period !== undefined ? "period" : "rates";
        this.values.push({ path: at(extra), message: "give either rate, or period with rates, not both", key: true });
      }
      const rate = this.rate(a.rate, at("rate"));
      if (rate === 0) this.values.push({ path: at("rate"), message: `expected a rate > 0, got ${describeValue(a.rate)}` });
      return { period: horizon, rates: [rate] };
    }
    if (a.period === undefined && a.rates === undefined) {
      this.values.push({ path: at("rate"), message: "missing (expected rate: like 20/min, period with rates, or trace: a CSV file)" });
      return { period: horizon, rates: [0] };
    }
    if (a.period === undefined) {
      this.values.push({ path: at("period"), message: "missing (expected the length of each period of rates, e.g. 1h)" });
      return { period: horizon, rates: [0] };
    }
    if (a.rates === undefined) {
      this.values.push({ path: at("rates"), message: "missing (expected a list of rates, one per period)" });
      return { period: horizon, rates: [0] };
    }
    const period = this.dur(a.period, at("period"), { positive: true });
    const rates = a.rates.map((x, i) => this.rate(x, [...path, "rates", i]));
    this.covers(rates.length, period, horizon, at("rates"), "rate");
    const within = period > 0 ? rates.slice(0, Math.max(1, Math.ceil(horizon / period - EPS))) : rates;
    if (!within.some((x) => x > 0)) {
      this.values.push({ path: at("rates"), message: "expected at least one rate > 0 within the horizon, got all 0" });
    }
    return { period, rates };
  }

  private skillRefs(agents: readonly AgentGroupSpec[], compiled: readonly (SkillExpression | undefined)[], siteIds: readonly string[]): void {
    const allSkills: string[] = [];
    for (const g of agents) for (const s of Object.keys(g.skills)) if (!allSkills.includes(s)) allSkills.push(s);
    compiled.forEach((expr, i) => {
      if (expr === undefined) return;
      const path: Path = ["traffic", i, "target"];
      for (const skill of expr.skills) {
        if (allSkills.includes(skill)) continue;
        const hint = suggestion(skill, allSkills);
        this.refs.push({
          path,
          message: `no agent group has skill ${JSON.stringify(skill)}${hint}`,
          ...offsetOf(expr.source, skill),
        });
      }
      for (const site of expr.sitesNamed) {
        if (siteIds.includes(site)) continue;
        const hint = suggestion(site, siteIds);
        this.refs.push({
          path,
          message: `sitex(${site}): unknown site ${JSON.stringify(site)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}`,
          ...offsetOf(expr.source, site),
        });
      }
    });
  }

  private serve(
    agents: readonly AgentGroupSpec[],
    traffic: readonly TrafficSpec[],
    compiled: readonly (SkillExpression | undefined)[],
    rules: readonly CapacityRuleSpec[],
  ): void {
    traffic.forEach((t, i) => {
      const expr = compiled[i];
      if (expr === undefined) return;
      const matching = agents.filter((g) => expr.matches(g.skills, g.site, t.site));
      if (matching.length === 0) {
        const related = agents.filter((g) => expr.skills.some((s) => Object.hasOwn(g.skills, s))).slice(0, 3);
        const levels = related.map((g) => `${g.group} {${expr.skills.filter((s) => Object.hasOwn(g.skills, s)).map((s) => `${s}: ${g.skills[s]}`).join(", ")}}`);
        this.serving.push({
          path: ["traffic", i, "target"],
          message: `no agent group matches ${JSON.stringify(t.target)}` + (levels.length > 0 ? ` (groups with these skills: ${levels.join("; ")})` : ""),
        });
        return;
      }
      const canTake = (g: AgentGroupSpec): boolean =>
        rules.find((r) => r.name === g.capacity)?.alternatives.some((alt) => (alt[t.media] ?? 0) >= 1) ?? false;
      if (!matching.some(canTake)) {
        this.serving.push({
          path: ["traffic", i, "target"],
          message:
            `the agent groups matching ${JSON.stringify(t.target)} (${matching.map((g) => g.group).join(", ")}) ` +
            `have no capacity for ${t.media} (their capacity rules: ${[...new Set(matching.map((g) => g.capacity))].join(", ")})`,
        });
      }
    });
  }

  private faults(sites: readonly SiteSpec[], horizon: number): FaultSpec[] {
    const siteIds = sites.map((s) => s.id);
    // node ids are checked by their form, never listed: a site may claim any number of nodes, and the cost of a
    // deployment that large is the run's to refuse (cli/guard.ts), not the loader's to allocate; suggestions
    // consider the first few nodes of each site
    const nodeIds = sites.flatMap((s) => Array.from({ length: Math.min(s.nodes, 16) }, (_, k) => `${s.id}.n${k + 1}`));
    const isNode = (id: string): boolean => {
      const m = /^(.*)\.n([1-9]\d*)$/.exec(id);
      const site = m === null ? undefined : sites.find((x) => x.id === m[1]);
      return site !== undefined && Number(m![2]) <= site.nodes;
    };
    const unknownNode = (id: string): string => {
      const m = /^(.*)\.n(\d+)$/.exec(id);
      const site = m === null ? undefined : sites.find((s) => s.id === m[1]);
      if (site !== undefined) {
        return `unknown node ${JSON.stringify(id)}: ${site.id} has ${site.nodes} node${site.nodes === 1 ? "" : "s"} (${site.id}.n1..${site.id}.n${site.nodes})`;
      }
      const hint = suggestion(id, nodeIds);
      return `unknown node ${JSON.stringify(id)}${hint}${hint === "" ? " (node ids are <site>.n<k>, e.g. " + nodeIds[0] + ")" : ""}`;
    };
    const unknownSite = (id: string): string => {
      const hint = suggestion(id, siteIds);
      return `unknown site ${JSON.stringify(id)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}`;
    };
    const reservation = this.raw.routing?.reservation?.mode ?? DEFAULTS.routing.reservation.mode;
    return (this.raw.faults ?? []).map((f, i) => {
      const p = (...rest: PathSegment[]): Path => ["faults", i, ...rest];
      const kind: FaultKind = f.kind;
      if (kind === "vq-down" && reservation !== "explicit") {
        this.values.push({
          path: p("kind"),
          message: `vq-down needs explicit reservation (routing.reservation.mode is ${reservation}: no VQ SIP Server takes part)`,
        });
      }
      const at = this.dur(f.at, p("at"));
      if (at >= horizon) {
        this.values.push({ path: p("at"), message: `expected a start before the horizon (${formatDuration(horizon)}), got ${describeValue(f.at)}` });
      }
      const duration = f.duration === undefined ? undefined : this.dur(f.duration, p("duration"), { positive: true });
      const out: { at: number; kind: FaultKind; target?: string; between?: readonly [string, string]; duration?: number } = { at, kind };
      if (kind === "link-down") {
        if (f.target !== undefined) {
          this.values.push({ path: p("target"), message: "link-down takes between: [A, B], not target", key: true });
        }
        if (f.between === undefined) {
          this.values.push({ path: p("between"), message: "missing (expected two node ids or two site ids, e.g. [dc1.n1, dc1.n2])" });
        } else {
          const [a, b] = f.between;
          const bothNodes = isNode(a) && isNode(b);
          const bothSites = siteIds.includes(a) && siteIds.includes(b);
          if (a === b) {
            this.values.push({ path: p("between"), message: `expected two different ids, got ${a} twice` });
          } else if (!bothNodes && !bothSites) {
            // name the first id that does not fit, judged by what the other one is
            const nodeLike = (id: string): boolean => /\.n\d+$/.test(id);
            const asNodes = nodeLike(a) || nodeLike(b);
            for (const [k, id] of [[0, a], [1, b]] as const) {
              const ok = asNodes ? isNode(id) : siteIds.includes(id);
              if (!ok) {
                this.refs.push({
                  path: p("between", k),
                  message: asNodes
                    ? (nodeLike(id) ? unknownNode(id) : `expected a node id like the other end, got ${JSON.stringify(id)}`)
                    : unknownSite(id),
                });
                break;
              }
            }
          }
          out.between = [a, b];
        }
      } else {
        if (f.between !== undefined) {
          this.values.push({ path: p("between"), message: `only link-down takes between (this fault is ${kind}; use target)`, key: true });
        }
        const wantsSite = kind === "vq-down" || kind === "site-down";
        if (f.target === undefined) {
          this.values.push({
            path: p("target"),
            message: `missing (expected ${wantsSite ? "a site id" : "a node id like " + (nodeIds[0] ?? "dc1.n1")} for ${kind})`,
          });
        } else {
          if (wantsSite && !siteIds.includes(f.target)) this.refs.push({ path: p("target"), message: unknownSite(f.target) });
          if (!wantsSite && !isNode(f.target)) this.refs.push({ path: p("target"), message: unknownNode(f.target) });
          out.target = f.target;
        }
      }
      if (duration !== undefined) out.duration = duration;
      return out;
    });
  }

  private targets(components: ComponentsSpec | undefined, traffic: readonly TrafficSpec[]): TargetSpec[] {
    const out: TargetSpec[] = [];
    const given = (this.raw.targets ?? {}) as Readonly<Record<string, unknown>>;
    const add = (metric: string, src: string, path: Path) => {
      // trimmed first: a lazy (.+?)\s*$ would retry the trailing blanks at every character, quadratic on a long run
      const m = /^(>=|<=|>|<)\s*(.+)$/s.exec(src.trim());
      const value = m === null ? undefined : targetValue(m[2]!);
      if (m === null || value === undefined) {
        this.values.push({ path, message: `expected a comparison like ">= 0.80", "<= 5%" or "<= 30s", got ${describeValue(src)}` });
        return;
      }
      const op = m[1] as TargetSpec["op"];
      const pointless = pointlessTarget(metric, op, value, src);
      if (pointless !== undefined) {
        this.values.push({ path, message: pointless });
        return;
      }
      out.push({ metric, op, value, source: src });
    };
    for (const metric of this.targetOrder) {
      const src = given[metric];
      if (src === undefined) continue;
      if (metric !== "utilization") {
        add(metric, src as string, ["targets", metric]);
        continue;
      }
      for (const [kind, s] of Object.entries(src as Readonly<Record<string, string | undefined>>)) {
        if (s === undefined) continue;
        const path: Path = ["targets", "utilization", kind];
        if (components === undefined) {
          this.values.push({ path, message: "a utilization target needs the component load model: add `components: {}` (the default costs) or give costs" });
        } else if (kind === "smartProxy" && !components.smartProxy.enabled) {
          this.values.push({ path, message: "the Smart Proxy is off (components.smartProxy: false), so it has no utilization" });
        } else if (kind === "interactionServer" && !traffic.some((t) => viaInteractionServer(t.media))) {
          this.values.push({ path, message: "no chat or email traffic, so no Interaction Server and no utilization to judge" });
        } else add(`utilization.${kind}`, s, path);
      }
    }
    return out;
  }
}

/** The problem a distribution's RangeError is, placed at the field it names (the spec's `value` is the file's `mean`). */
function distributionProblem(e: RangeError, raw: RawDistribution, path: Path): Problem {
  if (!(e instanceof DistributionRangeError)) return { path, message: e.message };
  if (typeof raw !== "object") return { path, message: e.detail };
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(e.field);
  const key = m === null ? undefined : m[1] === "value" ? "mean" : m[1]!;
  const field: Path = key === undefined ? path : m![2] === undefined ? [...path, key] : [...path, key, Number(m![2])];
  return { path: field, message: `${raw.dist}: ${e.field.replace(/^value$/, "mean")} ${e.detail}` };
}

function targetValue(s: string): number | undefined {
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return Number(s);
  const pct = /^((?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(s);
  if (pct !== null) return Number(pct[1]) / 100;
  try {
    return parseDuration(s);
  } catch {
    return undefined;
  }
}

/**
 * Reads each trace once (types may share one) and gives its types their arrivals. Runs last: the types, sites and
 * horizon a trace is checked against are known to be right by then, and reading a big trace is the slowest step.
 */
function withTraces(scenario: Scenario, traces: Normalizer["traces"], baseDir: string, loc: Locator): Scenario {
  if (traces.length === 0) return scenario;
  const traffic = scenario.traffic.slice();
  const bySource = new Map<string, typeof traces>();
  for (const t of traces) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t]);
  const start = scenario.start === undefined ? undefined : parseTimestamp(scenario.start);
  for (const [source, users] of bySource) {
    const where = (i: number): Path => ["traffic", i, "arrivals", "trace"];
    const file = isAbsolute(source) ? source : join(baseDir, source);
    let raw: RawTrace;
    try {
      raw = readTraceCached(file);
    } catch (e) {
      // a file that cannot be opened is the scenario's problem: say where the scenario names it
      if (e instanceof InputError && e.line === undefined) throw loc.place({ path: where(users[0]!.index), message: `${e.detail} (${file})` }).error;
      throw e;
    }
    const arrivals = traceArrivals(
      raw,
      users.map((u) => scenario.traffic[u.index]!),
      { horizon: scenario.horizon, start, types: scenario.traffic.map((t) => t.type), sites: scenario.sites.map((s) => s.id) },
    );
    users.forEach((u, k) => {
      const a = arrivals[k]!;
      const spec = traffic[u.index]!;
      if (a.times.length === 0) {
        throw loc.place({ path: where(u.index), message: `${noArrivalsMessage(spec.type, scenario.horizon, raw.rows)} (${file})` }).error;
      }
      const trace: TraceSpec = { source, ...a, resample: u.resample };
      traffic[u.index] = { ...spec, arrivals: equivalentProfile(a.times, scenario.interval, scenario.horizon), trace };
    });
  }
  return { ...scenario, traffic };
}

/** where a name appears as a whole word in an expression, so the column can point at it */
function offsetOf(source: string, name: string): { offset?: number } {
  const esc = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const m = new RegExp(`(?<![A-Za-z0-9_.-])${esc}(?![A-Za-z0-9_.-])`).exec(source);
  return m === null ? {} : { offset: m.index };
}

function deepFreeze<T>(v: T): T {
  // a trace's typed arrays cannot be frozen; nothing writes to them
  if (typeof v === "object" && v !== null && !ArrayBuffer.isView(v) && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads, overrides, validates and normalizes a scenario. Throws InputError (one line: where, field, what was
 * expected) for the first problem in document order.
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
  let text = readSource(opts, display);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

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
  for (const ov of overrides) applyOverride(root, ov);
  replaceTaggedValues(root);

  const parsed = ScenarioSchema.safeParse(root, { reportInput: true });
  if (!parsed.success) {
    throwFirst(loc, zodProblems(parsed.error.issues));
    throw new InputError(display, undefined, "invalid scenario");
  }

  const name = opts.file === undefined ? DEFAULTS.name : basename(opts.file, extname(opts.file)) || DEFAULTS.name;
  const rawTargets = root["targets"];
  const n = new Normalizer(parsed.data, name, isPlainObject(rawTargets) ? Object.keys(rawTargets) : []);
  const scenario = n.run();
  throwFirst(loc, n.values);
  throwFirst(loc, n.refs);
  throwFirst(loc, n.serving);
  throwFirst(
    loc,
    unsupportedFeatures(scenario).map((u) => ({ path: u.path, message: unsupportedMessage(u) })),
  );
  return deepFreeze(withTraces(scenario, n.traces, opts.file === undefined ? "." : dirname(opts.file), loc));
}
