// Failure domains as the SIP Cluster Solution Guide draws them (What is a SIP Cluster Node: "A SIP Cluster node
// instance is a set of components running on a computer host. An HA pair of SIP Cluster instances forms a SIP Cluster
// node."): a lost node takes the URS pair and routing Stat Server placed on it; a URS pair whose backup runs on
// another node switches over instead; a URS switchover loses the requests in flight.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Call } from "../src/model/sip/call.js";
import { CallState } from "../src/model/sip/call.js";
import { run, scenarioFile, scenarioOf, silent, worldOf } from "./helpers.js";
import { twoNodeCenter } from "./two-node-center.js";

/** The two-node center with a centralized URS pair on dc1.n1; a's DN is owned by n1, b's by n2. The tests place
 *  calls. */
function cluster(faults: string[], extra: string[] = []) {
  return twoNodeCenter({ mode: "centralized", ha: "tcReconnectTimeout: 0s, registrationDelay: 140s, loginDelay: 30s", faults }, extra);
}

describe("a node is a host: losing it takes the URS pair and routing Stat Server placed on it", () => {
  it("a lost node takes its URS: a call on the surviving node is default-routed at router-timeout, never queued on a blind URS", () => {
    const { sim, log, n2, callAt } = cluster(["{ at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }"]);
    callAt(150, n2);
    sim.run();
    // EventRouteRequest crosses to the URS host (1 ms), finds no URS there, and waits out router-timeout
    expect(log.filter((e) => e.call === 1)).toEqual([{ t: 160.001, event: "default", call: 1, fault: 0 }]);
  });

  it("the URS pair comes back with its host: a call after the node's recovery is served", () => {
    const { sim, log, n2, callAt } = cluster(["{ at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }"]);
    callAt(800, n2);
    sim.run();
    expect(log.filter((e) => e.call === 1).map((e) => e.event)).toEqual(["answered"]);
  });

  it("ursBackup other-node: the pair switches over to dc1.n2 and routes the surviving node's calls to its agents", () => {
    const { world, sim, log, n2, callAt } = cluster(
      ["{ at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }"],
      ["routing.ursBackup=other-node"],
    );
    callAt(150, n2);
    sim.run(149);
    expect(world.urs[0]!.node).toBe(n2);
    sim.run();
    expect(log.filter((e) => e.call === 1).map((e) => e.event)).toEqual(["answered"]);
  });

  it("ursBackup other-node: the switchover loses the strategy run in flight (requests ... might be lost): default-routed at router-timeout", () => {
    const { sim, log, n2, callAt } = cluster(
      ["{ at: 100s, kind: node-lost, target: dc1.n1, duration: 10m }"],
      ["routing.ursBackup=other-node"],
    );
    // reserving from 99.9 s (the collection window closes at 100.2 s) when the primary's host goes
    callAt(99.9, n2);
    sim.run();
    expect(log.filter((e) => e.call === 1)).toEqual([
      { t: 100, event: "lost", call: 1, fault: 0 },
      { t: 110, event: "default", call: 1, fault: 0 },
    ]);
  });
});

describe("node-down: the node's primary host fails, and with it the primary of the URS pair placed there", () => {
  it("centralized: a call on the other node reserving at that instant loses its request and is default-routed", () => {
    const { sim, log, n2, callAt } = cluster(["{ at: 100s, kind: node-down, target: dc1.n1 }"], ["ha.addpTimeout=7s"]);
    callAt(99.9, n2);
    callAt(150, n2); // after the switchover the pair's backup routes as before
    sim.run();
    expect(log.filter((e) => e.call === 1)).toEqual([
      { t: 100, event: "lost", call: 1, fault: 0 },
      { t: 110, event: "default", call: 1, fault: 0 },
    ]);
    expect(log.filter((e) => e.call === 2).map((e) => e.event)).toEqual(["answered"]);
  });
});

describe("urs-switchover: the primary URS fails and its hot-standby backup takes over", () => {
  it("requests in flight are lost and default-routed at router-timeout; calls waiting in the virtual queue survive", () => {
    const { sim, log, n1, n2, callAt } = cluster(["{ at: 100s, kind: urs-switchover, target: dc1.n2 }"]);
    callAt(50, n1); // both agents talking until about 110 s
    callAt(50, n2);
    callAt(60, n2); // waits in the virtual queue
    callAt(99.9, n1); // just before the switchover, no agent free: it waits too
    sim.run();
    expect(log.filter((e) => e.event === "lost" || e.event === "default")).toEqual([]);
    expect(log.filter((e) => e.event === "answered").map((e) => e.call)).toEqual([1, 2, 3, 4]);
  });

  it("a call in its reservation window at the switchover is lost, then default-routed router-timeout later", () => {
    const { sim, log, n2, callAt } = cluster(["{ at: 100s, kind: urs-switchover, target: dc1.n1 }"]);
    callAt(99.9, n2);
    sim.run();
    expect(log.filter((e) => e.call === 1)).toEqual([
      { t: 100, event: "lost", call: 1, fault: 0 },
      { t: 110, event: "default", call: 1, fault: 0 },
    ]);
  });
});

describe("the issue's case: centralized routing, 2 nodes, 20 agents, the URS host lost for 20 minutes", () => {
  const CASE = `
horizon: 4h
warmup: 30m
seed: 7
sites:
  - { id: dc1, nodes: 2 }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: centralized, routerTimeout: 10s }
agents:
  - { group: a, count: 20, skills: { s: 1 }, wrapUp: 20s }
traffic:
  - { type: t, arrivals: { rate: 3/min }, handleTime: { dist: exponential, mean: 4m },
      patience: { dist: exponential, mean: 2m }, target: "s > 0" }
faults:
  - { at: 2h, kind: node-lost, target: dc1.n1, duration: 20m }
`;
  const FROM = 7200;
  const TO = 7200 + 1200;

  it("calls default-routed at router-timeout, none abandoned while waiting on a URS that sees no agent", () => {
    let blindWaits = 0;
    let blindAbandons = 0;
    const defaulted: { call: Call; at: number }[] = [];
    const { world, sim } = worldOf(scenarioOf(CASE), {
      ...silent,
      queued: (_call, urs) => {
        if (!urs.up || (sim.now >= FROM && sim.now < TO)) blindWaits++;
      },
      abandoned: (call) => {
        if (call.state === CallState.Waiting && sim.now >= FROM && sim.now < TO) blindAbandons++;
      },
      defaultRouted: (call) => defaulted.push({ call, at: sim.now }),
    });
    world.start();
    sim.run();
    expect(blindWaits).toBe(0);
    expect(blindAbandons).toBe(0);
    // the surviving node's calls of those 20 minutes, about half of 60: each one router-timeout after it asked (the
    // request's 1 ms hop to the URS host), or after the loss for one in flight then
    expect(defaulted.length).toBeGreaterThan(15);
    for (const { call, at } of defaulted) {
      expect(call.blame).toBe(0);
      expect(call.node!.id).toBe("dc1.n2");
      expect(at).toBeCloseTo(Math.max(call.arrival + 0.001, FROM) + 10, 6);
    }
  });
});

describe("the guide's reliability claim on the corrected failure domains (paired, common random numbers)", () => {
  it("losing a node that hosts the URS costs node-based routing no default-routed call, centralized the other node's calls", () => {
    const [node, central] = (["node-based", "centralized"] as const).map((mode) =>
      run(scenarioFile("faults-urs-down.yaml", [
        `routing.mode=${mode}`, "replications=3", "faults=[{at: 3h, kind: node-lost, target: dc1.n1, duration: 20m}]",
      ])),
    );
    expect(node!.faults![0]!.cost.defaultRouted.mean).toBe(0);
    expect(central!.faults![0]!.cost.defaultRouted.ci95![0]).toBeGreaterThan(0);
    expect(central!.metrics.serviceLevel!.mean).toBeLessThan(node!.metrics.serviceLevel!.mean);
  });
});

describe("proxy-down: a SIP Proxy fails; the site keeps its other proxies (at least two a data center)", () => {
  const SITES = `
horizon: 1h
sites:
  - { id: dc1, failover: dc2 }
  - { id: dc2 }
agents:
  - { group: a, site: dc1, count: 1, skills: { s: 1 } }
  - { group: b, site: dc2, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, site: dc1, arrivals: { rate: 0.0001/h }, handleTime: 10s, target: "s > 0" }
faults:
  - { at: 100s, kind: proxy-down, target: dc1, duration: 10m }
  - { at: 200s, kind: proxy-down, target: dc1, duration: 100s }
`;

  it("one proxy down costs nothing; with both down the carrier sends the site's calls to its failover site", () => {
    const landed: { t: number; node: string }[] = [];
    const { world, sim } = worldOf(scenarioOf(SITES), {
      ...silent,
      arrival: (call: Call) => landed.push({ t: sim.now, node: call.node!.id }),
    });
    world.start();
    for (const t of [150, 250, 350]) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run();
    expect(landed).toEqual([
      { t: 150, node: "dc1.n1" }, // the other proxy takes it
      { t: 250, node: "dc2.n1" }, // both down: dc2
      { t: 350, node: "dc1.n1" }, // one is back
    ]);
  });
});

describe("a switchover while a TRouteCall is on its way", () => {
  it("the call's routing dialogue is lost with the primary: it waits on its Routing Point and is default-routed; the agent the TRouteCall was for stays routable", () => {
    const { world, sim, log, n1, n2, callAt } = cluster(
      ["{ at: 100.0005s, kind: node-down, target: dc1.n2, duration: 30s }"],
      ["routing.mode=node-based", "routing.reservation.mode=none"],
    );
    // n2's URS picks a, whose DN n1 owns: the TRouteCall takes 1 ms to cross, and n2's primary fails half-way
    callAt(100, n2);
    callAt(120, n1);
    sim.run();
    expect(log.filter((e) => e.call === 1).map((e) => e.event)).toEqual(["lost", "default"]);
    // default-routed at router-timeout, counted from the switchover's end (the ADDP timeout, 7 s) at the earliest
    expect(log.find((e) => e.call === 1 && e.event === "default")!.t).toBeCloseTo(110.0005, 6);
    expect(log.filter((e) => e.call === 2).map((e) => e.event)).toEqual(["answered"]);
    expect(world.agents.every((a) => a.load.total === 0)).toBe(true);
  });
});
