// Retrials (traffic[].retrial): a caller who abandons calls again with a probability after a delay, as a new call,
// up to maxAttempts, drawing its handle time and patience from streams of its own. Hand-placed calls with fixed times
// for the mechanics; an overloaded Erlang A case for the effect, against the retrial fixed point.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { erlangAMeasures } from "../src/metrics/erlang.js";
import type { Call } from "../src/model/sip/call.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";
import { oneAgent, overloadedQueue } from "./caller-centers.js";
import { twoNodeScenario } from "./two-node-center.js";

/** One agent, no delays; the first call holds the agent for an hour, so every later one waits until its patience. */
const oneAgentRetrying = (retrial: string) => oneAgent([`t, handleTime: 1h, patience: 10s, retrial: ${retrial}`]);

/** The calls that reached the Routing Point (time, ConnID, attempt, first arrival) and the abandons, placing calls at
 *  the given instants. */
function placed(yaml: string, times: number[], until: number) {
  const log: string[] = [];
  const { world, sim } = worldOf(scenarioOf(yaml), {
    ...silent,
    arrival: (c: Call) => log.push(`arrive ${c.id} attempt ${c.attempt} first ${c.firstArrival} @${sim.now}`),
    abandoned: (c: Call) => log.push(`abandon ${c.id} @${sim.now}`),
    answered: (c: Call) => log.push(`answer ${c.id} @${sim.now}`),
  });
  world.tController.logIn(world.agents[0]!);
  for (const t of times) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run(until);
  return log;
}

describe("retrials on hand-placed calls", () => {
  it("a caller who abandons calls again after the delay, as a new call carrying its attempt, up to maxAttempts", () => {
    const log = placed(oneAgentRetrying("{ probability: 1, delay: 30s, maxAttempts: 3 }"), [0, 1], 200);
    expect(log).toEqual([
      "arrive 1 attempt 1 first 0 @0",
      "answer 1 @0",
      "arrive 2 attempt 1 first 1 @1",
      "abandon 2 @11",
      "arrive 3 attempt 2 first 1 @41",
      "abandon 3 @51",
      "arrive 4 attempt 3 first 1 @81",
      "abandon 4 @91",
    ]);
  });

  it("probability 0 never calls again", () => {
    const log = placed(oneAgentRetrying("{ probability: 0, delay: 30s }"), [0, 1], 200);
    expect(log.filter((l) => l.startsWith("arrive"))).toHaveLength(2);
  });

  it("a retrial that finds the agent free is answered and ends the caller's attempts", () => {
    // the first call's hour is replaced by 20 s: the agent is free again when the retrial comes at 41
    const log = placed(oneAgentRetrying("{ probability: 1, delay: 30s }").replace("handleTime: 1h", "handleTime: 20s"), [0, 1], 200);
    expect(log).toContain("arrive 3 attempt 2 first 1 @41");
    expect(log).toContain("answer 3 @41");
    expect(log.filter((l) => l.startsWith("arrive"))).toHaveLength(3);
  });

  it("retrials shift none of the first attempts' draws: same arrivals and handle times with and without them", () => {
    const yaml = (retrial: string) => `
horizon: 2h
sites:
  - { id: dc1, nodes: 1 }
agents:
  - { group: a, count: 3, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 60/h }, handleTime: { dist: exponential, mean: 4m }, patience: { dist: exponential, mean: 1m }, target: "s > 0"${retrial} }
`;
    const firsts = (text: string) => {
      const seen: string[] = [];
      const { world, sim } = worldOf(scenarioOf(text), {
        ...silent,
        arrival: (c: Call) => {
          if (c.attempt === 1) seen.push(`${c.arrival.toFixed(6)} ${c.handleTime.toFixed(6)} ${c.abandonAt.toFixed(6)}`);
        },
      });
      world.start();
      sim.run(7200 + 86400);
      return seen;
    };
    const plain = firsts(yaml(""));
    const retried = firsts(yaml(", retrial: { probability: 0.7, delay: 2m }"));
    expect(plain.length).toBeGreaterThan(90);
    expect(retried).toEqual(plain);
  });
});

describe("retrials' effect", () => {
  // 12.5 Erlangs offered to 10 agents, patience 2 min on average: about a third of attempts abandon
  const overloaded = (retrial: string) => overloadedQueue({ warmup: "1h", rate: "150/h", handleMean: "5m", patienceMean: "2m", extra: retrial });

  it("attempts rise by 1/(1 - p * abandon share) over unique callers, and the abandon share is Erlang A's at the retrial fixed point", () => {
    const p = 0.5;
    const r = run(scenarioOf(overloaded(`, retrial: { probability: ${p}, delay: { dist: exponential, mean: 10m }, maxAttempts: 50 }`)));
    const retrials = r.callers!.retrials!;
    const perCaller = retrials.attemptsPerCaller.mean;
    const abandonShare = r.metrics.abandonRate!.mean;
    // the accounting identity, in expectation: every attempt abandons with the share, and p of those come back
    expect(perCaller).toBeCloseTo(1 / (1 - p * abandonShare), 1);
    expect(Math.abs(perCaller * (1 - p * abandonShare) - 1)).toBeLessThan(0.03);
    // the known answer: the total rate L = lambda / (1 - p * a(L)), a(L) Erlang A's abandon share at L (the retrial
    // stream, delayed 10 min on average, is treated as Poisson), solved by iteration
    const lambda = 150 / 3600;
    let total = lambda;
    for (let k = 0; k < 50; k++) total = lambda / (1 - p * erlangAMeasures(10, total, 1 / 300, 1 / 120, 20).abandonRate);
    expect(Math.abs(perCaller / (total / lambda) - 1)).toBeLessThan(0.04);
    // without retrials the same callers make one attempt each; with them, more are answered in the end
    const plain = run(scenarioOf(overloaded("")));
    expect(plain.metrics.offered!.mean).toBeLessThan(r.metrics.offered!.mean / 1.1);
    expect(retrials.callerAnswerRate.mean).toBeGreaterThan(1 - plain.metrics.abandonRate!.mean);
    expect(retrials.uniqueCallers.mean).toBeCloseTo(plain.metrics.offered!.mean, -1);
  });
});

describe("retrials of blocked calls", () => {
  it("a call released by the default DN at reject calls again after the delay, and is answered once its URS is back", () => {
    const log: string[] = [];
    const { world, sim } = worldOf(
      scenarioOf(
        twoNodeScenario({ mode: "node-based", faults: ["{ at: 100s, kind: urs-down, target: dc1.n1, duration: 60s }"] }),
        ["traffic[0].retrial={probability: 1, delay: 60s}"],
      ),
      {
        ...silent,
        arrival: (c: Call) => log.push(`arrive ${c.id} attempt ${c.attempt} first ${c.firstArrival} @${sim.now}`),
        defaultRouted: (c: Call, dn: string) => log.push(`default ${c.id} ${dn} @${sim.now}`),
        answered: (c: Call) => log.push(`answer ${c.id} @${Math.round(sim.now)}`),
      },
    );
    world.start();
    sim.at(110, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!, world.topology.nodes[0]) }, 0);
    sim.run();
    expect(log).toEqual([
      "arrive 1 attempt 1 first 110 @110",
      "default 1 reject @120",
      "arrive 2 attempt 2 first 110 @180",
      "answer 2 @180",
    ]);
  });
});
