// Phones of a lost node registering again: each at its own next registration refresh, not all at once ("Softphone
// detects the failure when attempting to refresh the registration", SIP Cluster Solution Guide, GWS Disaster Recovery
// Scenarios; the refresh interval from [sipproxy] registrar-default-timeout, Configuring SIP Proxy).

import { describe, expect, it } from "vitest";
import { scenarioOf, worldOf } from "./helpers.js";

/** One site, two nodes; 40 phones, half of them owned by dc1.n1 (REGISTER round-robin), which is lost at 100 s. */
const CLUSTER = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
agents:
  - { group: a, count: 40, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
  - { at: 100s, kind: node-lost, target: dc1.n1 }
`;

/** Seconds after the loss at which each phone of dc1.n1 has registered with dc1.n2 (to 0.1 s), in agent order. */
function movedAfter(extra: string[] = [], seed = 1): number[] {
  const { world, sim } = worldOf(scenarioOf(CLUSTER, [`seed=${seed}`, ...extra]));
  world.start();
  const [n1, n2] = world.topology.nodes as [typeof world.topology.nodes[0], typeof world.topology.nodes[0]];
  sim.run(99.9);
  const lost = world.agents.filter((a) => a.owner === n1);
  const at = new Map<typeof lost[0], number>();
  for (let t = 100; t <= 400 && at.size < lost.length; t = Math.round((t + 0.1) * 10) / 10) {
    sim.run(t);
    for (const a of lost) if (!at.has(a) && a.owner === n2) at.set(a, Math.round((t - 100) * 10) / 10);
  }
  return lost.map((a) => at.get(a) ?? Number.POSITIVE_INFINITY);
}

describe("phones of a lost node register again at their next refresh", () => {
  it("each phone registers elsewhere at its own next refresh, spread over registrar-default-timeout (140 s), not in one burst", () => {
    const moved = movedAfter();
    expect(moved.length).toBe(20);
    for (const d of moved) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(140);
    }
    // spread: no instant takes them all, and they cover most of the interval
    expect(new Set(moved).size).toBeGreaterThan(15);
    expect(Math.max(...moved) - Math.min(...moved)).toBeGreaterThan(70);
  });

  it("the spread follows ha.registrationRefresh", () => {
    const moved = movedAfter(["ha.registrationRefresh=30s"]);
    for (const d of moved) expect(d).toBeLessThanOrEqual(30);
    expect(Math.max(...moved) - Math.min(...moved)).toBeGreaterThan(15);
  });

  it("the same seed moves each phone at the same instant (a named random stream)", () => {
    expect(movedAfter([], 3)).toEqual(movedAfter([], 3));
  });

  it("a fixed ha.registrationDelay moves every phone at once, as before", () => {
    expect(new Set(movedAfter(["ha.registrationDelay=140s"]))).toEqual(new Set([140]));
  });
});
