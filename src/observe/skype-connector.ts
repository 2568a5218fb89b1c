// What a Skype for Business site's T-Server and connectors went through in one replication (only for scenarios with a
// Skype site): the peaks the guide's limits speak of (registered agents, simultaneous calls, conferences in use), the
// conferences the pools created, the calls that found their connector's pool empty and waited for a conference, how
// long a call took from its arrival to its conference (the T-Server's scheduling queue included), and the rate at
// which the T-Server gave calls their conferences, over the window and in its busiest interval; when an IM type
// escalates, the IM sessions escalated to voice (counted with the session, when it arrived in the window). When the
// site's emulated agents are in play (a group that may not answer, or pull presence mode): the calls that rang out at
// its agents, what their no-answer-action did, and how long DND held them NotReady.

import { AgentState, type AgentStateValue } from "../model/agents/agent-state.js";
import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import type { Scenario } from "../scenario/types.js";
import type { SkypeRecord } from "./results.js";
import type { Slices } from "./slices.js";

export class SkypeMeter {
  private readonly site: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly interval: number;
  private registered = 0;
  private peakRegistered = 0;
  private peakCalls = 0;
  private peakInUse = 0;
  private lowestReady = Infinity;
  private created = 0;
  /** conferences given in the window, by instant; and per interval */
  private given = 0;
  private readonly perInterval: Int32Array;
  /** counted calls given a conference, those that waited for one, and their time from arrival to it */
  private allocated = 0;
  private waited = 0;
  private allocationSum = 0;
  private allocationMax = 0;
  /** counted IM sessions escalated to voice; null when no IM type of the scenario escalates */
  private escalations: number | null;
  /** the site's emulated agents are measured (see the file's head) */
  private readonly agents: boolean;
  /** the site's agent groups */
  private readonly groups: number[];
  private ringOuts = 0;
  private noAnswerNotReady = 0;
  private noAnswerLogouts = 0;
  /** per agent: since when DND holds it NotReady (NaN: it does not); the DND time inside the window */
  private readonly dndSince: Float64Array;
  private dndTime = 0;

  constructor(scenario: Scenario, agentCount: number) {
    this.site = scenario.sites.findIndex((s) => s.skype !== undefined);
    const site = scenario.sites[this.site]!;
    this.groups = scenario.agents.flatMap((g, i) => (g.site === site.id ? [i] : []));
    this.agents = site.skype!.presence !== undefined || this.groups.some((g) => scenario.agents[g]!.noAnswer > 0);
    this.dndSince = new Float64Array(this.agents ? agentCount : 0).fill(Number.NaN);
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.interval = scenario.interval;
    this.perInterval = new Int32Array(Math.ceil(scenario.horizon / scenario.interval));
    this.escalations = scenario.traffic.some((t) => t.im?.escalation !== undefined) ? 0 : null;
  }

  private inWindow(now: number): boolean {
    return now >= this.warmup && now < this.horizon;
  }

  /** "registered agents": the site's agents logged in */
  agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue, now: number): void {
    if (agent.site.index !== this.site) return;
    if (from === AgentState.LoggedOut) this.registered++;
    else if (to === AgentState.LoggedOut) this.registered--;
    if (this.inWindow(now) && this.registered > this.peakRegistered) this.peakRegistered = this.registered;
    if (!this.agents) return;
    // (the T-Controller marks a DND hold before it sets the DN NotReady, and clears it before it sets it otherwise)
    if (to === AgentState.NotReady && agent.presenceHeld) this.dndSince[agent.index] = now;
    else if (from === AgentState.NotReady) this.closeDnd(agent.index, now);
  }

  /** a call rang out at one of the site's agents: no-answer-action's NotReady or logout follows (counted as the
   *  calls' noAnswers are: a call that arrived in the window, whenever it rang out) */
  noAnswer(call: Call, agent: Agent): void {
    if (!this.agents || agent.site.index !== this.site || !call.counted) return;
    this.ringOuts++;
    const action = agent.group.spec.noAnswerAction;
    if (action === "notready") this.noAnswerNotReady++;
    else if (action === "logout") this.noAnswerLogouts++;
  }

  private closeDnd(agent: number, now: number): void {
    const since = this.dndSince[agent]!;
    if (Number.isNaN(since)) return;
    this.dndSince[agent] = Number.NaN;
    const d = Math.min(now, this.horizon) - Math.max(since, this.warmup);
    if (d > 0) this.dndTime += d;
  }

  /** the site's calls in progress, parked at Routing Points and in treatment included */
  arrival(call: Call, now: number): void {
    const node = call.node;
    if (node === null || node.site.index !== this.site || !this.inWindow(now)) return;
    if (node.activeCalls > this.peakCalls) this.peakCalls = node.activeCalls;
  }

  conferenceAllocated(call: Call, waited: boolean, ready: number, inUse: number, now: number): void {
    if (this.inWindow(now)) {
      this.given++;
      this.perInterval[Math.floor(now / this.interval)]!++;
      if (inUse > this.peakInUse) this.peakInUse = inUse;
      if (ready < this.lowestReady) this.lowestReady = ready;
    }
    if (!call.counted) return;
    this.allocated++;
    if (waited) this.waited++;
    const d = now - call.arrival;
    this.allocationSum += d;
    if (d > this.allocationMax) this.allocationMax = d;
  }

  conferenceCreated(now: number): void {
    if (this.inWindow(now)) this.created++;
  }

  imEscalated(im: Call): void {
    if (im.counted) this.escalations!++;
  }

  /** The replication's record; agent time (the slices' logged-in time) must be closed first. */
  result(slices: Slices): SkypeRecord {
    let peak = 0;
    for (let k = Math.floor(this.warmup / this.interval); k < this.perInterval.length; k++) {
      // a last interval cut short by the horizon is a rate over its part inside
      const len = Math.min(this.horizon, (k + 1) * this.interval) - Math.max(this.warmup, k * this.interval);
      if (len > 0) peak = Math.max(peak, this.perInterval[k]! / len);
    }
    return {
      peakRegisteredAgents: this.peakRegistered,
      peakSimultaneousCalls: this.peakCalls,
      peakConferencesInUse: this.peakInUse,
      lowestReadyConferences: this.lowestReady === Infinity ? 0 : this.lowestReady,
      conferencesCreated: this.created,
      conferenceWaits: this.waited,
      conferenceWaitRate: this.allocated > 0 ? this.waited / this.allocated : 0,
      meanAllocationTime: this.allocated > 0 ? this.allocationSum / this.allocated : 0,
      maxAllocationTime: this.allocationMax,
      callsPerSecond: this.given / (this.horizon - this.warmup),
      peakCallsPerSecond: peak,
      ...(this.escalations === null ? {} : { imEscalations: this.escalations }),
      ...(this.agents ? this.agentsRecord(slices) : {}),
    };
  }

  private agentsRecord(slices: Slices): Pick<SkypeRecord, "ringOuts" | "noAnswerNotReady" | "noAnswerLogouts" | "dndShare"> {
    for (let a = 0; a < this.dndSince.length; a++) this.closeDnd(a, this.horizon);
    const loggedIn = this.groups.reduce((t, g) => t + slices.groups[g]!.loggedInTime, 0);
    return {
      ringOuts: this.ringOuts,
      noAnswerNotReady: this.noAnswerNotReady,
      noAnswerLogouts: this.noAnswerLogouts,
      dndShare: loggedIn > 0 ? this.dndTime / loggedIn : 0,
    };
  }
}
