// Shrinkage (agents[].shrinkage): the share of the scheduled agents the staffing plan keeps off the phones, per period,
// with the same meaning as `ccsim erlang --shrinkage` (docs/behaviours.md, Shrinkage).

import { describe, expect, it } from "vitest";
import { AgentState } from "../src/model/agents/agent-state.js";
import { erlangCMeasures } from "../src/metrics/erlang.js";
import { answerErlang } from "../src/metrics/erlang-calculator.js";
import { TEXTBOOK, run, scenarioOf, worldOf } from "./helpers.js";

const center = (agents: string, horizon = "8h") => `
horizon: ${horizon}
warmup: 30m
interval: ${horizon}
serviceLevel: 20s
${TEXTBOOK}agents: [ ${agents} ]
traffic: [ { type: t, arrivals: { rate: 2/min }, handleTime: { dist: exponential, mean: 3m }, target: "s > 0" } ]
`;

/** agents logged in and staying (not on their way out once their call ends) at each instant asked for */
function onPhones(yaml: string, at: readonly number[]): number[] {
  const { world, sim } = worldOf(scenarioOf(yaml));
  world.start();
  return at.map((t) => {
    sim.run(t);
    return world.agents.filter((a) => a.state !== AgentState.LoggedOut && !a.logoutPending).length;
  });
}

describe("shrinkage: the mechanics", () => {
  it("logs in n(1-s) of the n scheduled agents of each period, the share of each period its own", () => {
    const yaml = center(`{ group: g, staffing: { period: 1h, counts: [10, 20, 10] }, shrinkage: [0.2, 0.5, 0], skills: { s: 1 } }`, "3h");
    expect(onPhones(yaml, [1800, 5400, 9000])).toEqual([8, 10, 10]);
  });

  it("one share holds all day, and without staffing it shrinks count", () => {
    expect(onPhones(center(`{ group: g, count: 10, shrinkage: 0.3, skills: { s: 1 } }`), [100, 20000])).toEqual([7, 7]);
  });

  it("a fraction of an agent is rounded up with that probability, so the mean on the phones is n(1-s)", () => {
    // 10 scheduled, 25% shrinkage: 7.5 on average, 7 or 8 in each of 200 periods
    const yaml = center(`{ group: g, staffing: { period: 1m, counts: [${new Array(200).fill(10).join(", ")}] }, shrinkage: 0.25, skills: { s: 1 } }`, "200m");
    const seen = onPhones(yaml, Array.from({ length: 200 }, (_, k) => k * 60 + 30));
    expect(new Set(seen)).toEqual(new Set([7, 8]));
    const mean = seen.reduce((a, b) => a + b, 0) / seen.length;
    // the sd of the mean of 200 fair coin flips is 0.035
    expect(mean).toBeGreaterThan(7.5 - 0.15);
    expect(mean).toBeLessThan(7.5 + 0.15);
  });

  it("no shrinkage leaves the plan as it was: the group's spec has none", () => {
    expect(scenarioOf(center(`{ group: g, count: 10, shrinkage: 0, skills: { s: 1 } }`)).agents[0]!.shrinkage).toBeUndefined();
  });
});

describe("shrinkage: the effect", () => {
  it("shrinkage 0.2 on 10 agents serves as 8 agents do, and as Erlang C for 8 says", () => {
    const shrunk = run(scenarioOf(center(`{ group: g, count: 10, shrinkage: 0.2, skills: { s: 1 } }`)), 12, 7);
    const eight = run(scenarioOf(center(`{ group: g, count: 8, skills: { s: 1 } }`)), 12, 7);
    const sl = shrunk.metrics.serviceLevel!;
    const [lo, hi] = sl.ci95!;
    expect(eight.metrics.serviceLevel!.mean).toBeGreaterThanOrEqual(lo);
    expect(eight.metrics.serviceLevel!.mean).toBeLessThanOrEqual(hi);
    const erlang = erlangCMeasures(8, 2 / 60, 1 / 180, 20).serviceLevel;
    expect(erlang).toBeGreaterThanOrEqual(lo);
    expect(erlang).toBeLessThanOrEqual(hi);
    // and well apart from 10 agents on the phones
    expect(run(scenarioOf(center(`{ group: g, count: 10, skills: { s: 1 } }`)), 12, 7).metrics.serviceLevel!.mean).toBeGreaterThan(hi);
  });

  it("the head count ccsim erlang --shrinkage schedules meets the target in the run", () => {
    const answer = answerErlang({
      model: "C", rate: 2 / 60, handleTime: 180, slTime: 20, shrinkage: 0.3, maxOccupancy: 1,
      targets: [{ metric: "serviceLevel", op: ">=", value: 0.8 }],
    });
    const r = run(scenarioOf(center(`{ group: g, count: ${answer.scheduled}, shrinkage: 0.3, skills: { s: 1 } }`)), 12, 7);
    expect(r.metrics.serviceLevel!.ci95![1]).toBeGreaterThanOrEqual(0.8);
  });
});
