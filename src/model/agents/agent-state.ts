// Agent DN states as ccsim models them (docs/design.md, Concepts and files), numbered so that hot paths compare
// integers.
// "Reserved" is not among them on purpose: a granted TReserveAgent lives on the VQ SIP Server (see reservation.ts),
// and neither the DN's owner node nor the Stat Servers hear of it; that is part of why conflicts happen.

export const AgentState = {
  LoggedOut: 0,
  NotReady: 1,
  Ready: 2,
  Ringing: 3,
  Busy: 4,
  AfterCallWork: 5,
} as const;

export type AgentStateValue = (typeof AgentState)[keyof typeof AgentState];

export const AGENT_STATE_NAMES: readonly string[] = [
  "LoggedOut",
  "NotReady",
  "Ready",
  "Ringing",
  "Busy",
  "AfterCallWork",
];

/** Ringing, talking and wrap-up count as handling time for occupancy. */
export function isHandling(s: AgentStateValue): boolean {
  return s === AgentState.Ringing || s === AgentState.Busy || s === AgentState.AfterCallWork;
}
