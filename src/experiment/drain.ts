// The drain limit: how long after the horizon a run may go on finishing the calls still in the system, for every
// scenario. Calls that never leave (no patience, and every delivery rings out; or a fault that keeps a call circling
// between its URS and a DN it cannot reach) would otherwise keep a run going for ever; at the limit they count as
// unfinished.
//
// 24 hours: every shipped and bench scenario drains in under 46 minutes (multi-skill's last event is 2,744 s after its
// horizon, email-backlog's 1,891 s, erlang-c's 713 s at the most over their replications), so none of their outputs
// changes; a day is long enough for any backlog of real work (handle times of hours) to be worked off.

import { thousands } from "../util/thousands.js";

/** seconds after the horizon */
export const DRAIN_LIMIT = 24 * 3600;

/** The warning after a run some of whose replications the drain limit stopped; undefined when none was. */
export function drainWarning(cut: readonly (number | undefined)[]): string | undefined {
  const hit = cut.filter((n): n is number => n !== undefined && n > 0);
  if (hit.length === 0) return undefined;
  return drainText(hit.reduce((a, b) => a + b, 0), hit.length, cut.length);
}

/** The same from an aggregate: `calls` cut off in `hit` of `replications`. */
export function drainText(calls: number, hit: number, replications: number): string {
  return (
    `${thousands(calls)} calls were still in the system ${DRAIN_LIMIT / 3600} h after the horizon (the drain limit) in ` +
    `${hit} of ${replications} replications, and count as unfinished`
  );
}
