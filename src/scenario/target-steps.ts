// Targets that widen as the loaded scenario holds them (TrafficSpec.target, then targetSteps): a later step, and every
// target a type's strategy may look for (docs/behaviours.md, Targets that widen).
import type { TrafficSpec } from "./types.js";

/** One later step: its skill expression, and how many seconds after the strategy started on the call it applies. */
export type TargetStepSpec = NonNullable<TrafficSpec["targetSteps"]>[number];

/** Every target a type's strategy may look for: its target, then the steps it widens to. */
export function targetsOf(t: TrafficSpec): string[] {
  return [t.target, ...(t.targetSteps ?? []).map((s) => s.target)];
}
