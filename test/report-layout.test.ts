// Every kind of report.html, made by the real command line from shipped scenarios at small settings, measured in
// chromium: no text of a chart over another, none cut off at the chart's edge, no target label over the series it
// is read against, no axis below 0 for a metric that cannot be negative, no table cut off on the right.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsim } from "./helpers.js";
import { layoutProblems } from "./layout-probe.js";

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? "/usr/bin/chromium";
const QUICK = ["--replications", "3", "--set", "horizon=2h", "--quiet"];
const TWO_SITES = "scenarios/two-sites-node-based.yaml";

/** each report kind: the command that makes it (without --out) and the exit code it ends with */
const KINDS: Readonly<Record<string, { args: readonly string[]; code: number }>> = {
  run: { args: ["run", TWO_SITES, ...QUICK], code: 0 },
  "run on the clock": { args: ["run", "scenarios/sized-per-period.yaml", "--set", "start=2024-03-04T22:00:00Z", "--quiet"], code: 0 },
  "run with media": { args: ["run", "scenarios/blended-voice-chat.yaml", "--replications", "2", "--set", "horizon=1h", "--quiet"], code: 0 },
  "run with faults": { args: ["run", "scenarios/faults-link-cut.yaml", "--replications", "2", "--quiet"], code: 0 },
  compare: { args: ["compare", TWO_SITES, "--vary", "routing.mode=node-based,centralized", ...QUICK], code: 0 },
  sweep: { args: ["sweep", TWO_SITES, "--vary", "sites[*].nodes=1,2,4", ...QUICK], code: 0 },
  check: { args: ["check", "scenarios/gate-fail.yaml", "--replications", "3", "--quiet"], code: 1 },
  "size for agents": { args: ["size", "scenarios/erlang-c.yaml", "--replications", "3", "--target", "serviceLevel=>= 0.85", "--quiet"], code: 0 },
  "size per period, on the clock": { args: ["size", "scenarios/sized-per-period.yaml", "--set", "start=2024-03-04T22:00:00Z", "--quiet"], code: 0 },
  "size for nodes": {
    args: ["size", "scenarios/sized-two-site.yaml", "--for", "nodes:dc1", "--replications", "2", "--set", "horizon=1h", "--quiet"],
    code: 0,
  },
};

let browser: Browser;
const root = mkdtempSync(join(tmpdir(), "ccsim-layout-"));
const dirOf = (kind: string) => join(root, kind.replace(/ /g, "-"));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh as root`);
  for (const [kind, { args, code }] of Object.entries(KINDS)) {
    const r = ccsim([...args, "--out", dirOf(kind)]);
    if (r.code !== code) throw new Error(`ccsim ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("report.html drawn without a defect, measured in chromium", () => {
  for (const kind of Object.keys(KINDS)) {
    it(`${kind}: no overlapping or clipped text, no label over a series, no negative count axis, no cut table`, async () => {
      for (const width of [1280, 800]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(pathToFileURL(join(dirOf(kind), "report.html")).href);
        const charts = await page.locator("svg.plot").count();
        expect(charts).toBeGreaterThan(0);
        expect(await layoutProblems(page), `${kind} at ${width} px`).toEqual([]);
        await page.close();
      }
    });
  }
});
