// Joint staffing per period: when the traffic has an arrival profile, every group's head count in each period of it,
// each period staffed on its own as a steady state at that period's rates (the stationary independent period
// approximation, as per-period sizing of one group does: period-sizing.ts) by the joint search (joint-staffing.ts).

import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/types.js";
import { sizeStaffing, type JointOptions, type JointStaffing, type StaffingTry } from "./joint-staffing.js";
import { periodScenario, profileOf } from "./period-sizing.js";

export interface PeriodStaffing {
  /** the profile's period, seconds */
  readonly period: number;
  readonly groups: readonly string[];
  /** per group: the cost of one agent-hour */
  readonly costs: Readonly<Record<string, number>>;
  /** per period: its joint staffing, or null when nothing arrives then (every group 0) */
  readonly periods: readonly (JointStaffing | null)[];
  /** per group, per period: the recommended count (null: that period found none meeting every target) */
  readonly staffing: Readonly<Record<string, readonly (number | null)[]>>;
  /** the day's cost of the recommended staffing, each period's counts over its length (null: a period found none) */
  readonly cost: number | null;
  readonly replications: number;
}

/** The profile every traffic type shares (one period length), or null when no type has one. */
export function staffingProfile(scenario: Scenario): { period: number; periods: number } | null {
  const traced = scenario.traffic.find((t) => t.trace);
  if (traced) throw new InputError("--for staffing", undefined, `joint staffing needs arrival rates; traffic ${traced.type} replays a trace`);
  return profileOf(scenario, scenario.traffic.map((t) => t.type));
}

export async function staffPerPeriod(
  scenario: Scenario,
  profile: { period: number; periods: number },
  opts: JointOptions & { readonly onPeriod?: (p: number) => void },
): Promise<PeriodStaffing> {
  const groups = scenario.agents.map((a) => a.group);
  const periods: (JointStaffing | null)[] = [];
  for (let p = 0; p < profile.periods; p++) {
    opts.onPeriod?.(p);
    const s = periodScenario(scenario, p, profile.period);
    periods.push(s.traffic.some((t) => t.arrivals.rates[0]! > 0) ? await sizeStaffing(s, opts) : null);
  }
  const costs = periods.find((x) => x !== null)?.costs ?? Object.fromEntries(groups.map((g) => [g, 0]));
  const counts = (x: JointStaffing | null, g: string): number | null => (x === null ? 0 : x.recommended === null ? null : x.recommended.counts[g]!);
  const staffing = Object.fromEntries(groups.map((g) => [g, periods.map((x) => counts(x, g))]));
  const hours = profile.period / 3600;
  const found = periods.every((x) => x === null || x.recommended !== null);
  const cost = found
    ? periods.reduce((n, x) => n + (x === null ? 0 : groups.reduce((m, g) => m + (x.recommended as StaffingTry).counts[g]! * costs[g]! * hours, 0)), 0)
    : null;
  return { period: profile.period, groups, costs, periods, staffing, cost, replications: periods.reduce((n, x) => n + (x?.replications ?? 0), 0) };
}
