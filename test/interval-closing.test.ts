// Closing the intervals of the series early (observe/interval-closing.ts) changes no number: on days whose calls
// wait, ring and abandon across interval ends, intervals.csv and summary.json are the bytes of keeping every interval
// open to the end; a closed interval reached again reopens as it was; and intervals.csv, written a line at a time,
// quotes as csv-stringify does.

import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { aggregate } from "../src/experiment/experiment.js";
import { DRAIN_LIMIT } from "../src/experiment/drain.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { Simulation } from "../src/kernel/simulation.js";
import { Tally } from "../src/metrics/tally.js";
import { buildContactCenter } from "../src/model/build.js";
import { ReplicationObserver } from "../src/observe/replication-observer.js";
import { Slices } from "../src/observe/slices.js";
import { csvLine } from "../src/report/csv-line.js";
import { intervalsCsv } from "../src/report/csv.js";
import { summaryJson, summaryOf } from "../src/report/summary.js";
import type { Scenario } from "../src/scenario/types.js";
import { scenarioFile } from "./helpers.js";

const SEED = 11;

/** one replication as runReplication runs it, closing intervals early or not; and how many it had closed */
function replication(s: Scenario, r: number, closeEarly: boolean) {
  const sim = new Simulation();
  const measure = new ReplicationObserver(sim, s, true, closeEarly);
  const world = buildContactCenter(s, sim, new RandomStreams(SEED, r), measure);
  measure.attach(world);
  world.start();
  sim.run(s.horizon + DRAIN_LIMIT);
  return { closed: measure.closedIntervals, result: measure.result() };
}

function outputs(s: Scenario, closeEarly: boolean) {
  const runs = [0, 1].map((r) => replication(s, r, closeEarly));
  const result = aggregate(s, SEED, runs.map((x) => x.result));
  return { closed: runs.map((x) => x.closed), csv: intervalsCsv(result), json: summaryJson(summaryOf(result)) };
}

describe("closing intervals early", () => {
  it.each([
    // staffing that changes every half hour (agents log out), rings with no-answers, patience, wrap-up: 5-minute
    // intervals, so calls wait, ring, talk and abandon across their ends
    ["day-profile.yaml", ["horizon=3h", "interval=5m"]],
    // two sites, two types: rows per site and type
    ["two-sites-node-based.yaml", ["horizon=90m", "warmup=10m", "interval=5m"]],
    // a cut link: calls dropped and default-routed
    ["faults-link-cut.yaml", ["horizon=3h30m", "warmup=2h30m", "interval=5m"]],
  ])("%s: the same intervals.csv and summary.json as keeping every interval open", (name, overrides) => {
    const s = scenarioFile(name, overrides);
    const closing = outputs(s, true);
    const open = outputs(s, false);
    const intervals = Math.ceil(s.horizon / s.interval);
    // most intervals closed before the end (not all: what calls still hold at the horizon stays open), none when told
    for (const n of closing.closed) expect(n).toBeGreaterThan(intervals / 2);
    expect(open.closed).toEqual([0, 0]);
    expect(closing.csv.split("\n").length).toBeGreaterThan(intervals);
    expect(closing.csv).toBe(open.csv);
    expect(closing.json).toBe(open.json);
  });

  it("a closed interval reached again reopens with every counter as it was", () => {
    const s = scenarioFile("two-sites-node-based.yaml", ["interval=5m"]);
    const slices = new Slices(s);
    const row = slices.row(3)!;
    row.forEach((t, i) => Object.assign(t, { offered: 7 + i, waitAll: 0.1 * (i + 1), handlingTime: 1 / 3 }));
    const before = row.map((t) => ({ ...t }));
    slices.close(3);
    expect(slices.isClosed(3)).toBe(true);
    const again = slices.row(3)!;
    expect(slices.isClosed(3)).toBe(false);
    expect(again).not.toBe(row);
    expect(again.map((t) => ({ ...t }))).toEqual(before);
    // the whole center's tally is still shared where it was (a site's or type's slice aliased to it)
    expect(again.map((t) => again.indexOf(t))).toEqual(row.map((t) => row.indexOf(t)));
    expect(again[0]).toBeInstanceOf(Tally);
  });

  it("a closed interval read for the rows stays closed and reads the same twice", () => {
    const s = scenarioFile("two-sites-node-based.yaml", ["interval=5m"]);
    const slices = new Slices(s);
    // (interval 10, 50-55 min: after the 30-minute warm-up, so it has rows)
    slices.row(10)!.forEach((t, i) => Object.assign(t, { offered: 7 + i, answered: 5 }));
    slices.close(10);
    const parts = { faults: false, defaultDn: s.routing.defaultRoute.kind };
    const first = JSON.stringify(slices.intervalRows(parts));
    expect(slices.isClosed(10)).toBe(true);
    expect(JSON.stringify(slices.intervalRows(parts))).toBe(first);
    expect(first).toContain('"offered":7');
  });

  it("intervals.csv's lines quote, escape and format as csv-stringify does", () => {
    const cells = ["plain", 'say "hi"', "a,b", "two\nlines", "cr\r", "", 0, -0, 1.5e-7, 123456789012, NaN, "*"];
    expect(csvLine(cells)).toBe(stringify([cells]));
    expect(csvLine(["x"]) + csvLine([1, ""])).toBe(stringify([["x"], [1, ""]]));
  });
});
