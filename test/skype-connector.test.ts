// Multimedia Connector for Skype for Business: one T-Server schedules every new call's conference one at a time, so
// its call rate levels off near the guide's "Up to 6 calls per second" (Hardware Sizing Guidelines and Capacity
// Planning); each UCMA connector keeps a pool of conferences (Conference Resource Pools), a call that finds its pool
// empty waits for the next one, caching lets the pool absorb a burst, conferences expire after their lifetime; the
// guide's limits (1000 registered agents, 1200 simultaneous calls, the pool guideline) are checks; and `size --for
// connectors` prints the guide's example.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guidelinePoolSize, skypeLimits } from "../src/experiment/skype-limits.js";
import type { SkypeRecord } from "../src/observe/results.js";
import { taeSlowdown } from "../src/model/skype/t-server.js";
import type { Call } from "../src/model/sip/call.js";
import { ccsim, filesOf, run, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";

const tmp = tempFolders("skype");

/** A Skype site with agents enough for every call, offered `rate`; `skype` is the site's skype mapping. */
function site(rate: string, skype: string, opts: { agents?: number; handle?: string; horizon?: string; warmup?: string } = {}): string {
  return `
topology: standalone
horizon: ${opts.horizon ?? "20m"}
warmup: ${opts.warmup ?? "5m"}
interval: 5m
sites: [{ id: hq, skype: ${skype} }]
agents:
  - { group: desk, count: ${opts.agents ?? 900}, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: ${rate} }, handleTime: { dist: exponential, mean: ${opts.handle ?? "60s"} }, patience: { dist: exponential, mean: 2m }, target: "s > 0" }
`;
}

const served = (yaml: string) => run(scenarioOf(yaml), 1, 4).skype!.metrics;

describe("conference scheduling at the T-Server (Hardware Sizing Guidelines and Capacity Planning)", () => {
  it("one T-Server levels off near 6 calls per second under a rising offered rate, and the wait for a conference grows", () => {
    // a pool big enough for every call in progress, so that only the one-at-a-time scheduling limits the rate
    const pool = "{ connectors: 3, conferencePoolSize: 400 }";
    const rates = [3, 5, 7, 9].map((r) => served(site(`${r}/s`, pool)));
    const cps = rates.map((m) => m.callsPerSecond.mean);
    // below the limit the T-Server serves what is offered
    expect(cps[0]).toBeGreaterThan(2.8);
    expect(cps[0]).toBeLessThan(3.2);
    expect(cps[1]).toBeGreaterThan(4.7);
    expect(cps[1]).toBeLessThan(5.3);
    // above it, the served rate stays near 6 however much more is offered
    for (const x of cps.slice(2)) {
      expect(x).toBeGreaterThan(5.8);
      expect(x).toBeLessThan(6.05);
    }
    const wait = rates.map((m) => m.meanAllocationTime.mean);
    expect(wait[0]).toBeLessThan(1);
    expect(wait[2]).toBeGreaterThan(5 * wait[0]!);
    expect(wait[3]).toBeGreaterThan(wait[2]!);
    // the pool itself never ran dry: the rate is the scheduling's
    expect(rates.every((m) => m.conferenceWaits.mean === 0)).toBe(true);
  });

  it("the rate rises with a faster conference scheduling time: the cap is the mechanism's, not a constant", () => {
    const fast = served(site("12/s", "{ connectors: 3, conferencePoolSize: 400, schedulingTime: 100ms }"));
    expect(fast.callsPerSecond.mean).toBeGreaterThan(9.7);
    expect(fast.callsPerSecond.mean).toBeLessThan(10.05);
  });

  it("fewer than 10 conferences a Trusted Application Endpoint slows allocation when call volumes are high", () => {
    expect(taeSlowdown(60, 6)).toBe(1);
    expect(taeSlowdown(60, 12)).toBe(2);
    // 400 conferences over 80 TAEs: 5 a TAE, so scheduling takes twice as long and the rate halves
    const crowded = served(site("7/s", "{ connectors: 3, conferencePoolSize: 400, taes: 80 }"));
    expect(crowded.callsPerSecond.mean).toBeGreaterThan(2.85);
    expect(crowded.callsPerSecond.mean).toBeLessThan(3.05);
    // while the volume is low the slower allocation costs a few tenths of a second, no rate
    const quiet = served(site("1/s", "{ connectors: 3, conferencePoolSize: 400, taes: 80 }"));
    expect(quiet.callsPerSecond.mean).toBeGreaterThan(0.9);
    expect(quiet.meanAllocationTime.mean).toBeLessThan(1);
  });
});

describe("conference pools (Conference Resource Pools)", () => {
  it("a call that finds its connector's pool empty waits for the next conference, and that wait is part of the caller's", () => {
    // one connector, 5 conferences, calls of 10 minutes: the sixth call in progress waits for one to come back or be made
    const yaml = site("20/min", "{ connectors: 1, conferencePoolSize: 5 }", { agents: 400, handle: "10m", horizon: "1h", warmup: "0" });
    const events: { call: Call; waited: boolean; at: number }[] = [];
    const { world, sim } = worldOf(scenarioOf(yaml), {
      ...silent,
      conferenceAllocated(call, _k, waited) {
        events.push({ call, waited, at: sim.now });
      },
    });
    world.start();
    sim.run(3600);
    const firstWait = events.findIndex((e) => e.waited);
    // the pool's five go first, at once; the one after them waited
    expect(firstWait).toBe(5);
    expect(events.slice(0, 5).every((e) => e.at - e.call.arrival < 1)).toBe(true);
    // a waiting call gets the next conference back from a call or made on demand (1 s on the scheduler): it waits
    // longer from its arrival than the calls that found one ready
    const mean = (xs: { call: Call; at: number }[]) => xs.reduce((t, e) => t + e.at - e.call.arrival, 0) / xs.length;
    const waited = events.filter((e) => e.waited);
    expect(mean(waited)).toBeGreaterThan(2 * mean(events.filter((e) => !e.waited)));
    const m = run(scenarioOf(yaml), 2, 4).skype!.metrics;
    expect(m.conferenceWaits.mean).toBeGreaterThan(100);
    expect(m.conferencesCreated.mean).toBeGreaterThan(100);
  });

  it("a pool of 20% more than the calls in progress: no call waits for a conference", () => {
    const m = served(site("20/min", "{ connectors: 1, conferencePoolSize: 300 }", { agents: 400, handle: "10m", horizon: "1h", warmup: "0" }));
    expect(m.peakConferencesInUse.mean).toBeLessThan(250);
    expect(m.conferenceWaits.mean).toBe(0);
    expect(m.conferencesCreated.mean).toBe(0);
  });

  it("conference caching lets a pool absorb a burst: without it every call uses a conference up and the pool must make another", () => {
    const pool = (caching: boolean) => `{ connectors: 2, conferencePoolSize: 60, cachingEnabled: ${caching} }`;
    const on = served(site("1/s", pool(true), { agents: 200 }));
    const off = served(site("1/s", pool(false), { agents: 200 }));
    expect(on.conferenceWaits.mean).toBe(0);
    expect(on.conferencesCreated.mean).toBe(0);
    // 1 call a second and 1 s to make a conference, on the one scheduler that also schedules the calls: it cannot keep up
    expect(off.conferencesCreated.mean).toBeGreaterThan(500);
    expect(off.conferenceWaits.mean).toBeGreaterThan(100);
    expect(off.meanAllocationTime.mean).toBeGreaterThan(10 * on.meanAllocationTime.mean);
  });

  it("conferences expire after their lifetime and the pool makes new ones; in the region of 8 hours by default none expires in a short day", () => {
    const quiet = (lifetime: string) => site("1/min", `{ connectors: 1, conferencePoolSize: 20${lifetime} }`, { agents: 10, horizon: "2h", warmup: "0" });
    // the pool was filled one at a time before the day, so its conferences expire one after another from the lifetime on
    expect(served(quiet(", lifetime: 30m")).conferencesCreated.mean).toBeGreaterThanOrEqual(60);
    expect(served(quiet("")).conferencesCreated.mean).toBe(0);
  });
});

describe("the guide's limits for one T-Server, as checks", () => {
  const record = (agents: number, calls: number): SkypeRecord => ({
    peakRegisteredAgents: agents, peakSimultaneousCalls: calls, peakConferencesInUse: 0, lowestReadyConferences: 0, conferencesCreated: 0,
    conferenceWaits: 0, conferenceWaitRate: 0, meanAllocationTime: 0, maxAllocationTime: 0, callsPerSecond: 0, peakCallsPerSecond: 0,
  });
  const spec = scenarioOf(site("1/s", "{ connectors: 3, stopped: 1, conferencePoolSize: 60 }")).sites[0]!.skype!;

  it("the pool guideline is the guide's example: 100 calls, 3 connectors, 1 stopped: 60 a connector", () => {
    expect(guidelinePoolSize(100, 3, 1)).toBe(60);
    const exceeded = (r: SkypeRecord) => skypeLimits("hq", spec, [r]).filter((l) => l.exceeded).map((l) => l.check);
    expect(exceeded(record(1000, 100))).toEqual([]);
    expect(exceeded(record(1000, 101))).toEqual(["conferencePoolSize"]);
  });

  it("1,001 registered agents are past the limit, 1,000 are not (the worst replication's peak)", () => {
    const peak = (count: number) => run(scenarioOf(site("1/min", "{}", { agents: count, horizon: "10m", warmup: "0" })), 1).skype!;
    const at = (count: number) => peak(count).limits.find((l) => l.check === "registeredAgents")!;
    expect(at(1000).value).toBe(1000);
    expect(at(1000).exceeded).toBe(false);
    expect(at(1001).value).toBe(1001);
    expect(at(1001).exceeded).toBe(true);
  });

  it("1,201 simultaneous calls fire the check and the run's warning, 1,200 do not; ccsim check judges it", () => {
    const dir = tmp();
    const write = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => `${(1 + i * 0.001).toFixed(3)},t,3600`);
      writeFileSync(join(dir, `calls-${n}.csv`), `time,type,handleTime\n${rows.join("\n")}\n`);
      const file = join(dir, `calls-${n}.yaml`);
      writeFileSync(
        file,
        `topology: standalone
horizon: 1h
replications: 1
sites: [{ id: hq, skype: { connectors: 2, conferencePoolSize: 800 } }]
agents:
  - { group: desk, count: 10, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { trace: calls-${n}.csv }, handleTime: 1h, patience: 30m, target: "s > 0" }
`,
      );
      return file;
    };
    const below = ccsim(["run", write(1200), "--json"]);
    expect(below.code).toBe(0);
    expect(JSON.parse(below.stdout).skype.limits[1]).toMatchObject({ check: "simultaneousCalls", value: 1200, exceeded: false });
    expect(below.stderr).not.toContain("simultaneous calls");
    const above = ccsim(["run", write(1201), "--json"]);
    expect(JSON.parse(above.stdout).skype.limits[1]).toMatchObject({ check: "simultaneousCalls", value: 1201, exceeded: true });
    expect(above.stderr).toContain('ccsim: warning: site hq: 1201 simultaneous calls at the peak, above one T-Server\'s "Up to 1200 simultaneous calls');
    const check = ccsim(["check", write(1201)]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/skype\.simultaneousCalls\s+<= 1200.*MISSED/);
  });
});

describe("ccsim size --for connectors (Calculating Resources for Conference Pooling)", () => {
  it("prints the guide's example for 100 calls, 3 connectors, 1 stopped: 60 a connector, 180 in all, 6 TAEs; the guideline pool has no conference waits with one connector stopped", () => {
    const dir = tmp();
    const file = join(dir, "example.yaml");
    writeFileSync(file, site("1000/h", "{ connectors: 3, stopped: 1, conferencePoolSize: 20 }", { agents: 100, handle: "4m", horizon: "3h", warmup: "30m" }));
    const out = join(dir, "out");
    const r = ccsim(["size", file, "--for", "connectors", "--calls", "100", "--replications", "2", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("conference-pool-size = 1.2 x 100 / (3 - 1) = 60 a connector, 180 in all with every connector running");
    expect(r.stdout).toContain("Trusted Application Endpoints = 60 / 10 = 6");
    expect(r.stdout).toContain("recommended: 3 connectors (1 may be stopped), conference-pool-size 60, 6 Trusted Application Endpoints");
    // the pool as given (20 a connector) makes calls wait; the guideline on the 2 connectors left does not
    const tries = JSON.parse(ccsim(["size", file, "--for", "connectors", "--calls", "100", "--replications", "2", "--json"]).stdout).tries;
    expect(tries[0].skype.conferenceWaits.mean).toBeGreaterThan(100);
    expect(tries[1]).toMatchObject({ live: 2, poolSize: 60, taes: 6 });
    expect(tries[1].skype.conferenceWaits.mean).toBe(0);
    // report.html, beside sizing.md and sizing.json: the formulas, the answer, each try's row and charts, the command
    // with its --calls
    const files = filesOf(out);
    expect(Object.keys(files)).toEqual(["report.html", "sizing.json", "sizing.md"]);
    const html = files["report.html"]!.toString();
    expect(html).toContain("<li>conference-pool-size = 1.2 x 100 / (3 - 1) = 60 a connector, 180 in all with every connector running</li>");
    expect(html).toContain("Recommended: 3 connectors (1 may be stopped), conference-pool-size 60, 6 Trusted Application Endpoints.");
    expect(html).toMatch(/<td>guideline pool, 1 stopped<\/td><td>2<\/td><td>60<\/td><td>6<\/td><td>0<\/td>/);
    for (const id of ["answer", "formulas", "tries", "conferenceWaits", "meanAllocationTime", "reproduce"]) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/--for connectors --calls 100<\/code>/);
  });

  it("one T-Server does not suffice when the busiest interval offers more than the 6 calls a second it schedules", () => {
    const dir = tmp();
    const file = join(dir, "peak.yaml");
    // 7.5 calls/s offered against the 1/6 s scheduling: the busiest interval's offered rate comes from the try's series
    writeFileSync(file, site("27000/h", "{ connectors: 3, stopped: 1, conferencePoolSize: 400 }", { agents: 900, handle: "90s", horizon: "30m", warmup: "5m" }));
    const r = ccsim(["size", file, "--for", "connectors", "--replications", "2"]);
    expect(r.code).toBe(0);
    const line = r.stdout.split("\n").find((l) => l.startsWith("one T-Server:"))!;
    expect(line).toMatch(/^one T-Server: does not suffice/);
    const offered = Number(/([\d.]+) calls\/s offered in the busiest interval/.exec(line)![1]);
    expect(offered).toBeGreaterThan(7);
    expect(offered).toBeLessThan(8);
  });

  it("refuses a scenario without a Skype site, and --calls for another sizing", () => {
    const dir = tmp();
    const file = join(dir, "plain.yaml");
    writeFileSync(file, `sites: [{ id: dc1 }]\nagents: [{ group: a, count: 2, skills: { s: 1 } }]\ntraffic: [{ type: t, arrivals: { rate: 1/min }, handleTime: 1m, target: "s > 0" }]\ntargets: { serviceLevel: ">= 0.8" }\n`);
    const r = ccsim(["size", file, "--for", "connectors"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sizing connectors needs a Skype for Business site");
    const c = ccsim(["size", file, "--calls", "100"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--calls: gives maxCalls to --for connectors only");
  });
});

describe("determinism", () => {
  it("the shipped Skype scenario gives the same bytes on 1 and 2 workers", () => {
    const a = tmp();
    const b = tmp();
    const args = ["run", "scenarios/skype-connector.yaml", "--replications", "2", "--force"];
    expect(ccsim([...args, "--workers", "1", "--out", a]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--out", b]).code).toBe(0);
    expect(filesOf(a)).toEqual(filesOf(b));
  });
});
