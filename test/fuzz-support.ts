// The fuzz suite's machinery: how many cases and which seed (environment), spawning the built CLI with a time cap,
// snapshots of output paths, and the one judge every CLI case is held to (issue 17's property).

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { ROOT } from "./helpers.js";

const positive = (name: string): number | undefined => {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(v)}`);
  return n;
};

/** CCSIM_FUZZ_RUNS: cases per property (default: each property's CI count); CCSIM_FUZZ_SEED: replay a seed;
 *  CCSIM_FUZZ_CAP: seconds a CLI case may take before it is killed and failed (default 90: ccsim announces every run
 *  it estimates over 60 s, so an unannounced run still going at 90 s has outlived its estimate by far);
 *  CCSIM_FUZZ_SHRINK=1: shrink a counterexample (a hanging case shrinks at CAP seconds a step, so it is off by default). */
export const FUZZ = {
  runs: positive("CCSIM_FUZZ_RUNS"),
  seed: positive("CCSIM_FUZZ_SEED"),
  capMs: (positive("CCSIM_FUZZ_CAP") ?? 90) * 1000,
  shrink: process.env.CCSIM_FUZZ_SHRINK === "1",
};

export function params(ciRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: FUZZ.runs ?? ciRuns,
    ...(FUZZ.seed !== undefined ? { seed: FUZZ.seed } : {}),
    endOnFailure: !FUZZ.shrink,
  };
}

/** the vitest timeout of a property of `ciRuns` cases of which each may take the cap */
export function budget(ciRuns: number, perCaseMs: number): number {
  return (FUZZ.runs ?? ciRuns) * perCaseMs + FUZZ.capMs + 60_000;
}

export interface CliResult {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** the run announced an estimate over a minute ("this will take about ..."): stopped there, it cannot be waited
   *  for in a fuzz budget; the estimate it gave, to be judged */
  readonly announced?: string;
}

const ANNOUNCED = /this will take about [^\n]*\n/;

/** Runs the built CLI in `cwd`, killed (and reported as timed out) after the cap. A command line cannot carry a NUL,
 *  so one a generator made is dropped (the in-process properties keep it). */
export function cli(given: readonly string[], cwd: string): Promise<CliResult> {
  const args = given.map((a) => a.replaceAll("\u0000", ""));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/ccsim.js"), ...args], {
      cwd,
      env: { ...process.env, CCSIM_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    // a runaway output is cut: the judge fails it anyway, and the test process must not hold gigabytes
    const keep = (s: string, chunk: Buffer) => (s.length < 4_000_000 ? s + chunk.toString("utf8") : s);
    child.stdout.on("data", (c: Buffer) => (stdout = keep(stdout, c)));
    let announced: string | undefined;
    child.stderr.on("data", (c: Buffer) => {
      stderr = keep(stderr, c);
      const m = announced === undefined ? ANNOUNCED.exec(stderr) : null;
      if (m) {
        announced = m[0].trim();
        child.kill("SIGKILL");
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, FUZZ.capMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal, stdout, stderr, timedOut, announced });
    });
  });
}

export type Kind = "missing" | "file" | "dir" | "fifo" | "symlink" | "char" | "other";

export interface Snapshot {
  readonly path: string;
  readonly kind: Kind;
  /** a regular file's bytes, a folder's names */
  readonly content?: string;
}

export function snapshot(path: string): Snapshot {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { path, kind: "missing" };
  }
  if (st.isSymbolicLink()) return { path, kind: "symlink" };
  if (st.isFIFO()) return { path, kind: "fifo" };
  if (st.isCharacterDevice()) return { path, kind: "char" };
  if (st.isDirectory()) return { path, kind: "dir", content: readdirSync(path).sort().join("\n") };
  if (st.isFile()) return { path, kind: "file", content: createHash("sha256").update(readFileSync(path)).digest("hex") };
  return { path, kind: "other" };
}

/** every number finite, and no null (JSON writes NaN and the infinities as null); returns the first offending path */
export function firstNonFinite(v: unknown, path = "$"): string | undefined {
  if (v === null) return `${path} is null`;
  if (typeof v === "number") return Number.isFinite(v) ? undefined : `${path} is ${v}`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = firstNonFinite(v[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (typeof v === "object") {
    for (const [k, x] of Object.entries(v as object)) {
      const bad = firstNonFinite(x, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** a long argument or message shown by its ends and length, so that a counterexample stays readable */
function abbreviated(s: string): string {
  return s.length > 240 ? `${s.slice(0, 100)}...(${s.length} chars)...${s.slice(-100)}` : s;
}

const TRACE_OF_A_CRASH = /^\s+at |internal error|node:internal|RangeError|TypeError|Maximum call stack/m;

export interface Expectations {
  /** `ccsim check`: exit 1 is a missed target */
  readonly check?: boolean;
  /** stdout is one JSON document on exit 0 */
  readonly json?: boolean;
  /** the output paths given, as they were before the run, and the folder it ran in */
  readonly before: readonly Snapshot[];
}

/**
 * The bad-input property: exit 0 with finite numbers, or exit 2 with one line a problem on stderr and nothing written;
 * exit 1 only from check; never a stack trace; never a run the cap had to end. Returns what went wrong, or undefined.
 */
export function verdict(r: CliResult, e: Expectations): string | undefined {
  const cmd = `ccsim ${r.args.map((a) => (/^[\w./=:,*[\]-]+$/.test(a) ? a : JSON.stringify(a))).map(abbreviated).join(" ")}`;
  const err = abbreviated(r.stderr);
  const bad = (what: string) => `${cmd}\n  ${what}\n  exit ${r.code}${r.signal ? ` (${r.signal})` : ""}, stderr: ${JSON.stringify(err)}`;
  if (r.announced !== undefined) {
    // a long run announced with a number is the promise kept; one announced as Infinity or NaN is a guard bypassed
    return /Infinity|NaN|e\+/.test(r.announced) ? bad(`an estimate that is not a finite number: ${r.announced}`) : undefined;
  }
  if (r.timedOut) return bad(`still running after ${FUZZ.capMs / 1000} s without announcing a long run: killed`);
  if (TRACE_OF_A_CRASH.test(r.stderr)) return bad("a stack trace or an internal error");
  if (r.code === 0) {
    if (e.json) {
      let doc: unknown;
      try {
        doc = JSON.parse(r.stdout);
      } catch {
        return bad(`exit 0, but stdout is not one JSON document: ${JSON.stringify(r.stdout.slice(0, 200))}`);
      }
      const nonFinite = firstNonFinite(doc);
      if (nonFinite) return bad(`exit 0 with a number that is not finite: ${nonFinite}`);
    }
    return undefined;
  }
  if (r.code === 1 && e.check) return undefined;
  if (r.code !== 2) return bad(r.code === 1 ? "exit 1 outside a missed target of ccsim check" : "an exit code that is neither 0 nor 2");
  // one line a problem: several only when a file has several problems of one kind, each `where: what`, at most ten and
  // a count of the rest
  const lines = r.stderr.replace(/\n$/, "").split("\n");
  const listed = lines.at(-1)!.startsWith("(and ") ? lines.slice(0, -1) : lines;
  const shaped = lines.length === 1 || listed.every((l) => /^\S.*: /.test(l));
  if (lines.some((l) => l.trim() === "") || listed.length > 10 || !shaped) return bad(`exit 2 with ${lines.length} lines on stderr, not one a problem`);
  for (const s of e.before) {
    const now = snapshot(s.path);
    if (now.kind !== s.kind || now.content !== s.content) {
      const was = s.kind === "dir" ? ` [${s.content?.split("\n").join(", ")}]` : "";
      const is = now.kind === "dir" ? ` [${now.content?.split("\n").join(", ")}]` : "";
      return bad(`exit 2, but ${s.path} changed: ${s.kind}${was} -> ${now.kind}${is}`);
    }
  }
  return undefined;
}

/** A YAML document's key paths in --set syntax (`agents[0].skills.calls`), the mappings and lists themselves too. */
export function keyPaths(v: unknown, prefix = ""): string[] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => keyPaths(x, `${prefix}[${i}]`))].filter((p) => p !== "");
  if (v !== null && typeof v === "object") {
    return [prefix, ...Object.entries(v).flatMap(([k, x]) => keyPaths(x, prefix === "" ? k : `${prefix}.${k}`))].filter((p) => p !== "");
  }
  return [prefix];
}

/** Every key path the JSON Schema of scenario files names (lists at index 0): the optional keys no shipped scenario
 *  sets (agents[0].noAnswer, ha.*, capacityRules[0].*) are where a user's --set goes too. */
export function schemaPaths(schema: unknown, prefix = "", depth = 0): string[] {
  if (schema === null || typeof schema !== "object" || depth > 12) return [];
  const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
  const out: string[] = [];
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    const p = prefix === "" ? k : `${prefix}.${k}`;
    out.push(p, ...schemaPaths(sub, p, depth + 1));
  }
  if (s.items !== undefined) out.push(`${prefix}[0]`, ...schemaPaths(s.items, `${prefix}[0]`, depth + 1));
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) out.push(...schemaPaths(alt, prefix, depth + 1));
  return out;
}
