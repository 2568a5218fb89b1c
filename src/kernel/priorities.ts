// Every same-instant ordering rule of the model, in one place, with the reason for it (lower runs first).

export const Priority = {
  /** A fault changes the world before anything else happens at that instant, so the instant sees the new world. */
  FAULT: 0,
  /** Staffing changes (log in, log out) take effect at the period boundary before calls of that instant look for agents. */
  STAFFING: 1,
  /** An agent finishing a call or wrap-up frees itself before an arrival at the same instant, so that arrival can take
   *  it (simmer orders release before seize for the same reason). */
  RELEASE: 2,
  /** Messages between components (state updates, reservation requests and replies, TRouteCall) run after releases and
   *  before new arrivals, so that a view updated at t is the view a call arriving at t sees. */
  MESSAGE: 3,
  /** A new interaction arrives at a Routing Point. */
  ARRIVAL: 4,
  /** Timers that end waiting (patience, no-answer, reservation expiry) run last: an agent freed at the very instant a
   *  caller would hang up still gets that caller. */
  TIMER: 5,
} as const;

export type PriorityValue = (typeof Priority)[keyof typeof Priority];
