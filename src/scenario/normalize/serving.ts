// The cross-checks of targets against agents: every skill and site a target names exists, and some agent group with
// capacity for the media matches it.
import { suggestion } from "../did-you-mean.js";
import type { Path } from "../errors.js";
import type { SkillExpression } from "../skill-expression.js";
import { capacityMedia, type AgentGroupSpec, type CapacityRuleSpec, type Media, type TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";

/** A type's target as compiled, and where it was written (traffic[i].target, or its first step's). */
export interface CompiledTarget {
  readonly expr: SkillExpression;
  readonly path: Path;
}

export function checkSkillRefs(ctx: NormalizeContext, agents: readonly AgentGroupSpec[], compiled: readonly (CompiledTarget | undefined)[], siteIds: readonly string[]): void {
  const allSkills = skillsOf(agents);
  for (const c of compiled) if (c !== undefined) checkExpressionRefs(ctx, c.expr, c.path, allSkills, siteIds);
}

/** every skill an agent group has, in order of first appearance */
export function skillsOf(agents: readonly AgentGroupSpec[]): string[] {
  const all: string[] = [];
  for (const g of agents) for (const s of Object.keys(g.skills)) if (!all.includes(s)) all.push(s);
  return all;
}

/** One target expression's references: each skill it names is some group's, each site it names exists. */
export function checkExpressionRefs(ctx: NormalizeContext, expr: SkillExpression, path: Path, allSkills: readonly string[], siteIds: readonly string[]): void {
  for (const skill of expr.skills) {
    if (allSkills.includes(skill)) continue;
    const hint = suggestion(skill, allSkills);
    ctx.refs.push({
      path,
      message: `no agent group has skill ${JSON.stringify(skill)}${hint}`,
      ...offsetOf(expr.source, skill),
    });
  }
  for (const site of expr.sitesNamed) {
    if (siteIds.includes(site)) continue;
    const hint = suggestion(site, siteIds);
    ctx.refs.push({
      path,
      message: `sitex(${site}): unknown site ${JSON.stringify(site)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}`,
      ...offsetOf(expr.source, site),
    });
  }
}

export function checkServing(ctx: NormalizeContext, 
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
  compiled: readonly (CompiledTarget | undefined)[],
  rules: readonly CapacityRuleSpec[],
): void {
  traffic.forEach((t, i) => {
    const c = compiled[i];
    if (c !== undefined) checkServed(ctx, agents, t, c.expr, c.path, rules);
  });
}

/** Some agent group with capacity for the type's media matches the expression (a type's target, or one of its
 *  steps). */
export function checkServed(ctx: NormalizeContext, agents: readonly AgentGroupSpec[], t: TrafficSpec, expr: SkillExpression, path: Path, rules: readonly CapacityRuleSpec[]): void {
  const matching = agents.filter((g) => expr.matches(g.skills, g.site, t.site));
  if (matching.length === 0) {
    const related = agents.filter((g) => expr.skills.some((s) => Object.hasOwn(g.skills, s))).slice(0, 3);
    const levels = related.map((g) => `${g.group} {${expr.skills.filter((s) => Object.hasOwn(g.skills, s)).map((s) => `${s}: ${g.skills[s]}`).join(", ")}}`);
    ctx.serving.push({
      path,
      message: `no agent group matches ${JSON.stringify(expr.source)}` + (levels.length > 0 ? ` (groups with these skills: ${levels.join("; ")})` : ""),
    });
    return;
  }
  if (!matching.some((g) => canTake(g, t.media, rules))) {
    ctx.serving.push({
      path,
      message:
        `the agent groups matching ${JSON.stringify(expr.source)} (${matching.map((g) => g.group).join(", ")}) ` +
        `have no capacity for ${capacityMedia(t.media)}${t.media === "im" ? " (IM takes chat's capacity)" : ""} (their capacity rules: ${[...new Set(matching.map((g) => g.capacity))].join(", ")})`,
    });
  }
}

/** whether the group's capacity rule has room for one interaction of the media */
export function canTake(g: AgentGroupSpec, media: Media, rules: readonly CapacityRuleSpec[]): boolean {
  return rules.find((r) => r.name === g.capacity)?.alternatives.some((alt) => (alt[capacityMedia(media)] ?? 0) >= 1) ?? false;
}

/** where a name appears as a whole word in an expression, so the column can point at it */
function offsetOf(source: string, name: string): { offset?: number } {
  const esc = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const m = new RegExp(`(?<![A-Za-z0-9_.-])${esc}(?![A-Za-z0-9_.-])`).exec(source);
  return m === null ? {} : { offset: m.index };
}
