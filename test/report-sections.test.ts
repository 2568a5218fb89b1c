// report.html shows what a scenario has beside its metrics, as the terminal does: a Skype site's numbers and the
// guide's limits, and the callers' retrials, callbacks and transfers, each with its summary.json name and interval.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ccsim, tempFolders } from "./helpers.js";

const tmp = tempFolders("report-sections");

/** the rows of one table of the report, by its class: each row's cells as text */
function rowsOf(html: string, cls: string): string[][] {
  const table = new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`).exec(html);
  expect(table, `no table ${cls}`).not.toBeNull();
  return [...table![1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!));
}

describe("report.html beside the metrics", () => {
  it("a Skype site: its numbers as summary.json has them, and the guide's limits with their verdicts", () => {
    const out = join(tmp(), "skype");
    const r = ccsim(["run", "scenarios/skype-connector.yaml", "--replications", "2", "--set", "horizon=2h", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const rows = rowsOf(html, "skype");
    expect(rows.slice(1).map((x) => x[0])).toEqual(Object.keys(summary.skype.metrics));
    const limits = rowsOf(html, "skype-limits").slice(1);
    expect(limits.map((x) => x[0])).toEqual(summary.skype.limits.map((l: { check: string }) => l.check));
    // the shipped pool is below the guideline: the report says so, as the run's warning does
    expect(limits.find((x) => x[0] === "conferencePoolSize")![3]).toBe("below guideline");
  });

  it("callers who call again: attempts and unique callers, shares in %", () => {
    const dir = tmp();
    const file = join(dir, "retrials.yaml");
    writeFileSync(
      file,
      `horizon: 2h
replications: 2
sites: [{ id: hq }]
agents: [{ group: a, count: 8, skills: { s: 1 } }]
traffic:
  - { type: t, arrivals: { rate: 150/h }, handleTime: { dist: exponential, mean: 4m }, patience: { dist: exponential, mean: 1m },
      target: "s > 0", retrial: { probability: 0.5, delay: 5m } }
`,
    );
    const out = join(dir, "out");
    const r = ccsim(["run", file, "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    const rows = rowsOf(html, "callers-retrials");
    const names = rows.slice(1).map((x) => x[0]);
    expect(names).toContain("uniqueCallers");
    expect(names).toContain("attemptsPerCaller");
    expect(rows.find((x) => x[0] === "callerServiceLevel")![1]).toBe("%");
  });
});
