// Who gets the call: DN ownership over nodes, SIP Proxy spreading, selection rules and priorities.

import { describe, expect, it } from "vitest";
import { run, scenarioFile, scenarioOf } from "./helpers.js";

const TWO_GROUPS = (selection: string) => `
seed: 3
replications: 4
horizon: 8h
sites: [ { id: dc1, nodes: 2 } ]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { selection: ${selection}, reservation: { mode: none } }
agents:
  - { group: juniors, count: 10, skills: { sales: 1 } }
  - { group: seniors, count: 10, skills: { sales: 5 } }
traffic: [ { type: t, arrivals: { rate: 60/h }, handleTime: { dist: exponential, mean: 5m }, target: "sales > 0" } ]
`;

describe("topology", () => {
  it("SIP phones register round-robin over their site's nodes; PSTN agents' DNs are all on the node GWS connects to: DN ownership is visible", () => {
    // dc1's agents are on SIP phones, dc2's on PSTN (their desktops' TRegisterAddress goes through dc2's GWS, on dc2.n1)
    const r = run(scenarioFile("two-sites-node-based.yaml", ["replications=1", "horizon=1h"]));
    expect(r.agentsPerNode).toEqual({
      "dc1.n1": 15, "dc1.n2": 15, "dc1.n3": 15, "dc1.n4": 15, "dc2.n1": 60, "dc2.n2": 0, "dc2.n3": 0, "dc2.n4": 0,
    });
  });

  it("SIP Proxies spread a site's calls over its nodes (round-robin: equal shares; least-loaded: every node used)", () => {
    const rr = run(scenarioFile("two-sites-node-based.yaml", ["replications=2", "horizon=2h"]));
    const offered = Object.values(rr.byNode).map((m) => m.offered!.mean);
    for (const o of offered.slice(0, 4)) expect(Math.abs(o - offered[0]!)).toBeLessThanOrEqual(1);
    const ll = run(scenarioFile("two-sites-node-based.yaml", ["replications=2", "horizon=2h", "routing.proxy=least-loaded"]));
    for (const m of Object.values(ll.byNode)) expect(m.offered!.mean).toBeGreaterThan(0);
    expect(ll.metrics.offered!.mean).toBe(rr.metrics.offered!.mean);
  });
});

describe("selection rules", () => {
  it("most-skilled sends calls to the highest levels first; longest-idle shares them out", () => {
    const most = run(scenarioOf(TWO_GROUPS("most-skilled")));
    const idle = run(scenarioOf(TWO_GROUPS("longest-idle")));
    expect(most.byGroup.seniors!.answered!.mean).toBeGreaterThan(2 * most.byGroup.juniors!.answered!.mean);
    const share = idle.byGroup.seniors!.answered!.mean / idle.metrics.answered!.mean;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });

  it("random and round-robin spread calls over both groups, and every rule serves the same callers", () => {
    for (const rule of ["random", "round-robin"]) {
      const r = run(scenarioOf(TWO_GROUPS(rule)));
      const share = r.byGroup.seniors!.answered!.mean / r.metrics.answered!.mean;
      expect(share, rule).toBeGreaterThan(0.4);
      expect(share, rule).toBeLessThan(0.6);
      expect(r.metrics.offered!.mean).toBe(run(scenarioOf(TWO_GROUPS("longest-idle"))).metrics.offered!.mean);
    }
  });
});

describe("priorities and shifts", () => {
  it("a higher-priority call type waits less than a lower one competing for the same agents", () => {
    const r = run(
      scenarioOf(`
seed: 4
replications: 4
horizon: 8h
sites: [ { id: dc1, nodes: 1 } ]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { reservation: { mode: none } }
agents: [ { group: g, count: 10, skills: { s: 1 } } ]
traffic:
  - { type: gold, priority: 5, arrivals: { rate: 50/h }, handleTime: { dist: exponential, mean: 5m }, target: "s > 0" }
  - { type: basic, priority: 1, arrivals: { rate: 50/h }, handleTime: { dist: exponential, mean: 5m }, target: "s > 0" }
`),
    );
    expect(r.byType.gold!.asa!.ci95![1]).toBeLessThan(r.byType.basic!.asa!.ci95![0]);
  });

  it("staffing by period logs agents in and out: occupancy is measured on logged-in time only", () => {
    const r = run(scenarioFile("day-profile.yaml", ["replications=3"]));
    const occ = r.metrics.occupancy!.mean;
    expect(occ).toBeGreaterThan(0.5);
    expect(occ).toBeLessThan(1);
    // twenty half-hour periods, each with its own row in the time series
    expect(r.intervals.filter((x) => x.site === "*").length).toBe(20);
  });
});
