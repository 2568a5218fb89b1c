// --set and --vary paths and values as a hostile user gives them (issue 17 classes 4, 7 and 9): refused, never applied.

import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseVary, refuseOverlaps, variantGrid } from "../src/experiment/variants.js";
import { planStudy } from "../src/experiment/plan.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { ccsim, scenarioOf, tempFolders, MINIMAL, errorOf } from "./helpers.js";

const tmp = tempFolders("overrides");



const unpolluted = () => {
  const probe = {} as Record<string, unknown>;
  return probe["x"] === undefined && probe["y"] === undefined && Object.getPrototypeOf(probe) === Object.prototype;
};

describe("class 4: --set and --vary paths are checked against the scenario's keys before they are applied", () => {
  it("--set __proto__.x=1 is refused with the flag and the path, and Object.prototype stays clean", () => {
    const e = errorOf(() => scenarioOf(MINIMAL, ["__proto__.x=1"]));
    expect(e.message).toBe(
      '--set __proto__.x=1: __proto__: a key may not be named "__proto__": every JavaScript object already has a property of that name',
    );
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    expect(unpolluted()).toBe(true);
  });

  it("constructor.prototype.x, agents[0].__proto__.x and a quoted [\"__proto__\"] are refused at the reserved segment", () => {
    const cases: [string, string][] = [
      ["constructor.prototype.x=1", "--set constructor.prototype.x=1: constructor: a key may not be named \"constructor\""],
      ["agents[0].__proto__.x=1", "--set agents[0].__proto__.x=1: agents[0].__proto__: a key may not be named \"__proto__\""],
      ['agents[0]["__proto__"].y=1', "agents[0].__proto__: a key may not be named \"__proto__\""],
      ["agents[0].skills.constructor=1", "agents[0].skills.constructor: a skill may not be named \"constructor\""],
      ["capacityRules.prototype=[{voice: 1}]", "capacityRules.prototype: a capacity rule may not be named \"prototype\""],
    ];
    for (const [ov, msg] of cases) expect(errorOf(() => scenarioOf(MINIMAL, [ov])).message, ov).toContain(msg);
    expect(unpolluted()).toBe(true);
  });

  it("a reserved key inside a --set value ({__proto__: ...}) is refused, not copied onto the prototype", () => {
    const e = errorOf(() => scenarioOf(MINIMAL, ["agents[0].skills={__proto__: {x: 1}, any: 1}"]));
    expect(e.message).toBe(
      '--set agents[0].skills={__proto__: {x: 1}, any: 1}: agents[0].skills.__proto__: a skill may not be named "__proto__": every JavaScript object already has a property of that name',
    );
    expect(unpolluted()).toBe(true);
  });

  it("a misspelt path is refused before it is applied, with a did-you-mean; a far one lists the keys", () => {
    expect(errorOf(() => scenarioOf(MINIMAL, ["agentz[0].count=3"])).message).toBe(
      '--set agentz[0].count=3: agentz: unknown key (did you mean "agents"?)',
    );
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents[0].cuont=3"])).message).toBe(
      '--set agents[0].cuont=3: agents[0].cuont: unknown key (did you mean "count"?)',
    );
    // a union's forms pool their keys: every key a distribution mapping can have is listed
    expect(errorOf(() => scenarioOf(MINIMAL, ["traffic[0].handleTime.zzz=1"])).message).toBe(
      "--set traffic[0].handleTime.zzz=1: traffic[0].handleTime.zzz: unknown key; traffic[0].handleTime's keys are dist, mean, min, max, sd, cv, k, values, weights",
    );
  });

  it("a path of the wrong shape (an index into a mapping, a key of a list, a field of a number) is refused", () => {
    expect(errorOf(() => scenarioOf(MINIMAL, ["routing[0]=1"])).message).toContain("routing is a mapping, not a list");
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents.count=1"])).message).toContain("agents is a list: give an index first, e.g. agents[0].count");
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents[0].skills[0]=1"])).message).toContain("agents[0].skills is a mapping of names");
    expect(errorOf(() => scenarioOf(MINIMAL, ["horizon.x=1"])).message).toContain("horizon.x: horizon is a single value, with no fields or items inside");
    expect(errorOf(() => scenarioOf(MINIMAL, ["faults[0].between[2]=x"])).message).toContain("index 2 is beyond faults[0].between, which holds exactly 2");
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents[99999999999999999999].count=1"])).message).toContain("is too large");
  });

  it("an index past the end of a list is refused (no append): the whole list is set instead", () => {
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents[1]={group: b, count: 1}"])).message).toBe(
      "--set agents[1]={group: b, count: 1}: agents[1]: index 1 is beyond the list (agents has 1 item); to add an item, set the whole list, e.g. --set 'agents=[...]'",
    );
    const s = scenarioOf(MINIMAL, ["agents=[{group: a, count: 1, skills: {any: 1}}, {group: b, count: 2, skills: {any: 1}}]"]);
    expect(s.agents.map((g) => g.count)).toEqual([1, 2]);
  });

  it("a user-named key that is an Object.prototype name (toString, valueOf) is refused: agents without it would find a function", () => {
    expect(errorOf(() => scenarioOf(MINIMAL, ["agents[0].skills.toString=2"])).message).toBe(
      '--set agents[0].skills.toString=2: agents[0].skills.toString: a skill may not be named "toString": every JavaScript object already has a property of that name',
    );
    const yaml = MINIMAL.replace("skills: { any: 1 }", "skills: { any: 1, valueOf: 2 }");
    expect(errorOf(() => scenarioOf(yaml)).message).toMatch(/^test\.yaml:3:\d+: agents\[0\]\.skills\.valueOf: a skill may not be named "valueOf"/);
  });

  it("--vary __proto__.x, constructor and a misspelt path are refused naming --vary", () => {
    expect(errorOf(() => parseVary("__proto__.x=1,2")).message).toMatch(/^--vary __proto__\.x=1,2: __proto__: a key may not be named "__proto__"/);
    expect(errorOf(() => parseVary("sites[*].constructor=1,2")).message).toMatch(/^--vary sites\[\*\]\.constructor=1,2: sites\[\*\]\.constructor: a key may not be named/);
    expect(errorOf(() => parseVary("sites[*].nodez=1,2")).message).toBe('--vary sites[*].nodez=1,2: sites[*].nodez: unknown key (did you mean "nodes"?)');
    expect(unpolluted()).toBe(true);
  });

  it("CLI: --set __proto__.x=1 exits 2 with one line, not 'internal error' with exit 1", () => {
    const r = ccsim(["run", "scenarios/erlang-c.yaml", "--set", "__proto__.x=1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.trim().split("\n")).toEqual(['--set __proto__.x=1: __proto__: a key may not be named "__proto__": every JavaScript object already has a property of that name']);
  });
});

describe("class 7: a reserved key in the file, and --vary inputs that would be dropped or mislabelled, are refused", () => {
  it("skills.__proto__ in YAML is refused at its line:col, not dropped and reported as missing", () => {
    const yaml = "sites: [{ id: dc1 }]\nagents:\n  - { group: all, count: 10, skills: { __proto__: 1, any: 1 } }\ntraffic: [{ type: calls, arrivals: { rate: 1/min }, handleTime: 3m, target: any }]\n";
    const e = errorOf(() => scenarioOf(yaml));
    expect(e.message).toBe('test.yaml:3:40: agents[0].skills.__proto__: a skill may not be named "__proto__": every JavaScript object already has a property of that name');
  });

  it("skills.__proto__ and capacityRules.constructor in JSON are refused at their line:col", () => {
    const json = `{"sites": [{"id": "dc1"}], "agents": [{"group": "all", "count": 10, "skills": {"any": 1, "__proto__": 2}}], "traffic": [{"type": "calls", "arrivals": {"rate": "1/min"}, "handleTime": "3m", "target": "any"}]}`;
    expect(json).toContain('"__proto__": 2');
    const e = errorOf(() => scenarioOf(json));
    expect(e.message).toMatch(/^test\.yaml:1:\d+: agents\[0\]\.skills\.__proto__: a skill may not be named "__proto__"/);
    expect(e.col).toBe(json.indexOf('"__proto__"') + 1);
    const rules = `{"capacityRules": {"constructor": [{"voice": 1}]}, ${MINIMAL_JSON}}`;
    expect(errorOf(() => scenarioOf(rules)).message).toBe(
      'test.yaml:1:20: capacityRules.constructor: a capacity rule may not be named "constructor": every JavaScript object already has a property of that name',
    );
  });

  it("the same path in two --vary is refused naming both, not the first dropped", () => {
    const v = [parseVary("agents[0].count=13,14"), parseVary("agents[0].count=15,16")];
    expect(errorOf(() => refuseOverlaps([], v)).message).toBe(
      "--vary agents[0].count=15,16: agents[0].count: the same field as --vary agents[0].count=13,14: give each field once, with all its values",
    );
    expect(errorOf(() => refuseOverlaps([], [parseVary("sites[*].nodes=1,2"), parseVary("sites[0].nodes=3,4")])).message).toContain(
      "overlaps --vary sites[*].nodes=1,2 (sites[0].nodes is one of sites[*].nodes)",
    );
    expect(errorOf(() => refuseOverlaps([], [parseVary("agents[0]={group: a, count: 1}"), parseVary("agents[0].count=1,2")])).message).toContain(
      "(agents[0].count is inside agents[0])",
    );
    // different fields of the same item are two fields
    expect(() => refuseOverlaps([], [parseVary("agents[*].count=1,2"), parseVary("agents[0].skills.any=1,2")])).not.toThrow();
  });

  it("--set on the path a --vary varies, inside it or around it, is refused naming both", () => {
    const nodes = [parseVary("sites[*].nodes=1,2")];
    expect(errorOf(() => refuseOverlaps(["sites[0].nodes=2"], nodes)).message).toBe(
      "--set sites[0].nodes=2: sites[0].nodes: one of sites[*].nodes, which --vary sites[*].nodes=1,2 varies: the --vary would replace the --set in every point; drop one of them",
    );
    expect(errorOf(() => refuseOverlaps(["sites=[{id: dc1}]"], nodes)).message).toContain("sites: contains sites[*].nodes, which --vary sites[*].nodes=1,2 varies");
    expect(errorOf(() => refuseOverlaps(["agents[0].count=3"], [parseVary("agents[0].count=13,14")])).message).toContain(
      "the same field as --vary agents[0].count=13,14",
    );
    expect(errorOf(() => refuseOverlaps(["agents[0].skills.any=3"], [parseVary("agents[0]={group: a},{group: b}")])).message).toContain(
      "agents[0].skills.any: inside agents[0]",
    );
    expect(() => refuseOverlaps(["sites[0].vq.priority=2", "horizon=1h"], nodes)).not.toThrow();
  });

  it("a value given twice (or two that read the same) is refused, since two labels would name one point", () => {
    expect(errorOf(() => parseVary("agents[0].count=1,1")).message).toBe("--vary agents[0].count=1,1: agents[0].count: the value 1 is given twice");
    expect(errorOf(() => parseVary("agents[0].count=1,1.0")).message).toContain("the values 1 and 1.0 are the same");
    expect(errorOf(() => parseVary("agents[0].count=")).message).toContain("expected path=value1,value2");
    expect(errorOf(() => parseVary("agents[0].count=1,,2")).message).toContain("expected path=value1,value2");
  });

  it("[*] is refused where its length is unknown or zero, and on what is not a list", () => {
    expect(errorOf(() => parseVary("routing[*].mode=a,b")).message).toContain("[*] stands once, right after one of the scenario's lists");
    expect(errorOf(() => parseVary("agents[*].skills[*]=1,2")).message).toContain("[*] stands once");
    expect(errorOf(() => parseVary("agents[0].staffing.counts[*]=1,2")).message).toContain("[*] stands once");
    expect(errorOf(() => parseOverrideStar()).message).toContain("[*] (every item) is for --vary");
    const grid = () => variantGrid([parseVary("faults[*].at=1m,2m")], () => 0);
    expect(errorOf(grid).message).toBe("--vary faults[*].at=1m,2m: faults: faults is empty, so [*] names nothing to vary");
    expect(variantGrid([parseVary("sites[*].nodes=1,2")], () => 2).map((g) => g.overrides)).toEqual([
      ["sites[0].nodes=1", "sites[1].nodes=1"],
      ["sites[0].nodes=2", "sites[1].nodes=2"],
    ]);
  });

  it("--vary of a study-wide field (seed, replications) is refused: every point would run the same", () => {
    expect(errorOf(() => parseVary("seed=1,2")).message).toContain("every point runs on the one seed of the study");
    expect(errorOf(() => parseVary("replications=2,5")).message).toContain("give --replications");
    expect(errorOf(() => parseVary("$schema=a,b")).message).toContain("ccsim ignores $schema");
  });

  it("CLI: sweep with a duplicate --vary exits 2, one line, and writes no --out file", () => {
    const dir = join(tmp(), "out");
    const r = ccsim(["sweep", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=13,14", "--vary", "agents[0].count=15,16", "--out", dir, "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--vary agents\[0\]\.count=15,16: .*the same field as --vary agents\[0\]\.count=13,14/);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("CLI: compare with --set on the varied path exits 2 naming both", () => {
    const r = ccsim(["compare", "scenarios/two-sites-node-based.yaml", "--set", "sites[1].nodes=2", "--vary", "sites[*].nodes=1,2"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "--set sites[1].nodes=2: sites[1].nodes: one of sites[*].nodes, which --vary sites[*].nodes=1,2 varies: the --vary would replace the --set in every point; drop one of them",
    );
  });
});

describe("class 9: errors a --set or --vary value causes name the flag and the override, not the file", () => {
  const FILE = `horizon: 8h
warmup: 2h
sites: [{ id: dc1 }]
routing: { proxy: round-robin }
agents: [{ group: all, count: 10, skills: { any: 1 } }]
traffic: [{ type: calls, arrivals: { rate: 1/min }, handleTime: 3m, target: any }]
`;

  it("a bad value (parse, zod type) is blamed on the --set", () => {
    expect(errorOf(() => scenarioOf(FILE, ["agents[0].count=-1"])).message).toBe(
      "--set agents[0].count=-1: agents[0].count: expected a whole number >= 1, got -1",
    );
    expect(errorOf(() => scenarioOf(FILE, ["routing={mode: none"])).message).toMatch(/^--set routing=\{mode: none: the value is not valid YAML/);
  });

  it("a value nested 2,000 levels deep is refused by its depth before the YAML parser recurses (it overflowed the stack)", () => {
    const deep = "[".repeat(2000);
    const msg = errorOf(() => scenarioOf(FILE, [`horizon=${deep}`])).message;
    expect(msg).toMatch(/^--set horizon=\[{100,}\.\.\.\(2014 characters\)\.\.\.\[+: the value nests deeper than 64 levels$/);
    expect(msg).not.toMatch(/stack/);
  });

  it("a --set holding a newline, or a megabyte, is quoted on one short line", () => {
    const nl = errorOf(() => scenarioOf(FILE, ["horizon=1h\n2h"])).message;
    expect(nl.split("\n")).toHaveLength(1);
    expect(nl).toMatch(/^--set horizon=1h\\n2h: horizon: expected a duration/);
    const long = errorOf(() => scenarioOf(FILE, [`traffic[0].target=${"x".repeat(1_000_000)}`])).message;
    expect(long.length).toBeLessThan(600);
    expect(long).toMatch(/\.\.\.\(1000024 characters\)\.\.\./);
  });

  it("a mapping an override created, missing a key, is blamed on the override, not the file's nearest node", () => {
    expect(errorOf(() => scenarioOf(FILE, ["traffic[0].patience.mean=1s"])).message).toBe(
      "--set traffic[0].patience.mean=1s: traffic[0].patience.dist: missing (expected dist: one of constant, exponential, uniform, normal, lognormal, gamma, erlang, empirical)",
    );
  });

  it("a normalizer cross-check the override alone causes is blamed on it, with the file's place kept", () => {
    expect(errorOf(() => scenarioOf(FILE, ["horizon=1h"])).message).toBe(
      '--set horizon=1h: warmup: expected a warmup shorter than the horizon (1h), got "2h" (see test.yaml:2:9)',
    );
    expect(errorOf(() => scenarioOf(FILE, ["seed=3", "routing.mode=grouped"])).message).toMatch(
      /^--set routing\.mode=grouped: routing\.nodesPerUrs: missing .* \(see test\.yaml:4:10\)$/,
    );
    expect(errorOf(() => scenarioOf(FILE, ["agents[0].skills={other: 1}"])).message).toMatch(
      /^--set agents\[0\]\.skills=\{other: 1\}: traffic\[0\]\.target: no agent group has skill "any" \(see test\.yaml:6:\d+\)$/,
    );
  });

  it("a problem the file has on its own stays the file's, with or without overrides", () => {
    const bad = FILE.replace("warmup: 2h", "warmup: 9h");
    const alone = errorOf(() => scenarioOf(bad)).message;
    expect(alone).toMatch(/^test\.yaml:2:9: warmup: /);
    expect(errorOf(() => scenarioOf(bad, ["seed=4", "agents[0].count=3"])).message).toBe(alone);
  });

  it("a problem in a trace CSV an override points to stays the CSV's, at its own line", () => {
    const dir = tmp();
    writeFileSync(join(dir, "calls.csv"), "time\n1\nx\n");
    const e = errorOf(() => loadScenario({ text: FILE, file: join(dir, "s.yaml"), overrides: ["traffic[0].arrivals={trace: calls.csv}"] }));
    expect(e.message).toBe(`${join(dir, "calls.csv")}:3:1: time: expected seconds from the start or an ISO timestamp, got "x"`);
  });

  it("a bad --vary value is blamed on --vary, through the study that loads each point", () => {
    const v = parseVary("sites[*].nodes=1,x");
    const source = {
      kind: "sweep" as const,
      file: "test.yaml",
      text: FILE,
      set: [],
      paths: [v.path],
      points: variantGrid([v], () => 1).map((g) => ({ values: g.label, overrides: g.overrides })),
    };
    expect(errorOf(() => planStudy(source)).message).toBe('--vary sites[0].nodes=x: sites[0].nodes: expected a whole number >= 1, got "x"');
  });

  it("CLI: --set and --vary errors are never placed at scenario.yaml:1:1", () => {
    const set = ccsim(["validate", "scenarios/erlang-c.yaml", "--set", "horizon=1s"]);
    expect(set.code).toBe(2);
    expect(set.stderr.trim()).toBe('--set horizon=1s: warmup: expected a warmup shorter than the horizon (1s), got "2h" (see scenarios/erlang-c.yaml:12:9)');
    const vary = ccsim(["compare", "scenarios/erlang-c.yaml", "--vary", "agents[0].count=13,-1"]);
    expect(vary.code).toBe(2);
    expect(vary.stderr.trim()).toBe("--vary agents[0].count=-1: agents[0].count: expected a whole number >= 1, got -1");
  });
});

const MINIMAL_JSON = '"sites": [{"id": "dc1"}], "agents": [{"group": "all", "count": 1, "skills": {"any": 1}}], "traffic": [{"type": "calls", "arrivals": {"rate": "1/min"}, "handleTime": "3m", "target": "any"}]';

function parseOverrideStar(): unknown {
  return scenarioOf(MINIMAL, ["sites[*].nodes=2"]);
}

describe("class 4: any --set path and value (property): a scenario or one exit-2 line blamed on the --set, never pollution", () => {
  const SEED = Number(process.env.CCSIM_FUZZ_SEED ?? 20260521);
  const SCALE = Number(process.env.CCSIM_FUZZ_SCALE ?? 1);
  const name = fc.constantFrom(
    "agents", "sites", "traffic", "routing", "skills", "count", "nodes", "mode", "reservation", "handleTime", "mean",
    "dist", "arrivals", "rate", "capacityRules", "voice", "targets", "serviceLevel", "utilization", "faults", "between",
    "staffing", "counts", "im", "components", "smartProxy", "any", "__proto__", "constructor", "prototype", "toString",
    "valueOf", "hasOwnProperty", "x", "agentz", "lang.en", "",
  );
  const segment = fc.oneof(name, fc.constantFrom(0, 1, 2, 9, 2 ** 53), fc.string({ maxLength: 4 }));
  const render = (segs: readonly (string | number)[]) =>
    segs.map((s, i) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`)).join("");
  // real paths, so that many cases get past the path check and reach zod and the normalizer, then noise after them
  const VALID = [
    "agents[0].count", "agents[0].skills.any", "agents[0].skills", "agents[0]", "sites[0].nodes", "sites", "traffic[0].handleTime",
    "traffic[0].handleTime.mean", "traffic[0].patience.mean", "routing.reservation.mode", "routing.mode", "capacityRules.voice",
    "capacityRules.voice[0].voice", "targets.serviceLevel", "targets.utilization.urs", "faults", "faults[0].at",
    "traffic[0].arrivals.rate", "agents[0].staffing.counts", "agents[0].staffing.counts[0]", "horizon", "warmup", "seed",
  ];
  const pathText = fc.oneof(
    fc.array(segment, { minLength: 1, maxLength: 5 }).map(render),
    fc.tuple(fc.constantFrom(...VALID), fc.array(segment, { maxLength: 2 })).map(([p, extra]) => p + (extra.length === 0 ? "" : render(["_", ...extra]).slice(1))),
    fc.constantFrom(...VALID),
  );
  const value = fc.oneof(
    fc.constantFrom("1", "-1", "0", "1e308", "-1e308", "NaN", ".inf", "null", "~", "", "[]", "{}", "3m", "x", "[1, 2]",
      "{__proto__: {x: 1}}", "{constructor: 1}", "{dist: exponential, mean: 1s}", "{voice: 1}", "[{voice: 1}]", "{mode: none"),
    fc.string({ maxLength: 8 }),
  );
  it("holds for random paths built from the scenario's keys, reserved names and noise", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pathText, value), { minLength: 1, maxLength: 3 }), (sets) => {
        const overrides = sets.map(([p, v]) => `${p}=${v}`);
        try {
          scenarioOf(MINIMAL, overrides);
        } catch (e) {
          expect(e, overrides.join(" ")).toBeInstanceOf(InputError);
          const msg = (e as InputError).message;
          expect(msg.includes("\n"), msg).toBe(false);
          // the file alone is valid, so whatever fails was one of the overrides, and the message says which
          expect(overrides.some((o) => msg.startsWith(`--set ${o}: `)), msg).toBe(true);
        }
        expect(unpolluted()).toBe(true);
      }),
      { seed: SEED, numRuns: 400 * SCALE },
    );
  });
  it("holds for sweeps: random --vary (with [*]) and --set, built the way ccsim sweep builds its points", () => {
    const star = fc.tuple(fc.constantFrom("sites", "agents", "traffic", "faults"), fc.constantFrom("nodes", "count", "handleTime", "at", "__proto__", "skills", "x"))
      .map(([l, f]) => `${l}[*].${f}`);
    const vary = fc.tuple(fc.oneof(pathText, star), fc.array(value, { minLength: 1, maxLength: 3 }))
      .map(([p, vs]) => `${p}=${vs.map((v) => v.replaceAll(",", ";")).join(",")}`);
    fc.assert(
      fc.property(fc.array(vary, { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(pathText, value), { maxLength: 2 }), (varies, sets) => {
        const set = sets.map(([p, v]) => `${p}=${v}`);
        try {
          const vs = varies.map(parseVary);
          refuseOverlaps(set, vs);
          const base = scenarioOf(MINIMAL, set) as unknown as Record<string, unknown[]>;
          const grid = variantGrid(vs, (list) => base[list]!.length);
          planStudy({ kind: "sweep", file: "test.yaml", text: MINIMAL, set, paths: vs.map((v) => v.path), points: grid.map((g) => ({ values: g.label, overrides: g.overrides })) });
        } catch (e) {
          expect(e, [...varies, ...set].join(" ")).toBeInstanceOf(InputError);
          const msg = (e as InputError).message;
          expect(msg.includes("\n"), msg).toBe(false);
          expect(/^--(vary|set) /.test(msg), msg).toBe(true);
        }
        expect(unpolluted()).toBe(true);
      }),
      { seed: SEED, numRuns: 200 * SCALE },
    );
  });
});
