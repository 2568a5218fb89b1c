// `ccsim check` for CI systems: check.md renders as a GitHub-flavoured Markdown table, check.xml is JUnit XML with a
// test case per target, --annotations github prints one ::error a missed target, and --quiet still says what failed.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { ccsim } from "./helpers.js";

const out = join(mkdtempSync(join(tmpdir(), "ccsim-check-ci-")), "gate");
const failing = ccsim(["check", "scenarios/gate-fail.yaml", "--out", out, "--quiet"]);
const verdicts = JSON.parse(readFileSync(join(out, "check.json"), "utf8")) as {
  targets: { metric: string; target: string; met: boolean }[];
};

describe("check.md, for a CI step summary", () => {
  it("renders as GitHub-flavoured Markdown into one table: a header and a row per target, the missed ones in bold", () => {
    const html = marked.parse(readFileSync(join(out, "check.md"), "utf8"), { gfm: true, async: false });
    expect(html.match(/<table>/g)).toHaveLength(1);
    const header = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(header).toEqual(["target", "wanted", "mean", "95% CI", "judged on", "margin", "verdict"]);
    const rows = html.split("<tbody>")[1]!.split("</tbody>")[0]!.match(/<tr>/g)!;
    expect(rows).toHaveLength(verdicts.targets.length);
    for (const t of verdicts.targets) {
      const row = html.split("<tr>").find((r) => r.includes(`<td>${t.metric}</td>`))!;
      expect(row).toContain(t.met ? "<td>met</td>" : "<strong>missed</strong>");
    }
    expect(html).toMatch(/<h2>ccsim check: gate-fail failed<\/h2>/);
  });
});

describe("check.xml, JUnit", () => {
  it("holds one test case per target, a failure for each missed one, and counts that add up", () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(out, "check.xml"), "utf8"));
    const suite = doc.testsuites.testsuite;
    const cases = ([] as { name: string; failure?: { message: string } }[]).concat(suite.testcase);
    expect(cases.map((c) => c.name)).toEqual(verdicts.targets.map((t) => `${t.metric} ${t.target}`));
    const failed = cases.filter((c) => c.failure !== undefined);
    expect(failed.map((c) => c.name)).toEqual(verdicts.targets.filter((t) => !t.met).map((t) => `${t.metric} ${t.target}`));
    expect(Number(suite.failures)).toBe(failed.length);
    expect(Number(suite.tests)).toBe(cases.length);
    expect(failed[0]!.failure!.message).toMatch(/missed: judged on .*95% CI/);
  });
});

describe("a failing gate in CI", () => {
  it("--quiet prints no table but says in one line on stderr what failed, and exits 1", () => {
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe("");
    expect(failing.stderr).toBe("ccsim check: gate-fail: MISSED 2 of 3: serviceLevel >= 0.80, abandonRate <= 5%\n");
  });

  it("--annotations github prints one ::error workflow command per missed target, on the scenario file", () => {
    const r = ccsim(["check", "scenarios/gate-fail.yaml", "--annotations", "github", "--json", "--replications", "4"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    const missed = (JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as { missed: string[] }).missed;
    expect(lines).toHaveLength(missed.length);
    for (const [i, m] of missed.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^::error file=scenarios/gate-fail\\.yaml,title=ccsim check%3A ${m} [^:]*::gate-fail: ${m} `));
    }
  });

  it("a passing gate prints no annotation and, quiet, nothing at all", () => {
    const r = ccsim(["check", "scenarios/gate-pass.yaml", "--annotations", "github", "--quiet", "--replications", "4"]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("refuses an annotation kind it does not know, with exit 2", () => {
    const r = ccsim(["check", "scenarios/gate-fail.yaml", "--annotations", "gitlab"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--annotations.*gitlab.*github/);
  });
});
