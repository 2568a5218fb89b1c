// SIP Proxy's active out-of-service check of the SIP Servers ([sipproxy] oos-check, oos-force; SIP Cluster Solution
// Guide, Configuring SIP Proxy): how long the proxies keep sending calls to a node that failed.

import { describe, expect, it } from "vitest";
import { scenarioOf, worldOf } from "./helpers.js";

const CLUSTER = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
agents:
  - { group: a, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
faults:
  - { at: 100s, kind: node-lost, target: dc1.n1 }
`;

/** When the SIP Proxies take dc1.n1 out of rotation after it is lost at 100 s (to 1 ms), under seed `seed`. */
function noticedAt(seed: number, extra: string[] = []): number {
  const { world, sim } = worldOf(scenarioOf(CLUSTER, [`seed=${seed}`, ...extra]));
  world.start();
  const n1 = world.topology.nodes[0]!;
  for (let t = 100; t <= 130; t += 0.001) {
    sim.run(t);
    if (n1.proxyOut) return Math.round((t - 100) * 1000) / 1000;
  }
  return Number.POSITIVE_INFINITY;
}

describe("SIP Proxy's out-of-service check of a failed SIP Server", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it("a failed node is noticed oos-force after the first unanswered oos-check: between 5 s and 5 s + 5 s by default "
    + "(\"oos-check=5\", \"oos-force=5\")", () => {
    const delays = seeds.map((s) => noticedAt(s));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(5);
      expect(d).toBeLessThanOrEqual(10);
    }
    // the failure falls anywhere in the check cycle: the delays spread over it, not one fixed value
    expect(Math.min(...delays)).toBeLessThan(6);
    expect(Math.max(...delays)).toBeGreaterThan(9);
  });

  it("the detection window follows ha.proxyCheck and ha.proxyForce (the SIP Outbound Proxy DN's 10 and 2)", () => {
    const delays = seeds.map((s) => noticedAt(s, ["ha.proxyCheck=10s", "ha.proxyForce=2s"]));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(2);
      expect(d).toBeLessThanOrEqual(12);
    }
    expect(Math.min(...delays)).toBeLessThan(4);
    expect(Math.max(...delays)).toBeGreaterThan(10);
  });

  it("the same seed notices at the same instant (the check phase is a named random stream)", () => {
    expect(noticedAt(7)).toBe(noticedAt(7));
  });

  it("a fixed ha.proxyDetection replaces the check cycle", () => {
    expect(seeds.slice(0, 5).map((s) => noticedAt(s, ["ha.proxyDetection=2s"]))).toEqual([2, 2, 2, 2, 2]);
  });
});
