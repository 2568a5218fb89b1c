// Agent sizing per period: when the traffic a group serves has an arrival profile, a head count for each period of
// it (a staffing table). Each period is sized on its own as a steady state at that period's rates (the stationary
// independent period approximation): a run of STEADY_HORIZON after STEADY_WARMUP, by the same search as all-day
// sizing (sizing.ts), on common random numbers.

import type { Scenario } from "../scenario/types.js";
import { InputError } from "../scenario/errors.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { sizeAgents, type SizingResult, type SizingTry } from "./sizing.js";

export const STEADY_WARMUP = 1800;
export const STEADY_HORIZON = 4 * 3600;

export interface PeriodSizing {
  readonly group: string;
  /** the profile's period, seconds */
  readonly period: number;
  /** per period: its sizing, or null when nothing arrives then (0 agents) */
  readonly periods: readonly (SizingResult | null)[];
  /** per period, the smallest count that met every target (null: none up to the max; 0: no traffic) */
  readonly staffing: readonly (number | null)[];
  /** the replications every period's tries simulated together */
  readonly replications: number;
}

/** The traffic types the group serves, if they share a profile of several periods; null when there is no profile. */
export function profileOf(scenario: Scenario, types: readonly string[]): { period: number; periods: number } | null {
  const ts = scenario.traffic.filter((t) => types.includes(t.type));
  if (ts.every((t) => t.arrivals.rates.length <= 1)) return null;
  const first = ts.find((t) => t.arrivals.rates.length > 1)!;
  for (const t of ts) {
    if (t.trace) throw new InputError("--for", undefined, `per-period sizing needs rate profiles; traffic ${t.type} replays a trace`);
    if (t.arrivals.rates.length > 1 && t.arrivals.period !== first.arrivals.period) {
      throw new InputError("--for", undefined, `per-period sizing needs one profile period; ${first.type} and ${t.type} differ`);
    }
  }
  return { period: first.arrivals.period, periods: first.arrivals.rates.length };
}

/** The scenario at period p's rates, as a steady state. */
export function periodScenario(s: Scenario, p: number, period: number): Scenario {
  return {
    ...s,
    warmup: STEADY_WARMUP,
    horizon: STEADY_HORIZON,
    interval: Math.min(s.interval, STEADY_HORIZON),
    faults: [],
    traffic: s.traffic.map((t) => {
      const r = t.arrivals.rates;
      // a single rate holds all day; a profile's rate in period p (the last one holds after its end)
      const rate = r.length === 1 ? r[0]! : r[Math.min(p, r.length - 1)]!;
      return { ...t, arrivals: { period: STEADY_HORIZON, rates: [rate] } };
    }),
    // other groups work their staffing table's count of that period (the sized group's is replaced by each try)
    agents: s.agents.map(({ staffing, ...a }) =>
      staffing === undefined ? a : { ...a, count: staffing.counts[Math.min(Math.floor((p * period) / staffing.period), staffing.counts.length - 1)]! },
    ),
  };
}

export async function sizePerPeriod(
  scenario: Scenario,
  group: string,
  types: readonly string[],
  opts: { seed: number; replications: number; run: ExperimentRunner; max?: number; onTry?: (period: number, t: SizingTry) => void },
): Promise<PeriodSizing> {
  const profile = profileOf(scenario, types)!;
  const periods: (SizingResult | null)[] = [];
  const staffing: (number | null)[] = [];
  for (let p = 0; p < profile.periods; p++) {
    const s = periodScenario(scenario, p, profile.period);
    const busy = s.traffic.some((t) => types.includes(t.type) && t.arrivals.rates[0]! > 0);
    if (!busy) {
      periods.push(null);
      staffing.push(0);
      continue;
    }
    const r = await sizeAgents(s, group, {
      seed: opts.seed,
      replications: opts.replications,
      run: opts.run,
      ...(opts.max !== undefined ? { max: opts.max } : {}),
      onTry: (t) => opts.onTry?.(p, t),
    });
    periods.push(r);
    staffing.push(r.recommended);
  }
  return { group, period: profile.period, periods, staffing, replications: periods.reduce((n, r) => n + (r?.replications ?? 0), 0) };
}
