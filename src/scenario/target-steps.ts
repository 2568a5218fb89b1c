// Targets that widen as the loaded scenario holds them (TrafficSpec.target, then targetSteps): a later step, and every
// target a type's strategy may look for (docs/behaviours.md, Targets that widen).
import { compileSkillExpression } from "./skill-expression.js";
import type { Scenario, TrafficSpec } from "./types.js";

/** One later step: its skill expression, and how many seconds after the strategy started on the call it applies. */
export type TargetStepSpec = NonNullable<TrafficSpec["targetSteps"]>[number];

/** Every target a type's strategy may look for: its target, then the steps it widens to. */
export function targetsOf(t: TrafficSpec): string[] {
  return [t.target, ...(t.targetSteps ?? []).map((s) => s.target)];
}

/** Which groups can take which types, [group][type]: a group serves a type when any target its strategy may look for
 *  matches the group's skills and site. */
export function servesOf(s: Scenario): boolean[][] {
  const exprs = s.traffic.map((t) => targetsOf(t).map(compileSkillExpression));
  return s.agents.map((a) => s.traffic.map((t, ti) => exprs[ti]!.some((e) => e.matches(a.skills, a.site, t.site))));
}
