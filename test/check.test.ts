// `ccsim check` as a CI gate, through the real command line: the good scenario passes, the bad one fails naming what
// it missed, and moving a target across the measured value flips the verdict.

import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ccsim } from "./helpers.js";

describe("ccsim check", () => {
  it("exits 0 on the deployment that meets its targets", () => {
    const r = ccsim(["check", "scenarios/gate-pass.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/all 3 targets met/);
    expect(r.stdout).not.toMatch(/MISSED/);
  });

  it("exits 1 on the deployment that misses, naming the missed targets and not the met one", () => {
    const r = ccsim(["check", "scenarios/gate-fail.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^serviceLevel .* MISSED$/m);
    expect(r.stdout).toMatch(/^asa .* met$/m);
    expect(r.stdout).toMatch(/MISSED 2 of 3: serviceLevel >= 0.80, abandonRate <= 5%/);
  });

  it("flips its verdict when a target is moved across the value it is judged on", () => {
    const args = ["check", "scenarios/gate-fail.yaml", "--json", "--replications", "4", "--set", "horizon=4h"];
    const base = JSON.parse(ccsim(args).stdout) as { targets: { metric: string; judgedOn: number }[] };
    const asa = base.targets.find((t) => t.metric === "asa")!.judgedOn;
    const only = (t: string) => [...args, "--set", "targets={}", "--target", t];
    const below = ccsim(only(`asa=<= ${(asa * 1.05).toFixed(3)}s`));
    const above = ccsim(only(`asa=<= ${(asa * 0.95).toFixed(3)}s`));
    expect(below.code).toBe(0);
    expect(JSON.parse(below.stdout).passed).toBe(true);
    expect(above.code).toBe(1);
    expect(JSON.parse(above.stdout).missed).toEqual(["asa"]);
  });

  it("lets --target replace a target of the file", () => {
    const r = ccsim(["check", "scenarios/gate-fail.yaml", "--json", "--target", "serviceLevel=>= 0.5", "--target", "abandonRate=<= 20%"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { targets: { metric: string; target: string; met: boolean }[] };
    expect(j.targets.map((t) => [t.metric, t.target, t.met])).toEqual([
      ["serviceLevel", ">= 0.5", true],
      ["abandonRate", "<= 20%", true],
      ["asa", "<= 20s", true],
    ]);
  });

  it("writes check.json, summary.json and report.html with --out", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-check-"));
    const r = ccsim(["check", "scenarios/gate-fail.yaml", "--quiet", "--replications", "2", "--out", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "check.json"), "utf8")).passed).toBe(false);
    expect(existsSync(join(dir, "summary.json"))).toBe(true);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toMatch(/^<!DOCTYPE html>\n.*data-report="check"/s);
    // a second check into the same folder is refused before it runs, unless --force
    const again = ccsim(["check", "scenarios/gate-fail.yaml", "--quiet", "--replications", "2", "--out", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(again.stderr).toMatch(/--force/);
    expect(ccsim(["check", "scenarios/gate-fail.yaml", "--quiet", "--replications", "2", "--out", dir, "--force"]).code).toBe(1);
  });

  it("rejects an unknown metric in --target with a suggestion, exit 2", () => {
    const r = ccsim(["check", "scenarios/gate-pass.yaml", "--target", "servicelevel=>= 0.8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--target servicelevel=>= 0.8: servicelevel: unknown metric \(did you mean "serviceLevel"\?\)/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects a comparison it cannot read, naming the --target flag, exit 2", () => {
    const r = ccsim(["check", "scenarios/gate-pass.yaml", "--target", "asa=about 20s"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--target asa=about 20s: targets.asa: expected a comparison like/);
  });

  it("refuses a scenario with nothing to check, exit 2", () => {
    const r = ccsim(["check", "scenarios/erlang-c.yaml", "--replications", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to check/);
  });
});
