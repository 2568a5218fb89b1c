// `ccsim erlang b|c|a`: the Erlang calculator. Erlang B (lines and blocking), C (waiting, no abandonment) or A (waiting
// with exponential patience), at a given head count or the smallest meeting targets, one rate or a rate per interval
// (a table), with shrinkage and a maximum occupancy; --json for scripts. The same formulas `ccsim size` starts from.

import { answerErlang, type ErlangAnswer, type ErlangModel, type MeasureTarget } from "../metrics/erlang-calculator.js";
import { parseDuration, formatDuration } from "../scenario/duration.js";
import { InputError } from "../scenario/errors.js";
import { parseRate } from "../scenario/rate.js";
import { targetValue } from "../scenario/normalize/targets.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { DEFAULTS } from "../scenario/defaults.js";
import { grid } from "../report/grid.js";
import { formatMetric } from "../report/units.js";
import { tidyDeep } from "../report/numbers.js";

export interface ErlangOptions {
  readonly rate?: string;
  readonly aht?: string;
  readonly patience?: string;
  readonly agents?: string;
  readonly target?: readonly string[];
  readonly slTime?: string;
  readonly shrinkage?: string;
  readonly maxOccupancy?: string;
  readonly interval?: string;
  readonly json?: boolean;
}

const MEASURES = ["serviceLevel", "asa", "meanWait", "probWait", "abandonRate", "occupancy", "blocking"] as const;
// (Erlang A's asa is its mean wait of all callers: the closed form has no separate one, see metrics/erlang.ts)

function flagValue<T>(flag: string, given: string, parse: (s: string) => T): T {
  try {
    return parse(given);
  } catch (e) {
    throw new InputError(flag, undefined, (e as Error).message);
  }
}

function share(flag: string, given: string | undefined, fallback: number, ok: (x: number) => boolean, range: string): number {
  if (given === undefined) return fallback;
  const x = targetValue(given.trim());
  if (x === undefined || !ok(x)) throw new InputError(flag, undefined, `expected a share ${range} like 30% or 0.3, got "${given}"`);
  return x;
}

function targetsOf(given: readonly string[] | undefined, model: ErlangModel): MeasureTarget[] {
  return (given ?? []).map((t) => {
    const flag = `--target ${t}`;
    const m = /^\s*([A-Za-z]+)\s*(?:=\s*)?(>=|<=|>|<)\s*(.+)$/s.exec(t);
    if (m === null) throw new InputError(flag, undefined, 'expected metric=comparison, e.g. serviceLevel=">= 0.80" or blocking<=1%');
    const metric = m[1]!;
    if (!(MEASURES as readonly string[]).includes(metric)) {
      throw new InputError(flag, undefined, `unknown measure "${metric}" (expected one of ${MEASURES.join(", ")})${suggestion(metric, MEASURES)}`);
    }
    if ((metric === "blocking") !== (model === "B")) {
      throw new InputError(flag, undefined, model === "B" ? "Erlang B is a loss system: its target is blocking, e.g. blocking<=1%" : "blocking is Erlang B's measure: Erlang C and A queue their calls");
    }
    const value = targetValue(m[3]!.trim());
    if (value === undefined) throw new InputError(flag, undefined, `expected a value like 0.80, 5% or 20s, got "${m[3]}"`);
    return { metric: metric as MeasureTarget["metric"], op: m[2] as MeasureTarget["op"], value };
  });
}

export function erlangCommand(modelArg: string, opts: ErlangOptions): number {
  const model = modelArg.toUpperCase() as ErlangModel;
  if (!["B", "C", "A"].includes(model)) throw new InputError("ccsim erlang", undefined, `expected the model b, c or a, got "${modelArg}"`);
  if (opts.rate === undefined) throw new InputError("--rate", undefined, "missing: give the arrival rate, e.g. --rate 200/h (or one a interval: --rate 120/h,200/h)");
  if (opts.aht === undefined) throw new InputError("--aht", undefined, "missing: give the mean handle time, e.g. --aht 3m");
  const rates = opts.rate.split(",").map((r) => flagValue("--rate", r.trim(), parseRate));
  const handleTime = flagValue("--aht", opts.aht, parseDuration);
  if (handleTime <= 0) throw new InputError("--aht", undefined, "expected a handle time > 0");
  let patience: number | undefined;
  if (model === "A") {
    if (opts.patience === undefined) throw new InputError("--patience", undefined, "missing: Erlang A needs the callers' mean patience, e.g. --patience 2m");
    patience = flagValue("--patience", opts.patience, parseDuration);
    if (patience <= 0) throw new InputError("--patience", undefined, "expected a patience > 0");
  } else if (opts.patience !== undefined) {
    throw new InputError("--patience", undefined, `Erlang ${model} has no abandonment: use erlang a for callers who hang up`);
  }
  const agents = opts.agents === undefined ? undefined : flagValue("--agents", opts.agents, (s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) throw new Error(`expected a whole number >= 1, got "${s}"`);
    return n;
  });
  const targets = targetsOf(opts.target, model);
  if (agents === undefined && targets.length === 0) {
    throw new InputError("ccsim erlang", undefined, 'give --agents N to evaluate a head count, or --target (e.g. serviceLevel=">= 0.80") to find the smallest');
  }
  if (agents !== undefined && targets.length > 0) throw new InputError("--target", undefined, "--agents evaluates a given head count: give one or the other");
  const slTime = opts.slTime === undefined ? DEFAULTS.serviceLevel : flagValue("--sl-time", opts.slTime, parseDuration);
  const shrinkage = share("--shrinkage", opts.shrinkage, 0, (x) => x >= 0 && x < 1, "in [0, 1)");
  const maxOccupancy = share("--max-occupancy", opts.maxOccupancy, 1, (x) => x > 0 && x <= 1, "in (0, 1]");
  if (agents !== undefined && opts.maxOccupancy !== undefined) throw new InputError("--max-occupancy", undefined, "a cap for finding a head count: not with --agents");
  const interval = opts.interval === undefined ? undefined : flagValue("--interval", opts.interval, parseDuration);
  if (model === "C" && agents !== undefined) {
    const bad = rates.find((r) => r * handleTime >= agents);
    if (bad !== undefined) throw new InputError("--agents", undefined, `${agents} agents cannot carry ${(bad * handleTime).toFixed(3)} erlangs without abandonment: the queue grows without bound (use erlang a, or more agents)`);
  }

  const answers = rates.map((rate) => answerErlang({ model, rate, handleTime, patience, slTime, agents, targets, shrinkage, maxOccupancy }));
  if (opts.json) {
    const json = { model: `Erlang ${model}`, handleTime, ...(patience !== undefined ? { patience } : {}), slTime, shrinkage, maxOccupancy, targets, intervals: answers.map((a, i) => ({ period: i + 1, ...(interval !== undefined ? { start: i * interval } : {}), ...a })) };
    process.stdout.write(JSON.stringify(tidyDeep(json), null, 2) + "\n");
    return 0;
  }
  process.stdout.write(answers.length === 1 && interval === undefined ? oneLine(answers[0]!, slTime, patience) : table(answers, interval));
  return 0;
}

function measuresText(a: ErlangAnswer, slTime: number): string {
  const m = a.measures;
  if (a.model === "B") return `blocking ${formatMetric("probWait", m.blocking)}, occupancy ${formatMetric("occupancy", m.occupancy)}`;
  const parts = [`probWait ${formatMetric("probWait", m.probWait)}`, `serviceLevel ${formatMetric("serviceLevel", m.serviceLevel)} within ${formatDuration(slTime)}`];
  // Erlang A's closed form gives the mean wait of all callers (those who hang up too), not the answered callers' asa
  if (a.model === "A") parts.push(`meanWait ${formatMetric("meanWait", m.meanWait)}`, `abandonRate ${formatMetric("abandonRate", m.abandonRate)}`);
  else parts.push(`asa ${formatMetric("asa", m.asa)}`);
  parts.push(`occupancy ${formatMetric("occupancy", m.occupancy)}`);
  return parts.join(", ");
}

function oneLine(a: ErlangAnswer, slTime: number, patience: number | undefined): string {
  const what = a.model === "B" ? "lines" : "agents";
  const why = a.decidedBy === "given" ? "" : a.decidedBy === "targets" ? " (the fewest meeting every target)" : " (the fewest within the maximum occupancy)";
  const head = `Erlang ${a.model}: ${(a.rate * 3600).toFixed(2).replace(/\.?0+$/, "")}/h x ${formatDuration(a.handleTime)} = ${a.load.toFixed(3)} erlangs` +
    (patience !== undefined ? `, patience ${formatDuration(patience)}` : "");
  const schedule = a.scheduled !== a.agents ? `; schedule ${a.scheduled} for the shrinkage` : "";
  return `${head}\n${a.agents} ${what}${why}: ${measuresText(a, slTime)}${schedule}\n`;
}

function table(answers: readonly ErlangAnswer[], interval: number | undefined): string {
  const b = answers[0]!.model === "B";
  const head = ["period", ...(interval !== undefined ? ["start"] : []), "rate/h", "erlangs", b ? "lines" : "agents", "scheduled"];
  const cols = b ? ["blocking", "occupancy"] : answers[0]!.model === "A" ? ["probWait", "serviceLevel", "meanWait", "abandonRate", "occupancy"] : ["probWait", "serviceLevel", "asa", "occupancy"];
  const rows = [[...head, ...cols]];
  answers.forEach((a, i) => {
    const m = a.measures as unknown as Record<string, number>;
    rows.push([
      String(i + 1),
      ...(interval !== undefined ? [formatDuration(i * interval)] : []),
      (a.rate * 3600).toFixed(1),
      a.load.toFixed(3),
      String(a.agents),
      String(a.scheduled),
      ...cols.map((c) => formatMetric(c === "blocking" ? "probWait" : c, m[c]!)),
    ]);
  });
  return `${grid(rows, 1)}\n`;
}
