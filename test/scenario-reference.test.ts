// docs/scenario-reference.md, the scenario reference generated from the JSON Schema by scripts/scenario-reference.mjs:
// committed equal to what the script prints for the current schema, so a new key without a regenerated page fails.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempFolders } from "./helpers.js";

const tmp = tempFolders("scenario-reference");
const SCRIPT = join(ROOT, "scripts", "scenario-reference.mjs");
const page = readFileSync(join(ROOT, "docs", "scenario-reference.md"), "utf8");
const schema = JSON.parse(readFileSync(join(ROOT, "docs", "scenario.schema.json"), "utf8")) as Node;

function script(args: string[]): string {
  const r = spawnSync(process.execPath, [SCRIPT, "--stdout", ...args], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}
const rowOf = (text: string, path: string) => text.split("\n").find((l) => l.startsWith(`| \`${path}\` |`));

interface Node {
  properties?: Record<string, Node>;
  items?: Node | Node[];
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
  oneOf?: Node[];
  required?: string[];
  description?: string;
  type?: string;
  enum?: string[];
}

/** Every key path a scenario can hold, found by walking the schema here, independently of the script. */
function keyPaths(n: Node, path: string, out: Set<string>): Set<string> {
  const isDistribution = (m: Node) => (m.anyOf ?? []).some((a) => (a.oneOf ?? []).some((o) => o.properties?.["dist"] !== undefined));
  if (isDistribution(n)) return out;
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    if (path === "" && key === "$schema") continue;
    const p = path ? `${path}.${key}` : key;
    out.add(p);
    keyPaths(child, p, out);
  }
  for (const alt of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) keyPaths(alt, path, out);
  if (n.items && !Array.isArray(n.items)) keyPaths(n.items, `${path}[]`, out);
  if (typeof n.additionalProperties === "object") keyPaths(n.additionalProperties, `${path}.<name>`, out);
  return out;
}

describe("the scenario reference", () => {
  it("docs/scenario-reference.md is what the script prints for the current schema (regenerate: npm run build && node scripts/scenario-reference.mjs)", () => {
    expect(page).toBe(script([]));
  });

  it("has a row for every key path of the schema, and no row the schema does not have", () => {
    const paths = keyPaths(schema, "", new Set());
    const keys = page.slice(0, page.indexOf("\n## Distributions\n"));
    const rows = [...keys.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(rows.length).toBe(new Set(rows).size);
    expect(new Set(rows)).toEqual(paths);
    expect(paths.size).toBeGreaterThan(150);
  });

  it("gives each key its type, its default as the schema's description says it, and the description", () => {
    expect(rowOf(page, "sites[].nodes")).toBe("| `sites[].nodes` | integer >= 1 | 1 | SIP Cluster nodes in this site, named <site>.n1 .. <site>.n<nodes> |");
    expect(rowOf(page, "agents[].privateCalls.inbound.rate")).toMatch(/^\| `agents\[\]\.privateCalls\.inbound\.rate` \| rate \| required \| inbound private calls per agent/);
    expect(rowOf(page, "routing.reservation.collectionTime")).toBe("| `routing.reservation.collectionTime` | duration | 300ms | request-collection-time of the VQ SIP Server |");
    expect(rowOf(page, "routing.mode")).toMatch(/\| `node-based`, `centralized`, `grouped` \| node-based \|/);
    expect(rowOf(page, "faults[].kind")).toMatch(/`node-lost`.*`interaction-server-down`, `connector-down`, `frontend-down` \| required \| what fails \|$/);
    expect(rowOf(page, "capacityRules.<name>[].chat")).toMatch(/\| integer >= 1 \|  \| most chat interactions at once \|$/);
    expect(rowOf(page, "traffic[].handleTime")).toMatch(/\| distribution \|/);
    expect(rowOf(page, "gamma")).toMatch(/`cv`: number >= 0/);
  });

  it("a key added to the schema gets its row, so a schema change without a regenerated page fails the first test", () => {
    const changed = structuredClone(schema);
    const site = (changed.properties!["sites"]!.items as Node).properties!;
    site["sbc"] = { type: "string", enum: ["acme", "ribbon"], description: "the site's session border controller (default acme)" };
    const file = join(tmp(), "schema.json");
    writeFileSync(file, JSON.stringify(changed));
    const text = script(["--schema", file]);
    expect(rowOf(text, "sites[].sbc")).toBe("| `sites[].sbc` | `acme`, `ribbon` | acme | the site's session border controller |");
    expect(text).not.toBe(page);
    expect(script(["--schema", file])).toBe(text);
  });
});
