// What an interval export says of its traffic: per traffic type (queues mapped to types) the arrival rate of each
// interval (or of each interval of a typical day), the mean handle time, the callers' mean patience fitted to the
// abandonment with Erlang A at the staffed agents, and the staffing per interval.

import { erlangAMeasures } from "../metrics/erlang.js";
import { formatDuration } from "../scenario/duration.js";
import { InputError } from "../scenario/errors.js";
import { NAME_PATTERN } from "../scenario/schema.js";
import { traceError } from "../scenario/trace-columns.js";
import type { WfmExport, WfmRow } from "../scenario/wfm-export.js";

/** the most intervals a profile is cut into (as trace-stats: a year of half hours is 17,520) */
const MAX_PERIODS = 20_000;
/** the patience means the fit looks between, seconds: below a second no caller waits for a ring, above ~12 days
 *  nobody abandons in any interval an export covers */
const PATIENCE_RANGE = [1, 1e6] as const;

export interface ImportOptions {
  /** seconds; inferred from the starts when absent */
  readonly interval?: number;
  /** average the intervals over periods this long (24h: a typical day), seconds */
  readonly fold?: number;
  /** queue -> traffic type; a queue not in it is a type of its own name */
  readonly map: ReadonlyMap<string, string>;
}

/** One type's counts per profile period, summed over the days folded into it. */
export interface PeriodCounts {
  readonly offered: Float64Array;
  readonly handled: Float64Array;
  readonly abandoned: Float64Array;
  readonly answeredWithin: Float64Array;
  readonly staffed: Float64Array;
}

export type PatienceFit =
  | { readonly mean: number; readonly se: number; readonly intervals: number; readonly skipped: number; readonly note?: string }
  | { readonly mean: null; readonly reason: string };

export interface TypeFit {
  readonly type: string;
  readonly queues: readonly string[];
  /** arrivals per second of each period */
  readonly rates: readonly number[];
  readonly offered: number;
  readonly handled: number;
  readonly abandoned: number;
  /** the handled-weighted mean of the intervals' AHT, seconds (NaN when nothing was handled) */
  readonly aht: number;
  readonly patience: PatienceFit;
  /** the mean staffed agents of each period, rounded (null without a staffed column) */
  readonly staffing: readonly number[] | null;
  readonly counts: PeriodCounts;
}

export interface ImportFit {
  readonly file: string;
  readonly interval: number;
  readonly fold: number | undefined;
  /** the export's time of period 0 (seconds; with `timestamps`, since the epoch) */
  readonly origin: number;
  readonly timestamps: boolean;
  /** the export's time of day at period 0, for clock labels (0 when its starts are seconds) */
  readonly clockOffset: number;
  readonly periods: number;
  /** the days (folds) averaged into each period: 1 without --fold */
  readonly days: number;
  readonly types: readonly TypeFit[];
  readonly hasAnsweredWithin: boolean;
  readonly hasStaffed: boolean;
}

const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-6;

function intervalOf(wfm: WfmExport, given: number | undefined): number {
  if (given !== undefined) return given;
  // the commonest step between consecutive starts (the shorter of equals): a night or a weekend left out is a longer
  // step, and a stray row off the grid a rarer one, which the grid check then names
  const starts = [...new Set(wfm.rows.map((r) => r.start))].sort((a, b) => a - b);
  const steps = new Map<number, number>();
  for (let i = 1; i < starts.length; i++) {
    const step = starts[i]! - starts[i - 1]!;
    steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  let gap = Infinity;
  let most = 0;
  for (const [step, n] of steps) {
    if (n > most || (n === most && step < gap)) [gap, most] = [step, n];
  }
  if (!Number.isFinite(gap)) {
    const col = wfm.columns.start!;
    throw traceError(wfm.file, wfm.rows[0]!.line, col.col, col.name, "every row starts at the same time, so the interval length cannot be inferred: give --interval");
  }
  return gap;
}

function typeOf(wfm: WfmExport, row: WfmRow, map: ReadonlyMap<string, string>): string {
  const mapped = map.get(row.queue);
  if (mapped !== undefined) return mapped;
  if (new RegExp(NAME_PATTERN).test(row.queue)) return row.queue;
  const col = wfm.columns.queue!;
  throw traceError(wfm.file, row.line, col.col, col.name,
    `queue ${JSON.stringify(row.queue)} is no traffic type name (a letter or _, then letters, digits, _ . -): map it, e.g. --map '${row.queue}=sales'`);
}

/** One interval of the export as the patience fit reads it. */
export interface PatienceInterval {
  readonly offered: number;
  readonly abandoned: number;
  readonly staffed: number;
  /** the arrival rate the profile gives its period, per second (with --fold the mean over days) */
  readonly rate: number;
}

/**
 * The callers' mean patience at which Erlang A (M/M/c+M), at each interval's arrival rate from the profile, the
 * type's mean handle time and the interval's staffed agents, predicts as many abandoned calls in all as the export
 * has: a moment estimate resting on exponential patience and handle times and on each interval being in steady state.
 * The rate is the profile's, not the interval's own count over its length: abandonment grows faster than the load,
 * so reading each count's Poisson noise as load predicts too many abandoned and pushes the patience up (a week of
 * half hours at 100/h: by about a standard error); --fold averages that noise out. The standard error comes from the
 * intervals' residuals (abandoned less predicted), squared and summed, over the slope of the prediction: not from a
 * Poisson count, whose variance a loaded queue's abandonment far exceeds.
 */
export function fitPatience(intervals: readonly PatienceInterval[], aht: number): PatienceFit {
  // intervals with the same rate and agents share one abandonment probability: each pair is evaluated once
  const groups = new Map<string, { rate: number; agents: number; offered: number; each: { offered: number; abandoned: number }[] }>();
  let observed = 0;
  let used = 0;
  let skipped = 0;
  for (const x of intervals) {
    if (x.offered === 0) continue;
    const agents = Math.round(x.staffed);
    if (!(agents >= 1)) {
      skipped++;
      continue;
    }
    used++;
    observed += x.abandoned;
    const k = `${x.rate}:${agents}`;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { rate: x.rate, agents, offered: 0, each: [] }));
    g.offered += x.offered;
    g.each.push({ offered: x.offered, abandoned: x.abandoned });
  }
  if (used === 0) return { mean: null, reason: "no interval had both calls offered and an agent staffed" };
  if (observed === 0) return { mean: null, reason: "no call abandoned in the intervals with agents staffed: callers waited as long as it took" };
  if (!(aht > 0)) return { mean: null, reason: "no handle time to fit against" };
  const list = [...groups.values()];
  const share = (g: (typeof list)[number], mean: number) => erlangAMeasures(g.agents, g.rate, 1 / aht, 1 / mean, 0).abandonRate;
  const predicted = (mean: number) => {
    let sum = 0;
    for (const g of list) sum += g.offered * share(g, mean);
    return sum;
  };
  const skippedPart = { intervals: used, skipped };
  let [lo, hi] = PATIENCE_RANGE as readonly number[] as [number, number];
  if (predicted(lo) < observed) {
    return { mean: lo, se: NaN, ...skippedPart, note: `more abandoned than Erlang A gives at ${formatDuration(lo)} patience with the staffed agents: the staffed column may count agents who took no calls` };
  }
  if (predicted(hi) > observed) {
    return { mean: hi, se: NaN, ...skippedPart, note: "fewer abandoned than Erlang A gives at any patience with the staffed agents (their load is above them): the staffed column may miss agents" };
  }
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (predicted(mid) > observed) lo = mid;
    else hi = mid;
  }
  const mean = Math.sqrt(lo * hi);
  const h = mean * 1e-3;
  const slope = (predicted(mean + h) - predicted(mean - h)) / (2 * h);
  let squares = 0;
  for (const g of list) {
    const p = share(g, mean);
    for (const x of g.each) squares += (x.abandoned - x.offered * p) ** 2;
  }
  return { mean, se: Math.sqrt(squares) / Math.abs(slope), ...skippedPart };
}

export function fitExport(wfm: WfmExport, opts: ImportOptions): ImportFit {
  const interval = intervalOf(wfm, opts.interval);
  const fold = opts.fold;
  if (fold !== undefined && !whole(fold / interval)) {
    throw new InputError("--fold", undefined, `expected a whole number of intervals (${formatDuration(interval)}), got ${formatDuration(fold)}`);
  }
  const first = Math.min(...wfm.rows.map((r) => r.start));
  const startCol = wfm.columns.start!;
  for (const r of wfm.rows) {
    if (!whole((r.start - first) / interval)) {
      throw traceError(wfm.file, r.line, startCol.col, startCol.name,
        `expected a start a whole number of intervals (${formatDuration(interval)}) after the first, got one ${formatDuration(r.start - first)} after it`);
    }
  }
  // with --fold, a period is a slot of the fold counted from the earliest slot any day has; days are counted from
  // midnight UTC for timestamps, from 0 for seconds
  const base = wfm.timestamps ? Math.floor(first / 86400) * 86400 : 0;
  const phase = (t: number) => (fold === undefined ? t - first : (((t - base) % fold) + fold) % fold);
  const phase0 = Math.min(...wfm.rows.map((r) => phase(r.start)));
  const slot = (t: number) => Math.round((phase(t) - phase0) / interval);
  const dayOf = (t: number) => (fold === undefined ? 0 : Math.floor((t - base - phase0) / fold + 1e-9));
  const periods = Math.max(...wfm.rows.map((r) => slot(r.start))) + 1;
  if (periods > MAX_PERIODS) {
    throw new InputError("--interval", undefined, `${formatDuration(interval)} gives ${periods} intervals; at most ${MAX_PERIODS}: give a longer --interval${fold === undefined ? " or a --fold" : ""}`);
  }
  const days = new Set(wfm.rows.map((r) => dayOf(r.start))).size;
  const origin = fold === undefined ? first : base + phase0 + Math.min(...wfm.rows.map((r) => dayOf(r.start))) * fold;

  interface Acc {
    readonly type: string;
    readonly queues: string[];
    readonly counts: PeriodCounts;
    ahtSum: number;
    /** per interval of the export (not folded): what the patience fit reads */
    readonly raw: Map<number, { offered: number; abandoned: number; staffed: number; slot: number }>;
  }
  const accs = new Map<string, Acc>();
  const zeros = () => new Float64Array(periods);
  for (const r of wfm.rows) {
    const type = typeOf(wfm, r, opts.map);
    let a = accs.get(type);
    if (a === undefined) {
      a = { type, queues: [], ahtSum: 0, raw: new Map(),
        counts: { offered: zeros(), handled: zeros(), abandoned: zeros(), answeredWithin: zeros(), staffed: zeros() } };
      accs.set(type, a);
    }
    if (!a.queues.includes(r.queue)) a.queues.push(r.queue);
    const k = slot(r.start);
    const c = a.counts;
    c.offered[k]! += r.offered;
    c.handled[k]! += r.handled;
    c.abandoned[k]! += r.abandoned;
    if (!Number.isNaN(r.answeredWithin)) c.answeredWithin[k]! += r.answeredWithin;
    if (!Number.isNaN(r.staffed)) c.staffed[k]! += r.staffed;
    if (r.handled > 0) a.ahtSum += r.handled * r.aht;
    const i = Math.round((r.start - first) / interval);
    const x = a.raw.get(i) ?? { offered: 0, abandoned: 0, staffed: 0, slot: k };
    x.offered += r.offered;
    x.abandoned += r.abandoned;
    x.staffed += Number.isNaN(r.staffed) ? 0 : r.staffed;
    a.raw.set(i, x);
  }

  const types = [...accs.values()].map((a): TypeFit => {
    const sum = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);
    const handled = sum(a.counts.handled);
    const aht = handled > 0 ? a.ahtSum / handled : NaN;
    const rates = [...a.counts.offered].map((n) => n / days / interval);
    return {
      type: a.type,
      queues: a.queues,
      rates,
      offered: sum(a.counts.offered),
      handled,
      abandoned: sum(a.counts.abandoned),
      aht,
      patience: wfm.hasStaffed
        ? fitPatience([...a.raw.values()].map((x) => ({ ...x, rate: rates[x.slot]! })), aht)
        : { mean: null, reason: "the export has no staffed column, and abandonment alone does not tell patience from a lack of agents" },
      staffing: wfm.hasStaffed ? [...a.counts.staffed].map((s) => Math.round(s / days)) : null,
      counts: a.counts,
    };
  });
  return {
    file: wfm.file, interval, fold, origin, timestamps: wfm.timestamps, clockOffset: wfm.timestamps ? origin - Math.floor(origin / 86400) * 86400 : 0, periods, days, types,
    hasAnsweredWithin: wfm.hasAnsweredWithin, hasStaffed: wfm.hasStaffed,
  };
}
