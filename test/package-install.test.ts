// The packed npm tarball installed into a temporary prefix, away from the checkout, and run as a user would run it.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "ccsim-pack-"));
const prefix = join(work, "prefix");
const away = join(work, "elsewhere");
let tarball = "";
let files: string[] = [];

function npm(args: string[], cwd: string) {
  // npm's own cache in the temporary folder: the test must not depend on (or write into) the user's
  const r = spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_cache: join(work, "npm-cache"), npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" },
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

function ccsim(args: string[]) {
  return spawnSync(join(prefix, "bin", "ccsim"), args, { cwd: away, encoding: "utf8", env: { ...process.env, PATH: `${join(prefix, "bin")}:${process.env.PATH}` } });
}

beforeAll(() => {
  // the test command builds dist/ first (pretest), so pack without running prepack's build again
  const out = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, out[0]!.filename);
  files = out[0]!.files.map((f) => f.path);
  npm(["install", "--global", "--offline", "--prefix", prefix, tarball], work);
  spawnSync("mkdir", ["-p", away]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the npm package", () => {
  it("holds the bundle, the launcher, the shipped scenarios, the docs and the licence, and no sources or tests", () => {
    for (const f of ["bin/ccsim.js", "bin/load-bundle.js", "dist/bundle/ccsim.cjs", "dist/bundle/worker-thread.js", "LICENSE", "README.md", "package.json", "scenarios/erlang-c.yaml"]) {
      expect(files).toContain(f);
    }
    // the README's index points into docs/: every page must ship with it
    for (const page of readdirSync(join(ROOT, "docs"))) expect(files).toContain(`docs/${page}`);
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/") || f.startsWith("node_modules/"))).toEqual([]);
  });

  it("needs nothing at run time from the registry: every dependency is in the bundle", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    expect(pkg.dependencies ?? {}).toEqual({});
    const installed = join(prefix, "lib", "node_modules", "ccsim");
    expect(existsSync(join(installed, "dist", "bundle", "ccsim.cjs"))).toBe(true);
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
  });

  it("installed globally, `ccsim run` prints the embedded demo's table outside any checkout", () => {
    const r = ccsim(["run", "--replications", "2", "--workers", "1"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/serviceLevel/);
  });

  it("runs a scenario file of the user's on worker threads, writes its reports, and gives the checkout's bytes", () => {
    const file = join(away, "mine.yaml");
    writeFileSync(file, readFileSync(join(ROOT, "scenarios", "erlang-c.yaml"), "utf8"));
    const r = ccsim(["run", "mine.yaml", "--replications", "4", "--workers", "2", "--out", "out", "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(join(away, "out")).sort()).toEqual(expect.arrayContaining(["summary.json", "report.html", "intervals.csv"]));
    const here = spawnSync(process.execPath, [join(ROOT, "bin", "ccsim.js"), "run", file, "--replications", "4", "--workers", "1", "--json"], { encoding: "utf8" });
    const installed = ccsim(["run", "mine.yaml", "--replications", "4", "--workers", "1", "--json"]);
    expect(installed.stdout).toBe(here.stdout);
  });

  it("reports bad input in one line a problem with exit 2, no stack trace", () => {
    writeFileSync(join(away, "bad.yaml"), "agents: 3\n");
    const r = ccsim(["run", "bad.yaml"]);
    expect(r.status).toBe(2);
    // agents not a list, sites and traffic missing: a line each, the file's first
    const lines = r.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(l).toMatch(/^bad\.yaml:\d+:\d+: /);
    expect(r.stderr).toMatch(/^bad\.yaml:1/);
    expect(r.stderr).not.toMatch(/ at .*\.c?js:\d+/);
  });

  it("`ccsim check` and `ccsim size` work there on the shipped gate scenario: the gate fails, size finds the count", () => {
    const shipped = join(prefix, "lib", "node_modules", "ccsim", "scenarios", "gate-fail.yaml");
    const check = ccsim(["check", shipped, "--replications", "4", "--workers", "1"]);
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/MISSED \d of \d/);
    const size = ccsim(["size", shipped, "--for", "agents:support", "--replications", "4", "--workers", "1"]);
    expect(size.status, size.stderr).toBe(0);
    expect(size.stdout).toMatch(/^recommended: \d+ agents in support$/m);
  });

  it("says its version, the package's", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(ccsim(["--version"]).stdout.trim()).toBe(pkg.version);
  });
});
