// Universal Routing Server: runs the strategy for the calls of the nodes it serves, picks from its Stat Server's view,
// reserves, routes, and keeps the calls it cannot place yet in its virtual queues.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import { CallQueue } from "./virtual-queue.js";
import type { Step } from "../cpu/component-load.js";
import { CallState, type Call } from "../sip/call.js";
import type { Observer } from "../observer.js";
import type { ReservationProtocol } from "./reservation.js";
import type { AvailabilityListener, StatServer } from "./stat-server.js";
import type { TargetClass } from "./target-class.js";
import type { TargetSteps } from "./target-steps.js";
import type { ClusterNode } from "../sip/topology.js";

/** What a URS asks of the SIP Server side. */
export interface CallControl {
  /** TRouteCall: the call's node delivers it to the agent's DN */
  routeCall(urs: Urs, call: Call, agent: Agent): void;
  /** no URS answers for this call: it stays on its Routing Point until router-timeout default-routes it */
  strand(call: Call, lostRequest: boolean, fault: number): void;
}

/** What a URS asks of Asterisk voicemail (asterisk/voicemail.ts). */
export interface UrsVoicemail {
  /** the call found no agent: true when the strategy sends it to a voicemail box instead of queueing it */
  noAgent(call: Call): boolean;
  /** the agent is available and no call waits here for it: it may take a message */
  agentIdle(agent: Agent): void;
}

/** What a URS is built from (its Stat Server view is built first: the view hears of agents, the URS reads it). */
export interface UrsOptions {
  /** its place in the deployment's URS list */
  readonly index: number;
  readonly id: string;
  /** where it runs: its Stat Server and it sit on this node */
  readonly node: ClusterNode;
  /** the nodes whose calls it routes */
  readonly serves: readonly ClusterNode[];
  readonly view: StatServer;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly protocol: ReservationProtocol;
  /** the SIP Server side it sends TRouteCall to */
  readonly control: CallControl;
  /** how long one strategy run takes */
  readonly strategyTime: number;
  /** per target class, whether this URS routes it (it keeps a virtual queue for those only) */
  readonly routed: readonly boolean[];
  /** per agent, the target classes it belongs to */
  readonly classesOfAgent: readonly (readonly TargetClass[])[];
}

// the URS's own events: others reach it through routeRequestIn() and deliveryFailedIn()
const URS_ROUTE_REQUEST = 0;
const URS_STRATEGY_DONE = 1;
/** EventError for a TRouteCall reaches the URS; the call still names the agent that failed */
const URS_DELIVERY_FAILED = 2;

function before(a: Call, b: Call): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.arrival !== b.arrival) return a.arrival < b.arrival;
  return a.id < b.id;
}

export class Urs implements EventTarget, AvailabilityListener {
  /** a virtual queue per target class this URS routes, null for the others */
  private readonly queues: (CallQueue | null)[];
  /** the URS pair runs (false during a urs-down or site-down fault) */
  up = true;
  /** the fault that took it down, -1 when up */
  downBy = -1;
  /** Asterisk voicemail: told when an agent it sees available has no waiting call, and asked first about a call that
   *  finds no agent (its strategy's voicemail branch; wired by the builder) */
  voicemail: UrsVoicemail | null = null;
  /** with the component load model: the URS pair as a server, and what a strategy run costs it (wired by the
   *  builder) */
  load: Step | null = null;
  /** the traffic types' targets that widen; null when no type's does (wired by the builder) */
  steps: TargetSteps | null = null;

  readonly index: number;
  readonly id: string;
  /** where it runs: its Stat Server and it sit on this node (the other node, after a switchover to a backup placed
   *  there: `routing.ursBackup: other-node`) */
  node: ClusterNode;
  /** the nodes whose calls it routes */
  readonly serves: readonly ClusterNode[];
  readonly view: StatServer;
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly protocol: ReservationProtocol;
  private readonly control: CallControl;
  private readonly strategyTime: number;
  private readonly classesOfAgent: readonly (readonly TargetClass[])[];

  constructor(o: UrsOptions) {
    this.index = o.index;
    this.id = o.id;
    this.node = o.node;
    this.serves = o.serves;
    this.view = o.view;
    this.sim = o.sim;
    this.observer = o.observer;
    this.protocol = o.protocol;
    this.control = o.control;
    this.strategyTime = o.strategyTime;
    this.classesOfAgent = o.classesOfAgent;
    this.queues = o.routed.map((r) => (r ? new CallQueue() : null));
  }

  /** EventRouteRequest reaches this URS `delay` seconds from now (posted even when the delay is 0: its sender is in
   *  the middle of something). */
  routeRequestIn(delay: number, call: Call): void {
    this.sim.postAfter(delay, Priority.MESSAGE, this, URS_ROUTE_REQUEST, call);
  }

  /** EventError for a TRouteCall reaches this URS `delay` seconds from now; the call still names the agent that
   *  failed. */
  deliveryFailedIn(delay: number, call: Call): void {
    this.sim.postAfter(delay, Priority.MESSAGE, this, URS_DELIVERY_FAILED, call);
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    switch (ev.code) {
      case URS_ROUTE_REQUEST:
        return this.routeRequest(call);
      case URS_STRATEGY_DONE:
        return this.attempt(call);
      case URS_DELIVERY_FAILED:
        return this.deliveryFailed(call);
    }
  }

  /** EventRouteRequest reaches this URS. */
  routeRequest(call: Call): void {
    if (call.state === CallState.Done || call.state === CallState.Stranded) return;
    if (!this.up) {
      this.control.strand(call, false, this.downBy);
      return;
    }
    call.urs = this;
    this.steps?.start(call);
    this.observer.routeRequest(call, this);
    this.startAttempt(call);
  }

  /** Runs the strategy once (strategyTime), then looks for a target. */
  private startAttempt(call: Call): void {
    if (!this.up) {
      // a reply reached a URS that has failed since: the routing dialogue is gone
      this.control.strand(call, true, this.downBy);
      return;
    }
    call.state = CallState.Routing;
    const d = this.load === null ? this.strategyTime : this.strategyTime + this.load.delay(this.sim.now);
    if (d > 0) this.sim.postAfter(d, Priority.MESSAGE, this, URS_STRATEGY_DONE, call);
    else this.attempt(call);
  }

  private attempt(call: Call): void {
    if (call.state !== CallState.Routing) return;
    const cls = call.cls;
    const agent = this.view.best(cls);
    if (!call.firstAttemptDone) {
      call.firstAttemptDone = true;
      this.observer.firstAttempt(call, agent !== null);
    }
    if (agent) this.reserve(call, agent, cls);
    else if (this.voicemail === null || !this.voicemail.noAgent(call)) {
      call.state = CallState.Waiting;
      this.queues[cls.index]!.push(call);
      this.observer.queued(call, this);
    }
  }

  /** The view shows an agent available: a waiting strategy reacts at once (no new strategy run) with the best
   *  waiting call the agent can take (of a media the view shows it has room for). */
  agentAvailable(agent: Agent): void {
    let best: Call | undefined;
    let from: CallQueue | undefined;
    for (const cls of this.classesOfAgent[agent.index]!) {
      const q = this.queues[cls.index];
      if (!q || !this.view.accepts(agent, cls.media) || !cls.has(agent)) continue;
      const c = q.peek();
      if (c !== undefined && (best === undefined || before(c, best))) {
        best = c;
        from = q;
      }
    }
    if (best === undefined) {
      this.voicemail?.agentIdle(agent);
      return;
    }
    from!.remove(best);
    this.reserve(best, agent, best.cls);
  }

  /** a call waits in one of this URS's virtual queues for a target the agent is in */
  waitsFor(agent: Agent): boolean {
    for (const cls of this.classesOfAgent[agent.index]!) {
      const q = this.queues[cls.index];
      if (q && q.size > 0 && cls.has(agent)) return true;
    }
    return false;
  }

  /** The URS pair fails: the calls waiting in its virtual queues lose their router (the caller is told nothing). */
  fail(fault: number): Call[] {
    this.up = false;
    this.downBy = fault;
    const waiting: Call[] = [];
    for (const q of this.queues) if (q) waiting.push(...q.drain());
    return waiting;
  }

  recover(): void {
    this.up = true;
    this.downBy = -1;
  }

  /** The pair's backup takes over on `node`, with the routing Stat Server of that host: the virtual queues survive
   *  (hot standby); what was in flight is the fault's to strand. */
  moveTo(node: ClusterNode): void {
    this.node = node;
    this.view.node = node;
  }

  /** A waiting call's target widens (a step of its target): it leaves the virtual queue of the narrower target and the
   *  strategy looks at once for an agent of the wider one, or it waits for one in that target's queue. */
  widen(call: Call, cls: TargetClass): void {
    this.queues[call.cls.index]!.remove(call);
    call.cls = cls;
    this.observer.targetWidened(call);
    const agent = this.view.best(cls);
    if (agent !== null) this.reserve(call, agent, cls);
    else this.queues[cls.index]!.push(call);
  }

  /** the caller hung up while waiting */
  removeWaiting(call: Call): void {
    this.queues[call.cls.index]!.remove(call);
  }

  private reserve(call: Call, agent: Agent, cls: TargetClass): void {
    call.state = CallState.Reserving;
    call.agent = agent;
    this.view.hold(agent);
    this.view.picked(cls, agent);
    if (call.firstReserveAt < 0) call.firstReserveAt = this.sim.now;
    this.protocol.request(this, call, agent);
  }

  /** EventAgentReserved (or no reservation needed): send TRouteCall. */
  granted(call: Call, agent: Agent): void {
    if (call.state !== CallState.Reserving) {
      // the caller left: the reservation stands on the VQ SIP Server until it expires, and this URS knows it holds
      // it, so it does not ask for the agent again before the agent's state changes or the hold runs out
      this.view.releaseWhenChanged(agent);
      return;
    }
    this.control.routeCall(this, call, agent);
  }

  /** EventError on TReserveAgent: a conflict. Leave that agent alone and try the next candidate. */
  rejected(call: Call, agent: Agent): void {
    this.view.releaseWhenChanged(agent);
    if (call.state !== CallState.Reserving) return;
    call.conflicts++;
    call.agent = null;
    this.startAttempt(call);
  }

  /** TReserveAgent got no reply (its VQ SIP Server failed): after the request timeout, try again. */
  requestLost(call: Call, agent: Agent): void {
    this.view.release(agent);
    if (call.state !== CallState.Reserving) return;
    call.agent = null;
    this.startAttempt(call);
  }

  /** EventError on TRouteCall (implicit reservation): the DN was taken; try the next candidate. */
  private deliveryFailed(call: Call): void {
    this.view.releaseWhenChanged(call.agent!);
    if (call.state === CallState.Done) return;
    call.agent = null;
    this.startAttempt(call);
  }
}
