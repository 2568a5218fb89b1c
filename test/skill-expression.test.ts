// Skill expressions: grammar, precedence, the semantics of missing skills and sitex, and syntax errors with offsets.
import { describe, expect, it } from "vitest";
import { SkillExpressionError, compileSkillExpression } from "../src/scenario/skill-expression.js";

const agent = { sales: 5, english: 1, spanish: 0, "lang.fr": 2 };

function m(src: string, skills: Record<string, number> = agent, agentSite = "dc1", callSite = "dc1"): boolean {
  return compileSkillExpression(src).matches(skills, agentSite, callSite);
}

describe("compileSkillExpression: evaluation", () => {
  it.each([
    ["sales > 3", true],
    ["sales > 5", false],
    ["sales >= 5", true],
    ["sales = 5", true],
    ["sales == 5", true],
    ["sales != 5", false],
    ["sales < 6", true],
    ["sales <= 4", false],
    ["sales > 4.5", true],
    ["english", true],
    ["spanish", false],
    ["!spanish", true],
    ["!!english", true],
    ["lang.fr >= 2", true],
    ["sales > 3 & english > 0", true],
    ["sales > 3 & spanish > 0", false],
    ["spanish > 0 | english > 0", true],
    ["spanish | german", false],
    // & binds tighter than |
    ["english | spanish & german", true],
    ["(english | spanish) & german", false],
    ["!(sales > 3) | english", true],
    ["  sales>3&english>0  ", true],
  ])("%s -> %s", (src, want) => {
    expect(m(src)).toBe(want);
  });

  it("an agent lacking a skill fails every comparison on it, != included", () => {
    for (const op of [">", ">=", "=", "<", "<=", "!="]) {
      expect(m(`german ${op} 0`), op).toBe(false);
      expect(m(`german ${op} 3`), op).toBe(false);
    }
    expect(m("!german")).toBe(true);
  });

  it("does not see Object.prototype members as skills", () => {
    expect(m("constructor")).toBe(false);
    expect(m("toString >= 0")).toBe(false);
    expect(m("constructor > 0", { constructor: 2 })).toBe(true);
  });

  it("sitex(GEO_LOCATION) compares the agent's site with the call's", () => {
    const e = compileSkillExpression("sitex(GEO_LOCATION) & english > 0");
    expect(e.usesGeoLocation).toBe(true);
    expect(e.matches(agent, "dc1", "dc1")).toBe(true);
    expect(e.matches(agent, "dc2", "dc1")).toBe(false);
  });

  it("sitex(site) names a literal site", () => {
    const e = compileSkillExpression("sitex( dc2 ) | sitex(1-east)");
    expect(e.usesGeoLocation).toBe(false);
    expect(e.sitesNamed).toEqual(["dc2", "1-east"]);
    expect(e.matches({}, "dc2", "dc1")).toBe(true);
    expect(e.matches({}, "1-east", "dc1")).toBe(true);
    expect(e.matches({}, "dc1", "dc1")).toBe(false);
  });

  it("a skill called sitex is still a skill when no '(' follows", () => {
    const e = compileSkillExpression("sitex > 1");
    expect(e.skills).toEqual(["sitex"]);
    expect(e.matches({ sitex: 2 }, "a", "b")).toBe(true);
  });

  it("lists skills once each, in order of appearance, case-sensitively", () => {
    const e = compileSkillExpression("sales > 1 & (English | sales < 9) & english");
    expect(e.skills).toEqual(["sales", "English", "english"]);
    expect(e.sitesNamed).toEqual([]);
    expect(e.source).toBe("sales > 1 & (English | sales < 9) & english");
    expect(Object.isFrozen(e.skills)).toBe(true);
  });

  it("compiles once: evaluation does not parse", () => {
    const e = compileSkillExpression("sales > 3 & english > 0");
    let n = 0;
    for (let i = 0; i < 10_000; i++) if (e.matches({ sales: i % 7, english: 1 }, "a", "a")) n++;
    expect(n).toBe(Array.from({ length: 10_000 }, (_, i) => i % 7).filter((v) => v > 3).length);
  });
});

describe("compileSkillExpression: syntax errors", () => {
  it.each([
    ["", 0, "empty expression"],
    ["   ", 3, "empty expression"],
    ["sales >", 7, "expected a number after '>'"],
    ["sales > & english", 8, "expected a number after '>'"],
    ["sales > 3 english", 10, "unexpected 'e'"],
    ["(sales > 3", 10, "expected ')' to close the '(' at character 1"],
    ["sales > 3)", 9, "unexpected ')'"],
    ["sales & ", 8, "expected a skill name"],
    ["& sales", 0, "expected a skill name"],
    ["sales && english", 6, "'&&' is not an operator"],
    ["sales || english", 6, "'||' is not an operator"],
    ["3 < sales", 0, "expected a skill name"],
    ["sales > 3 # x", 10, "unexpected '#'"],
    ["sitex()", 6, "expected GEO_LOCATION or a site id"],
    ["sitex(dc1", 9, "expected ')' after sitex(dc1"],
    ["sales >> 3", 7, "expected a number after '>'"],
  ])("%j fails at %d: %s", (src, offset, message) => {
    let err: unknown;
    try {
      compileSkillExpression(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SkillExpressionError);
    const e = err as SkillExpressionError;
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(message);
    expect(e.source).toBe(src);
  });
});
