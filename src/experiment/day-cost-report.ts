// The day's cost in money across replications: each part's mean and 95% interval, the prices, and what the schedule
// and the deployment pay for (agent-hours per group, nodes, URS pairs).

import { groupCosts, type DayCostRecord, type DayCostSummary } from "../observe/day-cost.js";
import type { MetricSummary, ReplicationResult } from "../observe/results.js";
import { paidHosts } from "../scenario/paid-hours.js";
import type { Scenario } from "../scenario/types.js";

const PARTS: readonly (keyof DayCostRecord)[] = ["agents", "nodes", "ursPairs", "abandoned", "waiting"];

export function dayCostSummary(scenario: Scenario, results: readonly ReplicationResult[], summaryOf: (xs: number[]) => MetricSummary): DayCostSummary {
  const { currency, ...prices } = scenario.costs!;
  const parts = Object.fromEntries(PARTS.map((p) => [p, summaryOf(results.map((r) => r.cost![p]))])) as DayCostSummary["parts"];
  return {
    ...(currency === undefined ? {} : { currency }),
    prices,
    parts,
    groups: groupCosts(scenario, scenario.costs!),
    ...paidHosts(scenario),
    hours: (scenario.horizon - scenario.warmup) / 3600,
  };
}
