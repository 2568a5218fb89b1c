// What each scheduled fault cost: its counts over replications, and how long service level took to come back.

import type { FaultSpec, Scenario } from "../scenario/types.js";
import type { FaultCost, FaultSummary, IntervalMeans, MetricSummary, ReplicationResult } from "../observe/results.js";

/** how close (in service level points) an interval must be to the level before the fault to count as recovered */
export const RECOVERY_BAND = 0.05;

const COST_NAMES: readonly Exclude<keyof FaultCost, "held">[] = ["dropped", "cutOff", "defaultRouted", "lostRequests", "routingFailures"];

/** The site whose service level a fault hits most directly, or "*" when it spans sites. */
function faultSite(f: FaultSpec): string {
  const siteOf = (id: string) => id.replace(/\.n\d+$/, "");
  if (f.target !== undefined) return siteOf(f.target);
  const [a, b] = f.between!;
  return siteOf(a) === siteOf(b) && /\.n\d+$/.test(a) ? siteOf(a) : "*";
}

export function faultSummaries(
  scenario: Scenario,
  results: readonly ReplicationResult[],
  intervals: readonly IntervalMeans[],
  summarize: (xs: number[]) => MetricSummary,
): FaultSummary[] {
  return scenario.faults.map((f, i) => {
    const cost = Object.fromEntries(
      COST_NAMES.map((name) => [name, summarize(results.map((r) => r.faults?.[i]?.[name] ?? 0))]),
    ) as FaultSummary["cost"];
    if (f.kind === "connector-down") cost.held = summarize(results.map((r) => r.faults?.[i]?.held ?? 0));
    const site = scenario.sites.length === 1 ? "*" : faultSite(f);
    const rows = intervals.filter((r) => r.site === site && r.type === "*" && r.metrics.offered! > 0);
    const { before, lowest, recovery } = recoveryOf(rows, f.at);
    const out: FaultSummary = {
      at: f.at,
      kind: f.kind,
      ...(f.target !== undefined ? { target: f.target } : {}),
      ...(f.between !== undefined ? { between: f.between } : {}),
      ...(f.connector !== undefined ? { connector: f.connector + 1 } : {}),
      ...(f.frontEnd !== undefined ? { frontEnd: f.frontEnd + 1 } : {}),
      duration: f.duration ?? null,
      cost,
      site,
      serviceLevelBefore: before,
      serviceLevelLowest: lowest,
      recovery,
    };
    return out;
  });
}

/** Recovery on one service level series (intervals in time order). */
function recoveryOf(
  rows: readonly IntervalMeans[],
  at: number,
): { before: number | null; lowest: number | null; recovery: number | null } {
  const sl = (r: IntervalMeans) => r.metrics.serviceLevel ?? 0;
  const prior = rows.filter((r) => r.end <= at);
  const after = rows.filter((r) => r.end > at);
  const lowest = after.length > 0 ? Math.min(...after.map(sl)) : null;
  if (prior.length === 0) return { before: null, lowest, recovery: null };
  const before = sl(prior[prior.length - 1]!);
  const floor = before - RECOVERY_BAND;
  const dip = after.findIndex((r) => sl(r) < floor);
  if (dip < 0) return { before, lowest, recovery: 0 };
  const back = after.findIndex((r, k) => k > dip && sl(r) >= floor);
  return { before, lowest, recovery: back < 0 ? null : after[back]!.start - at };
}
