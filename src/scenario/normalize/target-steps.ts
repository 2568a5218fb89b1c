// Targets that widen (traffic[].target as a list of steps): the first step's expression is the type's target, each
// later one replaces it `after` the strategy started on the call; every step is compiled and cross-checked like a
// single target.
import { formatDuration } from "../duration.js";
import type { Path } from "../errors.js";
import { SkillExpressionError, compileSkillExpression, type SkillExpression } from "../skill-expression.js";
import type { TargetStepSpec } from "../target-steps.js";
import type { AgentGroupSpec, CapacityRuleSpec, TrafficSpec } from "../types.js";
import { dur, type NormalizeContext } from "./context.js";
import { checkExpressionRefs, checkServed, skillsOf } from "./serving.js";

type RawTarget = string | readonly { readonly target: string; readonly after?: string | number | undefined }[];

/** A step's expression, for the cross-checks once the agents are known. */
export interface CompiledStep {
  readonly type: number;
  readonly expr: SkillExpression;
  readonly path: Path;
}

export function compileTarget(ctx: NormalizeContext, source: string, path: Path): SkillExpression | undefined {
  try {
    return compileSkillExpression(source);
  } catch (e) {
    if (!(e instanceof SkillExpressionError)) throw e;
    ctx.values.push({ path, message: `bad skill expression: ${e.message}`, offset: e.offset });
    return undefined;
  }
}

/** The type's target (the first step's), where it was written, and its later steps in increasing `after`. */
export function normalizeTarget(
  ctx: NormalizeContext,
  raw: RawTarget,
  i: number,
  later: CompiledStep[],
): { target: string; path: Path; expr: SkillExpression | undefined; targetSteps?: readonly TargetStepSpec[] } {
  if (typeof raw === "string") {
    const path: Path = ["traffic", i, "target"];
    return { target: raw, path, expr: compileTarget(ctx, raw, path) };
  }
  const at = (k: number, key: string): Path => ["traffic", i, "target", k, key];
  const first = raw[0]!;
  if (first.after !== undefined && dur(ctx, first.after, at(0, "after")) !== 0) {
    ctx.values.push({ path: at(0, "after"), message: "the first step is the strategy's target from the start: give it no after", key: true });
  }
  const steps: TargetStepSpec[] = [];
  let previous = 0;
  for (let k = 1; k < raw.length; k++) {
    const step = raw[k]!;
    const expr = compileTarget(ctx, step.target, at(k, "target"));
    if (expr !== undefined) later.push({ type: i, expr, path: at(k, "target") });
    if (step.after === undefined) {
      ctx.values.push({ path: ["traffic", i, "target", k], message: "missing after (expected how long after the strategy started this step's target applies, e.g. after: 30s)" });
      continue;
    }
    const after = dur(ctx, step.after, at(k, "after"));
    if (!(after > previous)) {
      ctx.values.push({ path: at(k, "after"), message: `expected an after later than the step before's (${formatDuration(previous)}): each step widens a target that has waited longer` });
      continue;
    }
    const before = k === 1 ? first.target : raw[k - 1]!.target;
    if (step.target.trim() === before.trim()) {
      ctx.values.push({ path: at(k, "target"), message: `the same target as the step before (${JSON.stringify(before)}): the step changes nothing` });
      continue;
    }
    previous = after;
    steps.push({ target: step.target, after });
  }
  const path = at(0, "target");
  return { target: first.target, path, expr: compileTarget(ctx, first.target, path), ...(steps.length > 0 ? { targetSteps: steps } : {}) };
}

/** Each later step names skills and sites that exist, and some agent group with capacity for the media matches it. */
export function checkTargetSteps(
  ctx: NormalizeContext,
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
  later: readonly CompiledStep[],
  rules: readonly CapacityRuleSpec[],
  siteIds: readonly string[],
): void {
  const allSkills = skillsOf(agents);
  for (const s of later) {
    const refs = ctx.refs.length;
    checkExpressionRefs(ctx, s.expr, s.path, allSkills, siteIds);
    if (ctx.refs.length === refs) checkServed(ctx, agents, traffic[s.type]!, s.expr, s.path, rules);
  }
}
