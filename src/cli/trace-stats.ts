// `ccsim trace-stats FILE`: what a recorded trace holds, as a scenario snippet (arrivals per interval, fitted handle time).

import { basename, extname } from "node:path";
import { parseDuration } from "../scenario/duration.js";
import { InputError, ValueError } from "../scenario/errors.js";
import { NAME_PATTERN } from "../scenario/schema.js";
import { parseTimestamp } from "../scenario/timestamp.js";
import { readTrace } from "../scenario/trace.js";
import { traceStats } from "../report/trace-stats.js";

export interface TraceStatsCliOptions {
  readonly interval?: string;
  readonly fold?: string;
  readonly start?: string;
}

function flag<T>(name: string, value: string | undefined, parse: (v: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (e) {
    if (e instanceof ValueError) throw new InputError(name, undefined, e.message);
    throw e;
  }
}

const positive = (v: string): number => {
  const d = parseDuration(v);
  if (d === 0) throw new ValueError(`expected a duration > 0, got ${JSON.stringify(v)}`);
  return d;
};

export function traceStatsCommand(file: string, opts: TraceStatsCliOptions): number {
  const interval = flag("--interval", opts.interval, positive) ?? 1800;
  const fold = flag("--fold", opts.fold, positive);
  const start = flag("--start", opts.start, parseTimestamp);
  const stem = basename(file, extname(file));
  const name = new RegExp(NAME_PATTERN).test(stem) ? stem : "calls";
  const raw = readTrace(file);
  if (start !== undefined && !raw.timestamps) {
    throw new InputError("--start", undefined, `places ISO timestamps on the time axis, and the times of ${file} are seconds already: leave it out`);
  }
  process.stdout.write(traceStats(raw, { interval, name, ...(fold === undefined ? {} : { fold }), ...(start === undefined ? {} : { start }) }));
  return 0;
}
