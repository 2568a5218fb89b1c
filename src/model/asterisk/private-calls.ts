// Private calls of an Asterisk agent group in one direction (inbound to the agents, or outbound from them): "private
// calls (direct calls to an agent, for example) are not forwarded to SIP Server. Instead, only the notification about
// the busy status of the endpoint is passed to SIP Server" (SIP Server and Asterisk Integration Reference, Private
// Calls). Each agent of the group gets attempts as a Poisson process of the given rate; one that finds the agent in
// a state the spec does not allow (busy with a contact-center call, on another private call, logged out) is not
// made. The group's attempts are one Poisson process of rate x agents, each aimed at an agent drawn uniformly, which
// is the same thing with one pending event a direction instead of one per agent. A Skype for Business site's users
// have them too: calls and meetings outside the contact center, which T-Server sees only through pull presence mode.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { PrivateCallSpec } from "../../scenario/types.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { Presence } from "./presence.js";

const ATTEMPT = 0;
const END = 1;

/** What one group's private calls in one direction are built from. */
export interface PrivateCallOptions {
  readonly sim: Simulation;
  readonly observer: Observer;
  /** null at a Skype site without pull presence mode: T-Server never hears of the call */
  readonly presence: Presence | null;
  readonly group: AgentGroup;
  readonly inbound: boolean;
  readonly spec: PrivateCallSpec;
  /** attempts are made in [0, horizon), like arrivals */
  readonly horizon: number;
  /** uniform draws (`privateCalls:<group>:<direction>`): the gap to the next attempt, then the agent it is for */
  readonly rng: () => number;
  /** durations (`privateDuration:<group>:<direction>`) */
  readonly duration: () => number;
}

export class PrivateCalls implements EventTarget {
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly presence: Presence | null;
  private readonly agents: readonly Agent[];
  readonly inbound: boolean;
  private readonly when: PrivateCallSpec["when"];
  /** the group's attempts per second: the rate per agent times its agents */
  private readonly rate: number;
  private readonly horizon: number;
  private readonly rng: () => number;
  private readonly duration: () => number;

  constructor(o: PrivateCallOptions) {
    this.sim = o.sim;
    this.observer = o.observer;
    this.presence = o.presence;
    this.agents = o.group.agents;
    this.inbound = o.inbound;
    this.when = o.spec.when;
    this.rate = o.spec.rate * o.group.agents.length;
    this.horizon = o.horizon;
    this.rng = o.rng;
    this.duration = o.duration;
  }

  start(): void {
    if (this.rate > 0) this.next();
  }

  fire(ev: SimEvent): void {
    if (ev.code === END) return this.end(ev.subject as Agent);
    const agent = this.agents[Math.floor(this.rng() * this.agents.length)]!;
    if (this.canStart(agent)) this.begin(agent);
    this.next();
  }

  private next(): void {
    const at = this.sim.now - Math.log(1 - this.rng()) / this.rate;
    if (at < this.horizon) this.sim.post(at, Priority.ARRIVAL, this, ATTEMPT, null);
  }

  /** The agent is free for a private call in a state the spec allows: Ready (or held NotReady only by the presence of
   *  a call just ended: the phone is idle and the agent at the desk), or in wrap-up with the phone idle. */
  private canStart(agent: Agent): boolean {
    if (agent.privateCall || agent.logoutPending) return false;
    const s = agent.state;
    const load = agent.load;
    const when = this.when;
    const idle = s === AgentState.Ready || (s === AgentState.NotReady && agent.presenceHeld);
    if (when !== "wrap-up" && load.total === 0 && idle) return true;
    return when !== "ready" && s === AgentState.AfterCallWork && load.ringing + load.talking === 0;
  }

  private begin(agent: Agent): void {
    agent.privateCall = true;
    this.observer.privateCallStarted(agent, this.inbound);
    this.presence?.check(agent);
    this.sim.postAfter(this.duration(), Priority.RELEASE, this, END, agent);
  }

  private end(agent: Agent): void {
    agent.privateCall = false;
    this.observer.privateCallEnded(agent);
    this.presence?.check(agent);
  }
}
