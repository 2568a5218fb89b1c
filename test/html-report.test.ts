// report.html in a real browser (Debian's chromium driven by playwright-core): each kind of report, made by the real
// command line, opens from a file URL without an error or a network request, every chart has drawn one mark per
// data point, the numbers on the page are those of the JSON and CSV files, every CSV link holds its table, and a
// screenshot of each kind lands in reports/screenshots/ for people to look at.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FOCUS } from "../src/report/comparison.js";
import { runReport } from "../src/report/html/run-report.js";
import { summaryOf } from "../src/report/summary.js";
import { ccsim, ROOT, run, scenarioOf } from "./helpers.js";

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? "/usr/bin/chromium";
const SHOTS = join(ROOT, "reports", "screenshots");
const QUICK = ["--replications", "3", "--set", "horizon=2h", "--quiet"];
const SCENARIO = "scenarios/two-sites-node-based.yaml";
const SLOW = 30_000;

let browser: Browser;
const root = mkdtempSync(join(tmpdir(), "ccsim-html-"));
// --out folders that do not exist yet
const dirs = {
  run: join(root, "run"),
  compare: join(root, "compare"),
  sweep: join(root, "sweep"),
  faults: join(root, "faults"),
  check: join(root, "check"),
  size: join(root, "size"),
  nodes: join(root, "nodes"),
  media: join(root, "media"),
  mediaSweep: join(root, "media-sweep"),
  mediaCompare: join(root, "media-compare"),
};
const BLENDED = ["scenarios/blended-voice-chat.yaml", "--replications", "2", "--set", "horizon=1h", "--quiet"];
// 0.001/min: in an hour no chat arrives at all
const CHAT_RATES = "traffic[1].arrivals.rate=0.001/min,4/min,8/min";

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: \`npm test\` installs it through scripts/ensure-chromium.sh when run as root`);
  }
  for (const args of [
    ["run", SCENARIO, "--out", dirs.run, ...QUICK],
    ["compare", SCENARIO, "--vary", "routing.mode=node-based,centralized", "--out", dirs.compare, ...QUICK],
    ["sweep", SCENARIO, "--vary", "sites[*].nodes=1,2,4", "--out", dirs.sweep, ...QUICK],
    ["run", ...BLENDED, "--out", dirs.media],
    ["sweep", ...BLENDED, "--vary", CHAT_RATES, "--out", dirs.mediaSweep],
    ["compare", ...BLENDED, "--vary", "traffic[1].arrivals.rate=2/min,6/min", "--out", dirs.mediaCompare],
  ]) {
    const r = ccsim(args);
    if (r.code !== 0) throw new Error(`ccsim ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  }
  // the gate fails (exit 1) and still writes its report; the sizing finds 14 after trying 14 and 13
  const gate = ["check", "scenarios/gate-fail.yaml", "--replications", "3", "--quiet", "--out", dirs.check];
  const size = ["size", "scenarios/erlang-c.yaml", "--replications", "3", "--target", "serviceLevel=>= 0.85", "--quiet", "--out", dirs.size];
  // dc1 with one node misses its Session Controller target: two are recommended
  const nodes = ["size", "scenarios/sized-two-site.yaml", "--for", "nodes:dc1", "--replications", "2", "--set", "horizon=1h", "--quiet", "--out", dirs.nodes];
  for (const [args, code] of [[gate, 1], [size, 0], [nodes, 0]] as const) {
    const r = ccsim(args);
    if (r.code !== code) throw new Error(`ccsim ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const csv = (file: string) => parse(readFileSync(file), { columns: true }) as Record<string, string>[];

/** Opens a report; `problems` collects console errors and warnings, page errors and any request off the file. */
async function open(file: string, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!/^(file|data):/.test(r.url())) problems.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

const count = (page: Page, selector: string) => page.locator(selector).count();

/** A table as its header and rows of cell texts. */
function tableText(page: Page, selector: string): Promise<string[][]> {
  return page.$eval(selector, (t) =>
    [...t.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th,td")].map((c) => c.textContent ?? "")),
  );
}

/** What a CSV link downloads, read through the browser. */
function linkText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, async (a) => (await fetch((a as HTMLAnchorElement).href)).text());
}

/** Every figure's CSV link holds exactly the table under its chart. */
async function expectCsvLinksMatchTables(page: Page) {
  const ids = await page.$$eval("figure.chart", (fs) => fs.map((f) => f.id));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const table = await tableText(page, `#${id} table`);
    const downloaded = parse(await linkText(page, `#${id} a.csv`)) as string[][];
    expect(downloaded, id).toEqual(table);
  }
}

async function expectWellFormed(page: Page) {
  const { duplicates, dangling } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const links = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1));
    return { duplicates: ids.filter((x, i) => ids.indexOf(x) !== i), dangling: links.filter((l) => !ids.includes(l)) };
  });
  expect(duplicates).toEqual([]);
  expect(dangling).toEqual([]);
}

/** A number as the page shows it (five significant digits) against the exact one. */
function expectShown(text: string, exact: number, what: string) {
  const x = Number(text);
  expect(Number.isFinite(x), `${what}: "${text}"`).toBe(true);
  expect(Math.abs(x - exact), `${what}: ${text} against ${exact}`).toBeLessThanOrEqual(Math.abs(exact) * 5e-5 + 1e-12);
}

describe("report.html of ccsim run, in chromium", () => {
  it("opens offline with no error, draws every chart's marks, and shows the numbers of summary.json and intervals.csv", async () => {
    const summary = json(join(dirs.run, "summary.json"));
    const intervals = csv(join(dirs.run, "intervals.csv"));
    const whole = intervals.filter((r) => r.site === "*" && r.type === "*");
    const sites = Object.keys(summary.bySite);
    expect(sites).toEqual(["dc1", "dc2"]);
    const { page, problems } = await open(join(dirs.run, "report.html"));

    // one dot per interval and series: offered/answered/abandoned for the center, the rest for the center and each site
    expect(await count(page, "#load .series circle.dot")).toBe(3 * whole.length);
    const perScope = { "service-level": "serviceLevel", waiting: "asa", abandonment: "abandonRate", conflicts: "reservationConflicts", "conflict-rate": "conflictRate", "occupancy-time": "occupancy" };
    for (const [id, metric] of Object.entries(perScope)) {
      expect(await count(page, `#${id} .series circle.dot`), id).toBe((1 + sites.length) * whole.length);
      expect(await count(page, `#${id} .series path.line`), id).toBe(1 + sites.length);
      const rows = (await tableText(page, `#${id} table`)).slice(1);
      expect(rows).toHaveLength(whole.length);
      const scale = ["serviceLevel", "abandonRate", "conflictRate", "occupancy"].includes(metric) ? 100 : 1;
      rows.forEach((row, k) => {
        expectShown(row[2]!, Number(whole[k]![metric]) * scale, `${id} all ${row[0]}`);
        sites.forEach((site, j) => {
          const r = intervals.find((x) => x.site === site && x.type === "*" && x.start_s === whole[k]!.start_s)!;
          expectShown(row[3 + j]!, Number(r[metric]) * scale, `${id} ${site} ${row[0]}`);
        });
      });
    }
    expect(await count(page, "figure[data-kind=time]")).toBe(8);
    // voice only: no Media section
    expect(summary.byMedia).toBeUndefined();
    expect(await count(page, "#media")).toBe(0);
    // bars with their whiskers: two per node and per site, one per group
    const nodes = Object.keys(summary.byNode).length;
    expect(nodes).toBe(8);
    expect(await count(page, "#node-bars .series rect.bar")).toBe(2 * nodes);
    expect(await count(page, "#node-bars path.whisker")).toBe(2 * nodes);
    expect(await count(page, "#site-bars .series rect.bar")).toBe(2 * sites.length);
    expect(await count(page, "#group-occupancy .series rect.bar")).toBe(Object.keys(summary.byGroup).length);
    const groups = (await tableText(page, "#group-occupancy table")).slice(1);
    for (const [g, mean, lo, hi] of groups) {
      const m = summary.byGroup[g!].occupancy;
      expectShown(mean!, m.mean * 100, `${g} occupancy`);
      expectShown(lo!, m.ci95[0] * 100, `${g} occupancy low`);
      expectShown(hi!, m.ci95[1] * 100, `${g} occupancy high`);
    }

    // the headline: every metric with its interval, shares as percentages
    const headline = (await tableText(page, "table.headline")).slice(1);
    expect(headline.length).toBeGreaterThanOrEqual(20);
    for (const [, name, unit, mean, lo, hi] of headline) {
      const m = summary.metrics[name!];
      const scale = unit === "%" ? 100 : 1;
      expectShown(mean!, m.mean * scale, name!);
      expectShown(lo!, m.ci95[0] * scale, `${name} low`);
      expectShown(hi!, m.ci95[1] * scale, `${name} high`);
    }
    const card = await page.textContent(".card[data-metric=serviceLevel] .value");
    expectShown(card!.replace("%", ""), summary.metrics.serviceLevel.mean * 100, "service level card");
    const verdicts = await page.$$eval("table.targets td:last-child", (tds) => tds.map((t) => t.textContent));
    expect(verdicts).toEqual(summary.targets.map((t: { met: boolean }) => (t.met ? "met" : "missed")));

    // how to reproduce it
    const command = await page.textContent("#reproduce pre");
    expect(command).toBe("npx ccsim run scenarios/two-sites-node-based.yaml --seed 7 --replications 3 --set horizon=2h");
    expect(await page.textContent("#scenario pre")).toBe(readFileSync(join(ROOT, SCENARIO), "utf8"));

    await expectCsvLinksMatchTables(page);
    const headlineCsv = parse(await linkText(page, "h3 a.csv")) as string[][];
    expect(headlineCsv).toEqual(await tableText(page, "table.headline"));
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "run.png"), fullPage: true });
    await page.close();

    const dark = await open(join(dirs.run, "report.html"), "dark");
    const [bg, ink] = await dark.page.$eval("body", (b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
    expect(bg).toBe("rgb(22, 24, 27)");
    expect(ink).toBe("rgb(228, 230, 232)");
    await dark.page.screenshot({ path: join(SHOTS, "run-dark.png"), fullPage: true });
    await dark.page.close();
  }, SLOW);

  it("a CSV link downloads its table", async () => {
    const { page } = await open(join(dirs.run, "report.html"));
    await page.click("#service-level details summary");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#service-level a.csv")]);
    expect(download.suggestedFilename()).toBe("service-level.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(parse(text)).toEqual(await tableText(page, "#service-level table"));
    await page.close();
  }, SLOW);

  it("shades the fault windows on every time chart", async () => {
    const text =
      readFileSync(join(ROOT, "scenarios", "two-sites-node-based.yaml"), "utf8") +
      "faults:\n  - { at: 1h, kind: node-down, target: dc1.n2, duration: 15m }\n  - { at: 90m, kind: link-down, between: [dc1, dc2] }\n";
    const result = run(scenarioOf(text, ["horizon=2h"]), 2);
    const summary = summaryOf(result);
    expect(summary.faults).toHaveLength(2);
    const provenance = { command: "npx ccsim run", seed: 7, replications: 2, version: "test", scenarioFile: "<demo>", scenarioText: "", overrides: [] };
    mkdirSync(dirs.faults);
    const file = join(dirs.faults, "report.html");
    writeFileSync(file, runReport({ summary, intervals: result.intervals, serviceLevelThreshold: 20, provenance }));
    const { page, problems } = await open(file);
    const charts = await page.$$("figure[data-kind=time]");
    expect(charts).toHaveLength(8);
    for (const chart of charts) {
      const plot = (await (await chart.$("svg .axis.x > line"))!.boundingBox())!;
      const rects = await chart.$$("g.fault-window rect.fault");
      expect(rects).toHaveLength(2);
      const [first, second] = await Promise.all(rects.map(async (r) => (await r.boundingBox())!));
      // 0:30 to 2:00 across the plot: the first window covers 1:00-1:15, the second 1:30 to the end
      expect(first!.x - plot.x).toBeCloseTo((plot.width * 1800) / 5400, 0);
      expect(first!.width).toBeCloseTo((plot.width * 900) / 5400, 0);
      expect(second!.x + second!.width).toBeCloseTo(plot.x + plot.width, 0);
    }
    expect(await count(page, "#faults table tbody tr")).toBe(2);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "run-faults.png"), fullPage: true });
    await page.close();
  }, SLOW);
});

describe("report.html of a blended run, in chromium", () => {
  it("has a Media section: service level per media on its own threshold, each group's time per media, and the media table of summary.json", async () => {
    const summary = json(join(dirs.media, "summary.json"));
    const media = Object.keys(summary.byMedia);
    expect(media).toEqual(["voice", "chat"]);
    const { page, problems } = await open(join(dirs.media, "report.html"));
    const sections = await page.$$eval("main > section", (ss) => ss.map((x) => x.id));
    expect(sections.indexOf("media")).toBe(sections.indexOf("groups") + 1);

    // one dot and one whisker per media, each labelled with its threshold (chat is judged within 60 s, voice 20 s)
    expect(await count(page, "#media-service-level .series circle.dot")).toBe(media.length);
    expect(await count(page, "#media-service-level path.whisker")).toBe(media.length);
    const labels = await page.$$eval("#media-service-level .axis.y text", (ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(expect.arrayContaining(["voice (within 20 s)", "chat (within 1 min)"]));
    const levels = (await tableText(page, "#media-service-level table")).slice(1);
    expect(levels.map((r) => r[0])).toEqual(media);
    for (const [m, , mean, lo, hi] of levels) {
      const sl = summary.byMedia[m!].metrics.serviceLevel;
      expectShown(mean!, sl.mean * 100, `${m} service level`);
      expectShown(lo!, sl.ci95[0] * 100, `${m} service level low`);
      expectShown(hi!, sl.ci95[1] * 100, `${m} service level high`);
    }

    // one bar per media an agent group can take: voice groups one, blended groups two
    const takes = media.flatMap((m) => Object.keys(summary.byMedia[m].byGroup).map((g) => [m, g] as const));
    expect(takes.filter(([m]) => m === "chat").map(([, g]) => g)).toEqual(["blended-dc1", "blended-dc2"]);
    expect(await count(page, "#media-occupancy .series rect.bar")).toBe(takes.length);
    const occupancy = await tableText(page, "#media-occupancy table");
    for (const row of occupancy.slice(1)) {
      media.forEach((m, i) => {
        const o = summary.byMedia[m].byGroup[row[0]!]?.occupancy;
        if (!o) expect(row[1 + 3 * i], `${row[0]} ${m}`).toBe("");
        else expectShown(row[1 + 3 * i]!, o.mean * 100, `${row[0]} ${m} occupancy`);
      });
    }

    // the terminal's media table: every row and column from summary.json, shares in %
    const [header, ...rows] = await tableText(page, "table.media");
    expect(header).toEqual(["media", "offered", "service level %", "ASA (s)", "abandonment %", "occupancy %", "concurrency", "reservation conflicts", "conflict rate %"]);
    const names = ["offered", "serviceLevel", "asa", "abandonRate", "occupancy", "concurrency", "reservationConflicts", "conflictRate"];
    expect(rows.map((r) => r[0])).toEqual(media);
    for (const row of rows) {
      names.forEach((n, j) => {
        const scale = header![1 + j]!.endsWith("%") ? 100 : 1;
        expectShown(row[1 + j]!, summary.byMedia[row[0]!].metrics[n].mean * scale, `${row[0]} ${n}`);
      });
    }
    expect(await page.getAttribute("#media p.note a.csv", "download")).toBe("media.csv");
    expect(parse(await linkText(page, "#media p.note a.csv"))).toEqual([header, ...rows]);

    await expectCsvLinksMatchTables(page);
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.locator("#media").screenshot({ path: join(SHOTS, "run-media.png") });
    await page.close();
  }, SLOW);
});

describe("report.html of ccsim compare, in chromium", () => {
  it("shows each variant with its interval and each paired difference, not-significant ones marked so", async () => {
    const data = json(join(dirs.compare, "compare.json"));
    const { page, problems } = await open(join(dirs.compare, "report.html"));
    const ids = await page.$$eval("figure[data-kind=dots]", (fs) => fs.map((f) => f.id));
    expect(ids).toEqual(DEFAULT_FOCUS.map((n) => `metric-${n}`));
    let notSignificant = 0;
    for (const n of DEFAULT_FOCUS) {
      const diff = data.differences[0].metrics[n];
      expect(await count(page, `#metric-${n} .series circle.dot`), n).toBe(3);
      expect(await count(page, `#metric-${n} .series.ns`), n).toBe(diff.significant ? 0 : 1);
      expect(await count(page, `#metric-${n} line.zero`), n).toBe(1);
      if (!diff.significant) {
        notSignificant++;
        expect(await page.textContent(`#metric-${n} .ns text.row-note`)).toBe("not significant");
      }
    }
    expect(notSignificant).toBeGreaterThan(0); // offered is the same calls in both: its difference is 0 +- 0
    const rows = (await tableText(page, "table.side-by-side")).slice(1);
    expect(rows).toHaveLength(DEFAULT_FOCUS.length);
    rows.forEach((row, i) => {
      const n = DEFAULT_FOCUS[i]!;
      const scale = row[1] === "%" ? 100 : 1;
      data.variants.forEach((v: { metrics: Record<string, { mean: number; ci95: number[] }> }, j: number) => {
        expectShown(row[2 + 3 * j]!, v.metrics[n]!.mean * scale, `${n} variant ${j}`);
        expectShown(row[3 + 3 * j]!, v.metrics[n]!.ci95[0]! * scale, `${n} variant ${j} low`);
      });
      const d = data.differences[0].metrics[n];
      expectShown(row[8]!, d.mean * scale, `${n} difference`);
      expect(row[11]).toBe(d.significant ? "yes" : "no");
    });
    await expectCsvLinksMatchTables(page);
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "compare.png"), fullPage: true });
    await page.close();
  }, SLOW);
});

describe("report.html of ccsim sweep, in chromium", () => {
  it("draws each metric against the varied value with a confidence band, at the numbers of sweep.json", async () => {
    const data = json(join(dirs.sweep, "sweep.json"));
    expect(data.points).toHaveLength(3);
    const { page, problems } = await open(join(dirs.sweep, "report.html"));
    const ids = await page.$$eval("figure[data-kind=bands]", (fs) => fs.map((f) => f.id));
    expect(ids).toEqual(DEFAULT_FOCUS.map((n) => `metric-${n}`));
    for (const n of DEFAULT_FOCUS) {
      expect(await count(page, `#metric-${n} .series circle.dot`), n).toBe(3);
      const band = await page.getAttribute(`#metric-${n} path.band`, "d");
      expect(band, n).toMatch(/^M.*Z$/);
      const rows = (await tableText(page, `#metric-${n} table`)).slice(1);
      const scale = (await page.textContent(`#metric-${n} table th:nth-child(2)`))!.endsWith("(%)") ? 100 : 1;
      rows.forEach((row, i) => {
        const p = data.points[i];
        expect(row[0]).toBe(p.values[0]);
        expectShown(row[1]!, p.metrics[n].mean * scale, `${n} at ${p.values[0]}`);
        expectShown(row[3]!, p.metrics[n].ci95[1] * scale, `${n} high at ${p.values[0]}`);
      });
    }
    await expectCsvLinksMatchTables(page);
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "sweep.png"), fullPage: true });
    await page.close();
  }, SLOW);
});

/** The verdict table's rows against the targets of check.json or sizing.json (shares shown as percentages). */
type Summaries = Record<string, { mean: number; ci95: number[] }>;
type ByMedia = Record<string, { metrics: Summaries }>;
const CHARTED = [
  { name: "serviceLevel", scale: 100, of: "offered" },
  { name: "reservationConflicts", scale: 1 },
  { name: "conflictRate", scale: 100, of: "reservationRequests" },
] as const;
/** what a media chart shows of one point or variant: nothing for a share of nothing */
const shownOf = (c: (typeof CHARTED)[number], m: Summaries) => ("of" in c && m[c.of]!.mean === 0 ? null : m[c.name]!);

describe("report.html of a blended sweep, in chromium", () => {
  it("has a Media part: voice service level falling and voice conflicts rising as chat grows, one line per media, at the numbers of sweep.json", async () => {
    const data = json(join(dirs.mediaSweep, "sweep.json"));
    const points = data.points as { values: string[]; byMedia: ByMedia }[];
    expect(points.map((p) => p.values[0])).toEqual(["0.001/min", "4/min", "8/min"]);
    const media = Object.keys(points[0]!.byMedia);
    expect(media).toEqual(["voice", "chat"]);
    const voice = points.map((p) => p.byMedia.voice!.metrics);
    expect(voice[2]!.serviceLevel!.mean).toBeLessThan(voice[0]!.serviceLevel!.mean);
    expect(voice[2]!.reservationConflicts!.mean).toBeGreaterThan(voice[0]!.reservationConflicts!.mean);
    expect(points[0]!.byMedia.chat!.metrics.offered!.mean).toBe(0);

    const { page, problems } = await open(join(dirs.mediaSweep, "report.html"));
    const sections = await page.$$eval("main > section", (ss) => ss.map((x) => x.id));
    expect(sections.indexOf("media")).toBe(sections.indexOf("metrics") + 1);
    for (const c of CHARTED) {
      const id = `#media-${c.name}`;
      // one line per media, named in the legend, one dot per point the media has a value at
      expect(await count(page, `${id} .series`), c.name).toBe(media.length);
      expect(await page.$$eval(`${id} .legend text`, (ts) => ts.map((t) => t.textContent))).toEqual(media);
      const dots = await page.$$eval(`${id} g.series`, (gs) => gs.map((g) => g.querySelectorAll("circle.dot").length));
      expect(dots, c.name).toEqual(media.map((m) => points.filter((p) => shownOf(c, p.byMedia[m]!.metrics) !== null).length));
      const rows = (await tableText(page, `${id} table`)).slice(1);
      expect(rows.map((r) => [r[0], r[1]])).toEqual(points.flatMap((p) => media.map((m) => [p.values[0], m])));
      for (const [x, m, mean, lo, hi] of rows) {
        const s = shownOf(c, points.find((p) => p.values[0] === x)!.byMedia[m!]!.metrics);
        if (s === null) {
          expect([mean, lo, hi], `${c.name} ${m} at ${x}`).toEqual(["", "", ""]);
          continue;
        }
        expectShown(mean!, s.mean * c.scale, `${c.name} ${m} at ${x}`);
        expectShown(lo!, s.ci95[0]! * c.scale, `${c.name} ${m} low at ${x}`);
        expectShown(hi!, s.ci95[1]! * c.scale, `${c.name} ${m} high at ${x}`);
      }
    }
    // voice's dots climb down the service level chart (larger y is lower) as chat grows
    const ys = await page.$eval("#media-serviceLevel g.series", (g) => [...g.querySelectorAll("circle.dot")].map((c) => Number(c.getAttribute("cy"))));
    expect(ys[2]!).toBeGreaterThan(ys[0]!);

    // each media's table, with the terminal's columns, against the swept value
    for (const m of media) {
      const [header, ...rows] = await tableText(page, `#media-table-${m} table`);
      expect(header!.slice(0, 4)).toEqual(["traffic[1].arrivals.rate", "offered", "service level %", "ASA (s)"]);
      expect(rows.map((r) => r[0])).toEqual(points.map((p) => p.values[0]));
      rows.forEach((row, i) => {
        const s = points[i]!.byMedia[m]!.metrics;
        expectShown(row[1]!, s.offered!.mean, `${m} offered at ${row[0]}`);
        expectShown(row[2]!, s.serviceLevel!.mean * 100, `${m} service level at ${row[0]}`);
      });
      expect(await page.getAttribute(`#media-table-${m} a.csv`, "download")).toBe(`media-${m}.csv`);
      expect(parse(await linkText(page, `#media-table-${m} a.csv`))).toEqual([header, ...rows]);
    }
    await expectCsvLinksMatchTables(page);
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.locator("#media").screenshot({ path: join(SHOTS, "sweep-media.png") });
    await page.close();
  }, SLOW);
});

describe("report.html of a blended compare, in chromium", () => {
  it("has a Media part: each metric per media and variant side by side, at the numbers of compare.json", async () => {
    const data = json(join(dirs.mediaCompare, "compare.json"));
    const variants = data.variants as { value: string; byMedia: ByMedia }[];
    const media = Object.keys(variants[0]!.byMedia);
    expect(media).toEqual(["voice", "chat"]);
    const { page, problems } = await open(join(dirs.mediaCompare, "report.html"));
    for (const c of CHARTED) {
      const id = `#media-${c.name}`;
      const labels = await page.$$eval(`${id} .axis.y text:not(.axis-title)`, (ts) => ts.map((t) => t.textContent));
      expect(labels, c.name).toEqual(media.flatMap((m) => variants.map((v) => `${m}, ${v.value}`)));
      expect(await count(page, `${id} .series circle.dot`), c.name).toBe(media.length * variants.length);
      const rows = (await tableText(page, `${id} table`)).slice(1);
      for (const [m, value, mean, lo, hi] of rows) {
        const s = variants.find((v) => v.value === value)!.byMedia[m!]!.metrics[c.name]!;
        expectShown(mean!, s.mean * c.scale, `${c.name} ${m} ${value}`);
        expectShown(lo!, s.ci95[0]! * c.scale, `${c.name} ${m} ${value} low`);
        expectShown(hi!, s.ci95[1]! * c.scale, `${c.name} ${m} ${value} high`);
      }
    }
    // the terminal's media table: a row per variant and media
    const [header, ...rows] = await tableText(page, "#media-table table");
    expect(header!.slice(0, 4)).toEqual(["traffic[1].arrivals.rate", "media", "offered", "service level %"]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(variants.flatMap((v) => media.map((m) => [v.value, m])));
    for (const [value, m, offered, level] of rows) {
      const s = variants.find((v) => v.value === value)!.byMedia[m!]!.metrics;
      expectShown(offered!, s.offered!.mean, `${m} ${value} offered`);
      expectShown(level!, s.serviceLevel!.mean * 100, `${m} ${value} service level`);
    }
    expect(parse(await linkText(page, "#media-table a.csv"))).toEqual([header, ...rows]);
    await expectCsvLinksMatchTables(page);
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.locator("#media").screenshot({ path: join(SHOTS, "compare-media.png") });
    await page.close();
  }, SLOW);
});

function expectVerdictRows(rows: string[][], targets: { metric: string; target: string; mean: number; ci95: number[]; judgedOn: number; margin: number; met: boolean }[]) {
  expect(rows).toHaveLength(targets.length);
  rows.forEach(([metric, unit, wanted, mean, lo, hi, judged, margin, , verdict], i) => {
    const t = targets[i]!;
    const scale = unit === "%" ? 100 : 1;
    expect([metric, wanted, verdict]).toEqual([t.metric, t.target, t.met ? "met" : "missed"]);
    expectShown(mean!, t.mean * scale, `${metric} mean`);
    expectShown(lo!, t.ci95[0]! * scale, `${metric} low`);
    expectShown(hi!, t.ci95[1]! * scale, `${metric} high`);
    expectShown(judged!, t.judgedOn * scale, `${metric} judged on`);
    expectShown(margin!, t.margin * scale, `${metric} margin`);
  });
}

describe("report.html of ccsim check, in chromium", () => {
  it("gives the verdict and draws each target's mean and interval against its target line, at the numbers of check.json", async () => {
    const data = json(join(dirs.check, "check.json"));
    expect(data.passed).toBe(false);
    const { page, problems } = await open(join(dirs.check, "report.html"));
    expect(await page.textContent("#verdict p.answer")).toBe(`Failed: missed 2 of 3: serviceLevel >= 0.80, abandonRate <= 5%.`);
    expectVerdictRows((await tableText(page, "table.verdicts")).slice(1), data.targets);
    const ids = await page.$$eval("figure[data-kind=dots]", (fs) => fs.map((f) => f.id));
    expect(ids).toEqual(data.targets.map((t: { metric: string }) => `target-${t.metric}`));
    for (const t of data.targets) {
      expect(await count(page, `#target-${t.metric} .series circle.dot`), t.metric).toBe(1);
      expect(await count(page, `#target-${t.metric} .series path.whisker`), t.metric).toBe(1);
      expect(await count(page, `#target-${t.metric} .reference line`), t.metric).toBe(1);
      expect(await page.textContent(`#target-${t.metric} text.row-note`)).toBe(t.met ? "met" : "missed");
    }
    // a missed minimum: its target line lies right of the interval's lower end, the bound it was judged on
    const sl = "#target-serviceLevel";
    const target = (await (await page.$(`${sl} .reference line`))!.boundingBox())!;
    const whisker = (await (await page.$(`${sl} path.whisker`))!.boundingBox())!;
    expect(target.x).toBeGreaterThan(whisker.x);
    expect(await page.textContent("#reproduce pre")).toBe("npx ccsim check scenarios/gate-fail.yaml --seed 3 --replications 3");
    expect(await page.textContent("#scenario pre")).toBe(readFileSync(join(ROOT, "scenarios/gate-fail.yaml"), "utf8"));
    await expectCsvLinksMatchTables(page);
    expect(parse(await linkText(page, "#verdict a.csv"))).toEqual(await tableText(page, "table.verdicts"));
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "check.png"), fullPage: true });
    await page.close();
  }, SLOW);
});

describe("report.html of ccsim size, in chromium", () => {
  it("gives the recommended count, the targets at it, every try, and the judged value against the count, at the numbers of sizing.json", async () => {
    const data = json(join(dirs.size, "sizing.json"));
    expect(data.recommended).toEqual({ agents: 14 });
    expect(data.tries.map((t: { count: number }) => t.count)).toEqual([14, 13]);
    const { page, problems } = await open(join(dirs.size, "report.html"));
    expect(await page.textContent("#answer p.answer")).toBe("Recommended: 14 agents in agents, the smallest count that met every target (13 was tried and missed).");
    expectVerdictRows((await tableText(page, "table.verdicts")).slice(1), data.targets);
    const tries = (await tableText(page, "table.tries")).slice(1);
    expect(tries).toHaveLength(data.tries.length);
    tries.forEach(([n, agents, verdict, mean, judged, met], i) => {
      const t = data.tries[i];
      expect([n, agents, verdict, met]).toEqual([String(i + 1), String(t.count), t.met ? "met" : "missed", t.targets[0].met ? "met" : "missed"]);
      expectShown(mean!, t.targets[0].mean * 100, `try ${n} mean`);
      expectShown(judged!, t.targets[0].judgedOn * 100, `try ${n} judged on`);
    });
    // the search: a dot per try for the mean and for the bound judged on, a band, and the target line
    expect(await count(page, "#search .series circle.dot")).toBe(2 * data.tries.length);
    expect(await page.getAttribute("#search path.band", "d")).toMatch(/^M.*Z$/);
    expect(await count(page, "#search .reference line")).toBe(1);
    const search = (await tableText(page, "#search table")).slice(1);
    expect(search.map((r) => r[0])).toEqual(["13", "14"]);
    expect(await count(page, "#target-serviceLevel .series circle.dot")).toBe(1);
    expect(await page.textContent("#method")).toMatch(/Erlang C for the pool agents .* so the search started at 14 in agents\./);
    expect(await page.textContent("#reproduce pre")).toBe("npx ccsim size scenarios/erlang-c.yaml --seed 2026 --replications 3 --for agents --target 'serviceLevel=>= 0.85'");
    await expectCsvLinksMatchTables(page);
    expect(parse(await linkText(page, "#tries a.csv"))).toEqual(await tableText(page, "table.tries"));
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "size.png"), fullPage: true });
    await page.close();
  }, SLOW);
});

describe("report.html of ccsim size --for nodes, in chromium", () => {
  it("gives the recommended node count, every try with its busiest component, and that component's utilization per try", async () => {
    const data = json(join(dirs.nodes, "sizing.json"));
    expect(data.recommended).toEqual({ dc1: 2 });
    const { page, problems } = await open(join(dirs.nodes, "report.html"));
    expect(await page.textContent("#answer p.answer")).toBe(
      // the scenario's components: {} leaves every cost to ccsim's defaults, assumptions until calibrated
      "Recommended: dc1 2, the smallest count that met every target with every component keeping up (component costs not calibrated: 9 are assumptions, see ccsim defaults).",
    );
    expectVerdictRows((await tableText(page, "table.verdicts")).slice(1), data.targets);
    const tries = (await tableText(page, "table.tries")).slice(1);
    expect(tries).toHaveLength(data.tries.length);
    tries.forEach(([n, scope, count, setting, verdict, busiest, utilization], i) => {
      const t = data.tries[i];
      expect([n, scope, count, setting, verdict, busiest]).toEqual([String(i + 1), t.scope, String(t.count), t.setting, t.met ? "met" : "missed", t.busiest.id]);
      expectShown(utilization!, t.busiest.utilization * 100, `try ${n} utilization`);
    });
    // the chart: one bar with its whisker per try for the mean, one bar per try for the busiest interval
    const bars = data.tries.length;
    expect(await count(page, "#utilization .series rect.bar")).toBe(2 * bars);
    expect(await count(page, "#utilization path.whisker")).toBe(bars);
    expect((await tableText(page, "#utilization table")).slice(1).map((r) => r[0])).toEqual(["dc1: 1", "dc1: 2"]);
    expect(await page.textContent("#method")).toMatch(/Start: dc1: at 2 nodes the busiest node component is/);
    expect(await page.textContent("#reproduce pre")).toBe("npx ccsim size scenarios/sized-two-site.yaml --seed 11 --replications 2 --set horizon=1h --for nodes:dc1");
    await expectCsvLinksMatchTables(page);
    expect(parse(await linkText(page, "#tries a.csv"))).toEqual(await tableText(page, "table.tries"));
    await expectWellFormed(page);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "size-nodes.png"), fullPage: true });
    await page.close();
  }, SLOW);
});
