// Before a run starts: refuse one that would need more memory than this process may use (unless --force), and one
// whose cost is not a finite number or whose outputs no string could hold (whatever --force); warn on stderr about one
// that would take long or can only end at the drain limit. All from experiment/cost.ts's estimate: nothing has run yet.

import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { estimateCost } from "../experiment/cost.js";
import { DRAIN_LIMIT } from "../experiment/drain.js";
import { largeNumber } from "../util/thousands.js";
import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/types.js";

/** a run estimated longer than this is announced */
export const WARN_SECONDS = 60;

export interface GuardOptions {
  readonly force?: boolean;
  readonly quiet?: boolean;
  /** the --out folder: report.html, which holds every interval, is written */
  readonly out?: string;
  /** --trace and how many interactions it follows */
  readonly tracePath?: string;
  readonly traceLimit?: number;
}

/** the longest string V8 holds: an output longer than this could not be written */
const MAX_STRING_CHARS = (1 << 29) - 24;

/** the rows of the time series one output may hold: report.html takes ~500 characters a row and V8 holds no string
 *  longer than 2^29 - 24 characters, so a longer one would fail after the run, whatever the memory */
export const MAX_ROWS = 1_000_000;

function bytesText(b: number): string {
  if (b >= 1e12) return `${largeNumber(b / 1e9)} GB`;
  return b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(b / 1e6))} MB`;
}

function durationText(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  const days = s / 86400;
  return `${days < 1e6 ? days.toFixed(1) : largeNumber(days)} days`;
}

function count(n: number): string {
  return n >= 1e6 && n < 1e12 ? `${(n / 1e6).toFixed(1)}M` : largeNumber(n);
}

/** the memory this process may use: the JavaScript heap's limit, or the machine's memory if that is less */
export function memoryLimit(): number {
  return Math.min(getHeapStatistics().heap_size_limit, totalmem());
}

/**
 * Throws InputError when a variant would need more memory than `limit` (unless force); writes a warning to
 * `warn` when all of them together would run longer than WARN_SECONDS (unless quiet). Returns that estimate of the
 * running time on one core, in seconds (what the default thread count is chosen by).
 */
export function guardRun(
  where: string,
  variants: readonly Scenario[],
  replications: number,
  opts: GuardOptions,
  limit: number = memoryLimit(),
  warn: (line: string) => void = (line) => process.stderr.write(line),
): number {
  const traceLimit = opts.tracePath === undefined ? undefined : opts.traceLimit;
  const costs = variants.map((s) => estimateCost(s, replications, { report: opts.out !== undefined, traceLimit }));
  const worst = costs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  // every variant's time series stays until the study is reported: the others' add to the worst one's run
  const bytes = worst.bytes + costs.reduce((n, c) => (c === worst ? n : n + c.retainedBytes), 0);
  const seconds = costs.reduce((n, c) => n + c.seconds, 0);
  // NaN and Infinity would pass any comparison with the limit: an estimate that is not a number is a refusal too
  if (!Number.isFinite(bytes) || !Number.isFinite(seconds)) {
    const calls = Math.max(...costs.map((c) => c.callsPerReplication));
    const rows = Math.max(...costs.map((c) => c.rows));
    throw new InputError(
      where,
      undefined,
      `refusing to run: its memory and time cannot be estimated, the numbers are too large for any machine ` +
        `(${largeNumber(calls)} calls a replication, ${largeNumber(rows)} rows of intervals): lower the arrival rate, ` +
        `the horizon or the counts`,
    );
  }
  if (bytes > limit && opts.force !== true) {
    const parts = worst.parts.slice(0, 2).map((p) => `${p.what}: ${bytesText(p.bytes)}`).join(", ");
    throw new InputError(
      where,
      undefined,
      `refusing to run: it would need about ${bytesText(bytes)} of memory (${parts}), more than this process may use ` +
        `(${bytesText(limit)}); --force runs it anyway (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`,
    );
  }
  const rows = Math.max(...costs.map((c) => c.rows));
  if (rows > MAX_ROWS) {
    throw new InputError(
      where,
      undefined,
      `refusing to run: its time series would have ${largeNumber(rows)} rows (intervals x (1 + sites + types)), more than ` +
        `${largeNumber(MAX_ROWS)}, which its outputs cannot hold (a longer interval or a shorter horizon)`,
    );
  }
  const traced = costs.reduce((a, b) => (b.traceChars > a.traceChars ? b : a));
  if (traced.traceChars > MAX_STRING_CHARS) {
    throw new InputError(
      "--trace-limit",
      undefined,
      `following ${largeNumber(traced.tracedCalls)} interactions${traced.endless === undefined ? "" : " routed again and again"} ` +
        `would make a trace of about ${bytesText(traced.traceChars)}, more than one file ccsim can write ` +
        `(${bytesText(MAX_STRING_CHARS)}): expected fewer, at most ` +
        `${largeNumber(Math.max(1, Math.floor((traced.tracedCalls * MAX_STRING_CHARS) / traced.traceChars)))}`,
    );
  }
  const endless = costs.find((c) => c.endless !== undefined)?.endless;
  if (endless !== undefined && opts.quiet !== true) {
    warn(`ccsim: warning: this scenario can only end at the drain limit, ${DRAIN_LIMIT / 3600} h after the horizon: ${endless}\n`);
  }
  if (seconds > WARN_SECONDS && opts.quiet !== true) {
    const calls = costs.reduce((n, c) => n + c.callsPerReplication, 0);
    warn(
      `ccsim: this will take about ${durationText(seconds)}: ${count(calls)} calls x ${replications} replications ` +
        `at roughly ${count(worst.callsPerSecond)} calls/s (fewer replications or a shorter horizon make it quicker)\n`,
    );
  }
  return seconds;
}
