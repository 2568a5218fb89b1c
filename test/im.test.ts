// Instant messaging: sessions with treatments before routing, a conversation of messages and an idle release, on
// standalone SIP Servers; and the refusal of IM on a SIP Cluster, with the guide's reason.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Call } from "../src/model/sip/call.js";
import { ccsim, run, scenarioOf, silent, worldOf } from "./helpers.js";

const IM = (im: string) => `
topology: standalone
sites:
  - { id: dc1 }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
capacityRules:
  im-desk: [ { chat: 2 } ]
agents:
  - { group: a, count: 1, capacity: im-desk, skills: { s: 1 } }
traffic:
  - { type: im, media: im, arrivals: { rate: 1/h }, target: "s > 0", im: ${im} }
`;

/** One session arriving at 0 on one agent: what happened, when. */
function session(im: string) {
  const log: string[] = [];
  const { world, sim } = worldOf(scenarioOf(IM(im)), {
    ...silent,
    routeRequest: () => log.push(`route@${sim.now}`),
    answered: () => log.push(`answered@${sim.now}`),
    imMessage: () => log.push(`message@${sim.now}`),
    released: () => log.push(`released@${sim.now}`),
    abandoned: () => log.push(`ended@${sim.now}`),
    agentLoad: (_a, _m, n) => log.push(`load ${n}@${sim.now}`),
  });
  world.tController.logIn(world.agents[0]!);
  sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run();
  return log;
}

describe("an IM session", () => {
  it("plays its announcement, collects the customer's reply, then is routed, and its messages follow the answer", () => {
    expect(
      session("{ messages: 3, gap: 20s, treatments: [ { playAnnouncement: 5s }, { collectDigits: { totalTimeout: 10s, reply: 4s } } ] }"),
    ).toEqual(["route@9", "load 1@9", "answered@9", "message@9", "message@29", "message@49", "released@69", "load 0@69"]);
  });

  it("is routed anyway when TOTAL_TIMEOUT passes first and onTimeout is proceed", () => {
    expect(session("{ messages: 1, gap: 1m, treatments: [ { collectDigits: { totalTimeout: 10s, reply: 30s } } ] }")[0]).toBe("route@10");
  });

  it("ends on its Routing Point when TOTAL_TIMEOUT passes first and onTimeout is end", () => {
    expect(session("{ treatments: [ { collectDigits: { totalTimeout: 10s, reply: 30s, onTimeout: end } } ] }")).toEqual(["ended@10"]);
  });

  it("is released after the idle timeout when nobody writes", () => {
    expect(session("{ messages: 4, gap: 15m, idleTimeout: 10m }")).toEqual([
      "route@0", "load 1@0", "answered@0", "message@0", "released@600", "load 0@600",
    ]);
  });

  it("is released after 10 minutes of inactivity by default (an unused IM session)", () => {
    expect(session("{ messages: 2, gap: 11m }").slice(-2)).toEqual(["released@600", "load 0@600"]);
  });
});

describe("an IM center on standalone sites", () => {
  it("delivers every message of every answered session, with several sessions per agent", () => {
    const s = scenarioOf(
      IM("{ messages: 4, gap: 30s }")
        .replace("count: 1", "count: 5")
        .replace("rate: 1/h", "rate: 6/min")
        .replace("im-desk: [ { chat: 2 } ]", "im-desk: [ { chat: 3 } ]"),
      ["horizon=2h"],
    );
    const answered: Call[] = [];
    let messages = 0;
    const { world, sim } = worldOf(s, { ...silent, answered: (c: Call) => answered.push(c), imMessage: () => messages++ });
    world.start();
    sim.run();
    expect(answered.length).toBeGreaterThan(500);
    expect(messages).toBe(4 * answered.length);
    const r = run(s, 2);
    expect(r.byMedia!.im!.metrics.imMessages!.mean).toBeGreaterThan(0);
    expect(r.byMedia!.im!.metrics.concurrency!.mean).toBeGreaterThan(1);
  });

  it("runs the shipped IM scenario", () => {
    const r = ccsim(["run", "scenarios/im-standalone.yaml", "--replications", "2", "--set", "horizon=1h", "--set", "warmup=0", "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { byMedia: { im: { metrics: { imMessages: { mean: number } } } } };
    expect(summary.byMedia.im.metrics.imMessages.mean).toBeGreaterThan(1000);
  });
});

describe("IM on a SIP Cluster", () => {
  it("is refused at load with the guide's reason and the alternative, one line, exit 2, blamed on the --set that made it a cluster", () => {
    const r = ccsim(["run", "scenarios/im-standalone.yaml", "--set", "topology=cluster"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^--set topology=cluster: traffic\[0\]\.media: SIP Cluster does not support Instant Messaging \(SIP Cluster Solution Guide\): use topology: standalone .*\(see scenarios\/im-standalone\.yaml:\d+:\d+\)$/m,
    );
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a standalone site with more than one node is refused, naming the field", () => {
    const r = ccsim(["validate", "scenarios/im-standalone.yaml", "--set", "sites[0].nodes=3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("--set sites[0].nodes=3: sites[0].nodes: topology standalone: each site is one SIP Server HA pair (expected nodes: 1), got 3\n");
  });
});
