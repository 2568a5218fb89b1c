// A maximum occupancy (agents[].maxOccupancy): URS routes to an agent only while its occupancy since login (handling
// time over logged-in time) is at most the cap (docs/behaviours.md, Maximum occupancy).

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { TEXTBOOK, WORKDAY, run, scenarioOf } from "./helpers.js";
import { startedCenter } from "./two-node-center.js";

const oneAgent = (cap: string) => `
horizon: 1h
${TEXTBOOK}agents: [ { group: g, count: 1, skills: { s: 1 }${cap} } ]
traffic: [ { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" } ]
`;

/** when each of two calls placed at 0 s and 70 s is answered */
function answers(cap: string): number[] {
  const { world, sim, log } = startedCenter(oneAgent(cap));
  for (const t of [0, 70]) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run(600);
  return log.filter((e) => e.event === "answered").map((e) => e.t);
}

describe("maximum occupancy: the mechanics", () => {
  it("an agent above the cap after a call is left alone until its occupancy since login falls to the cap", () => {
    // 60 s of talk in its first 60 s: 100%; at a cap of 50% it may take the next call at 120 s, not at 70 s
    expect(answers("")).toEqual([0, 70]);
    expect(answers(", maxOccupancy: 0.5")).toEqual([0, 120]);
    // at 75%: 60 / 0.75 = 80 s
    expect(answers(", maxOccupancy: 0.75")).toEqual([0, 80]);
  });

  it("an agent below the cap takes the call at once", () => {
    // 60 s busy by 130 s is 46%: the second call (placed at 130 s) is answered then
    const { world, sim, log } = startedCenter(oneAgent(", maxOccupancy: 0.5"));
    for (const t of [0, 130]) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run(600);
    expect(log.filter((e) => e.event === "answered").map((e) => e.t)).toEqual([0, 130]);
  });

  it("an agent freed by a no-answer (agent-no-answer-action none) is held to the cap too", () => {
    const rings = (cap: string) => {
      const got: number[] = [];
      const { world, sim } = startedCenter(oneAgent(`, noAnswer: 1, noAnswerTimeout: 60s, noAnswerAction: none${cap}`), [], {
        ringing: () => got.push(sim.now),
      });
      sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
      sim.run(200);
      return got;
    };
    // 60 s of ringing counts as handling: at 50% the call rings again at 120 s rather than at 60 s
    expect(rings("")).toEqual([0, 60, 120, 180]);
    expect(rings(", maxOccupancy: 0.5")).toEqual([0, 120]);
  });
});

const busy = (cap: string) => `
${WORKDAY}${TEXTBOOK}agents: [ { group: g, count: 10, skills: { s: 1 }${cap} } ]
traffic: [ { type: t, arrivals: { rate: 3/min }, handleTime: { dist: exponential, mean: 3m }, patience: { dist: exponential, mean: 2m }, target: "s > 0" } ]
`;

describe("maximum occupancy: the effect", () => {
  it("measured occupancy stays at the cap while without it the agents are busier, and callers pay for it", () => {
    const free = run(scenarioOf(busy("")), 8, 3);
    const capped = run(scenarioOf(busy(", maxOccupancy: 0.7")), 8, 3);
    expect(free.metrics.occupancy!.ci95![0]).toBeGreaterThan(0.75);
    // the cap is judged when a call ends: one call's worth over it at most, which a day of calls spreads thin
    expect(capped.metrics.occupancy!.ci95![1]).toBeLessThanOrEqual(0.7 + 0.01);
    expect(capped.metrics.serviceLevel!.ci95![1]).toBeLessThan(free.metrics.serviceLevel!.ci95![0]);
    expect(capped.metrics.abandonRate!.ci95![0]).toBeGreaterThan(free.metrics.abandonRate!.ci95![1]);
  });
});
