// `ccsim import`: an interval export drawn from a known scenario gives that scenario's rates, handle times and patience
// back within their sampling error; the block pastes into a scenario that loads; --calibrate sets the simulation
// beside the export interval by interval; bad exports stop at their line and column.

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../src/experiment/experiment.js";
import { drawExport } from "../src/experiment/wfm-export-writer.js";
import { fitExport, type ImportFit } from "../src/experiment/wfm-fit.js";
import { parseWfmExport, readWfmExport } from "../src/scenario/wfm-export.js";
import { ROOT, ccsim, corpusCases, scenarioFile, scenarioOf, tempFolders } from "./helpers.js";

const EXPORT = "scenarios/example-wfm-export.csv";
const MAP = ["--map", "Sales_EN=sales,Service_EN=service"];
const DAYS = 5;
const temp = tempFolders("wfm");

function shipped(): ImportFit {
  return fitExport(readWfmExport(join(ROOT, EXPORT)), { fold: 86400, map: new Map([["Sales_EN", "sales"], ["Service_EN", "service"]]) });
}

describe("importing the shipped export", () => {
  const scenario = scenarioFile("example-wfm.yaml");
  const fit = shipped();

  it("is five days of half hours from 08:00, averaged into one day of twenty intervals", () => {
    expect(fit.interval).toBe(1800);
    expect(fit.days).toBe(DAYS);
    expect(fit.periods).toBe(20);
    expect(fit.clockOffset).toBe(8 * 3600);
    expect(fit.types.map((t) => t.type).sort()).toEqual(["sales", "service"]);
  });

  it("recovers the scenario's arrival rates and handle times within their sampling error", () => {
    for (const t of scenario.traffic) {
      const got = fit.types.find((x) => x.type === t.type)!;
      const T = fit.interval * DAYS;
      // each period's count over the days is Poisson with mean rate x T: its rate estimate has sd sqrt(rate x T) / T.
      // 40 periods in all: 3.3 standard errors leave a 1 in 25 chance that any of them passes by chance alone
      got.rates.forEach((rate, k) => {
        const truth = t.arrivals.rates[k]!;
        expect(Math.abs(rate - truth) / (Math.sqrt(truth * T) / T), `${t.type} period ${k}`).toBeLessThan(3.3);
      });
      // the AHT averages every handled call's handle time: its sd over sqrt(n) is its standard error
      const h = t.handleTime as { dist: string; mean: number; sd?: number; cv?: number };
      const sd = h.dist === "lognormal" ? h.sd! : h.cv! * h.mean;
      expect(Math.abs(got.aht - h.mean) / (sd / Math.sqrt(got.handled)), t.type).toBeLessThan(3);
    }
  });

  it("staffs each type's group as the export did, which is the scenario's plan", () => {
    for (const g of scenario.agents) expect(fit.types.find((t) => t.type === g.group)!.staffing).toEqual(g.staffing!.counts);
  });
});

describe("the scenario block", () => {
  it("pastes into a scenario that ccsim validate accepts, with the rates and means it prints", () => {
    const r = ccsim(["import", EXPORT, ...MAP, "--fold", "24h", "--handle-cv", "0.7"]);
    expect(r.code, r.stderr).toBe(0);
    const block = parseYaml(r.stdout) as { traffic: { type: string; arrivals: { rates: string[] }; handleTime: { dist: string; cv: number } }[] };
    expect(block.traffic.map((t) => t.handleTime)).toEqual([expect.objectContaining({ dist: "gamma", cv: 0.7 }), expect.objectContaining({ dist: "gamma", cv: 0.7 })]);
    const dir = temp();
    const file = join(dir, "imported.yaml");
    writeFileSync(file, `version: 1\nname: imported\nhorizon: 10h\ninterval: 30m\nsites: [{ id: dc1 }]\n${r.stdout}`);
    const v = ccsim(["validate", file]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/ok: imported: 1 site\(s\), \d+ node\(s\), 33 agent\(s\) in 2 group\(s\), 2 traffic type\(s\)/);
    const loaded = scenarioOf(readFileSync(file, "utf8"));
    const fit = shipped();
    for (const t of loaded.traffic) {
      const want = fit.types.find((x) => x.type === t.type)!.rates;
      t.arrivals.rates.forEach((rate, k) => expect(rate * 3600).toBeCloseTo(want[k]! * 3600, 1));
    }
  });

  it("without --fold the profile runs over the whole export, its nights at 0, and the patience comment names the bias", () => {
    const fit = fitExport(readWfmExport(join(ROOT, EXPORT)), { map: new Map() });
    // Monday 08:00 to Friday 18:00 in half hours; the 14 hours from 18:00 to 08:00 have no rows
    expect(fit.periods).toBe(4 * 48 + 20);
    expect(fit.days).toBe(1);
    for (const t of fit.types) expect(t.rates.slice(20, 48).every((r) => r === 0)).toBe(true);
    const r = ccsim(["import", EXPORT]);
    expect(r.stdout).toContain("without --fold each interval's own count is its rate");
    expect(r.stdout).toContain("give the scenario horizon: 106h, interval: 30m, start: 2024-03-04T08:00:00Z");
  });

  it("without a staffed column fits no patience, and says why", () => {
    const text = readFileSync(join(ROOT, EXPORT), "utf8").split("\n").map((l) => l.split(",").slice(0, 7).join(",")).join("\n");
    const fit = fitExport(parseWfmExport(text, "no-staffed.csv"), { map: new Map(), fold: 86400 });
    for (const t of fit.types) {
      expect(t.patience.mean).toBeNull();
      expect(t.staffing).toBeNull();
    }
  });
});

describe("patience fitted from abandonment", () => {
  it("on an export drawn from a known exponential patience (Erlang A's own), the estimate is within 3 of its standard errors", () => {
    // ten agents, 100 calls an hour of five minutes (8.3 erlangs), callers patient for 3 minutes on average: an M/M/c+M
    // queue but for the small network delays; twenty 8-hour days
    const s = scenarioOf(`
horizon: 8h
interval: 30m
sites: [{ id: dc1 }]
agents: [{ group: queue, count: 10, skills: { queue: 1 } }]
traffic: [{ type: queue, arrivals: { rate: 100/h }, handleTime: { dist: exponential, mean: 5m },
            patience: { dist: exponential, mean: 3m }, target: queue }]
`);
    const fit = fitExport(parseWfmExport(drawExport(s, { seed: 1, days: 20, start: 0 }), "erlang-a.csv"), { map: new Map(), fold: 86400 });
    const p = fit.types[0]!.patience;
    if (p.mean === null) throw new Error(p.reason);
    expect(p.intervals).toBe(20 * 16);
    expect(p.se).toBeGreaterThan(0);
    expect(p.se).toBeLessThan(60);
    expect(Math.abs(p.mean - 180) / p.se).toBeLessThan(3);
  });
});

describe("the calibration report", () => {
  it("shows the export and the simulation side by side, the simulated values with their CIs", () => {
    const dir = temp();
    const r = ccsim(["import", EXPORT, ...MAP, "--fold", "24h", "--threshold", "20s", "--calibrate", "scenarios/example-wfm.yaml",
      "--replications", "4", "--workers", "1", "--out", dir, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/# calibration: scenarios\/example-wfm\.yaml, 4 replications, beside 5 days of the export/);
    expect(readdirSync(dir).sort()).toEqual(["calibration.csv", "scenario-block.yaml"]);
    const rows = parseCsv(readFileSync(join(dir, "calibration.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "type", "start_s", "start",
      ...["offered", "service_level", "abandon_rate"].flatMap((m) => ["export", "sim", "sim_lo", "sim_hi", "range_lo", "range_hi", "outside"].map((x) => `${m}_${x}`)),
    ]);
    expect(rows).toHaveLength(40);
    // the export's side is the export's own counts; the simulation's is the scenario's interval means
    const exported = readFileSync(join(ROOT, EXPORT), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const sim = runExperiment(scenarioFile("example-wfm.yaml"), { replications: 4 });
    for (const row of rows) {
      const queue = row.type === "sales" ? "Sales_EN" : "Service_EN";
      const mine = exported.filter((c) => c[1] === queue && c[0]!.endsWith(`T${row.start!.padStart(5, "0")}:00Z`));
      expect(mine).toHaveLength(DAYS);
      const offered = mine.reduce((n, c) => n + Number(c[2]), 0);
      expect(Number(row.offered_export)).toBeCloseTo(offered / DAYS, 9);
      expect(Number(row.service_level_export)).toBeCloseTo(mine.reduce((n, c) => n + Number(c[6]), 0) / offered, 9);
      expect(Number(row.abandon_rate_export)).toBeCloseTo(mine.reduce((n, c) => n + Number(c[5]), 0) / offered, 9);
      const means = sim.intervals.find((i) => i.type === row.type && i.start === Number(row.start_s))!.metrics;
      for (const [m, name] of [["offered", "offered"], ["service_level", "serviceLevel"], ["abandon_rate", "abandonRate"]] as const) {
        const [mean, lo, hi] = [row[`${m}_sim`], row[`${m}_sim_lo`], row[`${m}_sim_hi`]].map(Number) as [number, number, number];
        expect(mean).toBeCloseTo(means[name]!, 6);
        expect(lo).toBeLessThanOrEqual(mean);
        expect(hi).toBeGreaterThanOrEqual(mean);
        const [rlo, rhi] = [Number(row[`${m}_range_lo`]), Number(row[`${m}_range_hi`])];
        // the range for an export of five days is wider than the CI of the mean of four replications
        expect(rlo).toBeLessThanOrEqual(lo);
        expect(rhi).toBeGreaterThanOrEqual(hi);
        const x = Number(row[`${m}_export`]);
        expect(row[`${m}_outside`]).toBe(String(x < rlo - 1e-12 || x > rhi + 1e-12));
      }
    }
    expect(readFileSync(join(dir, "scenario-block.yaml"), "utf8")).toBe(r.stdout.slice(0, r.stdout.indexOf("# calibration:")));
  });

  it("refuses a scenario whose interval is not the export's, or that has none of its types", () => {
    const dir = temp();
    const quarter = join(dir, "quarter.yaml");
    writeFileSync(quarter, readFileSync(join(ROOT, "scenarios/example-wfm.yaml"), "utf8").replace("interval: 30m", "interval: 15m"));
    const r = ccsim(["import", EXPORT, ...MAP, "--fold", "24h", "--calibrate", quarter]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${quarter}: interval: expected the export's interval (30m), so that each simulated interval stands beside one of the export's, got 15m\n`);
    const unmapped = ccsim(["import", EXPORT, "--fold", "24h", "--calibrate", "scenarios/example-wfm.yaml"]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toMatch(/^scenarios\/example-wfm\.yaml: traffic: expected traffic types named as the export's \(Service_EN, Sales_EN\), got service, sales: use --map/);
  });
});

describe("bad exports", () => {
  const DIR = join(ROOT, "test", "fixtures", "bad-wfm");
  const cases = corpusCases(DIR);

  it("lists every CSV of the folder", () => {
    expect(cases.map((c) => c.file).sort()).toEqual(readdirSync(DIR).filter((f) => f.endsWith(".csv")).sort());
  });

  for (const c of cases) {
    it(`${c.file}: ${c.message}`, () => {
      const path = `test/fixtures/bad-wfm/${c.file}`;
      const r = ccsim(["import", path]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.startsWith(`${path}:${c.at}: `), r.stderr).toBe(true);
      expect(r.stderr).toContain(c.message);
      expect(r.stderr).not.toMatch(/\n./);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    });
  }

  it("several bad rows are each a line, in file order", () => {
    const text = "start,queue,offered,handled,aht,abandoned\n0,a,1x,0,,0\n1800,a,5,5,2m,0\n3600,a,4,4,2m,-2\n";
    let message = "";
    try {
      parseWfmExport(text, "two.csv");
    } catch (e) {
      message = [(e as Error).message, ...((e as { also: Error[] }).also.map((x) => x.message))].join("\n");
    }
    expect(message).toBe(
      'two.csv:2:3: offered: expected a whole number of calls >= 0, got "1x"\ntwo.csv:4:6: abandoned: expected a whole number of calls >= 0, got "-2"',
    );
  });

  it("bad flags name the flag: a queue the export lacks, a threshold with no answered_within, a fold off the intervals", () => {
    const map = ccsim(["import", EXPORT, "--map", "Sales_FR=sales"]);
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(/^--map Sales_FR=sales: expected a queue of the export \(Service_EN, Sales_EN\), got "Sales_FR" \(did you mean "Sales_EN"\?\)\n$/);
    const fold = ccsim(["import", EXPORT, "--fold", "45m"]);
    expect(fold.stderr).toBe("--fold: expected a whole number of intervals (30m), got 45m\n");
    const seed = ccsim(["import", EXPORT, "--seed", "3"]);
    expect(seed.stderr).toMatch(/^--seed: applies to the calibration run/);
    const cv = ccsim(["import", EXPORT, "--handle-cv", "-1"]);
    expect(cv.stderr).toMatch(/^--handle-cv: expected a coefficient of variation > 0/);
    const zero = ccsim(["import", EXPORT, "--threshold", "0s"]);
    expect(zero.stderr).toMatch(/^--threshold: expected a duration > 0/);
    const dir = temp();
    const bare = join(dir, "bare.csv");
    writeFileSync(bare, "start,queue,offered,handled,aht,abandoned\n0,a,5,5,2m,0\n1800,a,4,4,2m,0\n");
    const threshold = ccsim(["import", bare, "--threshold", "20s", "--calibrate", "scenarios/example-wfm.yaml"]);
    expect(threshold.stderr).toBe(`--threshold: says what the answered_within column counts, and ${bare} has none: leave it out\n`);
  });
});
