// Transfers and consultations (traffic[].transfer): at the end of its talk a share of answered calls is routed again,
// as the same call on the same node (SIP Cluster Solution Guide, SIP Server Internal Modules: "A call is never
// transferred from one SC in the SIP Cluster to another"), to the transfer target; blind, the first agent lets go at
// once; with a consultation both agents are held for it. Hand-placed calls with fixed times, exact answers; and the
// effect on agent time in a lightly loaded case, against its expectation.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AGENT_STATE_NAMES, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Urs } from "../src/model/routing/urs.js";
import type { Call } from "../src/model/sip/call.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { Simulation } from "../src/kernel/simulation.js";
import { buildContactCenter } from "../src/model/build.js";
import { ReplicationObserver } from "../src/observe/replication-observer.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";
import { frontAndBilling } from "./caller-centers.js";

/** A front agent and a billing agent on two nodes (node-based routing), no delays; type b keeps billing busy. */
function center(transfer: string, nodes = 2): string {
  return `
horizon: 1h
sites:
  - { id: dc1, nodes: ${nodes} }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
agents:
  - { group: front, count: 1, skills: { sales: 1 } }
  - { group: billing, count: 1, skills: { billing: 1 } }
traffic:
  - { type: sales, arrivals: { rate: 0.0001/h }, handleTime: 60s, patience: 10s, target: "sales > 0", transfer: ${transfer} }
  - { type: b, arrivals: { rate: 0.0001/h }, handleTime: 100s, target: "billing > 0" }
`;
}

/** Places calls (type index, time) and logs agents' state changes, answers, releases and which URS routed the call. */
function placed(yaml: string, calls: [number, number][], until: number) {
  const log: string[] = [];
  const nodes: string[] = [];
  const { world, sim } = worldOf(scenarioOf(yaml), {
    ...silent,
    agentState: (a: Agent, _f: AgentStateValue, to: AgentStateValue) => log.push(`${a.group.spec.group} ${AGENT_STATE_NAMES[to]}@${sim.now}`),
    answered: (c: Call, a: Agent) => log.push(`answer ${c.id} by ${a.group.spec.group}@${sim.now}`),
    released: (c: Call, a: Agent) => log.push(`release ${c.id} by ${a.group.spec.group}@${sim.now}`),
    transferred: (c: Call, a: Agent, consult: boolean) => log.push(`transfer ${c.id} from ${a.group.spec.group}${consult ? " consult" : ""}@${sim.now}`),
    routeRequest: (c: Call, u: Urs) => nodes.push(`${c.id} on ${c.node!.id} routed by ${u.node.id}`),
  });
  for (const a of world.agents) world.tController.logIn(a);
  const [n1] = world.topology.nodes;
  for (const [type, t] of calls) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[type]!, type === 0 ? world.topology.nodes[1] : n1) }, 0);
  sim.run(until);
  return { log: log.filter((l) => !l.endsWith("@0") || !l.includes("Ready")), nodes };
}

describe("transfers on hand-placed calls", () => {
  it("blind: the first agent lets go at the end of its talk, the call is routed again on its node and talks a new handle time", () => {
    const { log, nodes } = placed(center("{ share: 1, target: \"billing > 0\" }"), [[0, 0]], 300);
    expect(log).toEqual([
      "front Busy@0",
      "answer 1 by front@0",
      "transfer 1 from front@60",
      "front Ready@60",
      "billing Busy@60",
      "answer 1 by billing@60",
      "release 1 by billing@120",
      "billing Ready@120",
    ]);
    // both routings by the URS of the node the call landed on (n2), not the URS of the agents' DNs
    expect(nodes).toEqual(["1 on dc1.n2 routed by dc1.n2", "1 on dc1.n2 routed by dc1.n2"]);
  });

  it("consult: both agents are held for the consultation, then the first lets go and the second talks on", () => {
    const { log } = placed(center("{ share: 1, target: \"billing > 0\", consult: 20s }"), [[0, 0]], 300);
    expect(log).toEqual([
      "front Busy@0",
      "answer 1 by front@0",
      "transfer 1 from front consult@60",
      "billing Busy@60",
      "answer 1 by billing@60",
      "front Ready@80",
      "release 1 by billing@140",
      "billing Ready@140",
    ]);
  });

  it("consult to a busy target: the first agent stays on the call while it waits, then for the consultation", () => {
    // billing is busy with a call of type b from 0 to 100; the caller, served already, waits 40 s past its 10 s patience
    // without hanging up (a choice: docs/callers-and-transfers.md)
    const { log } = placed(center("{ share: 1, target: \"billing > 0\", consult: 20s }"), [[1, 0], [0, 0]], 400);
    expect(log.filter((l) => l.startsWith("front") || l.includes(" 2 "))).toEqual([
      "front Busy@0",
      "answer 2 by front@0",
      "transfer 2 from front consult@60",
      "answer 2 by billing@100",
      "front Ready@120",
      "release 2 by billing@180",
    ]);
  });

  it("share 0 never transfers", () => {
    const { log } = placed(center("{ share: 0, target: \"billing > 0\" }"), [[0, 0]], 300);
    expect(log).toEqual(["front Busy@0", "answer 1 by front@0", "release 1 by front@60", "front Ready@60"]);
  });
});

describe("transfers' effect", () => {
  // 20 calls an hour of 4 minutes on 6 front agents, 6 billing agents: almost nobody waits
  const light = (transfer: string) =>
    frontAndBilling({
      head: "horizon: 6h\nreplications: 4",
      front: 6,
      billing: 6,
      sales: `arrivals: { rate: 20/h }, handleTime: { dist: exponential, mean: 4m }, transfer: ${transfer}`,
    });

  it("a share s of answered calls is transferred; each costs both agents' talk and the consultation twice; the counts stay one per call", () => {
    const r = run(scenarioOf(light("{ share: 0.4, target: \"billing > 0\", consult: 1m }")));
    const x = r.callers!.transfers!;
    const answered = r.metrics.answered!.mean;
    expect(x.transfers.mean / answered).toBeGreaterThan(0.34);
    expect(x.transfers.mean / answered).toBeLessThan(0.46);
    // 4 min with the first agent, 1 min of consultation for each, 4 min with the second, waits near 0
    expect(x.transferredHandleTime.mean).toBeGreaterThan(600 * 0.92);
    expect(x.transferredHandleTime.mean).toBeLessThan(600 * 1.08);
    expect(x.transferWait.mean).toBeLessThan(5);
    // every call counted once: answered once, at the front; billing's answers are the transfers
    expect(r.metrics.unfinished!.mean).toBe(0);
    expect(r.metrics.offered!.mean).toBe(answered);
    expect(r.byGroup["billing"]!.answered!.mean).toBe(x.transfers.mean);
    expect(r.byGroup["front"]!.answered!.mean).toBe(answered);
  });
});

describe("a fault and a transferred call", () => {
  it("a node lost while a transferred call waits for its second agent: cut off, not dropped, in the fault's cost and the slices alike", () => {
    const s = scenarioOf(
      center(`{ share: 1, target: "billing > 0" }`, 1) + "faults: [{ at: 90s, kind: node-lost, target: dc1.n1, duration: 10m }]\n",
    );
    const sim = new Simulation();
    const measure = new ReplicationObserver(sim, s);
    const world = buildContactCenter(s, sim, new RandomStreams(s.seed, 0), measure);
    measure.attach(world);
    world.start();
    // b keeps billing busy from 0 to 100 s; the sales call talks with front from 1 s to 61 s, then waits for billing
    sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[1]!) }, 0);
    sim.at(1, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run(4000);
    const r = measure.result();
    // at 90 s both calls are lost with the node: b talking, the sales call answered once already
    expect(r.faults![0]!.cutOff).toBe(2);
    expect(r.faults![0]!.dropped).toBe(0);
    expect(r.metrics.cutOff).toBe(2);
    expect(r.metrics.dropped).toBe(0);
  });
});
