// The small center the fault tests place calls in: one site of two nodes, one agent a node (a's DN owned by n1, b's
// by n2), explicit reservation, negligible random traffic; and a log of what happens to each call, at its instant.

import { Priority } from "../src/kernel/priorities.js";
import type { Observer } from "../src/model/observer.js";
import type { ClusterNode } from "../src/model/sip/topology.js";
import { scenarioOf, silent, worldOf } from "./helpers.js";

export interface Logged {
  t: number;
  event: string;
  call: number;
  fault?: number;
}

/** The scenario text: `mode` is routing.mode, `ha` an ha mapping's body (or none), `faults` the fault mappings. */
export function twoNodeScenario(o: { mode: string; ha?: string; faults: readonly string[] }): string {
  return `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: ${o.mode}, routerTimeout: 10s, reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
${o.ha === undefined ? "" : `ha: { ${o.ha} }\n`}agents:
  - { group: a, count: 1, skills: { s: 1 } }
  - { group: b, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
${o.faults.map((f) => `  - ${f}`).join("\n")}
`;
}

/** An observer that logs what happens to each call (queued, answered, default-routed, dropped, request lost). */
export function callLogger(log: Logged[], now: () => number, more: Partial<Observer> = {}): Observer {
  return {
    ...silent,
    queued: (call) => log.push({ t: now(), event: "queued", call: call.id }),
    answered: (call) => log.push({ t: now(), event: "answered", call: call.id }),
    defaultRouted: (call) => log.push({ t: now(), event: "default", call: call.id, fault: call.blame }),
    dropped: (call, fault) => log.push({ t: now(), event: "dropped", call: call.id, fault }),
    lostRequest: (call, fault) => log.push({ t: now(), event: "lost", call: call.id, fault }),
    ...more,
  };
}

/** The scenario's contact center, started, logging what happens to each call. */
export function startedCenter(yaml: string, overrides: string[] = [], more: Partial<Observer> = {}) {
  const log: Logged[] = [];
  let clock = () => 0;
  const { world, sim } = worldOf(scenarioOf(yaml, overrides), callLogger(log, () => clock(), more));
  clock = () => sim.now;
  world.start();
  return { world, sim, log };
}

/** The two-node center started, with its nodes and a way to place a call on one at an instant. */
export function twoNodeCenter(o: { mode: string; ha?: string; faults: readonly string[] }, overrides: string[] = [], more: Partial<Observer> = {}) {
  const { world, sim, log } = startedCenter(twoNodeScenario(o), overrides, more);
  const [n1, n2] = world.topology.nodes as [ClusterNode, ClusterNode];
  const callAt = (t: number, node: ClusterNode) => sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!, node) }, 0);
  return { world, sim, log, n1, n2, callAt };
}
