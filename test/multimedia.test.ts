// Blended agents and multimedia routing: chats and emails through Interaction Server, per-media availability, and
// reservations on the highest-priority VQ SIP Server. Fixed times, constant draws, exact answers.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Call } from "../src/model/sip/call.js";
import { ExplicitReservation, type ReservationRequest } from "../src/model/routing/reservation.js";
import type { ContactCenter } from "../src/model/contact-center.js";
import type { Simulation } from "../src/kernel/simulation.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";

const ONE_AGENT = `
sites:
  - { id: dc1, nodes: 1 }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: explicit, collectionTime: 300ms } }
capacityRules:
  blended: [ { voice: 1 }, { chat: 3 } ]
agents:
  - { group: b, count: 1, capacity: blended, skills: { s: 1 } }
traffic:
  - { type: chat, media: chat, arrivals: { rate: 1/h }, handleTime: 1h, target: "s > 0" }
  - { type: call, media: voice, arrivals: { rate: 1/h }, handleTime: 10m, target: "s > 0" }
`;

/** Places an arrival of traffic type `k` at time t (the types' own processes are not started). */
function arriveAt(world: ContactCenter, sim: Simulation, t: number, k: number): void {
  sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[k]!) }, 0);
}

describe("a blended agent", () => {
  it("busy on two chats takes a third chat and not a voice call, as its capacity rule says", () => {
    const rang: string[] = [];
    const { world, sim } = worldOf(scenarioOf(ONE_AGENT), {
      ...silent,
      ringing: (call: Call) => rang.push(`${call.type.id}@${sim.now.toFixed(1)}`),
    });
    const agent = world.agents[0]!;
    world.tController.logIn(agent);
    for (const [t, k] of [[0, 0], [1, 0], [2, 1], [3, 0], [4, 0]] as const) arriveAt(world, sim, t, k);
    sim.run(100);
    // each delivery waits for the 300 ms collection window; the call at 2 s and the fourth chat wait
    expect(rang).toEqual(["chat@0.3", "chat@1.3", "chat@3.3"]);
    expect([...agent.load.count]).toEqual([0, 3, 0, 0]);
    // the Stat Server shows it available for nothing more
    for (const u of world.urs) expect([0, 1, 2, 3].map((m) => u.view.accepts(agent, m))).toEqual([false, false, false, false]);
  });

  it("takes the waiting voice call only once its last chat is done", () => {
    const rang: string[] = [];
    const { world, sim } = worldOf(scenarioOf(ONE_AGENT), {
      ...silent,
      ringing: (call: Call) => rang.push(`${call.type.id}@${sim.now.toFixed(1)}`),
    });
    world.tController.logIn(world.agents[0]!);
    arriveAt(world, sim, 0, 0);
    arriveAt(world, sim, 1, 1);
    arriveAt(world, sim, 2, 0);
    sim.run();
    // the chat at 0 ends at 3600.3, the one at 2 at 3602.3: the call waits for both, then its collection window
    expect(rang).toEqual(["chat@0.3", "chat@2.3", "call@3602.6"]);
  });
});

const TWO_SITES = `
sites:
  - { id: dc1, nodes: 2, vq: { priority: 2 } }
  - { id: dc2, nodes: 2, vq: { priority: 5 } }
network: { intraSite: 1ms, interSite: 1ms, statDelay: 0s }
routing: { environment: sitex, reservation: { mode: explicit } }
capacityRules:
  blended: [ { voice: 1 }, { chat: 2, email: 1 } ]
agents:
  - { group: a1, site: dc1, count: 30, capacity: blended, skills: { s: 1 } }
  - { group: a2, site: dc2, count: 30, capacity: blended, skills: { s: 1 } }
traffic:
  - { type: chat, site: dc1, media: chat, arrivals: { rate: 6/min }, handleTime: 3m, target: "s > 0" }
  - { type: mail, site: dc1, media: email, arrivals: { rate: 2/min }, handleTime: 5m, target: "s > 0" }
  - { type: call, site: dc1, media: voice, arrivals: { rate: 4/min }, handleTime: 3m, target: "sitex(GEO_LOCATION) & s > 0" }
`;

describe("multimedia reservations", () => {
  it("all go to the highest-priority VQ SIP Server, whatever environment sitex says; voice keeps its own site's", () => {
    const { world, sim } = worldOf(scenarioOf(TWO_SITES, ["horizon=1h"]));
    const protocol = world.protocol as ExplicitReservation;
    const seen = new Map<string, Set<string>>();
    for (const vq of protocol.vqServers) {
      const receive = vq.receive.bind(vq);
      vq.receive = (req: ReservationRequest) => {
        const media = req.call.type.spec.media;
        if (!seen.has(media)) seen.set(media, new Set());
        seen.get(media)!.add(vq.site.id);
        receive(req);
      };
    }
    world.start();
    sim.run();
    expect([...seen.get("chat")!]).toEqual(["dc2"]);
    expect([...seen.get("email")!]).toEqual(["dc2"]);
    // the voice calls of dc1 target dc1's agents (sitex): dc1's own VQ SIP Server
    expect([...seen.get("voice")!]).toEqual(["dc1"]);
  });
});

describe("Interaction Server", () => {
  it("spreads routing requests over all URS of the deployment, round-robin, skipping one that is down", () => {
    const s = scenarioOf(TWO_SITES, ["horizon=20m", "faults=[{at: 10m, kind: urs-down, target: dc2.n1, duration: 5m}]"]);
    const order: { t: number; urs: string }[] = [];
    const { world, sim } = worldOf(s, {
      ...silent,
      routeRequest: (call: Call, urs) => {
        if (call.type.spec.media !== "voice") order.push({ t: sim.now, urs: urs.id });
      },
    });
    world.start();
    sim.run();
    const all = ["dc1.n1", "dc1.n2", "dc2.n1", "dc2.n2"];
    const before = order.filter((o) => o.t < 600).map((o) => o.urs);
    expect(before.length).toBeGreaterThan(40);
    before.forEach((u, i) => expect(u).toBe(all[i % 4]));
    const during = order.filter((o) => o.t > 601 && o.t < 900).map((o) => o.urs);
    expect(during.length).toBeGreaterThan(20);
    expect(during).not.toContain("dc2.n1");
    expect(new Set(during)).toEqual(new Set(["dc1.n1", "dc1.n2", "dc2.n2"]));
  });

  it("voice keeps its node's URS: every voice request of a node goes to that node's URS", () => {
    const pairs = new Set<string>();
    const { world, sim } = worldOf(scenarioOf(TWO_SITES, ["horizon=20m"]), {
      ...silent,
      routeRequest: (call: Call, urs) => {
        if (call.type.spec.media === "voice") pairs.add(`${call.node!.id}->${urs.id}`);
      },
    });
    world.start();
    sim.run();
    expect([...pairs].sort()).toEqual(["dc1.n1->dc1.n1", "dc1.n2->dc1.n2"]);
  });
});

describe("per-media metrics", () => {
  it("byMedia counts each media's interactions, service level on the type's own threshold, occupancy and concurrency", () => {
    const s = scenarioOf(TWO_SITES, ["horizon=1h", "traffic[0].serviceLevel=5s", "traffic[0].patience=1m"]);
    const r = run(s, 2);
    const m = r.byMedia!;
    expect(Object.keys(m)).toEqual(["voice", "chat", "email"]);
    const sum = (k: "offered" | "answered") => Object.values(m).reduce((n, x) => n + x.metrics[k]!.mean, 0);
    expect(sum("offered")).toBe(r.metrics.offered!.mean);
    expect(sum("answered")).toBe(r.metrics.answered!.mean);
    expect(m.chat!.metrics.offered!.mean).toBe(r.byType.chat!.offered!.mean);
    expect(m.chat!.metrics.serviceLevel!.mean).toBe(r.byType.chat!.serviceLevel!.mean);
    // a chat agent holds up to two chats at once: concurrency is between 1 and 2
    const c = m.chat!.metrics.concurrency!.mean;
    expect(c).toBeGreaterThan(1);
    expect(c).toBeLessThanOrEqual(2);
    expect(m.voice!.metrics.concurrency!.mean).toBe(1);
    expect(Object.keys(m.chat!.byGroup)).toEqual(["a1", "a2"]);
    const conflicts = Object.values(m).reduce((n, x) => n + x.metrics.reservationConflicts!.mean, 0);
    expect(conflicts).toBeCloseTo(r.metrics.reservationConflicts!.mean, 9);
  });

  it("a voice-only scenario has no byMedia", () => {
    const r = run(scenarioOf(TWO_SITES, ["horizon=10m", "traffic=[{type: call, site: dc1, arrivals: {rate: 4/min}, handleTime: 3m, target: s > 0}]"]), 1);
    expect(r.byMedia).toBeUndefined();
  });
});
