// Component costs from a planner's own load test: for each component kind, the least-squares line of CPU against
// calls per second; its slope is the CPU seconds one call costs the component, its intercept the background load.
// The cost block keeps the defaults' ratios between a component's message costs and scales them so that one call's
// messages cost what was measured; how many of each message a call makes is the model's (MESSAGES_PER_CALL).

import { fitLine } from "../metrics/least-squares.js";
import { DEFAULTS } from "../scenario/defaults.js";
import { InputError } from "../scenario/errors.js";
import type { ComponentKind, Measurements } from "../scenario/measurements.js";

/**
 * The messages of one routed call each component handles, by cost key (docs/component-load.md): a call's INVITE at
 * the SIP Proxy; its set-up and one TRouteCall at the Session Controller; one strategy run at the URS and one
 * TReserveAgent at the VQ SIP Server when no conflict repeats them; and the agent's four state changes (Ringing,
 * Busy, AfterCallWork, Ready) at the owner T-Controller (each also sent to its Stat Server on the T-Controller port),
 * a Smart Proxy and a Stat Server; at an Asterisk PBX, the customer's leg, the agent leg and the endpoint's two
 * NOTIFYs (busy when it rings, idle when it hangs up). Measure the components with one node and no conflicts for
 * these to hold; peer costs, which only a cluster of several nodes pays, are scaled with the rest.
 */
export const MESSAGES_PER_CALL: { readonly [K in ComponentKind]: Readonly<Record<string, number>> } = {
  sipProxy: { call: 1 },
  sessionController: { call: 1, routeCall: 1 },
  tController: { event: 4, client: 4 },
  smartProxy: { event: 4, client: 4 },
  statServer: { event: 4 },
  urs: { attempt: 1 },
  vqServer: { reserve: 1 },
  interactionServer: { route: 1, deliver: 1 },
  asterisk: { leg: 2, notify: 2 },
};

export interface Calibration {
  readonly component: ComponentKind;
  readonly points: number;
  /** the fitted CPU seconds a call costs the component */
  readonly secondsPerCall: number;
  /** the intercept, in percent of one CPU: load that does not grow with calls (not part of the costs) */
  readonly backgroundPercent: number;
  readonly r2: number;
  /** the component's cost keys, in seconds a message, as `components:` takes them */
  readonly costs: Readonly<Record<string, number>>;
}

function costKeys(kind: ComponentKind): Readonly<Record<string, number>> {
  const d = DEFAULTS.components[kind] as Readonly<Record<string, unknown>>;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(d)) if (typeof v === "number") out[k] = v;
  return out;
}

export function calibrate(file: string, m: Measurements, only?: ComponentKind): Calibration[] {
  if (only !== undefined && !m.has(only)) throw new InputError(file, undefined, `has no points of ${only} (--component ${only})`);
  const out: Calibration[] = [];
  for (const [component, points] of m) {
    if (only !== undefined && component !== only) continue;
    const fit = fitLine(
      points.map((p) => p.callsPerSecond),
      points.map((p) => p.cpuPercent / 100),
    );
    if (!(fit.slope > 0)) {
      throw new InputError(`${file}:${points[0]!.line}`, "cpuPercent", `expected ${component}'s CPU to grow with calls per second, got a fitted slope of ${fit.slope.toPrecision(3)} (no cost per call can come of it)`);
    }
    const defaults = costKeys(component);
    const mix = MESSAGES_PER_CALL[component];
    let defaultPerCall = 0;
    for (const [k, count] of Object.entries(mix)) defaultPerCall += count * defaults[k]!;
    const scale = fit.slope / defaultPerCall;
    const costs: Record<string, number> = {};
    for (const [k, v] of Object.entries(defaults)) costs[k] = v * scale;
    out.push({ component, points: fit.n, secondsPerCall: fit.slope, backgroundPercent: fit.intercept * 100, r2: fit.r2, costs });
  }
  return out;
}
