// What a day pays for by the hour: the agent-hours a group is scheduled for (its cost per agent-hour applies to them),
// and the nodes and URS pairs of the deployment.

import type { CostsSpec } from "./cost-spec.js";
import type { AgentGroupSpec, Scenario } from "./types.js";

/** A group's price of an agent-hour: its own, or the scenario's for every group. */
export function agentHourPrice(group: AgentGroupSpec, costs: CostsSpec): number {
  return group.costPerHour ?? costs.agentHour;
}

/** The agent-hours a group is scheduled for over [from, to): its count all day, or each staffing period's count over
 *  the part of the period inside the window (the last period holds to the end, as the staffing plan does). Scheduled,
 *  not logged in: a fault that logs agents out does not stop their pay. */
export function scheduledAgentHours(group: AgentGroupSpec, from: number, to: number): number {
  const s = group.staffing;
  if (s === undefined) return (group.count * (to - from)) / 3600;
  let seconds = 0;
  for (let k = 0; k < s.counts.length; k++) {
    const start = k * s.period;
    const end = k === s.counts.length - 1 ? Infinity : start + s.period;
    const overlap = Math.min(to, end) - Math.max(from, start);
    if (overlap > 0) seconds += s.counts[k]! * overlap;
  }
  return seconds / 3600;
}

/** The hosts a day pays for by the hour: every node of every site, and the URS pairs routing places (one a node in
 *  node-based routing, one a site in centralized, one per nodesPerUrs nodes of a site in grouped: as
 *  model/build/routing.ts ursPlacements places them, which test/day-cost.test.ts checks). */
export function paidHosts(scenario: Scenario): { readonly nodes: number; readonly ursPairs: number } {
  const { mode, nodesPerUrs } = scenario.routing;
  let nodes = 0;
  let ursPairs = 0;
  for (const site of scenario.sites) {
    nodes += site.nodes;
    ursPairs += mode === "node-based" ? site.nodes : mode === "centralized" ? 1 : Math.ceil(site.nodes / nodesPerUrs);
  }
  return { nodes, ursPairs };
}
