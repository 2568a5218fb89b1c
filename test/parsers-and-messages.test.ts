// Issue 17, classes 4 and 9: parsers and walks over user input that cannot overflow the stack or run quadratic,
// distributions refused for what they would draw, and messages that name what is wrong in ccsim's own words.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { DistributionRangeError, MAX_DRAW, checkDistribution, sampler } from "../src/kernel/distributions.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { planWithTargets } from "../src/cli/target-option.js";
import { didYouMean } from "../src/scenario/did-you-mean.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { compileSkillExpression, MAX_EXPRESSION_DEPTH } from "../src/scenario/skill-expression.js";
import type { DistributionSpec } from "../src/scenario/types.js";
import { ccsim, scenarioOf, errorOf } from "./helpers.js";

const TMP = mkdtempSync(join(tmpdir(), "ccsim-parsers-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// line 7 is the traffic type's handleTime, line 8 its target
const scenario = (o: { handleTime?: string; target?: string; patience?: string; extra?: string } = {}) => `sites: [{id: dc1}]
agents:
  - {group: g, count: 2, skills: {sales: 1}}
traffic:
  - type: t
    arrivals: {rate: 1/min}
    handleTime: ${o.handleTime ?? "30s"}
    target: ${JSON.stringify(o.target ?? "sales")}
${o.patience === undefined ? "" : `    patience: ${o.patience}\n`}${o.extra ?? ""}`;


const refused = (yaml: string, overrides: string[] = []) => errorOf(() => scenarioOf(yaml, overrides));

/** the phrasings of zod's default messages, none of which a user may see */
const ZOD_WORDING = /Invalid input|Invalid option|Invalid element|Invalid key|Invalid union|Too big|Too small|Unrecognized key|expected \w+, received|received \w+$|Required$/;

describe("class 4: every recursive parser has a depth limit", () => {
  const deep = "(".repeat(3000) + "sales" + ")".repeat(3000);

  it("class 4: a skill expression nested 3,000 parentheses deep in a file is refused at the value's line, not a stack overflow", () => {
    const e = refused(scenario({ target: deep }));
    expect(e.message).toMatch(/^test\.yaml:8:\d+: traffic\[0\]\.target: bad skill expression: nested deeper than 32 levels/);
    // the column is the first '(' past the limit, inside the quoted value that starts at column 13
    expect(e.col).toBe(13 + 1 + MAX_EXPRESSION_DEPTH);
  });

  it("class 4: the same expression through --set traffic[0].target=... is refused naming the --set", () => {
    const e = refused(scenario(), [`traffic[0].target=${deep}`]);
    expect(e.where.startsWith("--set traffic[0].target=")).toBe(true);
    expect(e.detail).toContain("nested deeper than 32 levels");
  });

  it("class 4: 3,000 '!' in a row are refused like 3,000 parentheses", () => {
    expect(refused(scenario({ target: "!".repeat(3000) + "sales" })).detail).toContain("nested deeper than 32 levels");
  });

  it("class 4: 32 levels still compile and evaluate", () => {
    const e = compileSkillExpression("(".repeat(32) + "sales > 1" + ")".repeat(32));
    expect(e.matches({ sales: 2 }, "dc1", "dc1")).toBe(true);
    expect(e.matches({ sales: 1 }, "dc1", "dc1")).toBe(false);
  });

  it("class 4: a 1 MB skill expression a|a|a|... is refused as too long in well under a second", () => {
    const t0 = performance.now();
    const e = errorOf(() => loadScenario({ text: scenario({ target: Array(500_000).fill("a").join("|") }), file: "test.yaml" }));
    expect(e.detail).toContain("longer than 4096 characters");
    expect(e.line).toBe(8);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("class 4: a long | chain at the length limit evaluates as a loop (right answer, every term reached)", () => {
    const names = Array.from({ length: 600 }, (_, i) => `s${i}`);
    const e = compileSkillExpression(names.join(" | "));
    expect(e.skills).toHaveLength(600);
    expect(e.matches({ s599: 1 }, "dc1", "dc1")).toBe(true);
    expect(e.matches({ s0: 0 }, "dc1", "dc1")).toBe(false);
    const all = compileSkillExpression(names.join(" & "));
    expect(all.matches(Object.fromEntries(names.map((n) => [n, 1])), "dc1", "dc1")).toBe(true);
    expect(all.matches(Object.fromEntries(names.slice(1).map((n) => [n, 1])), "dc1", "dc1")).toBe(false);
  });

  it("class 4: a target comparison with 200,000 blanks inside is refused at once, not after 30 s of regex backtracking", () => {
    const t0 = performance.now();
    const e = refused(scenario(), [`targets.serviceLevel=>= a${" ".repeat(200_000)}b`]);
    expect(e.detail).toContain('expected a comparison like ">= 0.80"');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("class 4: did-you-mean on a megabyte-long key answers at once (its distance costs length x length)", () => {
    const t0 = performance.now();
    expect(didYouMean("agents".repeat(200_000), ["agents".repeat(200_000) + "x", "agents"])).toBeUndefined();
    // an explicit key (? ...), as YAML allows an implicit one only 1024 characters
    const e = refused(scenario({ extra: `? ${"agentz".repeat(100_000)}\n: 1\n` }));
    expect(e.detail).toContain("unknown key");
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("class 4: a JSON scenario nested 100,000 levels deep is refused before the parser recurses", () => {
    for (const text of [`{"sites": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, `{"sites": [${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`]) {
      const e = errorOf(() => loadScenario({ text, file: "deep.json" }));
      expect(e.detail).toContain("nested deeper than 64 levels");
      expect(e.line).toBe(1);
    }
  });
});

describe("class 4: every distribution is checked for what it draws, not only for what it is", () => {
  // [handleTime as written, the field refused, a substring of the message]
  const cases: [string, string, string][] = [
    ["{dist: exponential, mean: 1e308}", "traffic[0].handleTime.mean", "exponential: mean 1e+308s makes draws reach Infinity"],
    ["{dist: exponential, mean: 1e11}", "traffic[0].handleTime.mean", "makes draws reach 2.22e+12s"],
    ["{dist: lognormal, mean: 1e300, sd: 1e300}", "traffic[0].handleTime.mean", "lognormal: mean 1e+300s is longer than any draw may be"],
    ["{dist: lognormal, mean: 4m, sd: 1e21}", "traffic[0].handleTime.sd", "lognormal: sd 1e+21s makes draws reach 1.45e+21s"],
    ["{dist: normal, mean: 1e300, sd: 1e-300}", "traffic[0].handleTime.mean", "normal: mean 1e+300s"],
    ["{dist: normal, mean: 0, sd: 1e300}", "traffic[0].handleTime.sd", "normal: sd 1e+300s makes draws reach 9.3e+300s"],
    ["{dist: gamma, mean: 5m, cv: 1e-200}", "traffic[0].handleTime.cv", "gamma: cv 1e-200 is too small to draw from"],
    ["{dist: gamma, mean: 5m, cv: 1e100}", "traffic[0].handleTime.cv", "gamma: cv 1e+100 makes draws reach"],
    ["{dist: gamma, mean: 1e300, cv: 1}", "traffic[0].handleTime.mean", "gamma: mean 1e+300s"],
    ["{dist: erlang, k: 3, mean: 1e300}", "traffic[0].handleTime.mean", "erlang: mean 1e+300s"],
    ["{dist: empirical, values: [1, 1.7976931348623157e308]}", "traffic[0].handleTime.values[1]", "empirical: values[1] 1.8e+308s"],
    ["{dist: empirical, values: [1, 2], weights: [1e308, 1e308]}", "traffic[0].handleTime.weights", "weights sum to infinity"],
    ["{dist: uniform, min: 0, max: 1e300}", "traffic[0].handleTime.max", "uniform: max 1e+300s"],
    ["1e300", "traffic[0].handleTime", "1e+300s is longer than any draw may be (1e12s, about 31,700 years)"],
    ["1e-9", "traffic[0].handleTime", "1e-9s is below the clock's resolution (1µs)"],
    ["{dist: exponential, mean: 1e-300}", "traffic[0].handleTime.mean", "below the clock's resolution"],
  ];
  for (const [written, path, message] of cases) {
    it(`class 4: handleTime ${written} is refused at ${path}, exit 2`, () => {
      const e = refused(scenario({ handleTime: written }));
      expect(e.message).toMatch(/^test\.yaml:7:\d+: /);
      expect(e.path).toBe(path);
      expect(e.detail).toContain(message);
    });
  }

  it("class 4: patience is held to the same rule, at its own line", () => {
    const e = refused(scenario({ patience: "{dist: exponential, mean: 1e308}" }));
    expect(e.message).toMatch(/^test\.yaml:9:\d+: traffic\[0\]\.patience\.mean: exponential: mean 1e\+308s/);
  });

  it("class 4: the loader's rule is the kernel's: a spec loads exactly when checkDistribution accepts it, and then draws stay in [0, 1e12]", () => {
    const dur = fc.oneof(
      fc.double({ min: 0, max: 1e308, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, 1e-300, 5e-7, 1e-6, 1, 5, 300, 1e8, 4.5e10, 1e12, 1e21, 1e300, 1.7976931348623157e308),
    );
    const spec: fc.Arbitrary<DistributionSpec> = fc.oneof(
      dur.map((value) => ({ dist: "constant" as const, value })),
      dur.map((mean) => ({ dist: "exponential" as const, mean })),
      fc.tuple(dur, dur).map(([mean, sd]) => ({ dist: "normal" as const, mean, sd })),
      fc.tuple(dur, dur).map(([mean, sd]) => ({ dist: "lognormal" as const, mean, sd })),
      fc.tuple(dur, dur).map(([mean, cv]) => ({ dist: "gamma" as const, mean, cv })),
      fc.tuple(fc.integer({ min: 1, max: 1e6 }), dur).map(([k, mean]) => ({ dist: "erlang" as const, k, mean })),
    );
    const yamlOf = (s: DistributionSpec): string => {
      const n = (x: number) => JSON.stringify(x);
      switch (s.dist) {
        case "constant": return n(s.value);
        case "exponential": return `{dist: exponential, mean: ${n(s.mean)}}`;
        case "normal": return `{dist: normal, mean: ${n(s.mean)}, sd: ${n(s.sd)}}`;
        case "lognormal": return `{dist: lognormal, mean: ${n(s.mean)}, sd: ${n(s.sd)}}`;
        case "gamma": return `{dist: gamma, mean: ${n(s.mean)}, cv: ${n(s.cv)}}`;
        case "erlang": return `{dist: erlang, k: ${s.k}, mean: ${n(s.mean)}}`;
        default: throw new Error("not generated");
      }
    };
    const rng = new RandomStreams(7, 0).stream("fuzz");
    fc.assert(
      fc.property(spec, (s) => {
        let kernel = true;
        try {
          checkDistribution(s);
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          kernel = false;
        }
        let loader = true;
        try {
          scenarioOf(scenario({ handleTime: yamlOf(s) }));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          loader = false;
        }
        // exponential, gamma, erlang and lognormal need a mean > 0: the loader says so before the kernel would
        expect(loader).toBe(kernel);
        if (kernel) {
          const draw = sampler(s, rng);
          for (let i = 0; i < 200; i++) {
            const x = draw();
            expect(Number.isFinite(x) && x >= 0 && x <= MAX_DRAW).toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.CCSIM_FUZZ_RUNS ?? 300), seed: Number(process.env.CCSIM_FUZZ_SEED ?? 17) },
    );
  });

  it("class 4: a heavy-tailed lognormal a planner may write (mean 5s, sd 300s: cv 60) still loads", () => {
    expect(scenarioOf(scenario({ handleTime: "{dist: lognormal, mean: 5s, sd: 300s}" })).traffic[0]!.handleTime).toEqual({ dist: "lognormal", mean: 5, sd: 300 });
  });

  it("class 4: an arrival rate whose gaps the clock cannot resolve (over 1,000,000/s) is refused at the rate, in a constant and in a profile", () => {
    expect(refused(scenario().replace("{rate: 1/min}", "{rate: 1e300}")).message).toMatch(
      /^test\.yaml:6:\d+: traffic\[0\]\.arrivals\.rate: expected a rate of at most 1,000,000\/s .*, got 1e\+300$/,
    );
    expect(refused(scenario().replace("{rate: 1/min}", "{period: 8h, rates: [1/s, 2000000/s]}")).path).toBe("traffic[0].arrivals.rates[1]");
    expect(scenarioOf(scenario().replace("{rate: 1/min}", "{rate: 1000000/s}")).traffic[0]!.arrivals).toBeDefined();
  });

  it("class 4: the kernel names the field it refuses (DistributionRangeError.field)", () => {
    try {
      checkDistribution({ dist: "lognormal", mean: 240, sd: 1e21 });
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(DistributionRangeError);
      expect((e as DistributionRangeError).field).toBe("sd");
    }
  });
});

describe("class 9: messages that say what is wrong", () => {
  it("class 9: a misspelt required key (agentz:) is reported at its own line with a did-you-mean, not as 'agents: missing' at 1:1", () => {
    const e = refused(scenario().replace("agents:", "agentz:"));
    expect(e.message).toBe('test.yaml:2:1: agentz: unknown key (did you mean "agents"?)');
  });

  it("class 9: a misspelt required key inside a list item (grup:) is reported at its own line too", () => {
    const e = refused(scenario().replace("{group: g", "{grup: g"));
    expect(e.message).toMatch(/^test\.yaml:3:6: agents\[0\]\.grup: unknown key \(did you mean "group"\?\)/);
  });

  it("class 9: a required key that is simply absent is still 'missing'", () => {
    const e = refused(scenario().replace(/agents:\n.*\n/, ""));
    expect(e.detail).toContain("missing (expected a list of agent groups)");
  });

  it("class 9: !!binary, !!set, !!omap and !!timestamp values are described as what they are, wherever they are", () => {
    expect(refused(scenario({ handleTime: "!!binary aGVsbG8=" })).detail).toMatch(/got binary data \(!!binary, 5 bytes\)$/);
    expect(refused(scenario().replace("{sales: 1}", "!!set {sales}")).detail).toMatch(/got a set \(!!set\) of 1$/);
    expect(refused(scenario().replace("{sales: 1}", "!!omap [{sales: 1}]")).detail).toMatch(/got an ordered mapping \(!!omap\) of 1$/);
    expect(refused(scenario({ handleTime: "!!timestamp 2001-12-14" })).detail).toMatch(/got a timestamp \(!!timestamp\) 2001-12-14T00:00:00.000Z$/);
    expect(refused("!!binary aGVsbG8=\n").detail).toMatch(/^expected a scenario mapping .*, got binary data/);
    for (const e of [refused(scenario({ handleTime: "!!binary aGVsbG8=" })), refused("!!binary aGVsbG8=\n")]) {
      expect(e.message).not.toContain("a mapping {0, 1, 2");
    }
  });

  it("class 9: a tagged value where every key is optional is refused, not read as an empty mapping", () => {
    const e = refused(scenario({ extra: "network: !!timestamp 2001-12-14\n" }));
    expect(e.message).toMatch(/network: expected a \{intraSite, interSite, statDelay, presenceDelay\} mapping, got a timestamp/);
  });

  it("class 9: a tagged value given through --set is described the same way", () => {
    const e = refused(scenario(), ["sites=[!!binary aGk=]"]);
    expect(e.detail).toContain("got binary data (!!binary, 2 bytes)");
  });

  it("class 9: no message, from any bad fixture or crafted input, is in zod's own wording", () => {
    const dir = join("test", "fixtures", "bad");
    const messages: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) {
      try {
        loadScenario({ file: join(dir, f) });
      } catch (e) {
        if (e instanceof InputError) messages.push(e.message);
      }
    }
    const crafted = [
      "$schema: 3", "version: 2", "name: 3", "name: ''", "seed: -1", "seed: 1.5", "replications: 0", "start: 3",
      "horizon: [1]", "horizon: {a: 1}", "topology: mesh", "sites: 3", "sites: []", "sites: [3]", "sites: [{id: 'a b'}]",
      "network: 3", "network: {intraSite: true}", "routing: {mode: 3}", "routing: {reservation: 3}", "capacityRules: 3",
      "capacityRules: {voice: []}", "capacityRules: {voice: [{voice: 0}]}", "capacityRules: {'1x': [{voice: 1}]}",
      "ha: {agentStateAutoRestore: 3}", "faults: 3", "faults: [3]", "faults: [{at: 1s, kind: link-down, between: [a, 1]}]",
      "faults: [{at: 1s, kind: link-down, between: [a]}]", "faults: [{at: 1s, kind: link-down, between: 3}]",
      "targets: 3", "targets: {serviceLevel: 3}", "targets: {utilization: 3}", "targets: {utilization: {urs: 3}}",
      "components: 3", "components: {smartProxy: 3}", "components: {smartProxy: {enabled: 3}}", "components: {urs: {attempt: -1}}",
    ].map((extra) => scenario({ extra: extra + "\n" }));
    const replaced: [string, string][] = [
      ["{sales: 1}", "{sales: -1}"], ["{sales: 1}", "{'1': 1}"], ["{sales: 1}", "[1]"], ["count: 2", "count: x"],
      ["count: 2", "count: 2, staffing: 3"], ["count: 2", "staffing: {period: 1h, counts: [1.5]}"], ["count: 2", "noAnswer: 2"],
      ["count: 2", "phone: fax"], ["count: 2", "answerDelay: {dist: weibull}"], ["count: 2", "wrapUp: {dist: 3}"],
      ["{rate: 1/min}", "{rates: 3}"], ["{rate: 1/min}", "{rates: []}"], ["{rate: 1/min}", "{trace: ''}"], ["{rate: 1/min}", "{resample: 3}"],
      ["{rate: 1/min}", "3"], ["type: t", "type: 3"], ["type: t", "type: t, media: fax"], ["type: t", "type: t, priority: x"],
      ["type: t", "type: t, im: 3"], ["30s", "{dist: empirical, values: []}"], ["30s", "{dist: empirical, values: [1], weights: [-1]}"],
      ["30s", "{dist: erlang, k: 0, mean: 1}"], ["30s", "{dist: gamma, mean: 1, cv: x}"], ["30s", "{dist: normal, mean: 1}"],
      ["30s", "{dist: normal, mean: 1, sd: 1, x: 1}"], ["30s", "[1, 2]"], ["30s", "true"], ["30s", "null"],
    ];
    const inputs = [...crafted, ...replaced.map(([a, b]) => scenario().replace(a, b)), "[1, 2]\n", "3\n", "sites: [{id: dc1}]\n"];
    for (const text of inputs) {
      try {
        loadScenario({ text, file: "crafted.yaml" });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        messages.push(e.message);
      }
    }
    expect(messages.length).toBeGreaterThan(150);
    for (const m of messages) expect(m, m).not.toMatch(ZOD_WORDING);
  });

  it("class 9: any JSON value at any field, given through --set, is loaded or refused in ccsim's words on one line (property)", () => {
    const paths = [
      "name", "seed", "horizon", "warmup", "interval", "serviceLevel", "topology", "sites", "sites[0]", "sites[0].id",
      "sites[0].nodes", "sites[0].vq", "network", "network.intraSite", "routing", "routing.mode", "routing.reservation",
      "capacityRules", "agents", "agents[0]", "agents[0].skills", "agents[0].staffing", "agents[0].noAnswer",
      "agents[0].wrapUp", "traffic", "traffic[0]", "traffic[0].arrivals", "traffic[0].arrivals.rates", "traffic[0].handleTime",
      "traffic[0].patience", "traffic[0].target", "traffic[0].im", "faults", "targets", "targets.serviceLevel",
      "targets.utilization", "components", "components.smartProxy", "ha", "ha.agentStateAutoRestore",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        try {
          scenarioOf(scenario(), [`${path}=${JSON.stringify(value)}`]);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.message, e.message).not.toMatch(ZOD_WORDING);
          expect(e.message).not.toContain("\n");
        }
      }),
      { numRuns: Number(process.env.CCSIM_FUZZ_RUNS ?? 400), seed: Number(process.env.CCSIM_FUZZ_SEED ?? 17) },
    );
  });

  it("class 9: a multi-line CSV record (a quoted field with newlines) is reported at its first line, LF or CRLF", () => {
    const cases: [string, string, string][] = [
      ["lf.csv", 'time,type\n1,t\n2,"t\n\nx"\n3,t\n', "lf.csv:3:2: type: unknown traffic type"],
      ["crlf.csv", 'time,type\r\n1,t\r\n2,"t\r\n\r\nx"\r\n3,t\r\n', "crlf.csv:3:2: type: unknown traffic type"],
      ["time.csv", 'time,type\n1,t\n"2\n\n",t\n', "time.csv:3:1: time: expected seconds"],
      // the record after a quoted CRLF is still counted from the file's own lines (csv-parse counts each CR as one)
      ["after.csv", 'time,type\r\n1,t\r\n2,"t\r\n\r\n"\r\nx,t\r\n', "after.csv:6:1: time: expected seconds"],
    ];
    for (const [name, csv, message] of cases) {
      const file = join(TMP, name);
      writeFileSync(file, csv);
      const e = refused(scenario().replace("{rate: 1/min}", `{trace: ${JSON.stringify(file)}}`));
      expect(e.message.startsWith(join(TMP, message))).toBe(true);
    }
  });

  const targetCases: [string, string, string][] = [
    ["serviceLevel", ">= 2", '">= 2" is never met: serviceLevel is a proportion in [0, 1]'],
    ["abandonRate", "< 0", '"< 0" is never met: abandonRate is a proportion in [0, 1]'],
    ["asa", "< 0s", '"< 0s" is never met: asa is a time >= 0'],
    ["abandonRate", "<= 500%", '"<= 500%" is always met: abandonRate is a proportion in [0, 1]'],
    ["serviceLevel", ">= 0", '">= 0" is always met: serviceLevel is a proportion in [0, 1]'],
    ["offered", ">= 0", '">= 0" is always met: offered is a count >= 0'],
    ["serviceLevel", "> 100%", '"> 100%" is never met'],
  ];
  for (const [metric, comparison, message] of targetCases) {
    it(`class 9: targets.${metric} "${comparison}" is refused with the metric's range, in the file and through --target`, () => {
      const inFile = refused(scenario({ extra: `targets:\n  ${metric}: "${comparison}"\n` }));
      expect(inFile.message).toMatch(new RegExp(`^test\\.yaml:10:\\d+: targets\\.${metric}: `));
      expect(inFile.detail).toContain(message);
      const file = join(TMP, `target-${metric}.yaml`);
      writeFileSync(file, scenario());
      const flag = errorOf(() => planWithTargets(file, { target: [`${metric}=${comparison}`] }));
      expect(flag.where).toBe(`--target ${metric}=${comparison}`);
      expect(flag.detail).toContain(message);
    });
  }

  it("class 9: check and size refuse a never-met --target with exit 2 and one line, before running anything", () => {
    for (const cmd of ["check", "size"]) {
      const r = ccsim([cmd, "scenarios/gate-pass.yaml", "--target", "serviceLevel=>= 2"]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('--target serviceLevel=>= 2: targets.serviceLevel: ">= 2" is never met: serviceLevel is a proportion in [0, 1] (0% to 100%)');
      expect(r.stdout).toBe("");
    }
  });

  it("class 9: targets that can go either way still load", () => {
    const s = scenarioOf(scenario({ extra: 'targets: {serviceLevel: ">= 0.8", abandonRate: "<= 5%", asa: "<= 30s", offered: "> 0", occupancy: "< 100%"}\n' }));
    expect(s.targets.map((t) => t.metric)).toEqual(["serviceLevel", "abandonRate", "asa", "offered", "occupancy"]);
  });
});
