// The README and docs/ pages as a reader follows them: every relative link and every docs/ or scenarios/ path they
// name exists in the repository, every page is reachable from the README's index, no link leaves the repository but
// for a public web address, and the example scenario of docs/scenario-format.md loads.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, scenarioOf } from "./helpers.js";

const PAGES = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
const textOf = (page: string) => readFileSync(join(ROOT, page), "utf8");

/** Markdown links `[text](target)` outside fenced blocks, with the line each is on. */
function linksOf(page: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  let fenced = false;
  textOf(page).split("\n").forEach((l, i) => {
    if (l.startsWith("```")) fenced = !fenced;
    if (fenced) return;
    for (const m of l.matchAll(/\]\(([^)\s]+)\)/g)) out.push({ target: m[1]!, line: i + 1 });
  });
  return out;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");
function anchorsOf(page: string): Set<string> {
  const text = textOf(page).replace(/^```[\s\S]*?^```/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

/** A link's page and anchor, the page relative to the repository root; null for a public web address. */
function resolveLink(page: string, target: string): { file: string; anchor: string } | null {
  if (/^https?:\/\//.test(target)) return null;
  const [path, anchor = ""] = target.split("#") as [string, string?];
  const file = path === "" ? page : relative(ROOT, resolve(ROOT, dirname(page), path));
  return { file, anchor };
}

describe("the README and docs/ pages", () => {
  it.each(PAGES)("%s: every link is a public web address or a file of the repository (and its anchor a heading there)", (page) => {
    for (const { target, line } of linksOf(page)) {
      const where = `${page}:${line}: ${target}`;
      expect(/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^https?:\/\//.test(target), `${where}: only http(s) addresses may leave the repository`).toBe(false);
      const link = resolveLink(page, target);
      if (!link) continue;
      expect(link.file.startsWith(".."), `${where}: outside the repository`).toBe(false);
      expect(existsSync(join(ROOT, link.file)), `${where}: no such file`).toBe(true);
      if (link.anchor) expect(anchorsOf(link.file).has(link.anchor), `${where}: no such heading in ${link.file}`).toBe(true);
    }
  });

  it.each(PAGES)("%s: every docs/ or scenarios/ path it names exists", (page) => {
    // a glob (`scenarios/gate-*.yaml`, `scenarios/**`) names no one file
    const named = [...textOf(page).matchAll(/(?<![\w./-])((?:docs|scenarios)\/[\w./*-]*[\w*])/g)].map((m) => m[1]!).filter((p) => !p.includes("*"));
    for (const path of new Set(named)) expect(existsSync(join(ROOT, path)), `${page} names ${path}`).toBe(true);
  });

  it("every docs/ page is reachable from the README's index", () => {
    const seen = new Set(["README.md"]);
    const queue = ["README.md"];
    while (queue.length > 0) {
      const page = queue.shift()!;
      for (const { target } of linksOf(page)) {
        const link = resolveLink(page, target);
        if (link && link.file.endsWith(".md") && !seen.has(link.file) && existsSync(join(ROOT, link.file))) {
          seen.add(link.file);
          queue.push(link.file);
        }
      }
    }
    expect(PAGES.filter((p) => !seen.has(p))).toEqual([]);
  });

  it("the README stays an on-ramp: at most 200 lines, with the quick start CI runs", () => {
    const readme = textOf("README.md");
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
    expect(readme).toContain("npm ci && npx ccsim run ");
    expect(readme).toContain("npm ci && npm test ");
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/^npm ci && npm test$/m);
  });

  it("the example scenario of docs/scenario-format.md loads: two sites of two nodes, two traffic types, two targets", () => {
    const m = /## An example\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(textOf("docs/scenario-format.md"));
    expect(m).not.toBeNull();
    const s = scenarioOf(m![1]!);
    expect(s.sites.map((site) => [site.id, site.nodes])).toEqual([["dc1", 2], ["dc2", 2]]);
    expect(s.traffic.map((t) => t.type)).toEqual(["sales", "sales-dc2"]);
    expect(s.targets.map((t) => `${t.metric} ${t.op} ${t.value}`)).toEqual(["serviceLevel >= 0.8", "abandonRate <= 0.05"]);
  });
});
