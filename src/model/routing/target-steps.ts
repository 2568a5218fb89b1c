// Targets that widen: a URS strategy that waits on a narrow target for a while, then on a wider one (a timeout and a
// new target), as a list of steps. Each step's timer runs from when the strategy started on the call (its first
// EventRouteRequest at a URS); at each step the call's target becomes the step's and a waiting call is looked at again
// (docs/behaviours.md, Targets that widen).

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";
import type { TargetClass } from "./target-class.js";

/** One later step of a type's target: its class, and how long after the strategy started it applies. */
export interface TargetStep {
  readonly cls: TargetClass;
  readonly after: number;
}

export class TargetSteps implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    /** per traffic type, its later steps in increasing `after` (empty: one target) */
    private readonly steps: readonly (readonly TargetStep[])[],
  ) {}

  /** The strategy starts on the call now: its first step's timer starts (once a call, whichever URS it reaches). */
  start(call: Call): void {
    if (call.stepsStarted) return;
    call.stepsStarted = true;
    const steps = this.steps[call.type.index]!;
    if (steps.length > 0) this.sim.postAfter(steps[0]!.after, Priority.TIMER, this, 0, call);
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    const k = ev.code;
    const steps = this.steps[call.type.index]!;
    // answered (never routed again) or done, or sent to the default DN's Routing Point, whose own strategy (a target
    // of its own) it now follows: its steps stop
    const s = call.state;
    if (s === CallState.Talking || s === CallState.Done || call.defaulted || call.cls !== (k === 0 ? call.type.cls : steps[k - 1]!.cls)) return;
    const step = steps[k]!;
    if (call.state === CallState.Waiting) call.urs!.widen(call, step.cls);
    else {
      call.cls = step.cls;
      this.observer.targetWidened(call);
    }
    if (k + 1 < steps.length) this.sim.postAfter(steps[k + 1]!.after - step.after, Priority.TIMER, this, k + 1, call);
  }
}
