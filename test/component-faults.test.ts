// The routing components failing on their own, as the SIP Cluster Solution Guide places them: a routing Stat Server
// ("Each SIP Cluster node has a dedicated routing solution consisting of URS, ORS, and Stat Server", Routing Principles
// in SIP Cluster) and an Interaction Server ("Interaction Server is connected to all routing Stat Servers and reports
// agent states to all routing Stat Servers", Agent Availability for Routing). Mechanics on hand-placed calls first,
// then what each costs over a day, then determinism.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AgentState } from "../src/model/agents/agent-state.js";
import { MEDIA_INDEX } from "../src/model/agents/capacity-rule.js";
import type { Component } from "../src/model/cpu/component-load.js";
import type { Observer } from "../src/model/observer.js";
import type { ClusterNode } from "../src/model/sip/topology.js";
import { ccsim, filesOf, run, scenarioFile, tempFolders } from "./helpers.js";
import { startedCenter, twoNodeCenter, type Logged } from "./two-node-center.js";

const tmp = tempFolders("component-faults");

/** what happened to one interaction, its instants rounded to the microsecond */
const of = (log: Logged[], call: number) =>
  log
    .filter((e) => e.call === call)
    .map(({ t, event, fault }) => ({ t: Math.round(t * 1e6) / 1e6, event, ...(fault === undefined ? {} : { fault }) }));

function voice(fault: string, opts: { mode?: string; extra?: string[]; observer?: Partial<Observer> } = {}) {
  return twoNodeCenter({ mode: opts.mode ?? "node-based", faults: [fault] }, opts.extra, opts.observer);
}

describe("the routing Stat Server down", () => {
  it("its URS sees no agent ready, calls wait, and are routed once it is back", () => {
    const { world, sim, log, n1, callAt } = voice("{ at: 100s, kind: statserver-down, target: dc1.n1, duration: 60s }");
    callAt(120, n1);
    callAt(140, n1);
    sim.run(150);
    // both agents are Ready at their DNs' owners, and n1's URS sees neither of them
    expect(world.agents.every((a) => a.state === AgentState.Ready)).toBe(true);
    expect(world.urs[0]!.view.best(world.traffic[0]!.cls)).toBeNull();
    sim.run();
    // both wait in n1's URS, none is default-routed: the URS runs, its strategy finds no target. Back at 160 s, the
    // Stat Server registers both DNs in its first chunk: a (owned by n1) reaches its view after the Stat Server's
    // 5 ms, b (owned by n2) 1 ms later; each reservation takes 1 ms to dc1's VQ SIP Server, its 300 ms collection
    // window and 1 ms back; b's TRouteCall crosses to its owner, n2 (1 ms)
    expect(of(log, 1)).toEqual([{ t: 120, event: "queued" }, { t: 160.307, event: "answered" }]);
    expect(of(log, 2)).toEqual([{ t: 140, event: "queued" }, { t: 160.309, event: "answered" }]);
  });

  it("in node-based routing it costs only its node's calls: the other node's URS routes on", () => {
    const { sim, log, n1, n2, callAt } = voice("{ at: 100s, kind: statserver-down, target: dc1.n1, duration: 60s }");
    callAt(120, n2);
    callAt(121, n1);
    sim.run();
    // n2's URS reserves a (1 ms to the VQ SIP Server, 300 ms, 1 ms back) and TRouteCall crosses to a's owner, n1
    expect(of(log, 1)).toEqual([{ t: 120.303, event: "answered" }]);
    expect(of(log, 2)[0]).toEqual({ t: 121, event: "queued" });
    expect(of(log, 2)[1]!.t).toBeGreaterThan(160);
  });

  it("in centralized routing the site's one Stat Server blinds the whole site", () => {
    const { sim, log, n2, callAt } = voice("{ at: 100s, kind: statserver-down, target: dc1.n1, duration: 60s }", { mode: "centralized" });
    callAt(120, n2);
    sim.run();
    expect(of(log, 1)[0]).toEqual({ t: 120.001, event: "queued" });
    expect(of(log, 1)[1]!.t).toBeGreaterThan(160);
  });

  it("back, it registers its DNs reg-dns-chunk-volume at a time, reg-dns-chunk-delay apart", () => {
    const { world, sim } = voice("{ at: 100s, kind: statserver-down, target: dc1.n1, duration: 60s }", {
      extra: ["ha.regDnsChunkVolume=1", "ha.regDnsChunkDelay=2s"],
    });
    const view = world.urs[0]!.view;
    const [a, b] = world.agents as [(typeof world.agents)[0], (typeof world.agents)[0]];
    const voiceMedia = MEDIA_INDEX.voice;
    const seen = (t: number) => {
      sim.run(t);
      return [view.accepts(a, voiceMedia), view.accepts(b, voiceMedia)];
    };
    expect(seen(99)).toEqual([true, true]);
    expect(seen(159)).toEqual([false, false]);
    // a's DN in the first chunk at 160 s (in the view 5 ms later), b's in the second at 162 s (6 ms later)
    expect(seen(160.004)).toEqual([false, false]);
    expect(seen(160.006)).toEqual([true, false]);
    expect(seen(162.005)).toEqual([true, false]);
    expect(seen(162.007)).toEqual([true, true]);
  });

  it("its events stop while it is down: the component load model serves it none", () => {
    const served: number[] = [];
    const { sim } = voice("{ at: 100s, kind: statserver-down, target: dc1.n1, duration: 60s }", {
      extra: ["components={}", "traffic[0].arrivals.rate=10/min"],
      observer: {
        componentServed: (c: Component, arrival: number) => {
          if (c.id === "dc1.n1.statServer") served.push(arrival);
        },
      },
    });
    sim.run();
    expect(served.some((t) => t < 100)).toBe(true);
    expect(served.some((t) => t > 160)).toBe(true);
    expect(served.filter((t) => t >= 100 && t < 160)).toEqual([]);
  });
});

/** One site, two nodes: one chat-only agent (no DN owner: Interaction Server reports its states), one voice agent;
 *  chats enter dc1's Interaction Server. The tests place the interactions. */
const MEDIA = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: node-based, reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
capacityRules:
  chat-desk: [ { chat: 1 } ]
agents:
  - { group: chat, count: 1, skills: { c: 1 }, capacity: chat-desk }
  - { group: voice, count: 1, skills: { v: 1 } }
traffic:
  - { type: chat, media: chat, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "c > 0" }
  - { type: call, media: voice, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "v > 0" }
faults:
  - { at: 100s, kind: interaction-server-down, target: dc1, duration: 60s }
`;

describe("the Interaction Server down", () => {
  function media() {
    const { world, sim, log } = startedCenter(MEDIA);
    const [chat, call] = world.traffic as [(typeof world.traffic)[0], (typeof world.traffic)[0]];
    const at = (t: number, type: typeof chat, node?: ClusterNode) =>
      sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(type, node) }, 0);
    return { world, sim, log, chat, call, at };
  }

  it("chats wait in it and are routed after it comes back; new ones are refused; voice is untouched", () => {
    const { sim, log, chat, call, at, world } = media();
    at(50, chat); // 1: the agent's only chat until 110 s
    at(60, chat); // 2: waits in a URS for the agent
    at(120, chat); // 3: reaches the Interaction Server while it is down
    at(130, call, world.topology.nodes[0]); // 4: voice
    sim.run();
    expect(of(log, 1).map((e) => e.event)).toEqual(["answered"]);
    // its routing request is lost with the server, which keeps it and sends it to routing again at 160 s
    expect(of(log, 2)).toEqual([
      { t: 60.001, event: "queued" },
      { t: 100, event: "lost", fault: 0 },
      { t: 160.001, event: "queued" },
      // the agent's state reaches the Stat Servers at 160.006; reservation (1 ms, 300 ms, 1 ms), then the route to
      // the Interaction Server (1 ms) and on to the desktop (1 ms)
      { t: 160.31, event: "answered" },
    ]);
    expect(of(log, 3)).toEqual([{ t: 120, event: "dropped", fault: 0 }]);
    // as on any day: reserved in 302 ms and delivered on the node that owns the voice agent's DN
    expect(of(log, 4)).toEqual([{ t: 130.302, event: "answered" }]);
  });

  it("URS no longer sees its agents change state until it is back", () => {
    const { sim, chat, at, world } = media();
    at(50, chat);
    const agent = world.agents.find((a) => a.group.id === "chat")!;
    const shown = () => world.urs.map((u) => u.view.accepts(agent, MEDIA_INDEX.chat));
    sim.run(130);
    // the chat ended at 110 s and the agent is Ready, but its Interaction Server told no Stat Server
    expect(agent.state).toBe(AgentState.Ready);
    expect(shown()).toEqual([false, false]);
    // back at 160 s, it reports the agent as it is to both Stat Servers (1 ms away, and their 5 ms)
    sim.run(160.005);
    expect(shown()).toEqual([false, false]);
    sim.run(160.007);
    expect(shown()).toEqual([true, true]);
  });
});

describe("what each costs over a day", () => {
  it("a Stat Server down 20 minutes: node-based, only its node's calls wait and abandon; centralized, the whole site's", () => {
    // faults-urs-down.yaml's day (two sites, two nodes each, 10 paired replications) with dc1.n1's Stat Server down
    const day = (mode: string, faults: string) => {
      const r = run(scenarioFile("faults-urs-down.yaml", [`routing.mode=${mode}`, `faults=${faults}`]));
      const abandoned = (node: string) => r.byNode[node]!.abandoned!.mean;
      return { n1: abandoned("dc1.n1"), n2: abandoned("dc1.n2"), fault: r.faults?.[0] };
    };
    const down = "[{at: 3h, kind: statserver-down, target: dc1.n1, duration: 20m}]";
    for (const mode of ["node-based", "centralized"]) {
      const base = day(mode, "[]");
      const hit = day(mode, down);
      // dc1.n1's calls wait on a blind URS: about a hundred more abandon (the day's own: about ninety-five a node)
      expect(hit.n1 - base.n1, mode).toBeGreaterThan(50);
      if (mode === "node-based") expect(Math.abs(hit.n2 - base.n2), mode).toBeLessThan(5);
      else expect(hit.n2 - base.n2, mode).toBeGreaterThan(50);
      // a URS that runs strands nothing: nothing is default-routed, dropped or lost
      for (const cost of ["defaultRouted", "dropped", "cutOff", "lostRequests"] as const) {
        expect(hit.fault!.cost[cost].mean, `${mode} ${cost}`).toBe(0);
      }
      expect(hit.fault!.serviceLevelLowest!, mode).toBeLessThan(hit.fault!.serviceLevelBefore! - 0.3);
    }
  });

  it("an Interaction Server down 10 minutes: the chats arriving then are refused, the chats it held are served", () => {
    // chat-link-cut.yaml's chat day (16 chat agents in dc2, chats entering dc1 at 6 a minute), the cut replaced
    const day = (duration: string) =>
      run(scenarioFile("chat-link-cut.yaml", [`faults=[{at: 1h, kind: interaction-server-down, target: dc1, duration: ${duration}}]`]));
    const blip = day("1s");
    const down = day("10m");
    const cost = down.faults![0]!.cost;
    // ten minutes at 6 a minute: about sixty refused
    expect(cost.dropped.mean).toBeGreaterThan(45);
    expect(cost.dropped.mean).toBeLessThan(75);
    expect(blip.faults![0]!.cost.dropped.mean).toBeLessThan(1);
    // the ones it held lost their routing request, then were served or abandoned like any other: none ends dropped
    expect(down.metrics.dropped!.mean).toBe(cost.dropped.mean);
    expect(down.byMedia!.chat!.metrics.serviceLevel!.mean).toBeLessThan(blip.byMedia!.chat!.metrics.serviceLevel!.mean);
  });
});

describe("determinism", () => {
  const SMALL = ["--set", "horizon=1h", "--set", "warmup=10m", "--replications", "4", "--quiet"];
  for (const [kind, file, target] of [
    ["statserver-down", "scenarios/faults-urs-down.yaml", "dc1.n1"],
    ["interaction-server-down", "scenarios/chat-link-cut.yaml", "dc1"],
  ] as const) {
    it(`a scenario with ${kind}: the same bytes on one worker and on two`, () => {
      const one = tmp();
      const two = tmp();
      const args = ["run", file, "--set", `faults=[{at: 20m, kind: ${kind}, target: ${target}, duration: 15m}]`, ...SMALL];
      expect(ccsim([...args, "--workers", "1", "--out", one]).code).toBe(0);
      expect(ccsim([...args, "--workers", "2", "--out", two]).code).toBe(0);
      const a = filesOf(one);
      expect(filesOf(two)).toEqual(a);
      expect(JSON.parse(a["summary.json"]!.toString()).faults[0].kind).toBe(kind);
    });
  }
});
