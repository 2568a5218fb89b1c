// Faults as the SIP Cluster guide and the HA chapter describe them, with calls placed by hand at fixed instants:
// links cut between nodes, URS, VQ SIP Server, node and site failures, and what each architecture does about them.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AgentState } from "../src/model/agents/agent-state.js";
import type { Call } from "../src/model/sip/call.js";
import type { ExplicitReservation } from "../src/model/routing/reservation.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { FaultHost } from "../src/model/faults/fault-host.js";
import { FaultInjector } from "../src/model/faults/fault-injector.js";
import { CallState, type CallStateValue } from "../src/model/sip/call.js";
import { run, scenarioFile, scenarioOf, silent, worldOf } from "./helpers.js";

/** One site, two nodes; group a's DN is owned by n1 and group b's by n2 (REGISTER round-robin). Random traffic is
 *  negligible (one call in ten thousand hours): the tests place calls themselves. */
const CLUSTER = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: MODE, reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
ha: { tcReconnectTimeout: TC }
agents:
  - { group: a, count: 1, skills: { s: 1 } }
  - { group: b, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
FAULTS
`;

interface Logged {
  t: number;
  event: string;
  call?: number;
  agent?: string;
  reason?: string;
  fault?: number;
}

function cluster(opts: { mode?: string; tc?: string; faults: string[]; extra?: string[] }) {
  const yaml = CLUSTER.replace("MODE", opts.mode ?? "node-based")
    .replace("TC", opts.tc ?? "0s")
    .replace("FAULTS", opts.faults.map((f) => `  - ${f}`).join("\n"));
  const scenario = scenarioOf(yaml, opts.extra ?? []);
  const log: Logged[] = [];
  const { world, sim } = worldOf(scenario, {
    ...silent,
    routeCall: (call, _urs, agent) => log.push({ t: sim.now, event: "route", call: call.id, agent: agent.group.id }),
    routeFailure: (call, agent, reason, fault) =>
      log.push({ t: sim.now, event: "failure", call: call.id, agent: agent.group.id, reason, fault }),
    answered: (call, agent) => log.push({ t: sim.now, event: "answered", call: call.id, agent: agent.group.id }),
    defaultRouted: (call) => log.push({ t: sim.now, event: "default", call: call.id, fault: call.blame }),
    dropped: (call, fault, established) =>
      log.push({ t: sim.now, event: established ? "cut-off" : "dropped", call: call.id, fault }),
    lostRequest: (call, fault) => log.push({ t: sim.now, event: "lost", call: call.id, fault }),
  });
  world.start();
  const [n1, n2] = world.topology.nodes as [typeof world.topology.nodes[0], typeof world.topology.nodes[0]];
  const [a, b] = world.agents as [typeof world.agents[0], typeof world.agents[0]];
  /** a call of the only type arrives at time t on node n */
  const callAt = (t: number, node: typeof n1) =>
    sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!, node) }, 0);
  return { world, sim, log, n1, n2, a, b, callAt };
}

describe("a link cut between two nodes", () => {
  it("a DN owned by a cut-off node is out of service on the other side after tcReconnectTimeout", () => {
    const { world, sim, a, b } = cluster({ tc: "5s", faults: ["{ at: 100s, kind: link-down, between: [dc1.n1, dc1.n2] }"] });
    const viewOn = (id: string) => world.urs.find((u) => u.view.node.id === id)!.view;
    sim.run(104.9);
    expect(viewOn("dc1.n2").isOutOfService(a)).toBe(false);
    sim.run(105.1);
    expect(viewOn("dc1.n2").isOutOfService(a)).toBe(true);
    expect(viewOn("dc1.n1").isOutOfService(b)).toBe(true);
    // each side keeps its own DNs
    expect(viewOn("dc1.n1").isOutOfService(a)).toBe(false);
    expect(viewOn("dc1.n2").isOutOfService(b)).toBe(false);
  });

  it("node-based: each node's URS routes only to DNs its node reaches, so no attempt fails", () => {
    const { sim, log, n2, callAt } = cluster({ faults: ["{ at: 100s, kind: link-down, between: [dc1.n1, dc1.n2] }"] });
    callAt(200, n2);
    callAt(201, n2);
    sim.run();
    expect(log.filter((e) => e.event === "failure")).toEqual([]);
    // the first call takes b (owned by n2); the second waits for b rather than trying a across the cut
    expect(log.filter((e) => e.event === "answered").map((e) => e.agent)).toEqual(["b", "b"]);
  });

  it("centralized: the site's URS sees through n1 only and sends a call on n2 to a DN n2 cannot reach", () => {
    const { sim, log, n2, callAt } = cluster({
      mode: "centralized",
      faults: ["{ at: 100s, kind: link-down, between: [dc1.n1, dc1.n2], duration: 10m }"],
    });
    callAt(200, n2);
    sim.run();
    const failures = log.filter((e) => e.event === "failure");
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatchObject({ agent: "a", reason: "oos", fault: 0 });
    // after the link comes back at 700 s the call reaches an agent
    const answered = log.find((e) => e.event === "answered")!;
    expect(answered.t).toBeGreaterThan(700);
  });
});

describe("URS failure", () => {
  it("router-timeout default-routes a call that arrives while its URS is down, exactly 10 s later", () => {
    const { sim, log, n1, callAt } = cluster({ faults: ["{ at: 100s, kind: urs-down, target: dc1.n1, duration: 5m }"] });
    callAt(150, n1);
    sim.run();
    expect(log.filter((e) => e.event === "default")).toEqual([{ t: 160, event: "default", call: 1, fault: 0 }]);
  });

  it("node-based: only the failed URS's node loses its calls; centralized: the whole site does", () => {
    for (const [mode, defaulted] of [["node-based", [1]], ["centralized", [1, 2]]] as const) {
      const { sim, log, n1, n2, callAt } = cluster({ mode, faults: ["{ at: 100s, kind: urs-down, target: dc1.n1, duration: 5m }"] });
      callAt(150, n1);
      callAt(151, n2);
      sim.run();
      expect(log.filter((e) => e.event === "default").map((e) => e.call), mode).toEqual(defaulted);
    }
  });

  it("a call waiting in the URS when it fails loses its routing request and is default-routed router-timeout later", () => {
    const { sim, log, world, n1, callAt } = cluster({ faults: ["{ at: 100s, kind: urs-down, target: dc1.n1 }"] });
    // both agents busy from 50 s (two calls), a third call waits
    callAt(50, n1);
    callAt(50, n1);
    callAt(60, n1);
    sim.run();
    expect(log.filter((e) => e.event === "lost")).toEqual([{ t: 100, event: "lost", call: 3, fault: 0 }]);
    expect(log.filter((e) => e.event === "default")).toEqual([{ t: 110, event: "default", call: 3, fault: 0 }]);
    expect(world.agents.every((x) => x.state === AgentState.Ready)).toBe(true);
  });
});

describe("VQ SIP Server failure", () => {
  const TWO_SITES = `
horizon: 1h
sites:
  - { id: dc1, vq: { priority: 4 } }
  - { id: dc2, vq: { priority: 2 } }
ha: { requestTimeout: 5s }
agents:
  - { group: a, site: dc1, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, site: dc1, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
  - { at: 100s, kind: vq-down, target: dc1, duration: 10m }
`;

  it("reservations go to the next priority VQ SIP Server that is up", () => {
    const s = scenarioOf(TWO_SITES);
    const { world, sim } = worldOf(s);
    world.start();
    const protocol = world.protocol as ExplicitReservation;
    const urs = world.urs[0]!;
    expect(protocol.serverFor(world.agents[0]!, urs)!.site.id).toBe("dc1");
    sim.run(100);
    expect(protocol.serverFor(world.agents[0]!, urs)!.site.id).toBe("dc2");
    sim.run(701);
    expect(protocol.serverFor(world.agents[0]!, urs)!.site.id).toBe("dc1");
  });

  it("a request in the collection window when the server fails is lost and retried after the request timeout", () => {
    const s = scenarioOf(TWO_SITES);
    const log: { t: number; event: string }[] = [];
    const { world, sim } = worldOf(s, {
      ...silent,
      lostRequest: () => log.push({ t: sim.now, event: "lost" }),
      reservationRequest: () => log.push({ t: sim.now, event: "TReserveAgent" }),
      answered: () => log.push({ t: sim.now, event: "answered" }),
    });
    world.start();
    // TReserveAgent reaches dc1's VQ at 99.9 s (its node is the only one: no delay); the window would close at 100.2
    sim.at(99.9, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run();
    expect(log).toEqual([
      { t: 99.9, event: "TReserveAgent" },
      { t: 100, event: "lost" },
      { t: 104.9, event: "TReserveAgent" }, // requestTimeout after it was sent, now to dc2's server (40 ms away)
      { t: expect.closeTo(104.9 + 0.04 + 0.3 + 0.04, 9) as unknown as number, event: "answered" },
    ]);
  });
});

describe("node failures", () => {
  it("node-down: the backup takes over after the ADDP timeout; routing in progress is lost, talking calls survive", () => {
    const { sim, log, world, n1, callAt } = cluster({
      faults: ["{ at: 100s, kind: node-down, target: dc1.n1 }"],
      extra: ["ha.addpTimeout=7s", "routing.routerTimeout=5s"],
    });
    callAt(50, n1); // talking until 110
    callAt(50, n1); // talking until 110
    callAt(60, n1); // waiting for an agent when the primary fails
    sim.run();
    expect(log.filter((e) => e.event === "cut-off" || e.event === "dropped")).toEqual([]);
    expect(log.filter((e) => e.event === "lost").map((e) => e.call)).toEqual([3]);
    // default-routed at max(fault + routerTimeout, switchover done) = 107
    expect(log.filter((e) => e.event === "default")).toEqual([{ t: 107, event: "default", call: 3, fault: 0 }]);
    expect(world.topology.nodes[0]!.up).toBe(true);
  });

  it("node-down: a call sent to the failing node before the proxies notice waits for the proxies, then goes elsewhere", () => {
    const { sim, log, n1, callAt } = cluster({
      faults: ["{ at: 100s, kind: node-down, target: dc1.n1 }"],
      extra: ["ha.addpTimeout=7s", "ha.proxyDetection=2s"],
    });
    callAt(101, n1);
    sim.run();
    const answered = log.find((e) => e.event === "answered")!;
    // at detection (102 s) it lands on n2; b (n2's own DN) is reserved in the 300 ms window and answers at once
    expect(answered.t).toBeCloseTo(102 + 0.001 + 0.3 + 0.001, 6);
    expect(answered.agent).toBe("b");
  });

  it("node-lost: its calls drop, its phones register with the other node after registrar-default-timeout, and its "
    + "agents come back logged out and log in after the login delay", () => {
    const { sim, log, world, n1, n2, a, callAt } = cluster({
      faults: ["{ at: 100s, kind: node-lost, target: dc1.n1 }"],
      extra: ["ha.registrationDelay=140s", "ha.loginDelay=30s", "ha.agentStateAutoRestore=false"],
    });
    callAt(50, n1); // talking with a (owned by n1) on n1: cut off
    sim.run(239.9);
    expect(log.filter((e) => e.event === "cut-off")).toEqual([{ t: 100, event: "cut-off", call: 1, fault: 0 }]);
    expect(a.owner).toBe(n1);
    sim.run(240.1);
    expect(a.owner).toBe(n2);
    expect(a.state).toBe(AgentState.LoggedOut);
    sim.run(270.1);
    expect(a.state).toBe(AgentState.Ready);
    // and n2's Stat Server shows it again
    const view = world.urs.find((u) => u.node === n2)!.view;
    expect(view.isOutOfService(a)).toBe(false);
  });

  it("node-lost with agentStateAutoRestore: agents keep their state across the ownership change", () => {
    const { sim, n2, a } = cluster({
      faults: ["{ at: 100s, kind: node-lost, target: dc1.n1 }"],
      extra: ["ha.agentStateAutoRestore=true"],
    });
    sim.run(240.1);
    expect(a.owner).toBe(n2);
    expect(a.state).toBe(AgentState.Ready);
  });
});

describe("site failure", () => {
  const SITES = `
horizon: 1h
sites:
  - { id: dc1, failover: dc2 }
  - { id: dc2 }
ha: { proxyDetection: 2s, registrationDelay: 140s, loginDelay: 30s }
agents:
  - { group: a, site: dc1, count: 1, skills: { s: 1 } }
  - { group: b, site: dc2, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, site: dc1, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
  - { at: 100s, kind: site-down, target: dc1, duration: 10m }
`;

  it("the carrier sends the site's calls to its failover site once the proxies are gone", () => {
    const answered: { t: number; node: string; agent: string }[] = [];
    const { world, sim } = worldOf(scenarioOf(SITES), {
      ...silent,
      answered: (call: Call, agent) => answered.push({ t: sim.now, node: call.node!.id, agent: agent.group.id }),
    });
    world.start();
    sim.at(101, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run();
    expect(answered).toHaveLength(1);
    expect(answered[0]!.node).toBe("dc2.n1");
    expect(answered[0]!.agent).toBe("b");
    expect(answered[0]!.t).toBeGreaterThanOrEqual(102);
    // dc1's phone registered with dc2 by SRV order
    expect(world.agents[0]!.owner!.id).toBe("dc2.n1");
  });
});

describe("faults and the experiment", () => {
  it("an empty fault list gives the same output as no faults key", () => {
    const text = CLUSTER.replace("MODE", "node-based").replace("TC", "0s").replace("faults:\nFAULTS\n", "")
      .replace("0.0001/h", "60/h");
    const a = run(scenarioOf(text), 2);
    const b = run(scenarioOf(text + "faults: []\n"), 2);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.faults).toBeUndefined();
  });

  it("the same scenario with faults gives the same results twice", () => {
    const s = scenarioFile("faults-site-loss.yaml", ["horizon=4h", "replications=2"]);
    expect(JSON.stringify(run(s))).toBe(JSON.stringify(run(s)));
  });
});

describe("the guide's reliability claims, on the shipped scenarios (paired, common random numbers)", () => {
  const both = (file: string) =>
    (["node-based", "centralized"] as const).map((mode) =>
      run(scenarioFile(file, [`routing.mode=${mode}`, "replications=5"])),
    );

  it("under a link cut centralized routing has failed routing attempts to out-of-service DNs; node-based has none", () => {
    const [node, central] = both("faults-link-cut.yaml");
    expect(node!.metrics.oosFailures!.mean).toBe(0);
    expect(central!.metrics.oosFailures!.ci95![0]).toBeGreaterThan(0);
  });

  it("a URS failure costs node-based only its node's share of the site's calls, centralized the whole site's", () => {
    const [node, central] = both("faults-urs-down.yaml");
    const n = node!.faults![0]!.cost.defaultRouted.mean;
    const c = central!.faults![0]!.cost.defaultRouted.mean;
    expect(n).toBeGreaterThan(0);
    // dc1 has two nodes: node-based loses about half of what centralized loses
    expect(c / n).toBeGreaterThan(1.5);
    expect(c / n).toBeLessThan(2.6);
  });
});

describe("the fault injector on a fake FaultHost (the contact center reduced to what faults need)", () => {
  /** CLUSTER with no traffic worth the name: a node-lost of dc1.n1 at 100 s, registrar-default-timeout 140 s, login
   *  after 30 s; `restore` sets agent-state-auto-restore */
  function lostNode(restore: boolean) {
    const yaml = CLUSTER.replace("MODE", "node-based")
      .replace("ha: { tcReconnectTimeout: TC }", `ha: { tcReconnectTimeout: 0s, registrationDelay: 140s, loginDelay: 30s, agentStateAutoRestore: ${restore} }`)
      .replace("FAULTS", "  - { at: 100s, kind: node-lost, target: dc1.n1 }");
    // the built model gives real nodes and agents; its own injector is never started (world.start() is not called)
    const { world, sim } = worldOf(scenarioOf(yaml));
    const [n1, n2] = world.topology.nodes as [typeof world.topology.nodes[0], typeof world.topology.nodes[0]];
    const [a, b] = world.agents as [Agent, Agent];
    for (const agent of world.agents) agent.state = AgentState.Ready;
    const fakeCall = (id: number, node: typeof n1, state: CallStateValue) => ({ id, node, state }) as unknown as Call;
    const calls = [fakeCall(1, n1, CallState.Talking), fakeCall(2, n2, CallState.Talking), fakeCall(3, n1, CallState.Waiting)];
    const told: string[] = [];
    const host: FaultHost = {
      agents: world.agents,
      urs: [],
      ursOfNode: [],
      vqServers: [],
      interactionServers: [],
      skypePools: [],
      skypeFrontEnds: null,
      liveCalls: () => calls,
      strand: (call) => told.push(`${sim.now} strand ${call.id}`),
      routeAgain: (call) => told.push(`${sim.now} routeAgain ${call.id}`),
      dropCall: (call, fault) => told.push(`${sim.now} drop ${call.id} (fault ${fault})`),
      logIn: (agent) => {
        agent.state = AgentState.Ready;
        told.push(`${sim.now} logIn ${agent.group.id}`);
      },
      logOutNow: (agent) => {
        agent.state = AgentState.LoggedOut;
        told.push(`${sim.now} logOutNow ${agent.group.id}`);
      },
      publish: (agent) => told.push(`${sim.now} publish ${agent.group.id} on ${agent.owner!.id}`),
      // (one site: no target follows the agent's location anywhere else)
      relocate: () => {},
    };
    const s = world.scenario;
    const faults = new FaultInjector({ host, sim, topology: world.topology, connectivity: world.connectivity, observer: silent, faults: s.faults, ha: s.ha, ursBackup: s.routing.ursBackup, checkPhase: world.topology.nodes.map(() => () => 0.5), refreshPhase: world.topology.nodes.map(() => () => 0.5) });
    faults.start();
    sim.run();
    return { told, a, b, n1, n2 };
  }

  it("a node lost: every call on it is dropped, and its DNs' agents are logged out and back in on their new owner (agent-state-auto-restore false)", () => {
    const { told, a, b, n2 } = lostNode(false);
    expect(told).toEqual([
      "100 drop 1 (fault 0)",
      "100 drop 3 (fault 0)",
      // registrar-default-timeout later the phone registers with the next node up, which knows the DN as logged out
      "240 logOutNow a",
      "240 publish a on dc1.n2",
      // and the agent logs in again after its login delay
      "270 logIn a",
    ]);
    expect(a.owner).toBe(n2);
    expect(a.registered).toBe(true);
    expect(b.owner).toBe(n2);
    expect(n2.ownedAgents).toBe(2);
  });

  it("with agent-state-auto-restore true the agent keeps its state: its new owner only announces it", () => {
    const { told, a } = lostNode(true);
    expect(told).toEqual(["100 drop 1 (fault 0)", "100 drop 3 (fault 0)", "240 publish a on dc1.n2"]);
    expect(a.state).toBe(AgentState.Ready);
  });
});
