// An agent's occupancy since it logged in (handling time over logged-in time), kept for the groups with a maximum
// occupancy: URS routes to such an agent only while it is at most the cap (docs/behaviours.md, Maximum occupancy).

import { AgentState, isHandling, type AgentStateValue } from "./agent-state.js";
import type { Agent } from "./agent.js";

/** The DN's state changed at `now`: a login starts a new count, and a spell of handling starts or ends. */
export function trackOccupancy(agent: Agent, from: AgentStateValue, to: AgentStateValue, now: number): void {
  const o = agent.occupancy!;
  if (from === AgentState.LoggedOut && to !== AgentState.LoggedOut) {
    o.since = now;
    o.busy = 0;
    o.busySince = -1;
  }
  if (isHandling(to) && !isHandling(from)) o.busySince = now;
  else if (isHandling(from) && !isHandling(to) && o.busySince >= 0) {
    o.busy += now - o.busySince;
    o.busySince = -1;
  }
}

/** handling time since login, at `now` (the current spell counted up to now) */
function busyAt(o: OccupancyCount, now: number): number {
  return o.busy + (o.busySince >= 0 ? now - o.busySince : 0);
}

/** handling time over logged-in time since login, at `now` (0 at the instant of login) */
export function occupancyAt(agent: Agent, now: number): number {
  const o = agent.occupancy!;
  return now > o.since ? busyAt(o, now) / (now - o.since) : 0;
}

/** When an idle agent's occupancy falls to `cap`: its handling time stays put while its logged-in time grows. */
export function capReachedAt(agent: Agent, now: number, cap: number): number {
  const o = agent.occupancy!;
  return o.since + busyAt(o, now) / cap;
}

/** What the count is made of. */
export class OccupancyCount {
  /** when the agent logged in */
  since = 0;
  /** handling time since then, up to the current spell */
  busy = 0;
  /** when the current spell of handling began, -1 when not handling */
  busySince = -1;
}
