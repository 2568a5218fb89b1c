// `ccsim trace-stats`: a trace summarised as a scenario snippet a planner can paste: arrivals per interval as a rate
// profile per type, and the handle time (and patience) distribution fitted to the recorded values. The numbers behind
// it (counts per interval, mean, sd, cv, each fit's log-likelihood) are YAML comments, so the whole output pastes.

import { fitDuration, type DurationFit } from "../metrics/fit.js";
import { formatDuration } from "../scenario/duration.js";
import { largeNumber, thousands } from "../util/thousands.js";
import { InputError } from "../scenario/errors.js";
import { formatTimestamp } from "../scenario/timestamp.js";
import type { RawTrace } from "../scenario/trace.js";
import type { DistributionSpec } from "../scenario/types.js";

/** the most intervals a profile is cut into: a year of half hours is 17,520, and more makes a snippet too long to
 *  paste and a table too big to hold (a 1 ms interval over the shipped example trace ran out of memory) */
const MAX_PERIODS = 20_000;

export interface TraceStatsOptions {
  /** length of each interval of the profile, seconds */
  readonly interval: number;
  /** average the intervals over periods this long (24h: a typical day), seconds */
  readonly fold?: number;
  /** time 0, seconds since the epoch, for a trace of ISO timestamps (default: midnight UTC of its first day) */
  readonly start?: number;
  /** the type name when the trace has no type column */
  readonly name: string;
}

interface Group {
  readonly name: string;
  readonly times: number[];
  readonly handle: number[];
  readonly patience: number[];
  readonly sites: Set<string>;
}

/** 4 significant digits, never an exponent, so that the scenario's rate and number forms read it */
export function plain(x: number): string {
  if (x === 0) return "0";
  const s = String(Number(x.toPrecision(4)));
  return s.includes("e") ? x.toFixed(12).replace(/\.?0+$/, "") : s;
}

/** `9:30` from time 0 (`26:00` past a day), or the duration when intervals are not whole minutes */
export function clock(t: number): string {
  if (!Number.isInteger(t / 60)) return formatDuration(t);
  const minutes = t / 60;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

function distYaml(spec: DistributionSpec): string {
  switch (spec.dist) {
    case "constant":
      return formatDuration(spec.value);
    case "exponential":
      return `{ dist: exponential, mean: ${formatDuration(spec.mean)} }`;
    case "lognormal":
      return `{ dist: lognormal, mean: ${formatDuration(spec.mean)}, sd: ${formatDuration(spec.sd)} }`;
    case "gamma":
      return `{ dist: gamma, mean: ${formatDuration(spec.mean)}, cv: ${plain(spec.cv)} }`;
    default:
      throw new RangeError(`trace-stats: no rendering for ${spec.dist}`);
  }
}

function fitLines(what: string, fit: DurationFit): string[] {
  const head =
    `#   ${what}: n ${fit.n}, mean ${formatDuration(fit.mean)}, sd ${formatDuration(fit.sd)}, cv ${plain(fit.cv)}`;
  const fits = fit.candidates.map(
    (c, i) => `${c.spec.dist} ${c.logLikelihood.toFixed(1)}${i === 0 ? " (best)" : ""}`,
  );
  return [
    head,
    ...(fits.length > 0 ? [`#     log-likelihood by maximum-likelihood fit, chosen by AIC: ${fits.join(", ")}`] : []),
    ...(fit.note === undefined ? [] : [`#     ${fit.note}`]),
  ];
}

export function traceStats(raw: RawTrace, opts: TraceStatsOptions): string {
  const { interval } = opts;
  if (raw.rows === 0) throw new InputError(raw.file, undefined, "the trace has a header but no rows");
  const fold = opts.fold;
  if (fold !== undefined && Math.abs(fold / interval - Math.round(fold / interval)) > 1e-9) {
    throw new InputError("--fold", undefined, `expected a whole number of intervals (${formatDuration(interval)}), got ${formatDuration(fold)}`);
  }
  const origin = raw.timestamps ? (opts.start ?? Math.floor(raw.time[0]! / 86400) * 86400) : 0;
  if (raw.time[0]! < origin) {
    throw new InputError("--start", undefined, `the trace starts at ${formatTimestamp(raw.time[0]!)}, before ${formatTimestamp(origin)}`);
  }

  const groups: Group[] = [];
  const byCode = new Map<number, Group>();
  for (let row = 0; row < raw.rows; row++) {
    const code = raw.type?.codes[row] ?? 0;
    let g = byCode.get(code);
    if (g === undefined) {
      const name = code === 0 ? opts.name : raw.type!.names[code]!;
      g = groups.find((x) => x.name === name);
      if (g === undefined) groups.push((g = { name, times: [], handle: [], patience: [], sites: new Set() }));
      byCode.set(code, g);
    }
    g.times.push(raw.time[row]! - origin);
    const h = raw.handleTime?.[row];
    if (h !== undefined && !Number.isNaN(h)) g.handle.push(h);
    const p = raw.patience?.[row];
    if (p !== undefined && !Number.isNaN(p)) g.patience.push(p);
    const siteCode = raw.site?.codes[row] ?? 0;
    if (siteCode !== 0) g.sites.add(raw.site!.names[siteCode]!);
  }

  const last = raw.time[raw.rows - 1]! - origin;
  const span = Math.max(interval, Math.ceil((last + 1e-9) / interval) * interval);
  const length = fold ?? span;
  const periods = Math.max(1, Math.round(length / interval));
  if (!(periods <= MAX_PERIODS)) {
    throw new InputError(
      "--interval",
      undefined,
      `${formatDuration(interval)} gives ${largeNumber(periods)} intervals over ${fold === undefined ? "the trace's span" : "--fold"} ` +
        `(${formatDuration(length)}); at most ${thousands(MAX_PERIODS)}: give a longer --interval${fold === undefined ? " or a --fold" : ""}`,
    );
  }
  const folds = fold === undefined ? 1 : Math.max(1, Math.ceil((last + 1e-9) / fold));
  // an interval is averaged over the periods that reach it: a trace that ends at noon has one day fewer of evenings
  const covering = Array.from({ length: periods }, (_, k) =>
    fold === undefined ? 1 : Math.max(1, Math.min(folds, Math.floor((last - k * interval) / fold) + 1)),
  );
  const counts = groups.map((g) => {
    const c = new Array<number>(periods).fill(0);
    for (const t of g.times) c[Math.min(periods - 1, Math.floor((fold === undefined ? t : t % fold) / interval))]!++;
    return c.map((x, k) => x / covering[k]!);
  });

  const out: string[] = [];
  out.push(`# ccsim trace-stats ${raw.file}`);
  out.push(
    `# ${raw.rows} arrivals, ${groups.length} type${groups.length === 1 ? "" : "s"}, over ${formatDuration(span)}` +
      (raw.timestamps ? ` from ${formatTimestamp(origin)} (time 0; give the scenario start: ${formatTimestamp(origin)})` : ""),
  );
  out.push(
    fold === undefined
      ? `# arrivals per ${formatDuration(interval)}:`
      : `# arrivals per ${formatDuration(interval)}, averaged over ${folds} period${folds === 1 ? "" : "s"} of ${formatDuration(fold)}:`,
  );
  const header = ["start", ...groups.map((g) => g.name), ...(groups.length > 1 ? ["all"] : [])];
  const rows = Array.from({ length: periods }, (_, k) => {
    const cells = counts.map((c) => c[k]!);
    return [clock(k * interval), ...cells.map(plain), ...(groups.length > 1 ? [plain(cells.reduce((a, b) => a + b, 0))] : [])];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => `#   ${cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  ")}`;
  out.push(line(header), ...rows.map(line));

  out.push("traffic:");
  groups.forEach((g, i) => {
    const handle = g.handle.length > 0 ? fitDuration(g.handle) : null;
    const patience = g.patience.length > 0 ? fitDuration(g.patience) : null;
    out.push(`# ${g.name}:`);
    if (handle !== null) out.push(...fitLines("handle time", handle));
    if (patience !== null) out.push(...fitLines("patience", patience));
    const rates = counts[i]!.map((c) => `${plain((c * 3600) / interval)}/h`);
    out.push(`  - type: ${g.name}`);
    if (g.sites.size === 1) out.push(`    site: ${[...g.sites][0]}`);
    out.push(`    arrivals: { period: ${formatDuration(interval)}, rates: [${rates.join(", ")}] }`);
    out.push(handle === null ? "    # handleTime: the trace has no handleTime column" : `    handleTime: ${distYaml(handle.best)}`);
    if (patience !== null) out.push(`    patience: ${distYaml(patience.best)}`);
    out.push(`    target: ${g.name}  # the skill expression this type needs`);
  });
  return out.join("\n") + "\n";
}
