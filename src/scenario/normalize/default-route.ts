// The default DN (routing.defaultRoute): reject, external, a Routing Point's default strategy or a Trunk Group's
// treatment; and the checks of the default strategy's target against the agents, as a traffic type's target is checked.
import type { Path } from "../errors.js";
import { SkillExpressionError, compileSkillExpression, type SkillExpression } from "../skill-expression.js";
import { DEFAULTS } from "../defaults.js";
import { viaInteractionServer, type AgentGroupSpec, type CapacityRuleSpec, type DefaultRouteSpec, type TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";
import { canTake, checkExpressionRefs, skillsOf } from "./serving.js";

const HERE: Path = ["routing", "defaultRoute"];
const TARGET: Path = [...HERE, "routingPoint", "target"];

export function normalizeDefaultRoute(ctx: NormalizeContext): DefaultRouteSpec {
  const raw = ctx.raw.routing?.defaultRoute ?? DEFAULTS.routing.defaultRoute;
  if (raw === "reject" || raw === "external") return { kind: raw };
  if ((raw.routingPoint === undefined) === (raw.trunkGroup === undefined)) {
    ctx.values.push({ path: HERE, message: "expected exactly one of routingPoint or trunkGroup" });
    return { kind: "reject" };
  }
  if (raw.trunkGroup !== undefined) {
    return { kind: "trunkGroup", treatment: dist(ctx, raw.trunkGroup.treatment, [...HERE, "trunkGroup", "treatment"]) };
  }
  const target = raw.routingPoint!.target;
  compiled(ctx, target, true);
  return { kind: "routingPoint", target };
}

function compiled(ctx: NormalizeContext, target: string, report: boolean): SkillExpression | undefined {
  try {
    return compileSkillExpression(target);
  } catch (e) {
    if (!(e instanceof SkillExpressionError)) throw e;
    if (report) ctx.values.push({ path: TARGET, message: `bad skill expression: ${e.message}`, offset: e.offset });
    return undefined;
  }
}

/** The default strategy's target names skills and sites that exist, and every traffic type that can reach the default
 *  DN (voice and IM: chat and email have none) has an agent group it matches with room for the type's media. */
export function checkDefaultTarget(
  ctx: NormalizeContext,
  route: DefaultRouteSpec,
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
  rules: readonly CapacityRuleSpec[],
  siteIds: readonly string[],
): void {
  if (route.kind !== "routingPoint") return;
  // a syntax error was reported when the route was read
  const expr = compiled(ctx, route.target, false);
  if (expr === undefined) return;
  checkExpressionRefs(ctx, expr, TARGET, skillsOf(agents), siteIds);
  for (const t of traffic) {
    if (viaInteractionServer(t.media)) continue;
    const matching = agents.filter((g) => expr.matches(g.skills, g.site, t.site));
    if (matching.some((g) => canTake(g, t.media, rules))) continue;
    ctx.serving.push({
      path: TARGET,
      message:
        `the default strategy's target ${JSON.stringify(route.target)} matches no agent group with room for ` +
        `traffic type ${t.type}'s ${t.media} calls` +
        (matching.length > 0 ? ` (it matches ${matching.map((g) => g.group).join(", ")}, whose capacity rules have none)` : ""),
    });
    return;
  }
}
