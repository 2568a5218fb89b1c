// What Asterisk private calls cost the contact center in one replication (only for scenarios with them): private
// calls started in [warmup, horizon) by direction; their time while the agent is logged in, clipped to the window,
// as a share of logged-in time (the whole center's groups with private calls, and each of them); and the interactions
// that found no agent available at their first routing attempt while an agent of their target, logged in and holding
// no interaction, was on a private call (an agent the private call kept from being Ready, or kept out of the Stat
// Servers' view until its NOTIFY came).

import type { Agent } from "../model/agents/agent.js";
import { AgentState, type AgentStateValue } from "../model/agents/agent-state.js";
import type { Call } from "../model/sip/call.js";
import type { Scenario } from "../scenario/types.js";
import type { PrivateCallRecord } from "./results.js";
import type { Slices } from "./slices.js";

export class PrivateCallMeter {
  private readonly warmup: number;
  private readonly horizon: number;
  /** per agent: since when its private call counts (NaN: none, or the agent is logged out) */
  private readonly since: Float64Array;
  /** the agents on a private call now */
  private readonly onCall: Agent[] = [];
  /** per group: private-call seconds inside the window while logged in; calls started there, by direction */
  private readonly time: Float64Array;
  private readonly inbound: Int32Array;
  private readonly outbound: Int32Array;
  private waited = 0;
  /** the groups that have private calls, in scenario order, and every group's name */
  private readonly withCalls: number[];
  private readonly names: string[];

  constructor(scenario: Scenario, agentCount: number) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.since = new Float64Array(agentCount).fill(Number.NaN);
    const n = scenario.agents.length;
    this.time = new Float64Array(n);
    this.inbound = new Int32Array(n);
    this.outbound = new Int32Array(n);
    this.withCalls = scenario.agents.flatMap((g, i) => (g.privateCalls === undefined ? [] : [i]));
    this.names = scenario.agents.map((g) => g.group);
  }

  started(agent: Agent, inbound: boolean, now: number): void {
    if (now >= this.warmup && now < this.horizon) (inbound ? this.inbound : this.outbound)[agent.group.index]!++;
    this.onCall.push(agent);
    if (agent.state !== AgentState.LoggedOut) this.since[agent.index] = now;
  }

  ended(agent: Agent, now: number): void {
    this.close(agent, now);
    const k = this.onCall.indexOf(agent);
    if (k >= 0) this.onCall.splice(k, 1);
  }

  /** a private call's time counts only while its agent is logged in */
  agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue, now: number): void {
    if (!agent.privateCall) return;
    if (to === AgentState.LoggedOut) this.close(agent, now);
    else if (from === AgentState.LoggedOut) this.since[agent.index] = now;
  }

  /** The first routing attempt found no agent available: was an agent of the call's target on a private call then,
   *  logged in and with nothing else in hand? */
  waitedAtFirstAttempt(call: Call): void {
    if (!call.counted) return;
    const local = call.type.cls.localIndex;
    for (const a of this.onCall) {
      if (local[a.index]! >= 0 && a.load.total === 0 && a.state !== AgentState.LoggedOut) {
        this.waited++;
        return;
      }
    }
  }

  private close(agent: Agent, now: number): void {
    const since = this.since[agent.index]!;
    if (Number.isNaN(since)) return;
    this.since[agent.index] = Number.NaN;
    const d = Math.min(now, this.horizon) - Math.max(since, this.warmup);
    if (d > 0) this.time[agent.group.index]! += d;
  }

  /** The replication's record; agent time (the slices' logged-in time) must be closed first. */
  result(agents: readonly Agent[], slices: Slices): PrivateCallRecord {
    for (const a of agents) this.close(a, this.horizon);
    let time = 0;
    let loggedIn = 0;
    let inbound = 0;
    let outbound = 0;
    const byGroup: Record<string, PrivateCallRecord["byGroup"][string]> = {};
    for (const g of this.withCalls) {
      const t = slices.groups[g]!.loggedInTime;
      time += this.time[g]!;
      loggedIn += t;
      inbound += this.inbound[g]!;
      outbound += this.outbound[g]!;
      byGroup[this.names[g]!] = {
        inbound: this.inbound[g]!,
        outbound: this.outbound[g]!,
        timeShare: t > 0 ? this.time[g]! / t : 0,
      };
    }
    const offered = slices.total.offered;
    return {
      inbound,
      outbound,
      timeShare: loggedIn > 0 ? time / loggedIn : 0,
      waitedDuringPrivate: this.waited,
      waitedDuringPrivateRate: offered > 0 ? this.waited / offered : 0,
      byGroup,
    };
  }
}
