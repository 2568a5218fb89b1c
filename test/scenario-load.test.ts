// Loading good scenarios: defaults, normalization, --set overrides, JSON input, freezing, and the JSON Schema.
import { readdirSync } from "node:fs";
import { COMPONENT_KINDS } from "../src/scenario/types.js";
import { describe, expect, it } from "vitest";
import { MINIMAL, errorOf } from "./helpers.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { parseOverride } from "../src/scenario/overrides.js";
import { PORT_METRIC_NAMES } from "../src/scenario/metric-names.js";
import { METRIC_NAMES, scenarioJsonSchema } from "../src/scenario/schema.js";
import type { Scenario } from "../src/scenario/types.js";

const GOOD = "test/fixtures/good";



describe("good fixtures", () => {
  for (const f of readdirSync(GOOD).sort()) {
    it(`loads ${f}`, () => {
      const s = loadScenario({ file: `${GOOD}/${f}` });
      expect(s.version).toBe(1);
      expect(Object.isFrozen(s)).toBe(true);
    });
  }
});

describe("defaults", () => {
  it("fills every default of a minimal scenario", () => {
    const s = loadScenario({ file: `${GOOD}/minimal.yaml` });
    const want: Scenario = {
      version: 1,
      name: "minimal",
      seed: 1,
      replications: 10,
      horizon: 8 * 3600,
      warmup: 0,
      interval: 900,
      serviceLevel: 20,
      topology: "cluster",
      sites: [{ id: "dc1", nodes: 1, vq: { priority: 0 }, gwsNode: 1 }],
      network: { intraSite: 0.001, interSite: 0.04, statDelay: 0.005, presenceDelay: 0.2 },
      routing: {
        mode: "node-based",
        nodesPerUrs: 1,
        environment: "none",
        selection: "longest-idle",
        reservation: { mode: "explicit", collectionTime: 0.3, reservationTime: 10 },
        routerTimeout: 10,
        strategyTime: 0,
        proxy: "round-robin",
        defaultRoute: { kind: "reject" },
        ursBackup: "same-node",
      },
      capacityRules: [{ name: "voice", alternatives: [{ voice: 1 }] }],
      agents: [
        {
          group: "all",
          site: "dc1",
          count: 10,
          skills: { any: 1 },
          capacity: "voice",
          phone: "sip",
          answerDelay: { dist: "constant", value: 0 },
          noAnswer: 0,
          noAnswerTimeout: 12,
          noAnswerAction: "notready",
          noAnswerNotReady: 60,
          wrapUp: { dist: "constant", value: 0 },
          noAnswerOverflow: "recall",
        },
      ],
      traffic: [
        {
          type: "calls",
          site: "dc1",
          media: "voice",
          arrivals: { period: 8 * 3600, rates: [1 / 60] },
          handleTime: { dist: "constant", value: 180 },
          target: "any",
          priority: 0,
        },
      ],
      ha: {
        addpTimeout: 7,
        proxyCheck: 5,
        proxyForce: 5,
        proxyDetection: null,
        tcReconnectTimeout: 0,
        registrationRefresh: 140,
        registrationDelay: null,
        agentStateAutoRestore: false,
        loginDelay: 60,
        gwsMoveWait: 30,
        requestTimeout: 5,
        regDnsChunkDelay: 1,
        regDnsChunkVolume: 100,
      },
      faults: [],
      targets: [],
      // which defaults were assumptions the file left to ccsim: test/defaults.test.ts
      assumptions: s.assumptions,
    };
    expect(s).toEqual(want);
    // absent means absent, not a key holding undefined
    expect("staffing" in s.agents[0]!).toBe(false);
    expect("patience" in s.traffic[0]!).toBe(false);
  });

  it("names a scenario after its file, or 'scenario' for bare text", () => {
    expect(loadScenario({ text: MINIMAL }).name).toBe("scenario");
    expect(loadScenario({ text: MINIMAL, file: "some/dir/peak-day.yml" }).name).toBe("peak-day");
    expect(loadScenario({ text: `name: mine\n${MINIMAL}` }).name).toBe("mine");
  });

  it("keeps the built-in voice rule unless the user defines voice", () => {
    const s = loadScenario({ text: `capacityRules: { blended: [{ voice: 1 }, { chat: 3 }] }\n${MINIMAL}` });
    expect(s.capacityRules.map((r) => r.name)).toEqual(["blended", "voice"]);
    const t = loadScenario({ text: `capacityRules: { voice: [{ voice: 2 }] }\n${MINIMAL}` });
    expect(t.capacityRules).toEqual([{ name: "voice", alternatives: [{ voice: 2 }] }]);
  });

  it("defaults each network key separately", () => {
    const s = loadScenario({ text: `network: { interSite: 80ms }\n${MINIMAL}` });
    expect(s.network).toEqual({ intraSite: 0.001, interSite: 0.08, statDelay: 0.005, presenceDelay: 0.2 });
  });
});

describe("normalization", () => {
  const s = loadScenario({ file: `${GOOD}/profiles.yaml` });

  it("takes staffing's largest count as the group size", () => {
    expect(s.agents[0]!.count).toBe(20);
    expect(s.agents[0]!.staffing).toEqual({ period: 3600, counts: [10, 20, 20, 15] });
  });

  it("turns a rate into a one-period profile over the horizon", () => {
    expect(s.traffic[1]!.arrivals).toEqual({ period: 4 * 3600, rates: [300 / 3600] });
    expect(s.traffic[0]!.arrivals.period).toBe(1800);
    expect(s.traffic[0]!.arrivals.rates[2]).toBeCloseTo(0.5, 12);
  });

  it("normalizes every distribution", () => {
    expect(s.agents[0]!.answerDelay).toEqual({ dist: "normal", mean: 3, sd: 1 });
    expect(s.agents[0]!.wrapUp).toEqual({ dist: "gamma", mean: 30, cv: 0.5 });
    expect(s.agents[1]!.answerDelay).toEqual({ dist: "erlang", k: 3, mean: 4 });
    expect(s.agents[1]!.wrapUp).toEqual({ dist: "empirical", values: [10, 20, 40], weights: [1, 2, 1] });
    expect(s.traffic[0]!.handleTime).toEqual({ dist: "lognormal", mean: 240, sd: 180 });
    expect(s.traffic[0]!.patience).toEqual({ dist: "uniform", min: 30, max: 180 });
    expect(s.traffic[1]!.handleTime).toEqual({ dist: "constant", value: 200 });
    const e = loadScenario({
      text: MINIMAL.replace("handleTime: 3m", "handleTime: { dist: empirical, values: [1m, 2m] }"),
    });
    expect(e.traffic[0]!.handleTime).toEqual({ dist: "empirical", values: [60, 120], weights: [1, 1] });
  });

  it("parses targets in the order written", () => {
    expect(s.targets).toEqual([
      { metric: "asa", op: "<=", value: 30, source: "<= 30s" },
      { metric: "serviceLevel", op: ">=", value: 0.8, source: ">= 80%" },
    ]);
  });

  it("fills grouped routing", () => {
    expect(s.routing).toMatchObject({ mode: "grouped", nodesPerUrs: 2, environment: "sitex", selection: "most-skilled", proxy: "least-loaded" });
  });

  it("loads the first planned two-site example (without faults)", () => {
    const d = loadScenario({ file: `${GOOD}/two-sites.yaml` });
    expect(d.name).toBe("two-sites-node-based");
    expect(d.warmup).toBe(1800);
    expect(d.sites.map((x) => `${x.id}:${x.nodes}:${x.vq.priority}`)).toEqual(["dc1:4:4", "dc2:4:2"]);
    expect(d.agents[0]!.answerDelay).toEqual({ dist: "uniform", min: 2, max: 6 });
    expect(d.traffic[0]!.arrivals.rates[0]).toBeCloseTo(1 / 3, 12);
  });
});

describe("JSON input", () => {
  it("reads JSON through the same parser, to the same scenario", () => {
    const fromJson = loadScenario({ file: `${GOOD}/minimal.json` });
    const fromYaml = loadScenario({
      text: MINIMAL.replace("{ id: dc1 }", "{ id: dc1, nodes: 2 }").replace("target: any", 'target: "any > 0"'),
      file: "minimal.yaml",
    });
    expect(fromJson).toEqual(fromYaml);
  });

  it("places JSON errors by line and column", () => {
    const text = '{\n  "sites": [{ "id": "dc1" }],\n  "agents": [{ "group": "a", "count": 0 }],\n  "traffic": []\n}';
    const e = errorOf(() => loadScenario({ text, file: "s.json" }));
    expect(e.message).toMatch(/^s\.json:3:/);
  });

  it("rejects duplicate JSON keys", () => {
    const text = '{"seed": 1, "seed": 2, "sites": [{"id": "dc1"}]}';
    expect(errorOf(() => loadScenario({ text, file: "d.json" })).message).toBe("d.json:1:13: seed: duplicate key (first at line 1)");
  });

  it("calls bare text <text> in messages", () => {
    expect(errorOf(() => loadScenario({ text: "seed: x\n" + MINIMAL })).message).toBe(
      '<text>:1:7: seed: expected a whole number >= 0, got "x"',
    );
  });
});

describe("freezing", () => {
  it("freezes the whole tree", () => {
    const s = loadScenario({ file: `${GOOD}/profiles.yaml` });
    const seen: unknown[] = [];
    const walk = (v: unknown): void => {
      if (typeof v !== "object" || v === null) return;
      seen.push(v);
      expect(Object.isFrozen(v)).toBe(true);
      for (const x of Object.values(v)) walk(x);
    };
    walk(s);
    expect(seen.length).toBeGreaterThan(30);
    expect(() => {
      (s as { seed: number }).seed = 2;
    }).toThrow(TypeError);
    expect(() => {
      (s.agents[0]!.skills as Record<string, number>)["sales"] = 1;
    }).toThrow(TypeError);
    expect(() => {
      (s.traffic as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("returns independent scenarios from the same text", () => {
    const a = loadScenario({ text: MINIMAL });
    const b = loadScenario({ text: MINIMAL, overrides: ["seed=9"] });
    expect(a.seed).toBe(1);
    expect(b.seed).toBe(9);
  });
});

describe("--set overrides", () => {
  it("parses paths and YAML flow values", () => {
    expect(parseOverride("agents[0].count=25")).toEqual({ path: ["agents", 0, "count"], value: 25, source: "agents[0].count=25", where: "--set agents[0].count=25" });
    expect(parseOverride("sites[1].vq.priority=2").path).toEqual(["sites", 1, "vq", "priority"]);
    expect(parseOverride("routing.mode=centralized").value).toBe("centralized");
    expect(parseOverride("routing.reservation={mode: none}").value).toEqual({ mode: "none" });
    expect(parseOverride("traffic[0].arrivals.rates=[1/min, 2/min]").value).toEqual(["1/min", "2/min"]);
    expect(parseOverride('agents[0].skills["lang.en"]=3').path).toEqual(["agents", 0, "skills", "lang.en"]);
    expect(parseOverride("targets.serviceLevel=>= 0.9").value).toBe(">= 0.9");
    expect(parseOverride("traffic[0].target=!english").value).toBe("!english");
    expect(parseOverride("traffic[0].target=sales > 1 & english").value).toBe("sales > 1 & english");
    expect(parseOverride("name=a=b").value).toBe("a=b");
  });

  it.each([
    ["count", "expected path=value"],
    ["=3", "expected path=value"],
    ["a..b=1", "bad path"],
    ["[0]=1", "expected path=value"],
    ["agents[x]=1", "bad path"],
    ["routing={mode: none", "the value is not valid YAML"],
  ])("rejects %j", (s, message) => {
    const e = errorOf(() => parseOverride(s));
    expect(e.message.startsWith(`--set ${s}: `)).toBe(true);
    expect(e.message).toContain(message);
  });

  it("applies them in order over the file", () => {
    const s = loadScenario({
      file: `${GOOD}/two-sites.yaml`,
      overrides: [
        "agents[0].count=25",
        "routing.mode=grouped",
        "routing.nodesPerUrs=2",
        "routing.reservation={mode: none}",
        "sites[1].nodes=8",
        "seed=7",
        "seed=8",
        "targets.serviceLevel=>= 0.9",
      ],
    });
    expect(s.agents[0]!.count).toBe(25);
    expect(s.routing.mode).toBe("grouped");
    expect(s.routing.nodesPerUrs).toBe(2);
    // the flow map replaced the file's reservation, so its times are back to the defaults
    expect(s.routing.reservation).toEqual({ mode: "none", collectionTime: 0.3, reservationTime: 10 });
    expect(s.sites[1]!.nodes).toBe(8);
    expect(s.seed).toBe(8);
    expect(s.targets[0]).toEqual({ metric: "serviceLevel", op: ">=", value: 0.9, source: ">= 0.9" });
  });

  it("creates missing mappings on the way", () => {
    const s = loadScenario({ text: MINIMAL, overrides: ["routing.reservation.collectionTime=100ms", "sites[0].vq.priority=3"] });
    expect(s.routing.reservation.collectionTime).toBe(0.1);
    expect(s.sites[0]!.vq.priority).toBe(3);
  });

  it("names the --set in errors about what it wrote", () => {
    const cases: [string, string][] = [
      ["agents[0].count=abc", '--set agents[0].count=abc: agents[0].count: expected a whole number >= 1, got "abc"'],
      ["routing.moed=grouped", '--set routing.moed=grouped: routing.moed: unknown key (did you mean "mode"?)'],
      [
        "routing.reservation={mode: nne}",
        '--set routing.reservation={mode: nne}: routing.reservation.mode: expected one of explicit, implicit, none, got "nne" (did you mean "none"?)',
      ],
      ["horizon=-1h", '--set horizon=-1h: horizon: expected a duration >= 0, got "-1h"'],
      ["traffic[0].target=any >", "--set traffic[0].target=any >: traffic[0].target: bad skill expression: expected a number after '>', got the end of the expression (character 6 of the expression)"],
    ];
    for (const [ov, msg] of cases) expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: [ov] })).message).toBe(msg);
  });

  it("rejects an index beyond a list and a path through a non-mapping", () => {
    expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: ["agents[3].count=1"] })).message).toBe(
      "--set agents[3].count=1: agents[3]: index 3 is beyond the list (agents has 1 item); to add an item, set the whole list, e.g. --set 'agents=[...]'",
    );
    expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: ["agents[1]={group: b, count: 1}"] })).message).toContain(
      "index 1 is beyond the list",
    );
    expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: ["agents[0].count.max=1"] })).message).toBe(
      "--set agents[0].count.max=1: agents[0].count.max: agents[0].count is a number, with no fields or items inside",
    );
    expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: ["sites.id=dc2"] })).message).toBe(
      "--set sites.id=dc2: sites.id: sites is a list: give an index first, e.g. sites[0].id",
    );
    expect(errorOf(() => loadScenario({ text: MINIMAL, overrides: ["network[0]=1"] })).message).toContain(
      "network is a mapping, not a list",
    );
  });

  it("reports a problem in the file before one in a --set", () => {
    const e = errorOf(() => loadScenario({ text: "seed: -1\n" + MINIMAL, file: "f.yaml", overrides: ["replications=0"] }));
    expect(e.message).toBe("f.yaml:1:7: seed: expected a whole number >= 0, got -1");
  });
});

describe("InputError", () => {
  it("carries its parts", () => {
    const e = errorOf(() => loadScenario({ text: MINIMAL.replace("count: 10", "count: 0"), file: "x.yaml" }));
    expect(e.where).toBe("x.yaml:3:31");
    expect(e.line).toBe(3);
    expect(e.col).toBe(31);
    expect(e.path).toBe("agents[0].count");
    expect(e.detail).toBe("expected a whole number >= 1, got 0");
    expect(e.message).toBe("x.yaml:3:31: agents[0].count: expected a whole number >= 1, got 0");
  });

  it("points inside a quoted expression, and at the start of a block scalar's", () => {
    const quoted = errorOf(() => loadScenario({ text: MINIMAL.replace("target: any", "target: 'any >= x'"), file: "q.yaml" }));
    expect(quoted.where).toBe("q.yaml:4:85");
    const block = errorOf(() =>
      loadScenario({ text: MINIMAL.replace("traffic: [{ type: calls, arrivals: { rate: 1/min }, handleTime: 3m, target: any }]", "traffic:\n  - type: calls\n    arrivals: { rate: 1/min }\n    handleTime: 3m\n    target: >-\n      any >= x\n"), file: "b.yaml" }),
    );
    expect(block.message).toBe(
      "b.yaml:8:13: traffic[0].target: bad skill expression: expected a number after '>=', got 'x' (character 8 of the expression)",
    );
  });
});

describe("scenarioJsonSchema", () => {
  const schema = scenarioJsonSchema() as Record<string, unknown> & {
    properties: Record<string, { description?: string }>;
    required: string[];
  };

  it("is draft-07 (the draft editors' YAML support reads), strict and described", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(["agents", "sites", "traffic"]);
    expect(schema.properties.horizon?.description).toContain("8h");
    expect(Object.keys(schema.properties)).toContain("capacityRules");
  });

  it("lists the metric names as target keys, the media ports' shares, and utilization per component kind", () => {
    const targets = schema.properties.targets as unknown as { properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    expect(Object.keys(targets.properties)).toEqual([...METRIC_NAMES, ...PORT_METRIC_NAMES, "utilization"]);
    expect(Object.keys(targets.properties.utilization!.properties!)).toEqual([...COMPONENT_KINDS]);
    expect(targets.additionalProperties).toBe(false);
  });

  it("survives a JSON round trip", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
