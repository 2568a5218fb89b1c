// Agent time: each agent's logged-in and handling time (ringing, talking, wrap-up) inside the measured window, added
// to its whole-run slices (the whole center, its site, owner node and group) and, split by interval, to the interval
// rows of the whole center and its site; and to the media breakdown's logged-in time.

import type { Tally } from "../metrics/tally.js";
import { AgentState, isHandling, type AgentStateValue } from "../model/agents/agent-state.js";
import type { Agent } from "../model/agents/agent.js";
import type { Scenario } from "../scenario/types.js";
import type { MediaBreakdown } from "./media-breakdown.js";
import type { Slices } from "./slices.js";

function addTime(t: Tally, d: number, handling: number): void {
  t.loggedInTime += d;
  t.handlingTime += d * handling;
}

export class AgentTime {
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly interval: number;
  /** per agent, the distinct whole-run tallies its time goes to: the whole center, its site, node and group */
  private readonly agentTallies: Tally[][] = [];
  /** per agent, logged-in and handling time not yet added to its whole-run tallies: one sum a state change instead of
   *  one per tally, added to them when the agent changes owner and at the end */
  private readonly loggedIn: Float64Array;
  private readonly handling: Float64Array;
  /** per agent, the time up to which its current state is already accounted (set only by an owner change) */
  private accountedUntil: Float64Array | null = null;

  constructor(
    scenario: Scenario,
    private readonly slices: Slices,
    agents: readonly Agent[],
    /** null when every traffic type is voice */
    private readonly media: MediaBreakdown | null,
  ) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.interval = scenario.interval;
    for (const agent of agents) this.agentTallies.push(slices.listOf(agent));
    this.loggedIn = new Float64Array(agents.length);
    this.handling = new Float64Array(agents.length);
  }

  /** The agent's time goes to its new owner node from now on: close what it spent in its state under the old one. */
  ownerChanged(agent: Agent, now: number): void {
    this.account(agent, agent.state, this.openSince(agent), now);
    (this.accountedUntil ??= new Float64Array(this.agentTallies.length))[agent.index] = now;
    this.flush(agent.index);
    this.agentTallies[agent.index] = this.slices.listOf(agent);
  }

  /** the agent leaves `from` at `now` */
  agentState(agent: Agent, from: AgentStateValue, now: number): void {
    this.account(agent, from, this.accountedUntil === null ? agent.stateSince : this.openSince(agent), now);
  }

  /** Closes every agent's current state at the horizon and adds all its time to its whole-run tallies. */
  close(agents: readonly Agent[]): void {
    for (const agent of agents) {
      this.account(agent, agent.state, this.openSince(agent), this.horizon);
      this.flush(agent.index);
    }
  }

  /** Adds the agent's time so far to its whole-run tallies. */
  private flush(a: number): void {
    const whole = this.agentTallies[a]!;
    for (let i = 0; i < whole.length; i++) {
      whole[i]!.loggedInTime += this.loggedIn[a]!;
      whole[i]!.handlingTime += this.handling[a]!;
    }
    this.loggedIn[a] = 0;
    this.handling[a] = 0;
  }

  /** The earliest time some agent's time is not yet added to the interval rows (Infinity: none is pending): an
   *  interval ending by then gets no more agent time. */
  pendingFrom(agents: readonly Agent[]): number {
    let from = Infinity;
    for (const agent of agents) {
      if (agent.state === AgentState.LoggedOut) continue;
      const since = this.openSince(agent);
      if (since < from) from = since;
    }
    return from;
  }

  private openSince(agent: Agent): number {
    const until = this.accountedUntil?.[agent.index] ?? 0;
    return until > agent.stateSince ? until : agent.stateSince;
  }

  /** Adds [t0, t1) spent in `state` to logged-in and handling time, clipped to [warmup, horizon), split by interval. */
  private account(agent: Agent, state: AgentStateValue, t0: number, t1: number): void {
    if (state === AgentState.LoggedOut) return;
    const a = Math.max(t0, this.warmup);
    const b = Math.min(t1, this.horizon);
    if (!(b > a)) return;
    const h = isHandling(state) ? 1 : 0;
    const d = b - a;
    this.loggedIn[agent.index]! += d;
    this.handling[agent.index]! += d * h;
    this.media?.loggedIn(agent, d);
    // per interval, whole center and the agent's site (with one interval, its rows are the whole-run tallies)
    const slices = this.slices;
    if (slices.intervalCount === 1) return;
    const w = this.interval;
    for (let k = Math.floor(a / w); k * w < b; k++) {
      const row = slices.row(k);
      if (!row) break;
      const part = Math.min(b, (k + 1) * w) - Math.max(a, k * w);
      if (part <= 0) continue;
      addTime(row[0]!, part, h);
      const site = row[1 + agent.site.index]!;
      if (site !== row[0]) addTime(site, part, h);
    }
  }
}
