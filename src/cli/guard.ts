// Before a run starts: refuse one that would need more memory than this process may use (unless --force), and warn
// on stderr about one that would take long. Both from experiment/cost.ts's estimate, so nothing has run yet.

import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { estimateCost } from "../experiment/cost.js";
import { thousands } from "../metrics/thousands.js";
import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/types.js";

/** a run estimated longer than this is announced */
export const WARN_SECONDS = 60;

export interface GuardOptions {
  readonly force?: boolean;
  readonly quiet?: boolean;
}

function bytesText(b: number): string {
  return b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(b / 1e6))} MB`;
}

function durationText(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

function count(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : thousands(n);
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
  const costs = variants.map((s) => estimateCost(s, replications));
  const worst = costs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  if (worst.bytes > limit && opts.force !== true) {
    const parts = worst.parts.slice(0, 2).map((p) => `${p.what}: ${bytesText(p.bytes)}`).join(", ");
    throw new InputError(
      where,
      undefined,
      `refusing to run: it would need about ${bytesText(worst.bytes)} of memory (${parts}), more than this process may use ` +
        `(${bytesText(limit)}); --force runs it anyway (NODE_OPTIONS=--max-old-space-size=MB raises the limit)`,
    );
  }
  const seconds = costs.reduce((n, c) => n + c.seconds, 0);
  if (seconds > WARN_SECONDS && opts.quiet !== true) {
    const calls = costs.reduce((n, c) => n + c.callsPerReplication, 0);
    warn(
      `ccsim: this will take about ${durationText(seconds)}: ${count(calls)} calls x ${replications} replications ` +
        `at roughly ${count(worst.callsPerSecond)} calls/s (fewer replications or a shorter horizon make it quicker)\n`,
    );
  }
  return seconds;
}
