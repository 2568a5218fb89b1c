// The run report's day as a planner reads it: service level against the scenario's target line, a 95% band over
// replications on every time chart, agents on shift beside Erlang C's agents needed, the scenario's clock on the
// axis when it sets `start:`, and points resting on too few calls drawn apart.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExperimentResult } from "../src/observe/results.js";
import { dayInputsOf } from "../src/report/html/day-section.js";
import { runReport } from "../src/report/html/run-report.js";
import { summaryOf } from "../src/report/summary.js";
import type { Scenario } from "../src/scenario/types.js";
import { ROOT, run, scenarioFile, scenarioOf } from "./helpers.js";

const provenance = { command: "npx ccsim run", seed: 4, replications: 3, version: "test", scenarioFile: "<demo>", scenarioText: "", overrides: [] };

function reportOf(scenario: Scenario, result: ExperimentResult): string {
  return runReport({
    summary: summaryOf(result),
    intervals: result.intervals,
    serviceLevelThreshold: scenario.serviceLevel,
    ...dayInputsOf(scenario, result.intervals),
    provenance,
  });
}

/** a figure's markup, by id */
const figureOf = (html: string, id: string) => {
  const at = html.indexOf(`<figure class="chart" id="${id}"`);
  expect(at, id).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf("</figure>", at));
};
const tickTexts = (fig: string) => [...fig.replace(/.*<g class="axis x"/s, "").matchAll(/<text y="20" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1]);

describe("the day charts of the run report", () => {
  // four hours staffed 10, 15, 25, 15 for hourly rates 60, 150, 300, 180 an hour; targets serviceLevel >= 0.80
  const perPeriod = scenarioFile("sized-per-period.yaml");
  const result = run(perPeriod, 3);
  const html = reportOf(perPeriod, result);

  it("draws the service level against the scenario's serviceLevel target, named in the legend", () => {
    const sl = figureOf(html, "service-level");
    expect(sl).toContain('<g class="reference"><line');
    expect(sl).toContain("target &gt;= 80%");
    expect(sl).toContain("Dashed: the scenario's service-level target.");
    // a scenario without that target: no line, and the caption says so
    const untargeted = scenarioFile("sized-per-period.yaml", ["targets={}"]);
    const plain = figureOf(reportOf(untargeted, run(untargeted, 2)), "service-level");
    expect(plain).not.toContain('class="reference"');
    expect(plain).toContain("The scenario sets no serviceLevel target: no target line.");
  });

  it("bands every time chart with the 95% interval over replications, the bounds of intervals.csv; one replication has none", () => {
    for (const id of ["load", "service-level", "waiting", "abandonment", "conflicts", "conflict-rate", "occupancy-time", "agents"]) {
      expect(figureOf(html, id), id).toMatch(/<path class="band" d="M[^"]+Z"/);
    }
    const one = reportOf(perPeriod, run(perPeriod, 1));
    expect(one).not.toContain('class="band"');
    expect(figureOf(one, "service-level")).toContain("One replication: no confidence bands.");
  });

  it("puts agents on shift per interval beside Erlang C's agents needed at each interval's own load", () => {
    const agents = figureOf(html, "agents");
    const whole = result.intervals.filter((r) => r.site === "*" && r.type === "*");
    [10, 15, 25].forEach((n, k) => expect(whole[k]!.staffed!.mean).toBeCloseTo(n, 9));
    const table = agents.slice(agents.indexOf("<tbody>"));
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]));
    expect(rows.map((r) => r[2])).toEqual(whole.map((r) => String(Number(r.staffed!.mean.toPrecision(5)))));
    // the busier the hour, the more agents Erlang C wants: the 300-an-hour peak wants the most
    const needed = rows.map((r) => Number(r[3]));
    expect(needed[2]).toBe(Math.max(...needed));
    expect(needed[0]).toBeLessThan(needed[1]!);
    expect(agents).toContain("Needed: a reference line, Erlang C at the interval");
    // chat beside voice: one formula does not describe it, so the line is left out and the caption says why
    const blended = scenarioFile("blended-voice-chat.yaml", ["horizon=1h"]);
    const other = figureOf(reportOf(blended, run(blended, 2)), "agents");
    expect(other).not.toContain(">needed (Erlang C)</text>");
    expect(agents).toContain(">needed (Erlang C)</text>");
    expect(other).toContain("Agents needed (Erlang C): not drawn: Erlang C speaks of voice alone");
  });

  it("shows the scenario's clock and date with `start:`, and time since the start without it", () => {
    expect(figureOf(html, "load")).toContain("time since start (h:mm)");
    expect(tickTexts(figureOf(html, "load"))[0]).toBe("0:00");
    const dated = scenarioFile("sized-per-period.yaml", ["start=2024-03-04T22:00:00Z"]);
    const load = figureOf(reportOf(dated, run(dated, 2)), "load");
    expect(load).toContain("clock time, UTC (2024-03-04 to 2024-03-05)");
    expect(load).not.toContain("time since start");
    expect(tickTexts(load)).toEqual(["22:00", "22:30", "23:00", "23:30", "00:00", "00:30", "01:00", "01:30", "02:00"]);
    // the table under it: each interval's start with its date
    expect(load).toContain("<td>2024-03-04 22:00</td><td>23:00</td>");
    expect(load).toContain("<td>2024-03-05 01:00</td><td>02:00</td>");
  });

  it("draws a point resting on less than one call a replication hollow and grey, without a band, and says so", () => {
    // the first hour has a call every two hours: its service level is 0% or 100% of half a call
    const text = readFileSync(join(ROOT, "scenarios", "sized-per-period.yaml"), "utf8").replace("rates: [60/h,", "rates: [0.5/h,");
    const quiet = scenarioOf(text);
    const r = run(quiet, 3);
    expect(r.intervals[0]!.metrics.offered).toBeLessThan(1);
    const page = reportOf(quiet, r);
    const sl = figureOf(page, "service-level");
    expect([...sl.matchAll(/<circle class="dot few"/g)]).toHaveLength(1);
    expect([...sl.matchAll(/<circle class="dot"/g)]).toHaveLength(3);
    expect(sl).toContain("(too few observations to read)");
    expect(page).toContain("Hollow grey points rest on fewer than 1 observation a replication");
    // the load chart counts calls: nothing there is a share of too few
    expect(figureOf(page, "load")).not.toContain("dot few");
    expect(html).not.toContain("Hollow grey points");
  });

  it("draws a media's service level hollow and grey, with no interval, when under one interaction a replication was offered", () => {
    // a chat every two hours beside the voice calls, over an hour: a service level of half a chat
    const blended = scenarioFile("blended-voice-chat.yaml", ["horizon=1h", "traffic[1].arrivals.rate=0.5/h"]);
    const r = run(blended, 4);
    const chats = r.byMedia!.chat!.metrics.offered!.mean;
    expect(chats).toBeLessThan(1);
    const fig = figureOf(reportOf(blended, r), "media-service-level");
    const rows = [...fig.matchAll(/<g class="series dotrow ([^"]+)">(.*?)<\/g>/g)].map((m) => ({ cls: m[1]!, body: m[2]! }));
    expect(rows.map((x) => x.cls)).toEqual(["s1", "ns"]);
    expect(rows[0]!.body).toContain('class="whisker"');
    expect(rows[1]!.body).not.toContain('class="whisker"');
    expect(rows[1]!.body).toContain(`${chats} offered`);
    expect(fig).toContain("Hollow grey: chat had fewer than 1 interaction offered a replication");
  });
});
