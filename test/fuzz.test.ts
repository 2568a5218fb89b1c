// Property-based fuzzing of where issue 17's defects came from: --set/--vary paths and values, skill expressions,
// distribution parameters, output paths of every kind, merge partials broken field by field. A few cases each in CI;
// CCSIM_FUZZ_RUNS=5000 (and CCSIM_FUZZ_SEED to replay, CCSIM_FUZZ_CAP, CCSIM_FUZZ_SHRINK=1) for a long run.

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { budget, cli, keyPaths, params, schemaPaths, snapshot, verdict, type CliResult, type Snapshot } from "./fuzz-support.js";
import { ROOT } from "./helpers.js";

const made: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), "ccsim-fuzz-"));
  made.push(d);
  return d;
};
const done = (d: string) => rmSync(d, { recursive: true, force: true });
afterAll(() => made.forEach(done));

const BASES = ["erlang-c", "multi-skill", "two-sites-node-based", "sized-two-site", "faults-link-cut", "blended-voice-chat", "gate-fail"];
const file = (name: string) => join(ROOT, "scenarios", `${name}.yaml`);
const TEXT = Object.fromEntries(BASES.map((b) => [b, readFileSync(file(b), "utf8")]));
const SCHEMA = JSON.parse(spawnSync(process.execPath, [join(ROOT, "bin/ccsim.js"), "schema"], { encoding: "utf8" }).stdout) as unknown;
/** every key path of every base scenario and of the schema: the --set paths a user would write */
const REAL_PATHS = [...new Set([...BASES.flatMap((b) => keyPaths(parse(TEXT[b]!))), ...schemaPaths(SCHEMA)])].filter((p) => p !== "$schema").sort();
const SMALL = ["--set", "horizon=10m", "--set", "warmup=0", "--replications", "2"];

// ---- the generators ----

const EDGE_NUMBERS = ["1e308", "1.7976931348623157e308", "1e309", "5e-324", "-5e-324", "-0", "0", "-1", "1e-300", "4294967296",
  "9007199254740993", "1", "0.5", "2", "100", "NaN", "Infinity", "-Infinity", ".inf", "-.inf", ".nan", "0x10", "1_000", "", " "];
const number = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.double().map(String), fc.integer().map(String));
const unit = fc.constantFrom("", "s", "ms", "h", "m", "min", "d");
const duration = fc.tuple(number, unit).map(([n, u]) => `${n}${u}`);
const HOSTILE_SEGMENTS = ["__proto__", "constructor", "prototype", "", "toString", "valueOf", "hasOwnProperty", "length", "é", "👍",
  "a b", "\u0000", "[0]", "*"];
const segment = fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.string({ maxLength: 8 }));
const index = fc.constantFrom("[0]", "[1]", "[-1]", "[4294967295]", "[9007199254740993]", "[99999999999999999999]", "[*]", "[1e3]", "[]");
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REAL_PATHS) },
  fc.tuple(fc.constantFrom(...REAL_PATHS), segment).map(([p, s]) => `${p}.${s}`),
  fc.tuple(fc.constantFrom(...REAL_PATHS), segment, fc.nat()).map(([p, s, k]) => {
    const parts = p.split(".");
    parts[k % parts.length] = s;
    return parts.join(".");
  }),
  fc.tuple(segment, fc.constantFrom(...REAL_PATHS)).map(([s, p]) => `${s}.${p}`),
  fc.tuple(fc.constantFrom(...REAL_PATHS), index).map(([p, i]) => p + i),
  fc.string({ maxLength: 20 }),
);
/** values for --set; `long`: the longest string (one argument of a spawned command may not exceed 128 KiB) */
const valueOf = (long: number) => fc.oneof(
  { weight: 3, arbitrary: number },
  duration,
  fc.tuple(number, fc.constantFrom("/h", "/min", "/s", "/d")).map(([n, u]) => n + u),
  fc.constantFrom("true", "null", "~", "{}", "[]", "{a: 1}", "[1, 2]", "!!binary AAAA", "&a [*a]", "{__proto__: 1}",
    "{constructor: {prototype: 1}}", "none", "node-based", "explicit", "calls > 0", "'quoted'", '"', "- x", "? x", "[".repeat(2000)),
  fc.integer({ min: 1, max: long }).map((n) => "x".repeat(n)),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const assignmentOf = (long: number) => fc.tuple(path, valueOf(long)).map(([p, v]) => `${p}=${v}`);
/** in process, values as long as a file may hold; on a command line, a third of what one argument may be */
const assignment = assignmentOf(200_000);
const cliAssignment = assignmentOf(40_000);
const cliValue = valueOf(40_000);

const SKILLS = ["calls", "english", "support", "x", "GEO_LOCATION", "sitex", "a.b-c"];
const OPS = [">", ">=", "=", "<", "<=", "!=", "==", "=>", ""];
const atom = fc.oneof(
  fc.constantFrom(...SKILLS),
  fc.tuple(fc.constantFrom(...SKILLS), fc.constantFrom(...OPS), number).map(([s, o, n]) => `${s} ${o} ${n}`),
  fc.constantFrom("sitex(dc1)", "sitex(GEO_LOCATION)", "sitex()", "sitex(", "sitex(a b)"),
);
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.tuple(tie("expr"), fc.constantFrom(" & ", " | ", "&&", "||", " "), tie("expr")).map(([a, o, b]) => a + o + b),
    tie("expr").map((e) => `!${e}`),
    tie("expr").map((e) => `(${e})`),
  ),
}));
const expression = fc.oneof(
  { weight: 3, arbitrary: expr },
  fc.tuple(fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }), atom).map(([o, c, a]) => "(".repeat(o) + a + ")".repeat(c)),
  fc.tuple(fc.nat({ max: 20_000 }), atom).map(([n, a]) => "!".repeat(n) + a),
  fc.tuple(fc.integer({ min: 1, max: 20_000 }), atom).map(([n, a]) => Array(n).fill(a).join(" & ")),
  fc.tuple(expr, fc.nat(), fc.constantFrom(..."()!&|<>= 0")).map(([e, k, ch]) => e.slice(0, k % (e.length + 1)) + ch + e.slice(k % (e.length + 1))),
  fc.string({ unit: fc.constantFrom(..."()!&|<>=calsx0 1"), maxLength: 60 }),
);

const distribution = fc.oneof(
  duration,
  duration.map((m) => `{dist: exponential, mean: ${m}}`),
  duration.map((m) => `{dist: constant, mean: ${m}}`),
  fc.tuple(duration, number).map(([m, cv]) => `{dist: gamma, mean: ${m}, cv: ${cv}}`),
  fc.tuple(duration, duration).map(([m, sd]) => `{dist: lognormal, mean: ${m}, sd: ${sd}}`),
  fc.tuple(duration, duration).map(([m, sd]) => `{dist: normal, mean: ${m}, sd: ${sd}}`),
  fc.tuple(duration, duration).map(([a, b]) => `{dist: uniform, min: ${a}, max: ${b}}`),
  fc.tuple(fc.oneof(number, fc.constantFrom("1e9", "2147483648", "9007199254740991")), duration).map(([k, m]) => `{dist: erlang, k: ${k}, mean: ${m}}`),
  fc.tuple(fc.array(duration, { maxLength: 4 }), fc.array(number, { maxLength: 4 }))
    .map(([v, w]) => `{dist: empirical, values: [${v.join(", ")}], weights: [${w.join(", ")}]}`),
);
const DIST_FIELDS = ["traffic[0].handleTime", "traffic[0].patience", "agents[0].wrapUp", "agents[0].answerDelay"];

// ---- loader-only properties, in process ----

describe("fuzz: the loader, in process (an InputError of one line, or a scenario; never another error)", () => {
  const pristine = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const loads = (text: string, name: string, overrides: string[]): string | undefined => {
    let problem: string | undefined;
    try {
      loadScenario({ text, file: file(name), overrides });
    } catch (e) {
      if (!(e instanceof InputError)) problem = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 300);
      else if (e.message.includes("\n") || /internal error/.test(e.message)) problem = `a message of more than one line: ${e.message.slice(0, 300)}`;
    }
    const now = Object.getOwnPropertyNames(Object.prototype).sort().join();
    if (now !== pristine) {
      for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!pristine.split(",").includes(k)) delete (Object.prototype as Record<string, unknown>)[k];
      problem = `Object.prototype polluted: ${now}`;
    }
    return problem;
  };

  it("--set paths (real keys, __proto__, constructor, prototype, huge indexes, empty, unicode) and values at the limits", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(assignment, { minLength: 1, maxLength: 3 }), (base, sets) => {
        const problem = loads(TEXT[base]!, base, sets);
        expect(problem, `${base} ${sets.map((s) => `--set ${JSON.stringify(s.slice(0, 200))}`).join(" ")}`).toBeUndefined();
      }),
      params(300),
    );
  }, budget(300, 200));

  it("skill expressions: depth, length, operators, unbalanced parentheses", () => {
    fc.assert(
      fc.property(fc.constantFrom("erlang-c", "multi-skill"), expression, (base, e) => {
        const text = TEXT[base]!.replace(/target: "[^"]*"/, `target: ${JSON.stringify(e)}`);
        const problem = loads(text, base, []);
        expect(problem, `${base} target: ${JSON.stringify(e.length > 300 ? `${e.slice(0, 150)}...(${e.length} chars)...${e.slice(-150)}` : e)}`).toBeUndefined();
      }),
      params(200),
    );
  }, budget(200, 200));
});

// ---- the built CLI ----

/** runs one CLI case in a fresh folder (its cwd, so that `-`, '' and relative outputs land there) and judges it */
async function judged(
  args: (dir: string) => string[],
  opts: { json?: boolean; check?: boolean; outputs?: (dir: string) => string[]; after?: (dir: string, r: CliResult) => void } = {},
): Promise<CliResult> {
  const dir = fresh();
  try {
    const a = args(dir);
    const before: Snapshot[] = [snapshot(dir), ...(opts.outputs?.(dir) ?? []).map((p) => snapshot(join(dir, p)))];
    const r = await cli(a, dir);
    const problem = verdict(r, { json: opts.json, check: opts.check, before });
    expect(problem, problem).toBeUndefined();
    opts.after?.(dir, r);
    return r;
  } finally {
    done(dir);
  }
}

describe("fuzz: the CLI (exit 0 with finite numbers, or exit 2 with one line and nothing written)", () => {
  it("run, sweep, compare and check with generated --set and --vary", async () => {
    const command = fc.constantFrom("run", "sweep", "compare", "check");
    const vary = fc.tuple(fc.oneof(path, fc.constantFrom("agents[0].count", "sites[*].nodes", "routing.mode")), fc.array(cliValue, { minLength: 1, maxLength: 3 }))
      .map(([p, vs]) => `${p}=${vs.join(",")}`);
    await fc.assert(
      fc.asyncProperty(command, fc.constantFrom(...BASES), fc.array(cliAssignment, { maxLength: 2 }), fc.array(vary, { minLength: 1, maxLength: 2 }),
        fc.boolean(), async (cmd, base, sets, varies, out) => {
          const args = [cmd, file(cmd === "check" ? "gate-fail" : base), ...SMALL, "--json", ...sets.flatMap((s) => ["--set", s])];
          if (cmd === "sweep" || cmd === "compare") args.push(...varies.slice(0, cmd === "compare" ? 1 : 2).flatMap((v) => ["--vary", v]));
          if (out) args.push("--out", "out");
          await judged(() => args, { json: true, check: cmd === "check", outputs: () => (out ? ["out"] : []) });
        }),
      params(40),
    );
  }, budget(40, 3000));

  it("distribution parameters at the limits of doubles (1e308, 5e-324, -0, huge shapes) and arrival rates", async () => {
    const field = fc.oneof(
      fc.tuple(fc.constantFrom(...DIST_FIELDS), distribution).map(([f, d]) => `${f}=${d}`),
      fc.tuple(number, fc.constantFrom("/h", "/s", "/ms", "/d", "")).map(([n, u]) => `traffic[0].arrivals.rate=${n}${u}`),
      duration.map((d) => `interval=${d}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(field, { minLength: 1, maxLength: 2 }), async (sets) => {
        await judged(() => ["run", file("erlang-c"), ...SMALL, "--json", ...sets.flatMap((s) => ["--set", s])], { json: true });
      }),
      params(40),
    );
  }, budget(40, 3000));

  it("output paths of every kind for --trace and --out: regular, missing, folder, FIFO, symlink to /dev/stdout, devices, unwritable, -, ''", async () => {
    const KINDS = ["file", "missing", "missing-parent", "dir", "fifo", "stdout-link", "/dev/null", "/dev/full", "under-a-file", "/proc/version", "-", ""];
    /** makes the kind in `dir` and returns the path to give (relative to dir, or absolute) */
    const make = (dir: string, kind: string, name: string): string => {
      const p = join(dir, name);
      if (kind === "file") writeFileSync(p, "old\n");
      else if (kind === "missing") return name;
      else if (kind === "missing-parent") return join(name, "no", "such", "x");
      else if (kind === "dir") mkdirSync(p);
      else if (kind === "fifo") spawnSync("mkfifo", [p]);
      else if (kind === "stdout-link") symlinkSync("/dev/stdout", p);
      else if (kind === "under-a-file") {
        writeFileSync(p, "old\n");
        return join(name, "x");
      } else return kind;
      return name;
    };
    const flags = fc.constantFrom("trace", "out", "trace+out", "trace-in-out", "trace=out");
    await fc.assert(
      fc.asyncProperty(flags, fc.constantFrom(...KINDS), fc.constantFrom(...KINDS), async (flag, k1, k2) => {
        const readers: ReturnType<typeof spawn>[] = [];
        let given: string[] = [];
        const kinds = { a: k1, b: k2 };
        try {
          await judged((dir) => {
            const a = make(dir, k1, "a");
            const b = make(dir, k2, "b");
            // a FIFO needs a reader, or a writer that writes through would wait on it for ever
            for (const [n, k] of Object.entries(kinds)) if (k === "fifo") readers.push(spawn("cat", [join(dir, n)], { stdio: "ignore" }));
            const args = ["run", file("erlang-c"), ...SMALL, "--quiet"];
            if (flag === "trace") args.push("--trace", a);
            else if (flag === "out") args.push("--out", a);
            else if (flag === "trace+out") args.push("--trace", a, "--out", b);
            else if (flag === "trace-in-out") args.push("--out", b, "--trace", join(b, "summary.json"));
            else args.push("--trace", a, "--out", a);
            given = [a, b].filter((p) => !p.startsWith("/") && p !== "-" && p !== "");
            return args;
          }, {
            outputs: () => given,
            // on success, a FIFO or a symbolic link is still what it was: written through, never replaced by a file
            after: (dir, r) => {
              if (r.code !== 0) return;
              for (const [n, k] of Object.entries(kinds)) {
                if (k === "fifo" || k === "stdout-link") {
                  expect(snapshot(join(dir, n)).kind, `${r.args.join(" ")}: ${n}, a ${k}, replaced`).toBe(k === "fifo" ? "fifo" : "symlink");
                }
              }
            },
          });
        } finally {
          for (const c of readers) c.kill("SIGKILL");
        }
      }),
      params(30),
    );
  }, budget(30, 3000));

  it("merge of partials with a field removed, nulled or retyped", async () => {
    const parts = (args: string[]) => {
      const dir = fresh();
      for (const shard of ["1/2", "2/2"]) {
        const r = spawnSync(process.execPath, [join(ROOT, "bin/ccsim.js"), ...args, "--shard", shard, "--out", dir, "--quiet"], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(r.stderr);
      }
      return [1, 2].map((i) => JSON.parse(readFileSync(join(dir, `partial-${i}-of-2.json`), "utf8")) as unknown);
    };
    const sets = [
      parts(["run", file("erlang-c"), ...SMALL, "--replications", "4"]),
      parts(["compare", file("two-sites-node-based"), ...SMALL, "--vary", "routing.mode=node-based,centralized"]),
    ];
    const pathsOf = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
      v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => {
        const p = [...at, Array.isArray(v) ? Number(k) : k];
        return [p, ...pathsOf(x, p)];
      }) : [];
    const paths = sets.map((ps) => ps.map((p) => pathsOf(p)));
    const REPLACEMENTS: unknown[] = [null, "text", "NaN", true, [], {}, -1, 1.5, 1e308, 2 ** 53, -0, { $number: "NaN" }, { $number: "-0" }, { $number: "zz" }, "0"];
    const op = fc.oneof(fc.constant("remove" as const), fc.constant("duplicate" as const), fc.constantFrom(...REPLACEMENTS).map((v) => ({ v })));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1 }), fc.nat({ max: 1 }), fc.nat(), op, fc.boolean(), async (set, which, k, change, json) => {
        const list = paths[set]![which]!;
        const at = list[k % list.length]!;
        const copy = structuredClone(sets[set]![which]) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = copy;
        for (const seg of at.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
        const key = at[at.length - 1]!;
        if (change === "remove") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
        else if (change === "duplicate") Array.isArray(parent) ? parent.push(structuredClone(parent[key])) : (parent[`${key}2`] = parent[key]);
        else parent[key] = change.v;
        await judged((dir) => {
          sets[set]!.forEach((p, i) => writeFileSync(join(dir, `partial-${i + 1}-of-2.json`), JSON.stringify(i === which ? copy : p)));
          return ["merge", ".", "--out", "out", ...(json ? ["--json"] : ["--quiet"])];
        }, { json, outputs: () => ["out"] });
      }),
      params(40),
    );
  }, budget(40, 2000));
});

describe("fuzz: the judge itself (a case the current code handles properly passes; each kind of defect is caught)", () => {
  const result = (over: Partial<CliResult>): CliResult => ({ args: ["run"], code: 0, signal: null, stdout: "{}", stderr: "", timedOut: false, ...over });

  it("passes a real run, a real refusal and a real missed target", async () => {
    await judged(() => ["run", file("erlang-c"), ...SMALL, "--json"], { json: true });
    await judged(() => ["run", file("erlang-c"), ...SMALL, "--set", "agents[0].count=-1", "--out", "out"], { outputs: () => ["out"] });
    const r = await judged(() => ["check", file("gate-fail"), ...SMALL, "--json"], { json: true, check: true });
    expect(r.code).toBe(1);
  });

  it("fails a timeout, a stack trace, exit 1 outside check, lines that are not one a problem, a change on exit 2, a null or a non-JSON stdout", () => {
    const dir = fresh();
    const before = [snapshot(dir)];
    expect(verdict(result({ timedOut: true, code: null, signal: "SIGKILL" }), { before })).toMatch(/killed/);
    expect(verdict(result({ code: 2, stderr: "x\n    at f (file.js:1:1)\n" }), { before })).toMatch(/stack trace/);
    expect(verdict(result({ code: 1, stderr: "ccsim: internal error\n" }), { before })).toMatch(/internal error/);
    expect(verdict(result({ code: 1, stderr: "a\n" }), { before })).toMatch(/exit 1 outside/);
    expect(verdict(result({ code: 1, stderr: "a\n" }), { before, check: true })).toBeUndefined();
    expect(verdict(result({ code: 2, stderr: "a\nb\n" }), { before })).toMatch(/2 lines/);
    expect(verdict(result({ code: 2, stderr: "f.yaml:1:1: x: bad\n\n" }), { before })).toMatch(/2 lines/);
    expect(verdict(result({ code: 2, stderr: "f.yaml:1:1: x: bad\nf.yaml:2:1: y: bad\n" }), { before })).toBeUndefined();
    expect(verdict(result({ code: 2, stderr: "f.yaml:1:1: x: bad\n".repeat(11) }), { before })).toMatch(/11 lines/);
    expect(verdict(result({ code: 2, stderr: "a\n" }), { before })).toBeUndefined();
    writeFileSync(join(dir, "half-written"), "");
    expect(verdict(result({ code: 2, stderr: "a\n" }), { before })).toMatch(/changed: dir \[\] -> dir \[half-written\]/);
    expect(verdict(result({ stdout: '{"a": [1, null]}' }), { before, json: true })).toMatch(/\$\.a\[1\] is null/);
    expect(verdict(result({ stdout: "table" }), { before, json: true })).toMatch(/not one JSON document/);
    expect(verdict(result({ code: null, signal: "SIGKILL", announced: "ccsim: this will take about 2.5 h: 90.0M calls x 2 replications" }), { before })).toBeUndefined();
    expect(verdict(result({ code: null, signal: "SIGKILL", announced: "ccsim: this will take about Infinity days: InfinityM calls" }), { before }))
      .toMatch(/not a finite number/);
  });
});
