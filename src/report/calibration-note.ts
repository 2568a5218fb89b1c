// What every sizing verdict built on the component load model says when its costs are ccsim's assumptions (the
// scenario's `components:` left them to the defaults, derived from another product's figure): so that a planner does
// not take a node or URS count for a measured one.

import type { Scenario } from "../scenario/types.js";

/** the cost paths (components.kind.key) the scenario left to the defaults; none without a load model */
export function uncalibratedCosts(scenario: Scenario): string[] {
  if (scenario.components === undefined) return [];
  return scenario.assumptions.filter((a) => a.path.startsWith("components.")).map((a) => a.path.slice("components.".length));
}

/** appended to a verdict line: "" when the scenario set every cost the run used */
export function calibrationNote(scenario: Scenario): string {
  const left = uncalibratedCosts(scenario);
  if (left.length === 0) return "";
  if (left.length > 3) return ` (component costs not calibrated: ${left.length} are assumptions, see ccsim defaults)`;
  return ` (component costs not calibrated: ${left.join(", ")} ${left.length === 1 ? "is an assumption" : "are assumptions"}, see ccsim defaults)`;
}
