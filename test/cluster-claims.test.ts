// The SIP Cluster guide's claims about reservation conflicts, as they come out of the simulation of the shipped
// two-site scenario (nothing in the model says any of them).

import { describe, expect, it } from "vitest";
import { compareVariants } from "../src/experiment/compare.js";
import { pairedDifference } from "../src/metrics/statistics.js";
import { run, scenarioFile } from "./helpers.js";

// shorter days and fewer replications than the shipped files, to keep the suite quick; the claims hold at full size too
const QUICK = ["horizon=4h", "replications=6"];

describe("reservation conflicts in a two-site SIP Cluster", () => {
  it("grow with the number of nodes under node-based routing (1, 2, 4, 8 nodes a site)", () => {
    // the shipped day at full length: conflicts come in bursts, so shorter days are too noisy to rank 4 against 8
    const runs = [1, 2, 4, 8].map((n) =>
      run(scenarioFile("two-sites-node-based.yaml", [`sites[0].nodes=${n}`, `sites[1].nodes=${n}`])),
    );
    const perRep = runs.map((r) => r.perReplication.map((m) => m.conflictsPerCall!));
    for (let i = 1; i < runs.length; i++) {
      // paired on common random numbers: replication r of each point sees the same callers
      const d = pairedDifference(perRep[i - 1]!, perRep[i]!);
      expect(d.mean, `step ${i}`).toBeGreaterThan(0);
      expect(d.significant, `step ${i}: ${JSON.stringify(d)}`).toBe(true);
    }
  });

  it("are fewer with centralized routing than node-based on the same traffic (paired, significant)", () => {
    const variants = ["node-based", "centralized"].map((mode) => ({
      value: mode,
      scenario: scenarioFile("two-sites-node-based.yaml", [...QUICK, `routing.mode=${mode}`]),
    }));
    const c = compareVariants("routing.mode", variants, 7, 6);
    const d = c.differences[0]!.metrics.reservationConflicts!;
    expect(d.significant).toBe(true);
    expect(d.ci95![1]).toBeLessThan(0);
    // fewer conflicts means less URS work per routed call
    expect(c.differences[0]!.metrics.ursAttemptsPerCall!.ci95![1]).toBeLessThan(0);
    // the same arrivals in both variants: common random numbers
    expect(c.variants[0]!.result.perReplication.map((m) => m.offered)).toEqual(
      c.variants[1]!.result.perReplication.map((m) => m.offered),
    );
  });

  it("grouped routing (one URS pair per two nodes) falls between node-based and centralized", () => {
    const of = (mode: string, extra: string[] = []) =>
      run(scenarioFile("two-sites-node-based.yaml", [...QUICK, `routing.mode=${mode}`, ...extra])).metrics
        .conflictsPerCall!.mean;
    const grouped = of("grouped", ["routing.nodesPerUrs=2"]);
    expect(grouped).toBeLessThan(of("node-based"));
    expect(grouped).toBeGreaterThan(of("centralized"));
  });

  it("fall with location-based routing (sitex)", () => {
    const base = run(scenarioFile("two-sites-node-based.yaml")).perReplication.map((m) => m.conflictsPerCall!);
    const sitex = run(scenarioFile("two-sites-sitex.yaml")).perReplication.map((m) => m.conflictsPerCall!);
    const d = pairedDifference(base, sitex);
    expect(d.mean).toBeLessThan(0);
    expect(d.significant, JSON.stringify(d)).toBe(true);
  });

  it("without reservation, calls collide at delivery instead", () => {
    const none = run(scenarioFile("two-sites-node-based.yaml", [...QUICK, "routing.reservation.mode=none"])).metrics;
    const explicit = run(scenarioFile("two-sites-node-based.yaml", QUICK)).metrics;
    expect(none.reservationRequests!.mean).toBe(0);
    expect(none.routingFailures!.ci95![0]).toBeGreaterThan(explicit.routingFailures!.ci95![1]);
    const implicit = run(scenarioFile("two-sites-node-based.yaml", [...QUICK, "routing.reservation.mode=implicit"])).metrics;
    expect(implicit.routingFailures!.mean).toBeGreaterThan(0);
  });

  it("vanish with a single node and a single URS, whatever the latency", () => {
    const one = run(
      scenarioFile("two-sites-node-based.yaml", [...QUICK, "sites=[{id: dc1, nodes: 1}]", "agents[1].site=dc1", "traffic[1].site=dc1"]),
    ).metrics;
    expect(one.reservationConflicts!.mean).toBe(0);
  });
});
