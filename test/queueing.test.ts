// With zero latency, one node and no reservation, ccsim is a textbook queue: it must agree with Erlang C and Erlang A
// inside its own 95% confidence interval, and with Little's law.

import { describe, expect, it } from "vitest";
import type { MetricSummary } from "../src/observe/results.js";
import { run, scenarioFile, scenarioOf } from "./helpers.js";

/** Erlang C for c agents, arrival rate lambda, service rate mu, threshold T. */
function erlangC(lambda: number, mu: number, c: number, T: number) {
  const A = lambda / mu;
  let B = 1;
  for (let k = 1; k <= c; k++) B = (A * B) / (k + A * B);
  const C = (c * B) / (c - A * (1 - B));
  return {
    probWait: C,
    meanWait: C / (c * mu - lambda),
    serviceLevel: 1 - C * Math.exp(-(c * mu - lambda) * T),
    occupancy: A / c,
  };
}

/** Erlang A (M/M/c+M) from its birth-death chain. */
function erlangA(lambda: number, mu: number, c: number, theta: number) {
  const p: number[] = [1];
  for (let k = 1; k < 2000; k++) p.push((p[k - 1]! * lambda) / (Math.min(k, c) * mu + Math.max(k - c, 0) * theta));
  const z = p.reduce((a, b) => a + b, 0);
  const pi = p.map((x) => x / z);
  const queue = pi.reduce((s, x, k) => s + x * Math.max(k - c, 0), 0);
  const abandonRate = (theta * queue) / lambda;
  return {
    probWait: pi.slice(c).reduce((a, b) => a + b, 0),
    abandonRate,
    meanWait: queue / lambda,
    occupancy: (lambda * (1 - abandonRate)) / (c * mu),
  };
}

function inside(name: string, m: MetricSummary | undefined, expected: number) {
  expect(m, name).toBeDefined();
  const [lo, hi] = m!.ci95!;
  expect(expected, `${name}: ${expected} outside [${lo}, ${hi}] (mean ${m!.mean})`).toBeGreaterThanOrEqual(lo);
  expect(expected, `${name}: ${expected} outside [${lo}, ${hi}] (mean ${m!.mean})`).toBeLessThanOrEqual(hi);
}

const mmc = (o: { rate: string; aht: string; c: number; T: string; patience?: string; horizon: string; warmup: string; reps: number }) => `
name: mmc
seed: 2026
replications: ${o.reps}
horizon: ${o.horizon}
warmup: ${o.warmup}
interval: ${o.horizon}
serviceLevel: ${o.T}
sites: [ { id: dc1, nodes: 1 } ]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { reservation: { mode: none } }
agents: [ { group: g, count: ${o.c}, skills: { s: 1 } } ]
traffic: [ { type: t, arrivals: { rate: ${o.rate} }, handleTime: { dist: exponential, mean: ${o.aht} },
  ${o.patience ? `patience: { dist: exponential, mean: ${o.patience} },` : ""} target: "s > 0" } ]
`;

describe("Erlang C (M/M/c)", () => {
  it("scenarios/erlang-c.yaml agrees with the published case: 200/h, 180 s, 14 agents, T = 20 s", () => {
    const r = run(scenarioFile("erlang-c.yaml"));
    const e = erlangC(200 / 3600, 1 / 180, 14, 20);
    expect(e.probWait).toBeCloseTo(0.174132, 5);
    expect(e.serviceLevel).toBeCloseTo(0.88835, 5);
    inside("probWait", r.metrics.probWait, e.probWait);
    inside("serviceLevel", r.metrics.serviceLevel, e.serviceLevel);
    inside("meanWait", r.metrics.meanWait, e.meanWait);
    inside("occupancy", r.metrics.occupancy, e.occupancy);
  });

  it("and the second published case: 13 agents (probWait 0.285270, serviceLevel 0.795595)", () => {
    const r = run(scenarioFile("erlang-c.yaml", ["agents[0].count=13"]));
    const e = erlangC(200 / 3600, 1 / 180, 13, 20);
    expect(e.probWait).toBeCloseTo(0.28527, 5);
    inside("probWait", r.metrics.probWait, e.probWait);
    inside("serviceLevel", r.metrics.serviceLevel, e.serviceLevel);
    inside("meanWait", r.metrics.meanWait, e.meanWait);
    inside("occupancy", r.metrics.occupancy, e.occupancy);
  });

  const cases = [
    { rate: "1/s", aht: "8s", c: 10, T: "5s", horizon: "20h", warmup: "30m", reps: 8 },
    { rate: "30/min", aht: "5m", c: 160, T: "15s", horizon: "10h", warmup: "1h", reps: 8 },
    { rate: "2/min", aht: "4m", c: 10, T: "60s", horizon: "400h", warmup: "10h", reps: 8 },
  ];
  for (const k of cases) {
    it(`agrees at ${k.rate}, mean handle ${k.aht}, ${k.c} agents, T = ${k.T}`, () => {
      const s = scenarioOf(mmc(k));
      const lambda = s.traffic[0]!.arrivals.rates[0]!;
      const mu = 1 / (s.traffic[0]!.handleTime as { mean: number }).mean;
      const e = erlangC(lambda, mu, k.c, s.serviceLevel);
      const r = run(s);
      inside("probWait", r.metrics.probWait, e.probWait);
      inside("serviceLevel", r.metrics.serviceLevel, e.serviceLevel);
      inside("meanWait", r.metrics.meanWait, e.meanWait);
      inside("occupancy", r.metrics.occupancy, e.occupancy);
    });
  }
});

describe("Erlang A (M/M/c+M)", () => {
  it("scenarios/erlang-a.yaml agrees with the published case: 10/s, mu 1, 10 agents, theta 1", () => {
    const r = run(scenarioFile("erlang-a.yaml"));
    const e = erlangA(10, 1, 10, 1);
    expect(e.probWait).toBeCloseTo(0.54207, 4);
    expect(e.abandonRate).toBeCloseTo(0.12511, 4);
    inside("probWait", r.metrics.probWait, e.probWait);
    inside("abandonRate", r.metrics.abandonRate, e.abandonRate);
    inside("meanWait", r.metrics.meanWait, e.meanWait);
  });

  const cases = [
    { rate: "8/s", aht: "1s", c: 8, T: "1s", patience: "2s", horizon: "3h", warmup: "10m", reps: 8 },
    { rate: "12/min", aht: "1m", c: 10, T: "20s", patience: "30s", horizon: "60h", warmup: "1h", reps: 8 },
  ];
  for (const k of cases) {
    it(`agrees at ${k.rate}, mean handle ${k.aht}, ${k.c} agents, mean patience ${k.patience}`, () => {
      const s = scenarioOf(mmc(k));
      const lambda = s.traffic[0]!.arrivals.rates[0]!;
      const mu = 1 / (s.traffic[0]!.handleTime as { mean: number }).mean;
      const theta = 1 / (s.traffic[0]!.patience as { mean: number }).mean;
      const e = erlangA(lambda, mu, k.c, theta);
      const r = run(s);
      inside("probWait", r.metrics.probWait, e.probWait);
      inside("abandonRate", r.metrics.abandonRate, e.abandonRate);
      inside("meanWait", r.metrics.meanWait, e.meanWait);
      inside("occupancy", r.metrics.occupancy, e.occupancy);
    });
  }
});

describe("Little's law", () => {
  it("busy agents on average = answered per second x mean handle time", () => {
    const s = scenarioOf(mmc({ rate: "3/min", aht: "4m", c: 15, T: "20s", patience: "1m", horizon: "200h", warmup: "2h", reps: 5 }));
    const r = run(s);
    const busy = r.metrics.occupancy!.mean * 15;
    const throughput = r.metrics.throughputPerHour!.mean / 3600;
    // the sample mean handle time of answered calls is 240 s in expectation; 1% covers its noise at ~160k calls
    expect(busy / (throughput * 240)).toBeGreaterThan(0.99);
    expect(busy / (throughput * 240)).toBeLessThan(1.01);
  });

  it("a finite day that starts empty waits less than steady state, not more", () => {
    const s = scenarioOf(mmc({ rate: "200/h", aht: "180s", c: 14, T: "20s", horizon: "1h", warmup: "0", reps: 400 }));
    const r = run(s);
    expect(r.metrics.probWait!.ci95![1]).toBeLessThan(erlangC(200 / 3600, 1 / 180, 14, 20).probWait);
  });
});
