// PSTN agents' DNs and GWS (SIP Cluster Solution Guide, Configuring GWS: "All GWS API nodes in one data center
// connects to: one SIP Cluster node"; GWS Disaster Recovery Scenarios: "SIP Cluster DN ownership for the PSTN agents is
// established on the SIP Cluster node where GWS is connected", and GWS disconnects from SIP Server: the agents are
// logged out, the calls preserved, "If agent is connected to the new DC, SIP Server waits for 30 seconds, logs the
// agent out, and moves the ownership").

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AgentState } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { ClusterNode } from "../src/model/sip/topology.js";
import { ccsim, errorOf, run, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const tmp = tempFolders("gws");

/** Builds the scenario's contact center with a log of what GWS, DN ownership and the PSTN agents' logins do, one of
 *  the calls answered (to the second) and one of how each call ends; `callAt` places a call of a traffic type on a
 *  node. */
function watched(yaml: string, extra: string[] = []) {
  const log: string[] = [];
  const ended: string[] = [];
  const answered: string[] = [];
  const pstn = (a: Agent) => a.group.spec.phone === "pstn";
  const { world, sim } = worldOf(scenarioOf(yaml, extra), {
    ...silent,
    gwsConnected: (site, node) => log.push(`${sim.now} GWS of ${site.id} connects to ${node.id}`),
    ownerChanged: (agent, from) => log.push(`${sim.now} ${agent.dn} moves from ${from.id} to ${agent.owner!.id}`),
    agentState: (agent, from, to) => {
      if (!pstn(agent) || sim.now === 0) return;
      if (to === AgentState.LoggedOut) log.push(`${sim.now} ${agent.dn} logged out`);
      else if (from === AgentState.LoggedOut) log.push(`${sim.now} ${agent.dn} logs on`);
    },
    answered: (call, agent) => answered.push(`${Math.floor(sim.now)} call ${call.id} answered by ${agent.dn}`),
    released: (call, agent) => ended.push(`${sim.now} call ${call.id} on ${call.node!.id} released by ${agent.dn}`),
    dropped: (call) => ended.push(`${sim.now} call ${call.id} on ${call.node!.id} dropped`),
    defaultRouted: (call) => ended.push(`${sim.now} call ${call.id} on ${call.node!.id} default-routed`),
  });
  world.start();
  const node = (id: string): ClusterNode => world.topology.nodes.find((n) => n.id === id)!;
  const callAt = (t: number, type: number, at: string) =>
    sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[type]!, node(at)) }, 0);
  return { world, sim, log, ended, answered, callAt };
}

/** One site of three nodes, GWS on the second; eight PSTN agents and four on SIP phones. */
const ONE_SITE = `
horizon: 30m
replications: 2
sites:
  - { id: dc1, nodes: 3, gwsNode: 2 }
agents:
  - { group: desk, count: 8, skills: { s: 1 }, phone: pstn }
  - { group: soft, count: 4, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 30/min }, handleTime: 30s, target: "s > 0" }
`;

describe("PSTN agents' DNs are owned by the node GWS connects to", () => {
  it("every PSTN agent's DN on the GWS node (sites[].gwsNode), the SIP phones spread by their REGISTERs", () => {
    const { world } = watched(ONE_SITE);
    const owners = (group: string) => world.agents.filter((a) => a.group.id === group).map((a) => a.owner!.id);
    expect(owners("desk")).toEqual(Array(8).fill("dc1.n2"));
    expect(owners("soft")).toEqual(["dc1.n1", "dc1.n2", "dc1.n3", "dc1.n1"]);
    expect(run(scenarioOf(ONE_SITE)).agentsPerNode).toEqual({ "dc1.n1": 2, "dc1.n2": 9, "dc1.n3": 1 });
  });

  it("without gwsNode, GWS connects to the site's first node", () => {
    const { world } = watched(ONE_SITE.replace(", gwsNode: 2", ""));
    expect(new Set(world.agents.filter((a) => a.group.id === "desk").map((a) => a.owner!.id))).toEqual(new Set(["dc1.n1"]));
  });

  it("the GWS node's T-Controller is the hot spot of the component load model: it sends the PSTN agents' state changes", () => {
    const tc = (yaml: string) => {
      const r = run(scenarioOf(yaml + "components: {}\n"));
      return (n: string) => r.components!.instances[`dc1.${n}.tController`]!.utilization.mean;
    };
    const gws = tc(ONE_SITE);
    // n2 sends 9 of the 12 DNs' events to the others; n1 and n3 mostly take what n2 sends them
    expect(gws("n2")).toBeGreaterThan(1.8 * gws("n1"));
    expect(gws("n2")).toBeGreaterThan(1.8 * gws("n3"));
    // the same agents on SIP phones spread over the nodes, and so does the load
    const phones = tc(ONE_SITE.replace(", phone: pstn", ""));
    expect(phones("n2")).toBeLessThan(1.3 * phones("n1"));
    expect(phones("n2")).toBeLessThan(1.3 * phones("n3"));
  });
});

/** One site of three nodes; four PSTN agents on GWS's node dc1.n1, one SIP phone; dc1.n1 is lost at 100 s. A call
 *  placed on dc1.n2 at 90 s is being talked when the node goes. */
const LOSS = `
horizon: 1h
sites:
  - { id: dc1, nodes: 3 }
agents:
  - { group: desk, count: 4, skills: { s: 1 }, phone: pstn }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
  - { at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }
`;

describe("the GWS node lost", () => {
  it("its PSTN agents are logged out, GWS connects to the next node of the site, they log on again after the login delay, and their calls on other nodes survive", () => {
    const { world, sim, log, ended, callAt } = watched(LOSS);
    callAt(90, 0, "dc1.n2");
    sim.run(100);
    const talking = world.agents.find((a) => a.state === AgentState.Busy)!;
    sim.run();
    // the call on dc1.n2 survives: it ends when its minute is over
    expect(ended).toHaveLength(1);
    const [end, what] = [Number(ended[0]!.split(" ")[0]), ended[0]!.split(" ").slice(1).join(" ")];
    expect(what).toBe(`call 1 on dc1.n2 released by ${talking.dn}`);
    expect(end).toBeGreaterThan(150);
    expect(end).toBeLessThan(151);
    const others = world.agents.filter((a) => a !== talking).map((a) => a.dn);
    expect(log).toEqual([
      // GWS notices its connection gone after the ADDP timeout (7 s) and connects to dc1.n2, which registers every DN
      // it had on dc1.n1 (TRegisterAddress) and knows the agents logged out (logout-on-disconnect)
      "107 GWS of dc1 connects to dc1.n2",
      ...world.agents.flatMap((a) => [...(a === talking ? [] : [`107 ${a.dn} logged out`]), `107 ${a.dn} moves from dc1.n1 to dc1.n2`]),
      // the agent on the call goes on talking; when the call is over it is logged out, and logs on a minute later
      `${end} ${talking.dn} logged out`,
      // the idle agents log on after ha.loginDelay (60 s)
      ...others.map((dn) => `167 ${dn} logs on`),
      `${end + 60} ${talking.dn} logs on`,
    ]);
    // the node comes back at 700 s: GWS does not go back to it by itself
    expect(world.agents.map((a) => a.owner!.id)).toEqual(Array(4).fill("dc1.n2"));
    expect(world.agents.every((a) => a.registered && a.state === AgentState.Ready)).toBe(true);
  });

  it("a PSTN agent's call on the lost node itself is lost with it", () => {
    const { sim, ended, callAt } = watched(LOSS);
    callAt(90, 0, "dc1.n1");
    sim.run();
    expect(ended).toEqual(["100 call 1 on dc1.n1 dropped"]);
  });

  it("a node-down is a switchover GWS does not notice; a second one while the first instance is down takes the node, and GWS moves", () => {
    const faults = "  - { at: 100s, kind: node-down, target: dc1.n1, duration: 10m }\n  - { at: 200s, kind: node-down, target: dc1.n1, duration: 10m }";
    const { sim, log } = watched(LOSS.replace("  - { at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }", faults));
    sim.run();
    expect(log.filter((l) => !l.includes("desk"))).toEqual(["207 GWS of dc1 connects to dc1.n2"]);
    expect(log.filter((l) => l.includes("moves")).map((l) => l.split(" ")[0])).toEqual(["207", "207", "207", "207"]);
  });

  it("losing a node GWS is not connected to leaves the PSTN agents' DNs where they are", () => {
    const { world, sim, log } = watched(LOSS.replace("target: dc1.n1", "target: dc1.n3"));
    sim.run();
    expect(log).toEqual([]);
    expect(world.agents.map((a) => a.owner!.id)).toEqual(Array(4).fill("dc1.n1"));
  });
});

/** Two sites of two nodes; dc1's two PSTN agents on dc1.n1, dc2's GWS on dc2.n2; dc1 goes down at 100 s for 10 minutes.
 *  dc2's traffic targets its own data center: sitex(GEO_LOCATION). */
const TWO_SITES = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
  - { id: dc2, nodes: 2, gwsNode: 2 }
agents:
  - { group: east, site: dc1, count: 2, skills: { s: 1 }, phone: pstn }
  - { group: west, site: dc2, count: 1, skills: { s: 1 }, phone: pstn }
traffic:
  - { type: here, site: dc2, arrivals: { rate: 0.0001/h }, handleTime: 10m, target: "sitex(GEO_LOCATION) & s > 0" }
faults:
  - { at: 100s, kind: site-down, target: dc1, duration: 10m }
`;

describe("GWS connects to the other data center (every node of its site lost)", () => {
  it("GWS connects to the other site's GWS node; the ownership moves 30 seconds later (ha.gwsMoveWait), and the agents log on after that", () => {
    const { world, sim, log } = watched(TWO_SITES);
    sim.run();
    const east = world.agents.filter((a) => a.group.id === "east").map((a) => a.dn);
    expect(log).toEqual([
      "107 GWS of dc1 connects to dc2.n2",
      ...east.flatMap((dn) => [`137 ${dn} logged out`, `137 ${dn} moves from dc1.n1 to dc2.n2`]),
      ...east.map((dn) => `197 ${dn} logs on`),
    ]);
    // dc1 is back at 700 s; the DNs stay in dc2
    expect(world.agents.map((a) => a.owner!.id)).toEqual(["dc2.n2", "dc2.n2", "dc2.n2"]);
  });

  it("the wait follows ha.gwsMoveWait", () => {
    const { sim, log } = watched(TWO_SITES, ["ha.gwsMoveWait=5s"]);
    sim.run();
    expect(log.filter((l) => l.includes("moves")).map((l) => l.split(" ")[0])).toEqual(["112", "112"]);
  });

  it("with no node up anywhere GWS waits, and connects to the first node back", () => {
    // dc2 goes down at 90 s and is back at 300 s: from 107 s no node answers GWS of dc1
    const yaml = TWO_SITES.replace("duration: 10m }", "duration: 10m }\n  - { at: 90s, kind: site-down, target: dc2, duration: 210s }");
    const { sim, log } = watched(yaml.replace("count: 1, skills: { s: 1 }, phone: pstn", "count: 1, skills: { s: 1 }"));
    sim.run();
    // (west's phone registers again on its own, at its next refresh)
    expect(log.filter((l) => !l.includes("logs on") && !l.includes("west"))).toEqual([
      // dc2.n1 answers first; the ownership follows after the wait, since it is in another data center
      "300 GWS of dc1 connects to dc2.n1",
      "330 east.1 logged out",
      "330 east.1 moves from dc1.n1 to dc2.n1",
      "330 east.2 logged out",
      "330 east.2 moves from dc1.n1 to dc2.n1",
    ]);
  });
});

describe("sitex(GEO_LOCATION) follows a DN whose owner moved to the other DC", () => {
  it("dc2's calls reach only dc2's agent while dc1's DNs are owned in dc1; once they are owned in dc2 and their agents logged on, dc1's agents take dc2's calls", () => {
    const { world, sim, answered, callAt } = watched(TWO_SITES);
    const [cls] = world.classes;
    const held = () => world.agents.filter((a) => cls!.has(a)).map((a) => a.dn);
    callAt(50, 0, "dc2.n1");
    callAt(51, 0, "dc2.n1");
    sim.run(99);
    // west takes the first call; no other agent is located in dc2, and the second waits in the virtual queue
    expect(held()).toEqual(["west.1"]);
    expect(answered).toEqual(["50 call 1 answered by west.1"]);
    callAt(300, 0, "dc2.n2");
    sim.run();
    expect(held()).toEqual(["east.1", "east.2", "west.1"]);
    expect(answered).toEqual([
      "50 call 1 answered by west.1",
      // dc1's agents log on in dc2 at 197 s: the waiting call goes to the first of them at once
      "197 call 2 answered by east.1",
      "300 call 3 answered by east.2",
    ]);
  });
});

describe("bad input", () => {
  const BAD = `sites:
  - { id: dc1, nodes: 2, gwsNode: 3 }
agents:
  - { group: a, count: 2, skills: { s: 1 }, phone: pstn }
traffic:
  - { type: t, arrivals: { rate: 1/min }, handleTime: 1m, target: "s > 0" }
`;

  it("a gwsNode beyond the site's nodes is refused with the file, line and field", () => {
    const e = errorOf(() => scenarioOf(BAD));
    expect(e.message).toMatch(/^test\.yaml:2:\d+: sites\[0\]\.gwsNode: expected a node of the site \(1 \.\. 2: dc1\.n1 \.\. dc1\.n2\), got 3$/);
  });

  it("the command line exits 2 with that one line and writes nothing", () => {
    const dir = tmp();
    const file = join(dir, "bad.yaml");
    writeFileSync(file, BAD);
    const r = ccsim(["run", file, "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:2:\\d+: sites\\[0\\]\\.gwsNode: expected a node of the site`));
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
