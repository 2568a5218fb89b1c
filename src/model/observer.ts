// What the model tells the outside world: one typed method per observation, called at the simulated instant it happens.
// (Methods rather than record objects, so that observing costs no allocation; a trace turns them into records.)

import type { AgentStateValue } from "./agents/agent-state.js";
import type { Agent } from "./agents/agent.js";
import type { DefaultDnKind, FaultSpec } from "../scenario/types.js";
import type { Call } from "./sip/call.js";
import type { ClusterNode, Site } from "./sip/topology.js";
import type { Urs } from "./routing/urs.js";
import type { Component } from "./cpu/component-load.js";
import type { MediaPortPool } from "./asterisk/media-ports.js";
import type { VoicemailBox } from "./asterisk/voicemail-box.js";

export type ConflictReason = "collision" | "already-reserved";
export type FailureReason = "busy" | "oos" | "unreachable" | "logged-out";

export interface Observer {
  /** a call reached a Routing Point (EventRouteRequest follows) */
  arrival(call: Call): void;
  /** the URS started routing it (EventRouteRequest reached the URS) */
  routeRequest(call: Call, urs: Urs): void;
  /** the first routing attempt found an agent available, or not (probWait) */
  firstAttempt(call: Call, found: boolean): void;
  /** no candidate: the call waits in the URS's virtual queue */
  queued(call: Call, urs: Urs): void;
  /** a target that widens reached its next step: `call.cls` is now the step's target */
  targetWidened(call: Call): void;
  reservationRequest(call: Call, urs: Urs, agent: Agent): void;
  reservationGrant(call: Call, urs: Urs, agent: Agent): void;
  reservationConflict(call: Call, urs: Urs, agent: Agent, reason: ConflictReason): void;
  /** TRouteCall sent */
  routeCall(call: Call, urs: Urs, agent: Agent): void;
  /** TRouteCall failed; `fault` is the fault to blame (index in Scenario.faults), -1 when none */
  routeFailure(call: Call, agent: Agent, reason: FailureReason, fault: number): void;
  ringing(call: Call, agent: Agent): void;
  noAnswer(call: Call, agent: Agent): void;
  answered(call: Call, agent: Agent): void;
  released(call: Call, agent: Agent): void;
  abandoned(call: Call): void;
  /** IM: a message of the session reached its agent */
  imMessage(call: Call, agent: Agent): void;
  /** router-timeout expired with no URS routing it: SIP Server sent it to the default DN of kind `dn` (`call.blame`
   *  names the fault behind it). At reject and external the call ends here; on a Routing Point its default strategy
   *  routes it (answered or abandoned follows), at a Trunk Group it hears the treatment (treated or abandoned). */
  defaultRouted(call: Call, dn: DefaultDnKind): void;
  /** the default DN's treatment (a Trunk Group DN) played to its end: the call is released */
  treated(call: Call): void;
  /** a fault ended the call: before it was answered (counted as dropped), or cutting off an established call */
  dropped(call: Call, fault: number, established: boolean): void;
  /** a routing request or TReserveAgent was lost with a failing component */
  lostRequest(call: Call, fault: number): void;
  /** a stopped UCMA connector holds the call: it recovers only on that connector, after its restart */
  heldByConnector(call: Call, fault: number): void;
  /** a fault starts, or ends, or a node's hot-standby backup has taken over (`phase` "switchover") */
  fault(index: number, spec: FaultSpec, phase: "start" | "end" | "switchover"): void;
  /** a Stat Server shows `count` DNs owned by `owner` out of service, or back in service */
  dnService(statServer: string, owner: ClusterNode, inService: boolean, count: number): void;
  /** a DN is owned by another node after its owner was lost: its phone registered there, or GWS registered it there
   *  (TRegisterAddress) for a PSTN agent (told after the new owner announced its state) */
  ownerChanged(agent: Agent, from: ClusterNode): void;
  /** a site's GWS connected to another node after it lost its connection (its PSTN agents' DNs move there, at once or
   *  after ha.gwsMoveWait in another site) */
  gwsConnected(site: Site, node: ClusterNode): void;
  /** the agent leaves `from` for `agent.state`; `agent.stateSince` is still when `from` began */
  agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue): void;
  /** the agent now holds `count` interactions of media `media` (MEDIA_INDEX): one more was delivered, or one left
   *  its hands (end of wrap-up, a no-answer, the customer gone); told before the state change it may cause */
  agentLoad(agent: Agent, media: number, count: number): void;
  /** a message reached a component of the load model at `arrival` (its instant, possibly ahead of the clock: a
   *  message computed through a chain of FIFOs) and was served from `start` to `end` */
  componentServed(component: Component, arrival: number, start: number, end: number): void;
  /** an Asterisk phone's private call starts (inbound: to the agent; outbound: the agent's), or ends */
  privateCallStarted(agent: Agent, inbound: boolean): void;
  privateCallEnded(agent: Agent): void;
  /** Asterisk sends SIP Server a NOTIFY: the agent's endpoint turned busy, or idle */
  presenceNotify(agent: Agent, busy: boolean): void;
  /** a Skype for Business call got its conference from connector `connector` (index in its pool), after waiting for
   *  one (`waited`: the pool was empty) or not; the connector has `ready` conferences left, the T-Server's calls hold
   *  `inUse` */
  conferenceAllocated(call: Call, connector: number, waited: boolean, ready: number, inUse: number): void;
  /** the T-Server's scheduler created a conference for connector `connector`'s pool */
  conferenceCreated(connector: number): void;
  /** the customer of an answered Skype for Business IM session `im` escalated it to voice: `voice` is the new call,
   *  to the session's agent */
  imEscalated(im: Call, voice: Call, agent: Agent): void;
  /** a treatment (recording: false) or a recording took one of its site's Asterisk media ports (`pool.busy` counts it) */
  mediaPortTaken(pool: MediaPortPool, recording: boolean): void;
  /** the treatment or recording holding a port of the pool ended (`pool.busy` no longer counts it) */
  mediaPortFreed(pool: MediaPortPool): void;
  /** a treatment (skipped) or a recording (lost) found no free media port in site `site` (index), or no media server */
  mediaPortRefused(site: number, recording: boolean): void;
  /** SIP Server sent the call to a voicemail box and is done with it; its caller leaves a message, or hangs up */
  voicemailReached(call: Call, box: VoicemailBox, leaves: boolean): void;
  /** a caller's message is recorded: it waits in the box for an owner agent */
  messageLeft(box: VoicemailBox): void;
  /** an agent calls its box and takes the oldest message, left at `leftAt`; and is done with it */
  messageTaken(agent: Agent, box: VoicemailBox, leftAt: number): void;
  messageHandled(agent: Agent): void;
  /** SIP Server sends Asterisk an MWI SUBSCRIBE: a new subscription, a refresh, or the one that ends it */
  mwiSubscribe(site: Site, kind: "start" | "refresh" | "end"): void;
  /** Asterisk sends SIP Server an MWI NOTIFY (the answer to a SUBSCRIBE, or a box's messages changed) */
  mwiNotify(site: Site): void;
}

/** The observer that ignores everything: extend it and override only what you listen to. */
export class NoObserver implements Observer {
  arrival(_call: Call): void {}
  routeRequest(_call: Call, _urs: Urs): void {}
  firstAttempt(_call: Call, _found: boolean): void {}
  queued(_call: Call, _urs: Urs): void {}
  targetWidened(_call: Call): void {}
  reservationRequest(_call: Call, _urs: Urs, _agent: Agent): void {}
  reservationGrant(_call: Call, _urs: Urs, _agent: Agent): void {}
  reservationConflict(_call: Call, _urs: Urs, _agent: Agent, _reason: ConflictReason): void {}
  routeCall(_call: Call, _urs: Urs, _agent: Agent): void {}
  routeFailure(_call: Call, _agent: Agent, _reason: FailureReason, _fault: number): void {}
  ringing(_call: Call, _agent: Agent): void {}
  noAnswer(_call: Call, _agent: Agent): void {}
  answered(_call: Call, _agent: Agent): void {}
  released(_call: Call, _agent: Agent): void {}
  abandoned(_call: Call): void {}
  imMessage(_call: Call, _agent: Agent): void {}
  defaultRouted(_call: Call, _dn: DefaultDnKind): void {}
  treated(_call: Call): void {}
  dropped(_call: Call, _fault: number, _established: boolean): void {}
  lostRequest(_call: Call, _fault: number): void {}
  heldByConnector(_call: Call, _fault: number): void {}
  fault(_index: number, _spec: FaultSpec, _phase: "start" | "end" | "switchover"): void {}
  dnService(_statServer: string, _owner: ClusterNode, _inService: boolean, _count: number): void {}
  ownerChanged(_agent: Agent, _from: ClusterNode): void {}
  gwsConnected(_site: Site, _node: ClusterNode): void {}
  agentState(_agent: Agent, _from: AgentStateValue, _to: AgentStateValue): void {}
  agentLoad(_agent: Agent, _media: number, _count: number): void {}
  componentServed(_component: Component, _arrival: number, _start: number, _end: number): void {}
  privateCallStarted(_agent: Agent, _inbound: boolean): void {}
  privateCallEnded(_agent: Agent): void {}
  presenceNotify(_agent: Agent, _busy: boolean): void {}
  conferenceAllocated(_call: Call, _connector: number, _waited: boolean, _ready: number, _inUse: number): void {}
  conferenceCreated(_connector: number): void {}
  imEscalated(_im: Call, _voice: Call, _agent: Agent): void {}
  mediaPortTaken(_pool: MediaPortPool, _recording: boolean): void {}
  mediaPortFreed(_pool: MediaPortPool): void {}
  mediaPortRefused(_site: number, _recording: boolean): void {}
  voicemailReached(_call: Call, _box: VoicemailBox, _leaves: boolean): void {}
  messageLeft(_box: VoicemailBox): void {}
  messageTaken(_agent: Agent, _box: VoicemailBox, _leftAt: number): void {}
  messageHandled(_agent: Agent): void {}
  mwiSubscribe(_site: Site, _kind: "start" | "refresh" | "end"): void {}
  mwiNotify(_site: Site): void {}
}

/** Every method of Observer, in the contract's order. `satisfies` makes a method added to Observer and not listed
 *  here (or listed and not in Observer) a type error, so fanOut never forgets one. */
const METHODS = {
  arrival: 0, routeRequest: 0, firstAttempt: 0, queued: 0, targetWidened: 0, reservationRequest: 0, reservationGrant: 0,
  reservationConflict: 0, routeCall: 0, routeFailure: 0, ringing: 0, noAnswer: 0, answered: 0, released: 0,
  abandoned: 0, imMessage: 0, defaultRouted: 0, treated: 0, dropped: 0, lostRequest: 0, heldByConnector: 0, fault: 0, dnService: 0,
  ownerChanged: 0, gwsConnected: 0, agentState: 0, agentLoad: 0, componentServed: 0, privateCallStarted: 0,
  privateCallEnded: 0, presenceNotify: 0, conferenceAllocated: 0, conferenceCreated: 0, imEscalated: 0, mediaPortTaken: 0,
  mediaPortFreed: 0, mediaPortRefused: 0, voicemailReached: 0, messageLeft: 0, messageTaken: 0, messageHandled: 0,
  mwiSubscribe: 0, mwiNotify: 0,
} as const satisfies Record<keyof Observer, 0>;

export const OBSERVER_METHODS = Object.keys(METHODS) as readonly (keyof Observer)[];

/** Sends every observation to several observers, in order; one observer is returned as it is, so that a plain run
 *  pays nothing for the fan-out. */
export function fanOut(observers: readonly Observer[]): Observer {
  if (observers.length === 1) return observers[0]!;
  const all = (name: keyof Observer) =>
    function (this: unknown, ...args: unknown[]) {
      for (const o of observers) (o[name] as (...a: unknown[]) => void)(...args);
    };
  return Object.fromEntries(OBSERVER_METHODS.map((n) => [n, all(n)])) as unknown as Observer;
}
