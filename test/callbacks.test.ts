// Callbacks (virtual hold, traffic[].callback): a caller still waiting offerAfter after arriving is offered a callback;
// one who accepts hangs up and the call keeps its place in the queue; the agent it reaches dials for dialTime and the
// customer answers with answerProbability. Hand-placed calls with fixed times, exact answers; the effect in an
// overloaded case against its expectation.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Call } from "../src/model/sip/call.js";
import { run, scenarioOf, silent, worldOf } from "./helpers.js";
import { frontAndBilling, oneAgent, overloadedQueue } from "./caller-centers.js";

/** One agent, no delays; type t offers callbacks, type u does not; both take 100 s of talk. */
const oneAgentCallingBack = (callback: string) =>
  oneAgent([`t, handleTime: 100s, patience: 1h, callback: ${callback}`, "u, handleTime: 100s, patience: 1h"]);

function placed(yaml: string, calls: [number, number][], until: number) {
  const log: string[] = [];
  const { world, sim } = worldOf(scenarioOf(yaml), {
    ...silent,
    answered: (c: Call) => log.push(`answer ${c.id}@${sim.now}`),
    released: (c: Call) => log.push(`release ${c.id}@${sim.now}`),
    abandoned: (c: Call) => log.push(`abandon ${c.id}@${sim.now}`),
    callbackOffered: (c: Call, accepted: boolean) => log.push(`offer ${c.id} ${accepted ? "accepted" : "declined"}@${sim.now}`),
    callbackDialled: (c: Call, _a: Agent, reached: boolean) => log.push(`dial ${c.id} ${reached ? "reached" : "no answer"}@${sim.now}`),
  });
  world.tController.logIn(world.agents[0]!);
  for (const [type, t] of calls) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[type]!) }, 0);
  sim.run(until);
  return log;
}

describe("callbacks on hand-placed calls", () => {
  it("a caller waiting offerAfter accepts, the agent it reaches dials, the customer answers and they talk", () => {
    const log = placed(oneAgentCallingBack("{ offerAfter: 30s, accept: 1, dialTime: 10s, answerProbability: 1 }"), [[1, 0], [0, 1]], 400);
    expect(log).toEqual(["answer 1@0", "offer 2 accepted@31", "release 1@100", "answer 2@100", "dial 2 reached@100", "release 2@210"]);
  });

  it("a customer who does not answer frees the agent after the dial", () => {
    const log = placed(oneAgentCallingBack("{ offerAfter: 30s, accept: 1, dialTime: 10s, answerProbability: 0 }"), [[1, 0], [0, 1]], 400);
    expect(log.slice(-3)).toEqual(["answer 2@100", "dial 2 no answer@100", "release 2@110"]);
  });

  it("a caller who declines waits on as before; one answered before offerAfter is never offered", () => {
    expect(placed(oneAgentCallingBack("{ offerAfter: 30s, accept: 0 }"), [[1, 0], [0, 1]], 400)).toEqual([
      "answer 1@0", "offer 2 declined@31", "release 1@100", "answer 2@100", "release 2@200",
    ]);
    expect(placed(oneAgentCallingBack("{ offerAfter: 30s, accept: 1 }"), [[0, 0]], 400)).toEqual(["answer 1@0", "release 1@100"]);
  });

  it("an accepted callback keeps its place in the queue and no patience runs for it", () => {
    // call 2 (t, at 1) accepts at 31; call 3 (u, no callback, at 40) waits behind it; with patience 50 s, call 2's
    // caller would have hung up at 51 had it stayed on the line
    const log = placed(oneAgentCallingBack("{ offerAfter: 30s, accept: 1, dialTime: 10s, answerProbability: 1 }").replace("patience: 1h, callback", "patience: 50s, callback"), [[1, 0], [0, 1], [1, 40]], 400);
    expect(log).toEqual([
      "answer 1@0", "offer 2 accepted@31", "release 1@100", "answer 2@100", "dial 2 reached@100", "release 2@210", "answer 3@210", "release 3@310",
    ]);
  });
});

describe("callbacks' effect", () => {
  // 10.7 Erlangs offered to 10 agents, patience 3 min on average
  const overloaded = (callback: string) => overloadedQueue({ warmup: "30m", rate: "160/h", handleMean: "4m", patienceMean: "3m", extra: callback });

  it("accepted callbacks leave the queue instead of abandoning; each costs the dial plus the talk when answered", () => {
    const plain = run(scenarioOf(overloaded("")));
    const r = run(scenarioOf(overloaded(", callback: { offerAfter: 30s, accept: 0.6 }")));
    const c = r.callers!.callbacks!;
    const m = r.metrics;
    // every counted call ends once: answered, abandoned or called back
    expect(m.offered!.mean).toBeCloseTo(m.answered!.mean + m.abandoned!.mean + c.accepted.mean, 6);
    expect(m.unfinished!.mean).toBe(0);
    expect(c.acceptRate.mean).toBeGreaterThan(0.55);
    expect(c.acceptRate.mean).toBeLessThan(0.65);
    // callers who would have abandoned took a callback instead (15.0% abandon without callbacks, 12.0% with: the
    // callbacks keep their place, so the load served grows and those who stay wait a little longer)
    expect(m.abandonRate!.mean).toBeLessThan(plain.metrics.abandonRate!.mean * 0.9);
    // the agent's time: the default 20 s dial, then 4 min of talk for the 80% who answer
    const expected = 20 + 0.8 * 240;
    expect(c.callbackHandleTime.mean).toBeGreaterThan(expected * 0.88);
    expect(c.callbackHandleTime.mean).toBeLessThan(expected * 1.12);
    expect(c.reached.mean / c.dialled.mean).toBeGreaterThan(0.74);
    expect(c.reached.mean / c.dialled.mean).toBeLessThan(0.86);
  });
});

describe("callbacks with retrials and transfers", () => {
  it("every counted call still ends once; a callback is dialled once and never transferred; a transferred call is never offered one", () => {
    const r = run(
      scenarioOf(
        frontAndBilling({
          head: "horizon: 2h\nwarmup: 15m\nreplications: 3",
          front: 8,
          billing: 3,
          sales:
            "arrivals: { rate: 130/h }, handleTime: { dist: exponential, mean: 4m }, patience: { dist: exponential, mean: 2m }, " +
            "retrial: { probability: 0.4, delay: { dist: exponential, mean: 5m } }, callback: { offerAfter: 45s, accept: 0.5 }, " +
            'transfer: { share: 0.25, target: "billing > 0", consult: 30s }',
        }),
      ),
    );
    const m = r.metrics;
    const { callbacks, transfers } = r.callers!;
    expect(m.unfinished!.mean).toBe(0);
    expect(m.offered!.mean).toBeCloseTo(m.answered!.mean + m.abandoned!.mean + callbacks!.accepted.mean, 6);
    expect(callbacks!.dialled.mean).toBeLessThanOrEqual(callbacks!.accepted.mean);
    expect(transfers!.transfers.mean).toBeGreaterThan(0);
    expect(callbacks!.accepted.mean).toBeGreaterThan(0);
  });
});
