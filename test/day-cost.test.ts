// The day's cost in money (costs:, agents[].costPerHour): scheduled agent-hours at each group's price, nodes and URS
// pairs by the hour, abandoned calls and minutes of waiting; shown beside service in the run table, summary.json,
// report.html, compare and sweep, and absent from every output of a scenario that prices nothing.

import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runReplication } from "../src/experiment/replication.js";
import { paidHosts, scheduledAgentHours } from "../src/scenario/paid-hours.js";
import { ccsim, filesOf, run, scenarioOf, tempFolders, worldOf } from "./helpers.js";

const tmp = tempFolders("day-cost");

const PRICED = `
name: priced
horizon: 4h
warmup: 30m
replications: 3
sites: [{ id: dc1, nodes: 2 }, { id: dc2, nodes: 2 }]
agents:
  - { group: a1, site: dc1, count: 12, skills: { sales: 1 }, costPerHour: 30 }
  - { group: a2, site: dc2, staffing: { period: 1h, counts: [8, 12, 12, 6] }, skills: { sales: 1 } }
traffic:
  - { type: sales, site: dc1, arrivals: { rate: 240/h }, target: "sales > 0",
      handleTime: { dist: exponential, mean: 5m }, patience: { dist: exponential, mean: 2m } }
costs: { currency: EUR, agentHour: 25, nodeHour: 4, ursPairHour: 1.5, abandoned: 5, waitingMinute: 0.5 }
`;

describe("what a day costs", () => {
  it("pays the scheduled agent-hours of the measured window: a shift plan's counts over the part of each period after warm-up", () => {
    const s = scenarioOf(PRICED);
    // a1: 12 agents over 3.5 h; a2: 8 for the half hour after warm-up, then 12, 12 and 6
    expect(scheduledAgentHours(s.agents[0]!, s.warmup, s.horizon)).toBe(42);
    expect(scheduledAgentHours(s.agents[1]!, s.warmup, s.horizon)).toBe(8 * 0.5 + 12 + 12 + 6);
  });

  it("prices each group at its own costPerHour or the scenario's agentHour, and every part replication by replication", () => {
    const s = scenarioOf(PRICED);
    for (const rep of [0, 1, 2]) {
      const r = runReplication(s, s.seed, rep, { series: false });
      const c = r.cost!;
      expect(c.agents).toBe(42 * 30 + 34 * 25);
      expect(c.nodes).toBe(4 * 3.5 * 4);
      expect(c.ursPairs).toBe(4 * 3.5 * 1.5);
      expect(c.abandoned).toBe(5 * r.metrics.abandoned!);
      // minutes waited: the mean wait over every call that ended, times those calls
      const ended = r.metrics.answered! + r.metrics.abandoned!;
      expect(c.waiting).toBeCloseTo((0.5 * r.metrics.meanWait! * ended) / 60, 9);
      expect(r.metrics.cost).toBeCloseTo(c.agents + c.nodes + c.ursPairs + c.abandoned + c.waiting, 9);
    }
  });

  it("pays for the URS pairs routing places: one a node, one a site centralized, one per nodesPerUrs nodes grouped", () => {
    for (const [routing, pairs] of [["{ mode: node-based }", 5], ["{ mode: centralized }", 2], ["{ mode: grouped, nodesPerUrs: 2 }", 3]] as const) {
      const s = scenarioOf(
        PRICED.replace("sites: [{ id: dc1, nodes: 2 }, { id: dc2, nodes: 2 }]", `sites: [{ id: dc1, nodes: 3 }, { id: dc2, nodes: 2 }]\nrouting: ${routing}`),
      );
      const { world } = worldOf(s);
      expect(paidHosts(s)).toEqual({ nodes: 5, ursPairs: pairs });
      expect(world.urs.length).toBe(pairs);
    }
  });

  it("an unpriced scenario reports no cost anywhere: no cost metric, no cost part", () => {
    const r = run(scenarioOf(PRICED.replace(/costs: .*\n/, "").replace(", costPerHour: 30", "")), 2);
    expect(r.metrics.cost).toBeUndefined();
    expect(r.cost).toBeUndefined();
  });

  it("shows the cost in the run table, summary.json and report.html, and by default in compare beside service", () => {
    const dir = tmp();
    const file = `${dir}/priced.yaml`;
    writeFileSync(file, PRICED);
    const out = `${dir}/out`;
    const r = ccsim(["run", file, "--replications", "2", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cost +\S+/m);
    expect(r.stdout).toContain("day's cost (EUR)");
    const files = filesOf(out);
    const summary = JSON.parse(files["summary.json"]!.toString());
    expect(summary.cost.currency).toBe("EUR");
    expect(summary.cost.parts.agents.mean).toBe(42 * 30 + 34 * 25);
    expect(summary.metrics.cost.mean).toBeGreaterThan(summary.cost.parts.agents.mean);
    expect(files["report.html"]!.toString()).toContain('data-metric="cost"');
    const c = ccsim(["compare", file, "--replications", "2", "--vary", "routing.mode=node-based,centralized"]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/^cost +/m);
    // centralized runs one URS pair a site, two in all against four: two fewer over 3.5 h at 1.5, exactly
    const central = JSON.parse(ccsim(["run", file, "--replications", "2", "--set", "routing.mode=centralized", "--json"]).stdout);
    expect(summary.cost.parts.ursPairs.mean - central.cost.parts.ursPairs.mean).toBe(2 * 3.5 * 1.5);
    expect(central.cost.ursPairs).toBe(2);
  });

  it("refuses --metrics cost on a study that prices nothing, before running", () => {
    const r = ccsim(["compare", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=13,14", "--metrics", "cost"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no scenario here prices anything");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
