// Multimedia agents without DN ownership (SIP Cluster Solution Guide, Agent Availability for Routing): "Interaction
// Server is connected to all routing Stat Servers and reports agent states to all routing Stat Servers"; "Agents
// handling voice calls have DN ownership assigned in the SIP Cluster node". A chat-only agent has no owner node, so a
// T-Controller link cut or a node loss neither hides it nor logs it out; a blended agent keeps its voice DN's owner.
// The chat agents sit in dc2 and the chats enter dc1's Interaction Server, which spreads them over all four URS: were
// the agents' states carried by the T-Controllers, dc1's URS would see none of them during a cut between the sites.

import { describe, expect, it } from "vitest";
import { AgentState, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";

const CHAT_CENTER = `
seed: 3
replications: 12
horizon: 3h
warmup: 15m
serviceLevel: 60s
sites:
  - { id: dc1, nodes: 2, vq: { priority: 4 } }
  - { id: dc2, nodes: 2, vq: { priority: 2 } }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: node-based, reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
capacityRules:
  chat-desk: [ { chat: 3 } ]
  blended: [ { voice: 1 }, { chat: 2 } ]
agents:
  - { group: chat-dc2, site: dc2, count: 16, skills: { chat: 5 }, capacity: chat-desk,
      answerDelay: { dist: uniform, min: 2s, max: 5s }, wrapUp: { dist: exponential, mean: 20s } }
  - { group: blended-dc1, site: dc1, count: 2, skills: { sales: 5 }, capacity: blended,
      answerDelay: { dist: uniform, min: 2s, max: 5s }, wrapUp: { dist: exponential, mean: 20s } }
traffic:
  - { type: chat, site: dc1, media: chat, arrivals: { rate: 6/min },
      handleTime: { dist: exponential, mean: 6m }, patience: { dist: exponential, mean: 5m }, target: "chat > 0" }
  - { type: call, site: dc1, media: voice, arrivals: { rate: 0.2/min },
      handleTime: { dist: exponential, mean: 3m }, target: "sales > 0" }
`;

describe("multimedia agents have no DN ownership", () => {
  it("a chat-only agent has no owner node and counts at none; a blended agent keeps its voice DN's owner", () => {
    const { world } = worldOf(scenarioOf(CHAT_CENTER));
    const chat = world.agents.filter((a) => a.group.id.startsWith("chat"));
    const blended = world.agents.filter((a) => a.group.id === "blended-dc1");
    expect(chat.every((a) => a.owner === null)).toBe(true);
    expect(blended.every((a) => a.owner !== null && a.owner.site.id === "dc1")).toBe(true);
    // only the two blended DNs have an owner node
    expect(world.topology.nodes.reduce((n, x) => n + x.ownedAgents, 0)).toBe(2);
  });

  it("chat-only agents across a 30-minute inter-site link cut: chat service level within the CI of the same day without the cut", () => {
    const without = run(scenarioOf(CHAT_CENTER));
    const cut = run(
      scenarioOf(`${CHAT_CENTER}
faults:
  - { at: 1h, kind: link-down, between: [dc1, dc2], duration: 30m }
`),
    );
    const base = without.byMedia!.chat!.metrics.serviceLevel!;
    const withCut = cut.byMedia!.chat!.metrics.serviceLevel!;
    expect(base.mean).toBeGreaterThan(0.9);
    expect(withCut.mean).toBeGreaterThanOrEqual(base.ci95![0]);
    expect(withCut.mean).toBeLessThanOrEqual(base.ci95![1]);
  });

  it("the Interaction Server keeps every routing Stat Server informed across the cut: no chat-only agent goes out of service", () => {
    const outOfService: string[] = [];
    const s = scenarioOf(`${CHAT_CENTER}
faults:
  - { at: 10m, kind: link-down, between: [dc1, dc2], duration: 30m }
`);
    const { world, sim } = worldOf(s, {
      ...silent,
      dnService: (view: string, owner, inService: boolean, count: number) => {
        if (!inService) outOfService.push(`${view}:${owner.id}:${count}`);
      },
    });
    world.start();
    sim.run(20 * 60);
    // only the blended agents' DNs (owned by dc1's nodes) went out of service, and only in dc2's Stat Servers
    expect(outOfService.length).toBeGreaterThan(0);
    expect(outOfService.every((x) => x.startsWith("dc2.") && x.includes(":dc1."))).toBe(true);
    expect(outOfService.reduce((n, x) => n + Number(x.split(":")[2]), 0)).toBe(2 * 2); // in each of dc2's two Stat Servers
    // every Stat Server, dc1's included, shows every chat agent in service
    for (const u of world.urs) {
      for (const a of world.agents) if (a.owner === null) expect(u.view.isOutOfService(a)).toBe(false);
    }
  });

  it("a lost node does not log chat-only agents out; the blended agents it owned are logged out and move", () => {
    const loggedOut = new Set<Agent>();
    const moved = new Set<Agent>();
    const s = scenarioOf(`${CHAT_CENTER}
faults:
  - { at: 10m, kind: node-lost, target: dc1.n1, duration: 20m }
  - { at: 10m, kind: node-lost, target: dc1.n2, duration: 20m }
`);
    const { world, sim } = worldOf(s, {
      ...silent,
      agentState: (agent: Agent, _from: AgentStateValue, to: AgentStateValue) => {
        if (to === AgentState.LoggedOut && sim.now > 0) loggedOut.add(agent);
      },
      ownerChanged: (agent: Agent) => moved.add(agent),
    });
    world.start();
    sim.run(40 * 60);
    const chat = world.agents.filter((a) => a.owner === null);
    expect(chat).toHaveLength(16);
    for (const a of chat) {
      expect(loggedOut.has(a)).toBe(false);
      expect(moved.has(a)).toBe(false);
    }
    // both dc1 nodes lost: the blended agents' phones registered in dc2 and (agent-state-auto-restore false) were
    // logged out on the way
    const blended = world.agents.filter((a) => a.group.id === "blended-dc1");
    for (const a of blended) {
      expect(moved.has(a)).toBe(true);
      expect(a.owner!.site.id).toBe("dc2");
    }
    expect(blended.some((a) => loggedOut.has(a))).toBe(true);
  });

  it("with the component load model, a chat-only agent's states cost each Stat Server and no T-Controller", () => {
    const s = scenarioOf(`${CHAT_CENTER.replace(/  - \{ group: blended-dc1[^\n]*\n[^\n]*\n/, "").replace(/  - \{ type: call[^\n]*\n[^\n]*\n/, "")}
components: {}
faults:
  - { at: 10m, kind: link-down, between: [dc1, dc2], duration: 30m }
`);
    const heard = new Map<string, number>();
    const { world, sim } = worldOf(s, {
      ...silent,
      componentServed: (c) => heard.set(c.kind, (heard.get(c.kind) ?? 0) + 1),
    });
    world.start();
    sim.run(20 * 60);
    expect(world.agents.every((a) => a.owner === null)).toBe(true);
    expect(heard.get("tController") ?? 0).toBe(0);
    expect(heard.get("statServer")!).toBeGreaterThan(0);
    // across the cut every Stat Server, dc1's too, still shows the agents in service and hears their changes
    for (const u of world.urs) for (const a of world.agents) expect(u.view.isOutOfService(a)).toBe(false);
  });
});
