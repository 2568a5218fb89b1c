// What the normalizers share: the raw scenario, the problems found stage by stage, the traces to read last, and the
// small checks every part uses (a duration, a rate, a duplicate id, a site reference, a profile covering the horizon).
import { suggestion } from "../did-you-mean.js";
import { formatDuration, parseDuration } from "../duration.js";
import { ValueError, describeValue, type Path } from "../errors.js";
import { parseRate } from "../rate.js";
import type { RawScenario } from "../schema.js";
import type { Problem } from "../locations.js";
import { MIN_POSITIVE } from "../../kernel/distributions.js";

// floating-point slack when checking that periods cover the horizon (1.5h as 90 x 1m)
export const EPS = 1e-9;

/** a traffic type whose arrivals are a trace, read once everything else is known to be right */
export interface TraceUse {
  readonly index: number;
  readonly source: string;
  readonly resample: boolean;
}

export interface NormalizeContext {
  readonly raw: RawScenario;
  /** stage 1: values and shapes */
  readonly values: Problem[];
  /** stage 2: references between parts (sites, rules, skills, node ids) */
  readonly refs: Problem[];
  /** stage 3: whether each target can be served at all */
  readonly serving: Problem[];
  readonly traces: TraceUse[];
}

export function newContext(raw: RawScenario): NormalizeContext {
  return { raw, values: [], refs: [], serving: [], traces: [] };
}

export function dur(ctx: NormalizeContext, v: unknown, path: Path, opts: { positive?: boolean } = {}): number {
  try {
    const d = parseDuration(v);
    if (opts.positive === true && d === 0) {
      ctx.values.push({ path, message: `expected a duration > 0, got ${describeValue(v)}` });
    }
    return d;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    ctx.values.push({ path, message: e.message });
    return Number.NaN;
  }
}

export function optDur(ctx: NormalizeContext, v: unknown, path: Path, dflt: number, opts: { positive?: boolean } = {}): number {
  return v === undefined ? dflt : dur(ctx, v, path, opts);
}

export function rateValue(ctx: NormalizeContext, v: unknown, path: Path): number {
  try {
    const r = parseRate(v);
    // the mean gap between arrivals must be one the clock can add (kernel/distribution-checks.ts MIN_POSITIVE): a shorter one
    // leaves t + gap === t, and the arrivals would never move the run on
    if (r * MIN_POSITIVE > 1) {
      ctx.values.push({ path, message: `expected a rate of at most 1,000,000/s (one arrival a microsecond, the clock's resolution), got ${describeValue(v)}` });
    }
    return r;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    ctx.values.push({ path, message: e.message });
    return Number.NaN;
  }
}

export function duplicate(ctx: NormalizeContext, seen: Map<string, number>, id: string, path: Path, what: string, list: string): void {
  const first = seen.get(id);
  if (first !== undefined) {
    ctx.values.push({ path, message: `duplicate ${what} ${JSON.stringify(id)} (already ${list}[${first}])` });
  } else {
    seen.set(id, path[1] as number);
  }
}

export function siteRef(ctx: NormalizeContext, v: string | undefined, path: Path, siteIds: readonly string[]): string {
  if (v === undefined) {
    if (siteIds.length === 1) return siteIds[0]!;
    ctx.refs.push({ path, message: `missing (expected one of ${siteIds.join(", ")}: required when there are several sites)` });
    return "";
  }
  if (!siteIds.includes(v)) {
    const hint = suggestion(v, siteIds);
    ctx.refs.push({ path, message: `unknown site ${JSON.stringify(v)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}` });
  }
  return v;
}

/** a profile of n periods must reach the horizon: the model has nothing to say past its end */
export function covers(ctx: NormalizeContext, n: number, period: number, horizon: number, path: Path, what: string): void {
  if (!(period > 0) || !Number.isFinite(horizon)) return;
  if (n * period < horizon - EPS) {
    const need = Math.ceil(horizon / period - EPS);
    ctx.values.push({
      path,
      message:
        `${n} ${what}${n === 1 ? "" : "s"} of ${formatDuration(period)} cover ${formatDuration(n * period)}, ` +
        `short of the horizon (${formatDuration(horizon)}): expected at least ${need}`,
    });
  }
}
