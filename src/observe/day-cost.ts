// What one replication's day cost in money, from the scenario's prices and what the day measured: the scheduled
// agent-hours of each group, the nodes and URS pairs for the measured window, the abandoned calls and the minutes
// callers waited. Computed from the result's records, apart from the model (as the other statistics are).

import type { CostsSpec } from "../scenario/cost-spec.js";
import { agentHourPrice, paidHosts, scheduledAgentHours } from "../scenario/paid-hours.js";
import type { Scenario } from "../scenario/types.js";
import type { DayCostRecord, DayCostSummary } from "./results.js";
export type { DayCostRecord, DayCostSummary } from "./results.js";

/** The sum of a record's parts: the `cost` metric. */
export function totalOf(r: DayCostRecord): number {
  return r.agents + r.nodes + r.ursPairs + r.abandoned + r.waiting;
}

/** The agent-hours and cost of each group over the measured window (they do not vary between replications: pay
 *  follows the schedule, not what happened). */
export function groupCosts(scenario: Scenario, costs: CostsSpec): DayCostSummary["groups"] {
  const { warmup, horizon } = scenario;
  return Object.fromEntries(
    scenario.agents.map((g) => {
      const hours = scheduledAgentHours(g, warmup, horizon);
      const price = agentHourPrice(g, costs);
      return [g.group, { costPerHour: price, agentHours: hours, cost: price * hours }];
    }),
  );
}

/** One replication's cost: `abandoned` the calls abandoned in the window, `waitSeconds` the seconds every call that
 *  ended waited (answered until answer, the others until they left). */
export function dayCost(scenario: Scenario, costs: CostsSpec, abandoned: number, waitSeconds: number): DayCostRecord {
  const hours = (scenario.horizon - scenario.warmup) / 3600;
  const hosts = paidHosts(scenario);
  let agents = 0;
  for (const g of Object.values(groupCosts(scenario, costs))) agents += g.cost;
  return {
    agents,
    nodes: costs.nodeHour * hosts.nodes * hours,
    ursPairs: costs.ursPairHour * hosts.ursPairs * hours,
    abandoned: costs.abandoned * abandoned,
    waiting: (costs.waitingMinute * waitSeconds) / 60,
  };
}
