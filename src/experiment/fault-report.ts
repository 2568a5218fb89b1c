// What each scheduled fault cost: its counts over replications, and how long service level took to come back.

import type { FaultSpec, Scenario } from "../scenario/types.js";
import type { FaultCost, ReplicationResult } from "../observe/collector.js";
import type { IntervalMeans, MetricSummary } from "./experiment.js";

/** how close (in service level points) an interval must be to the level before the fault to count as recovered */
export const RECOVERY_BAND = 0.05;

export interface FaultSummary {
  readonly at: number;
  readonly kind: FaultSpec["kind"];
  readonly target?: string;
  readonly between?: readonly [string, string];
  /** seconds; null: until the end */
  readonly duration: number | null;
  readonly cost: Record<keyof FaultCost, MetricSummary>;
  /** the service level series the recovery is judged on: a site id, or "*" for the whole center */
  readonly site: string;
  /** service level of the last interval that ended before the fault (null: none did) */
  readonly serviceLevelBefore: number | null;
  /** the lowest interval service level from the fault on */
  readonly serviceLevelLowest: number | null;
  /** seconds from the fault's start until the first interval back within 5 points of the level before it starts;
   *  0 when service level never left that band; null when it had not come back by the horizon or there was no
   *  interval before the fault to compare with */
  readonly recovery: number | null;
}

const COST_NAMES: readonly (keyof FaultCost)[] = ["dropped", "cutOff", "defaultRouted", "lostRequests", "routingFailures"];

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
    ) as Record<keyof FaultCost, MetricSummary>;
    const site = scenario.sites.length === 1 ? "*" : faultSite(f);
    const rows = intervals.filter((r) => r.site === site && r.type === "*" && r.metrics.offered! > 0);
    const { before, lowest, recovery } = recoveryOf(rows, f.at);
    const out: FaultSummary = {
      at: f.at,
      kind: f.kind,
      ...(f.target !== undefined ? { target: f.target } : {}),
      ...(f.between !== undefined ? { between: f.between } : {}),
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
