// The shape of src/ that docs/design.md promises: layers that import only downwards, no import circle, files of a
// size one can read. Read from the source text, so it checks what the compiler would see.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** lowest first: a file may import from its own layer and those before it, never from one after */
export const LAYERS = ["util", "kernel", "scenario", "metrics", "model", "observe", "experiment", "report", "cli"] as const;
/** folders where even a type-only circle is refused (the model's entities may know each other's types) */
const NO_TYPE_CIRCLES = ["util", "kernel", "scenario", "metrics", "observe", "experiment", "report", "cli"];
const MAX_LINES = 400;

interface Edge {
  readonly to: string;
  /** `import type`, or every name imported is `type X` */
  readonly typeOnly: boolean;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FILES = sources(SRC).sort();

/** the relative imports and re-exports of a file, resolved to .ts files under src/ */
export function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["'](\.{1,2}\/[^"']+)["']/gms;
  for (const m of text.matchAll(statement)) {
    const names = m[3]!;
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    const allTypes =
      braces !== null &&
      braces[1]!
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .every((s) => s.startsWith("type "));
    edges.push({ to: resolve(file, m[4]!), typeOnly: m[2] !== undefined || allTypes });
  }
  for (const m of text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) edges.push({ to: resolve(file, m[1]!), typeOnly: false });
  return edges;
}

function resolve(from: string, spec: string): string {
  return path.resolve(path.dirname(from), spec).replace(/\.js$/, ".ts");
}

const rel = (f: string) => path.relative(SRC, f);
const layerOf = (f: string) => rel(f).split(path.sep)[0]!;

const GRAPH = new Map(FILES.map((f) => [f, importsOf(f, fs.readFileSync(f, "utf8"))]));

/** every elementary circle's first-found witness: a path a -> ... -> a, found by depth-first search */
function circles(edgesOf: (f: string) => string[], nodes: readonly string[] = FILES): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of edgesOf(f)) {
      if (state.get(t) === "open") found.push([...stack.slice(stack.indexOf(t)), t].map(rel));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of nodes) if (!state.has(f)) visit(f);
  return found;
}

describe("the layers of src/ (docs/design.md, Layers)", () => {
  it("every import resolves to a file under src/", () => {
    const missing = [...GRAPH].flatMap(([f, es]) => es.filter((e) => !GRAPH.has(e.to)).map((e) => `${rel(f)} -> ${e.to}`));
    expect(missing).toEqual([]);
  });

  it("every file sits in a known layer", () => {
    expect(FILES.map(layerOf).filter((l) => !(LAYERS as readonly string[]).includes(l))).toEqual([]);
  });

  it("no file imports from a layer above its own, not even a type", () => {
    const rank = (f: string) => (LAYERS as readonly string[]).indexOf(layerOf(f));
    const upward = [...GRAPH].flatMap(([f, es]) => es.filter((e) => rank(e.to) > rank(f)).map((e) => `${rel(f)} -> ${rel(e.to)}`));
    expect(upward).toEqual([]);
  });

  it("no runtime import circle anywhere (type-only references are erased by the compiler)", () => {
    expect(circles((f) => (GRAPH.get(f) ?? []).filter((e) => !e.typeOnly).map((e) => e.to))).toEqual([]);
  });

  it("no circle at all, types included, outside the model's domain entities", () => {
    const inScope = (f: string) => NO_TYPE_CIRCLES.includes(layerOf(f));
    expect(circles((f) => (inScope(f) ? (GRAPH.get(f) ?? []).map((e) => e.to).filter(inScope) : []))).toEqual([]);
  });

  it(`no file is over ${MAX_LINES} lines, and each opens with a line that says what it is`, () => {
    const long = FILES.map((f) => [rel(f), fs.readFileSync(f, "utf8").split("\n").length - 1] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
    const silent = FILES.filter((f) => !fs.readFileSync(f, "utf8").startsWith("// ")).map(rel);
    expect(silent).toEqual([]);
  });

  it("the circle finder finds a circle, and the import reader tells a type-only import", () => {
    const f = path.join(SRC, "model/x.ts");
    const edges = importsOf(f, 'import type { A } from "./a.js";\nimport { type B, type C } from "./b.js";\nimport { D } from "./d.js";\n');
    expect(edges.map((e) => [path.basename(e.to), e.typeOnly])).toEqual([["a.ts", true], ["b.ts", true], ["d.ts", false]]);
    const g: Record<string, string[]> = { [`${SRC}/a`]: [`${SRC}/b`], [`${SRC}/b`]: [`${SRC}/c`], [`${SRC}/c`]: [`${SRC}/a`], [`${SRC}/d`]: [`${SRC}/a`] };
    expect(circles((f) => g[f] ?? [], Object.keys(g))).toEqual([["a", "b", "c", "a"]]);
  });
});
