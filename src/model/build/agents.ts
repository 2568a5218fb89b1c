// Building the agents: their groups (with each group's three draws), the agents of each group and the node that
// owns each one's DN, and the staffing plan that logs them in and out.

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import { Agent, AgentGroup } from "../agents/agent.js";
import { CapacityRule, MEDIA_INDEX } from "../agents/capacity-rule.js";
import { Staffing, type AgentDesk } from "../agents/staffing.js";
import { STREAMS } from "../streams.js";
import type { Topology } from "../sip/topology.js";

/** The agent groups in scenario order and every agent in index order (a group's agents are consecutive). Each
 *  group's streams are asked for in the order answerDelay, wrapUp, answer, group by group. */
export function buildAgents(
  scenario: Scenario,
  topology: Topology,
  streams: RandomStreams,
): { groups: AgentGroup[]; agents: Agent[] } {
  const rules = new Map(scenario.capacityRules.map((r) => [r.name, new CapacityRule(r)]));
  const groups: AgentGroup[] = [];
  const agents: Agent[] = [];
  for (const g of scenario.agents) {
    const group = new AgentGroup({
      index: groups.length,
      spec: g,
      site: topology.site(g.site),
      rule: rules.get(g.capacity)!,
      answerDelay: sampler(g.answerDelay, streams.stream(STREAMS.answerDelay(g.group))),
      wrapUp: sampler(g.wrapUp, streams.stream(STREAMS.wrapUp(g.group))),
      answerRng: streams.stream(STREAMS.answer(g.group)),
    });
    groups.push(group);
    // a multimedia agent of a SIP Cluster has no DN owner ("Agents handling voice calls have DN ownership assigned
    // in the SIP Cluster node", SIP Cluster Solution Guide, Agent Availability for Routing); a standalone site's one
    // SIP Server keeps every DN, IM ones included
    const owned = scenario.topology !== "cluster" || group.rule.serves(MEDIA_INDEX.voice);
    for (let k = 0; k < g.count; k++) {
      const owner = owned ? group.site.ownerFor(g.phone) : null;
      if (owner !== null) owner.ownedAgents++;
      const agent = new Agent(agents.length, group, owner);
      group.agents.push(agent);
      agents.push(agent);
    }
  }
  return { groups, agents };
}

/** One staffing plan per group, logging its agents in and out at the T-Controller (the AgentDesk); a group with
 *  shrinkage asks for its `shrinkage:<group>` stream. */
export function buildStaffing(sim: Simulation, groups: readonly AgentGroup[], desk: AgentDesk, streams: RandomStreams): Staffing[] {
  return groups.map((g) => new Staffing(sim, g, desk, g.spec.shrinkage === undefined ? null : streams.stream(STREAMS.shrinkage(g.id))));
}
