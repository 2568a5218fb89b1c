// One way to write a number in every terminal table (shares in %, times in s, counts to four significant digits), and
// tables that fit 120 columns unless --wide asks for them whole.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { foldedGrid } from "../src/report/grid.js";
import { formatMetric, fourDigits } from "../src/report/units.js";
import { ccsim, tempFolders } from "./helpers.js";

const SMALL = ["--set", "horizon=1h", "--set", "warmup=10m", "--replications", "3"];

describe("numbers as people read them", () => {
  it("four significant digits, never an exponent, whole from 1,000 on", () => {
    expect([0.33531, 4.6512, 27.358, 209.74, 0.005168, -0.2246, 0, 10789.6, 0.0000123, -1e-12].map(fourDigits)).toEqual([
      "0.3353", "4.651", "27.36", "209.7", "0.005168", "-0.2246", "0", "10,790", "0.000012", "0",
    ]);
  });

  it("a share in %, a time in s, a count whole or to four digits", () => {
    expect(formatMetric("serviceLevel", 0.94981)).toBe("94.98%");
    expect(formatMetric("asa", 4.6512)).toBe("4.651 s");
    expect(formatMetric("reservationConflicts", 3588)).toBe("3,588");
    expect(formatMetric("routingFailures", 209.74)).toBe("209.7");
  });

  it("run, compare and sweep write the same metric the same way", () => {
    const run = ccsim(["run", "scenarios/two-sites-node-based.yaml", ...SMALL]);
    const compare = ccsim(["compare", "scenarios/two-sites-node-based.yaml", ...SMALL, "--vary", "routing.mode=node-based,centralized"]);
    const sweep = ccsim(["sweep", "scenarios/two-sites-node-based.yaml", ...SMALL, "--vary", "routing.mode=node-based,centralized"]);
    const sl = /^serviceLevel\s+(\S+)\s+\[(\S+), (\S+)\]/m.exec(run.stdout)!;
    expect(sl).not.toBeNull();
    // the node-based variant is the run itself: its cell reads as the run's line does
    expect(compare.stdout).toMatch(new RegExp(`^serviceLevel\\s+${sl[1]!.replace(".", "\\.")} \\[${sl[2]!.replace(".", "\\.")}, ${sl[3]!.replace(".", "\\.")}\\]`, "m"));
    expect(sweep.stdout).toContain(`${sl[1]} [${sl[2]}, ${sl[3]}]`);
    for (const out of [compare.stdout, sweep.stdout]) expect(out).toMatch(/\d s \[/);
  });
});

describe("tables that fit 120 columns", () => {
  it("a wide grid folds into blocks that repeat the key columns, each within the width", () => {
    const rows = [["k", "a", "b", "c"], ["1", "x".repeat(30), "y".repeat(30), "z".repeat(30)]];
    const folded = foldedGrid(rows, 1, 70).split("\n\n");
    expect(folded).toHaveLength(2);
    for (const block of folded) for (const line of block.split("\n")) expect(line.length).toBeLessThanOrEqual(70);
    expect(folded[0]!.split("\n")[0]).toMatch(/^k\s+a\s+b$/);
    expect(folded[1]!.split("\n")[0]).toMatch(/^k\s+c$/);
    expect(foldedGrid(rows, 1, Infinity).split("\n\n")).toHaveLength(1);
  });

  it("the default sweep table fits 120 columns; --wide prints it whole; --wide with --json is refused", () => {
    const args = ["sweep", "scenarios/multi-skill.yaml", ...SMALL, "--vary", "agents[0].count=8,10"];
    const folded = ccsim(args);
    expect(folded.code).toBe(0);
    expect(Math.max(...folded.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(120);
    const wide = ccsim([...args, "--wide"]);
    expect(Math.max(...wide.stdout.split("\n").map((l) => l.length))).toBeGreaterThan(120);
    // the same cells either way
    const cells = (t: string) => t.split("\n").filter((l) => /^(8|10)\s/.test(l)).flatMap((l) => l.slice(2).trim().split(/\s{2,}/)).sort();
    expect(cells(wide.stdout)).toEqual(cells(folded.stdout));
    const refused = ccsim([...args, "--wide", "--json"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("--wide: shapes the printed table, and --json prints none: leave one of them out\n");
  });
});

describe("one word for a boolean, 1-based periods, in the files", () => {
  const tmp = tempFolders("file-formats");
  const booleans = (file: string, columns: RegExp) => {
    const rows = parse(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
    const cells = rows.flatMap((r) => Object.entries(r).filter(([k]) => columns.test(k)).map(([, v]) => v));
    expect(cells.length).toBeGreaterThan(0);
    return new Set(cells);
  };

  it("components.csv and sizing.csv write true or false, as the JSON files do", () => {
    const run = tmp();
    expect(ccsim(["run", "scenarios/sized-two-site.yaml", ...SMALL, "--out", run, "--quiet"]).code).toBe(0);
    expect([...booleans(join(run, "components.csv"), /^busiest_of_kind$/)].every((v) => v === "true" || v === "false")).toBe(true);
    const size = tmp();
    expect(ccsim(["size", "scenarios/gate-fail.yaml", "--for", "agents:support", "--quiet", "--out", size]).code).toBe(0);
    const met = booleans(join(size, "sizing.csv"), /(^|_)met$/);
    expect([...met].every((v) => v === "true" || v === "false")).toBe(true);
    expect(met.has("true") && met.has("false")).toBe(true);
  });

  it("a per-period sizing numbers its periods from 1 in sizing.csv and sizing.json, as its table does", () => {
    const dir = tmp();
    expect(ccsim(["size", "scenarios/sized-per-period.yaml", "--quiet", "--out", dir]).code).toBe(0);
    const rows = parse(readFileSync(join(dir, "sizing.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const periods = [...new Set(rows.map((r) => Number(r.period)))].sort((a, b) => a - b);
    expect(periods[0]).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, "sizing.json"), "utf8"));
    expect(Math.min(...json.tries.map((t: { period: number }) => t.period))).toBe(1);
    expect(rows.find((r) => r.period === "1")!.period_start_s).toBe("0");
  });
});
