// The JSON Schema editors use: committed as docs/scenario.schema.json (equal to `ccsim schema`), named by every shipped
// scenario's yaml-language-server line, read by a draft-07 validator that accepts every shipped scenario.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, ccsim } from "./helpers.js";

const committed = readFileSync(join(ROOT, "docs", "scenario.schema.json"), "utf8");
const shipped = [
  ...readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).map((f) => `scenarios/${f}`),
  ...readdirSync(join(ROOT, "bench", "scenarios")).filter((f) => f.endsWith(".yaml")).map((f) => `bench/scenarios/${f}`),
];
const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(committed));
const docOf = (file: string) => YAML.parse(readFileSync(join(ROOT, file), "utf8")) as unknown;

describe("the committed scenario schema", () => {
  it("is what `ccsim schema` prints (regenerate: npm run build && node bin/ccsim.js schema > docs/scenario.schema.json)", () => {
    const r = ccsim(["schema"]);
    expect(r.code).toBe(0);
    expect(committed).toBe(r.stdout);
  });

  it.each(shipped)("%s names it on its first line, as the YAML language server reads it", (file) => {
    const first = readFileSync(join(ROOT, file), "utf8").split("\n")[0]!;
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m).not.toBeNull();
    expect(existsSync(join(ROOT, dirname(file), m![1]!))).toBe(true);
    expect(join(ROOT, dirname(file), m![1]!)).toBe(join(ROOT, "docs", "scenario.schema.json"));
  });

  it.each(shipped)("a draft-07 validator accepts %s", (file) => {
    expect(validate(docOf(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["30s2m", false],
    ["5m5m", false],
    ["1h30m", true],
    ["300ms", true],
    ["2m 30s", true],
  ])("a duration written %s is %s to the schema as to the loader", (duration, ok) => {
    const doc = docOf("scenarios/erlang-c.yaml") as Record<string, unknown>;
    expect(validate({ ...doc, warmup: duration })).toBe(ok);
    const r = ccsim(["validate", "scenarios/erlang-c.yaml", "--set", `warmup=${duration}`]);
    expect(r.code).toBe(ok ? 0 : 2);
  });

  it.each([
    ["interval", "0", false],
    ["interval", "0s", false],
    ["routing.routerTimeout", "0.5s", true],
    ["horizon", "0h0m", false],
    ["routing.routerTimeout", "10s", true],
    ["traffic[0].arrivals.rate", "0/h", false],
    ["traffic[0].arrivals.rate", "0.5/h", true],
  ])("%s: %s, which must be > 0, is %s to the schema as to the loader", (path, value, ok) => {
    const doc = structuredClone(docOf("scenarios/erlang-c.yaml")) as Record<string, any>;
    const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    let at = doc;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {});
    at[keys.at(-1)!] = value;
    expect(validate(doc)).toBe(ok);
    const r = ccsim(["validate", "scenarios/erlang-c.yaml", "--set", `${path}=${value}`]);
    expect(r.code, r.stderr).toBe(ok ? 0 : 2);
  });
});
