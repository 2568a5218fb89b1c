// The T-Controller side of SIP Server: the state of each agent's DN at its owner node (Ready, NotReady, Busy,
// LoggedOut, and the load behind it), and its propagation to every routing Stat Server, each after its network
// delay; a multimedia agent's (no DN owner) reaches them from its site's Interaction Server instead. Agents log in
// and out here (the staffing plan's AgentDesk), agent-no-answer-action runs here, and the fault injector logs agents
// out and has their new owner announce them here. An Asterisk phone's DN follows Asterisk's NOTIFYs (notified).

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import { AgentState, type AgentStateValue } from "../agents/agent-state.js";
import type { Agent } from "../agents/agent.js";
import { capReachedAt, occupancyAt, trackOccupancy } from "../agents/occupancy.js";
import type { AgentDesk } from "../agents/staffing.js";
import type { Mwi } from "../asterisk/mwi.js";
import type { Presence } from "../asterisk/presence.js";
import type { ComponentLoad } from "../cpu/component-load.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import type { Observer } from "../observer.js";
import type { StateUpdate } from "../routing/stat-server.js";
import type { Fanout } from "./stat-fanout.js";

/** the NotReady after a no-answer ends */
const NOT_READY_END = 0;
/** an agent logged out by a no-answer logs in again */
const LOGIN_AGAIN = 1;
/** a resting agent's occupancy has fallen to its group's maximum */
const REST_END = 2;

export class TController implements EventTarget, AgentDesk {
  private readonly sim: Simulation;
  private readonly observer: Observer;
  /** per origin node, its Stat Server fan-outs grouped by delay (wired by the builder once the URS exist) */
  fanouts: readonly (readonly Fanout[])[] = [];
  /** per site, the Stat Server fan-outs from its Interaction Server, which reports the states of the agents with no
   *  DN owner (wired by the builder) */
  ixnFanouts: readonly (readonly Fanout[])[] = [];
  /** the component load model, which then carries state changes instead of the fan-outs; null without one (wired by
   *  the builder) */
  load: ComponentLoad | null = null;
  /** null when the scenario schedules no fault (wired by the builder) */
  faults: FaultInjector | null = null;
  /** Asterisk presence; null when no site has an Asterisk PBX (wired by the builder) */
  presence: Presence | null = null;

  /** MWI subscriptions that follow logins; null without voicemail (wired by the builder) */
  mwi: Mwi | null = null;

  /** ha.loginDelay: how long a logged-out agent takes to log in again */
  private readonly loginDelay: number;

  constructor(o: { readonly sim: Simulation; readonly observer: Observer; readonly loginDelay: number }) {
    this.sim = o.sim;
    this.observer = o.observer;
    this.loginDelay = o.loginDelay;
  }

  fire(ev: SimEvent): void {
    if (ev.code === NOT_READY_END) this.agentFree(ev.subject as Agent);
    else if (ev.code === LOGIN_AGAIN) {
      const agent = ev.subject as Agent;
      if (agent.reloginPending && agent.state === AgentState.LoggedOut) this.logIn(agent);
    } else if (ev.code === REST_END) {
      const agent = ev.subject as Agent;
      agent.restTimer = null;
      this.announce(agent);
    }
  }

  // ---- agents (the staffing plan's AgentDesk) ----

  logIn(agent: Agent): void {
    agent.reloginPending = false;
    this.ready(agent);
  }

  logOut(agent: Agent): void {
    agent.reloginPending = false;
    if ((agent.state === AgentState.Ready || agent.state === AgentState.NotReady) && agent.load.total === 0) {
      this.sim.cancel(agent.timer);
      agent.timer = null;
      this.setState(agent, AgentState.LoggedOut);
    } else this.closeDesk(agent, true);
  }

  /** The staffing plan wants a leaving agent after all. */
  keep(agent: Agent): void {
    this.closeDesk(agent, false);
  }

  /** An agent at work is on its way out (or no longer): an agent with room for more (a chat agent) tells the Stat
   *  Servers it takes nothing more, or again. */
  private closeDesk(agent: Agent, leaving: boolean): void {
    const before = agent.accepts();
    agent.logoutPending = leaving;
    if (agent.accepts() !== before) this.announce(agent);
  }

  // ---- faults ----

  /** The DN's new owner logged the agent out (agent-state-auto-restore false). */
  logOutNow(agent: Agent): void {
    this.sim.cancel(agent.timer);
    agent.timer = null;
    this.setState(agent, AgentState.LoggedOut);
  }

  /** The DN's new owner announces its state (after the phone registered with it): nothing changes for the agent. */
  publish(agent: Agent): void {
    this.announce(agent);
  }

  // ---- work (the SIP Server side calls these) ----

  /** agent-no-answer-timeout passed: agent-no-answer-action says what happens to the agent (its load is already
   *  down by the unanswered interaction). */
  noAnswer(agent: Agent): void {
    const action = agent.group.spec.noAnswerAction;
    if (action === "notready") this.noAnswerNotReady(agent);
    else if (action === "none") this.settle(agent);
    else {
      // logout: the agent takes nothing more; out at once, or once what it still holds is done (agentFree), then in
      // again, unless the staffing plan wants it gone anyway
      if (!agent.logoutPending) agent.reloginPending = true;
      if (agent.load.total > 0) return this.settle(agent);
      this.sim.cancel(agent.timer);
      agent.timer = null;
      agent.logoutPending = false;
      this.setState(agent, AgentState.LoggedOut);
      if (agent.reloginPending) this.reloginLater(agent);
    }
  }

  /** The agent goes NotReady for noAnswerNotReady (an assumption: no guide gives how long). */
  private noAnswerNotReady(agent: Agent): void {
    if (agent.state === AgentState.NotReady) {
      // a second interaction rang out while the agent was NotReady already: the NotReady starts again
      this.sim.cancel(agent.timer);
      this.announce(agent);
    } else this.setState(agent, AgentState.NotReady);
    agent.timer = this.sim.after(agent.group.spec.noAnswerNotReady, Priority.RELEASE, this, NOT_READY_END, agent);
  }

  /** Work done (the last interaction, a no-answer's NotReady): Ready again, or out if the staffing plan wants the agent
   *  gone; an agent NotReady while still holding interactions goes back to them. */
  agentFree(agent: Agent): void {
    agent.timer = null;
    if (agent.load.total > 0) {
      this.setState(agent, agent.load.workState());
      return;
    }
    if (agent.logoutPending) {
      agent.logoutPending = false;
      agent.reloginPending = false;
      this.setState(agent, AgentState.LoggedOut);
    } else if (agent.reloginPending) {
      this.setState(agent, AgentState.LoggedOut);
      this.reloginLater(agent);
    } else this.ready(agent);
  }

  /** The agent is free: Ready, unless SIP Server last heard from Asterisk that the endpoint is busy (a private call,
   *  or the idle NOTIFY after a call not in yet): the DN is then held NotReady until that NOTIFY. */
  private ready(agent: Agent): void {
    if (this.presence !== null) {
      // (the endpoint may have turned idle this instant: its NOTIFY leaves first)
      this.presence.check(agent);
      if (this.presence.busy(agent)) {
        agent.presenceHeld = true;
        if (agent.state !== AgentState.NotReady) this.setState(agent, AgentState.NotReady);
        return;
      }
    }
    if (agent.occupancy !== null) this.restIfAboveCap(agent);
    this.setState(agent, AgentState.Ready);
  }

  /** A group's maximum occupancy: an agent free above it is Ready at its DN, but the routing strategy skips it (the
   *  Stat Servers are told it takes nothing) until its occupancy since login has fallen to the cap. */
  private restIfAboveCap(agent: Agent): void {
    const cap = agent.group.spec.maxOccupancy!;
    const now = this.sim.now;
    if (agent.restTimer !== null || occupancyAt(agent, now) <= cap) return;
    agent.restTimer = this.sim.at(capReachedAt(agent, now, cap), Priority.RELEASE, this, REST_END, agent);
  }

  /** A NOTIFY from Asterisk reached SIP Server: an endpoint busy while SIP Server has no call at it makes a Ready DN
   *  NotReady (EventAgentNotReady); an idle one frees the DN it held (EventAgentReady). */
  notified(agent: Agent, busy: boolean): void {
    if (busy) {
      if (agent.state === AgentState.Ready && agent.load.total === 0) this.ready(agent);
    } else if (agent.presenceHeld && agent.state === AgentState.NotReady) this.agentFree(agent);
  }

  /** A logged-out agent (a DN ownership change, a no-answer's logout) logs in again after ha.loginDelay. */
  private reloginLater(agent: Agent): void {
    if (this.faults !== null) this.faults.reloginLater(agent);
    else this.sim.postAfter(this.loginDelay, Priority.STAFFING, this, LOGIN_AGAIN, agent);
  }

  /** After the agent's load changed: its state follows its work (unless it is NotReady or out), and the Stat Servers
   *  hear of the new load either way. An agent with room for more counts as idle from now, for longest-idle. */
  settle(agent: Agent): void {
    const s = agent.state;
    const to = s === AgentState.LoggedOut || s === AgentState.NotReady ? s : agent.load.workState();
    if (agent.accepts() !== 0 && to !== AgentState.Ready) agent.readySince = this.sim.now;
    // (free again without agentFree: a no-answer with agent-no-answer-action none)
    if (to === AgentState.Ready && to !== s && agent.occupancy !== null) this.restIfAboveCap(agent);
    if (to !== s) this.setState(agent, to);
    else this.announce(agent);
  }

  /** A state change at the DN's owner node, then told to every Stat Server after its delay. */
  private setState(agent: Agent, to: AgentStateValue): void {
    const from = agent.state;
    agent.state = to;
    if (to !== AgentState.NotReady) agent.presenceHeld = false;
    if (agent.occupancy !== null) {
      trackOccupancy(agent, from, to, this.sim.now);
      if (agent.restTimer !== null && to !== AgentState.Ready) {
        this.sim.cancel(agent.restTimer);
        agent.restTimer = null;
      }
    }
    if (this.mwi !== null && (from === AgentState.LoggedOut) !== (to === AgentState.LoggedOut)) this.mwi.loggedIn(agent, to !== AgentState.LoggedOut);
    this.observer.agentState(agent, from, to);
    const now = this.sim.now;
    agent.stateSince = now;
    if (to === AgentState.Ready) agent.readySince = now;
    this.announce(agent);
  }

  /** The owner node tells every Stat Server the DN's state (a new version), each after its delay; for an agent with
   *  no DN owner its Interaction Server does: "Interaction Server is connected to all routing Stat Servers and
   *  reports agent states to all routing Stat Servers" (SIP Cluster Solution Guide, Agent Availability for Routing). */
  private announce(agent: Agent): void {
    if (this.presence !== null) this.presence.check(agent);
    // read once: what a server told at once makes happen (a waiting call routed to this agent) may change the agent
    // again before the delayed record is made, and that record must be of this version
    const version = ++agent.version;
    const readySince = agent.readySince;
    const accepts = agent.accepts();
    const owner = agent.owner;
    // (an Interaction Server that is down reports nothing: interaction-server-down)
    if (owner === null && agent.site.ixnDown > 0) return;
    if (this.load !== null) {
      if (owner === null) this.load.announceFromIxn(agent.site, { agent, readySince, version, accepts });
      else this.load.announce(owner, { agent, readySince, version, accepts });
      return;
    }
    const fanouts = owner === null ? this.ixnFanouts[agent.site.index]! : this.fanouts[owner.index]!;
    let u: StateUpdate | null = null;
    for (let i = 0; i < fanouts.length; i++) {
      const f = fanouts[i]!;
      if (f.delay === 0) f.tell(agent, readySince, version, accepts);
      else {
        u ??= { agent, readySince, version, accepts };
        this.sim.postAfter(f.delay, Priority.MESSAGE, f, 0, u);
      }
    }
  }
}
