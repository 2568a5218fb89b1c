// The agent reservation protocol of the SIP Cluster guide, step by step, with fixed times and no randomness.

import { describe, expect, it } from "vitest";
import type { Agent } from "../src/model/agents/agent.js";
import type { Call } from "../src/model/sip/call.js";
import { ExplicitReservation } from "../src/model/routing/reservation.js";
import type { Urs } from "../src/model/routing/urs.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";

const TWO_SITES = `
sites:
  - { id: dc1, nodes: 1, vq: { priority: 4 } }
  - { id: dc2, nodes: 1, vq: { priority: 2 } }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing:
  environment: ENV
  reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s }
agents:
  - { group: a1, site: dc1, count: 1, skills: { s: 1 } }
  - { group: a2, site: dc2, count: 1, skills: { s: 1 } }
traffic:
  - { type: t, site: dc1, arrivals: { rate: 1/h }, handleTime: 60s, target: "s > 0" }
`;

interface Reply {
  t: number;
  urs: string;
  granted: boolean;
  reason?: string;
}

/** A VQ SIP Server world with stub URS instances that only record the replies they get. */
function setup(environment: "none" | "sitex" = "none", seed = 1) {
  const scenario = scenarioOf(TWO_SITES.replace("ENV", environment), [`seed=${seed}`]);
  const replies: Reply[] = [];
  const reasons = new Map<string, string>();
  const { world, sim } = worldOf(scenario, {
    ...silent,
    reservationConflict: (_c, urs, _a, reason) => reasons.set(urs.id, reason),
  });
  const protocol = world.protocol as ExplicitReservation;
  const urs = (id: string, nodeIndex: number) =>
    ({
      id,
      node: world.topology.nodes[nodeIndex]!,
      granted: () => replies.push({ t: sim.now, urs: id, granted: true }),
      rejected: () => replies.push({ t: sim.now, urs: id, granted: false, reason: reasons.get(id) }),
    }) as unknown as Urs;
  const call = (priority: number) => ({ priority, type: { media: 0, viaInteractionServer: false } }) as unknown as Call;
  /** TReserveAgent from `who` for `agent` at time t */
  const request = (t: number, who: Urs, agent: Agent, priority = 1) =>
    sim.at(t, 3, { fire: () => protocol.request(who, call(priority), agent) }, 0);
  return { world, sim, protocol, replies, urs, request, a1: world.agents[0]!, a2: world.agents[1]! };
}

describe("agent reservation on a VQ SIP Server", () => {
  it("two URS asking for one agent inside the collection window: one grant, one conflict", () => {
    const { sim, replies, urs, request, a1 } = setup();
    request(0, urs("urs1", 0), a1);
    request(0.1, urs("urs2", 0), a1);
    sim.run();
    // the window opens when the first request lands (1 ms) and closes 300 ms later; replies take 1 ms back
    expect(replies).toHaveLength(2);
    expect(replies.filter((r) => r.granted)).toHaveLength(1);
    const conflict = replies.find((r) => !r.granted)!;
    expect(conflict.reason).toBe("collision");
    for (const r of replies) expect(r.t).toBeCloseTo(0.302, 9);
  });

  it("a request after the window for a reserved agent: rejected at once", () => {
    const { sim, replies, urs, request, a1 } = setup();
    request(0, urs("urs1", 0), a1);
    request(1, urs("urs2", 0), a1);
    sim.run();
    expect(replies[0]).toMatchObject({ urs: "urs1", granted: true });
    expect(replies[1]).toMatchObject({ urs: "urs2", granted: false, reason: "already-reserved" });
    // no collection window: the rejection is back after one round trip
    expect(replies[1]!.t).toBeCloseTo(1.002, 9);
  });

  it("a grant that is never used expires after reservation-time, and the agent can be reserved again", () => {
    const { sim, replies, urs, request, a1 } = setup();
    request(0, urs("urs1", 0), a1);
    request(10.2, urs("urs2", 0), a1); // lands at 10.201: still inside the 10 s hold that began at 0.301
    request(10.4, urs("urs3", 0), a1); // lands at 10.401: the hold has expired
    sim.run();
    expect(replies.map((r) => [r.urs, r.granted])).toEqual([
      ["urs1", true],
      ["urs2", false],
      ["urs3", true],
    ]);
  });

  it("a delivered call uses the reservation up: the agent can be reserved again at once", () => {
    const { sim, protocol, replies, urs, request, a1 } = setup();
    request(0, urs("urs1", 0), a1);
    sim.at(0.5, 3, { fire: () => protocol.delivered(a1) }, 0);
    request(1, urs("urs2", 0), a1);
    sim.run();
    expect(replies.map((r) => r.granted)).toEqual([true, true]);
  });

  it("without environment=sitex every reservation goes to the highest agent_reservation priority", () => {
    const { protocol, urs, a1, a2 } = setup("none");
    expect(protocol.serverFor(a1, urs("urs1", 0))!.site.id).toBe("dc1");
    expect(protocol.serverFor(a2, urs("urs1", 0))!.site.id).toBe("dc1");
  });

  it("sitex sends the request to the VQ SIP Server of the agent's site", () => {
    const { sim, protocol, replies, urs, request, a2 } = setup("sitex");
    expect(protocol.serverFor(a2, urs("urs1", 0))!.site.id).toBe("dc2");
    request(0, urs("urs1", 0), a2); // from a dc1 node: 40 ms there, 300 ms window, 40 ms back
    sim.run();
    expect(replies[0]!.granted).toBe(true);
    expect(replies[0]!.t).toBeCloseTo(0.38, 9);
  });

  it("with a VQ SIP Server down, reservations go to the next priority that is up", () => {
    const { protocol, urs, a1 } = setup("none");
    protocol.vqServers[0]!.up = false;
    expect(protocol.serverFor(a1, urs("urs1", 0))!.site.id).toBe("dc2");
  });

  it("a higher priority request wins, whatever the random draw", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { sim, replies, urs, request, a1 } = setup("none", seed);
      request(0, urs("low", 0), a1, 1);
      request(0.05, urs("high", 0), a1, 5);
      request(0.1, urs("low2", 0), a1, 1);
      sim.run();
      expect(replies.filter((r) => r.granted).map((r) => r.urs)).toEqual(["high"]);
    }
  });

  it("among equal priorities the winner is drawn at random (both win for some seeds)", () => {
    const winners = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const { sim, replies, urs, request, a1 } = setup("none", seed);
      request(0, urs("first", 0), a1);
      request(0.05, urs("second", 0), a1);
      sim.run();
      winners.add(replies.find((r) => r.granted)!.urs);
    }
    expect([...winners].sort()).toEqual(["first", "second"]);
  });
});

describe("reservation modes in a whole run", () => {
  const MMC = `
sites: [ { id: dc1, nodes: 1 } ]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { reservation: { mode: MODE, collectionTime: 0 } }
horizon: 20h
warmup: 1h
replications: 3
agents: [ { group: g, count: 12, skills: { s: 1 } } ]
traffic: [ { type: t, arrivals: { rate: 220/h }, handleTime: { dist: exponential, mean: 180s },
             patience: { dist: exponential, mean: 5m }, target: "s > 0" } ]
`;

  it("with zero latency and one node (one URS), explicit reservation changes nothing: results equal reservation none", () => {
    const none = run(scenarioOf(MMC.replace("MODE", "none")));
    const explicit = run(scenarioOf(MMC.replace("MODE", "explicit")));
    for (const m of ["offered", "answered", "abandoned", "serviceLevel", "asa", "occupancy"] as const) {
      expect(explicit.metrics[m]!.mean).toBe(none.metrics[m]!.mean);
    }
    expect(explicit.metrics.reservationConflicts!.mean).toBe(0);
    expect(explicit.metrics.reservationGrants!.mean).toBe(explicit.metrics.reservationRequests!.mean);
    expect(none.metrics.reservationRequests!.mean).toBe(0);
  });
});
