// The SIP Server side of a call (Session Controller, SIP Server Solution Guide; SIP Cluster Solution Guide): a call
// admitted on a node, its EventRouteRequest to the URS serving the node, TRouteCall and delivery to the agent's DN,
// ringing, answer or no-answer, release and wrap-up; and the ways a call ends early: abandoned, stranded on its
// Routing Point until router-timeout default-routes it (default-route.ts), dropped with a lost node. The DN states
// these change are the T-Controller's (t-controller.ts); where an arriving call lands is the SIP Proxies'
// (sip-proxy.ts).

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent } from "../agents/agent.js";
import { Phase, type PhaseValue } from "../agents/agent-load.js";
import type { ComponentLoad, LoadHost } from "../cpu/component-load.js";
import type { MediaPortHost, MediaPorts } from "../asterisk/media-ports.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import type { ImHost } from "../multimedia/im-session.js";
import type { InteractionServer } from "../multimedia/interaction-server.js";
import type { Voicemail } from "../asterisk/voicemail.js";
import type { Observer } from "../observer.js";
import type { ReservationProtocol } from "../routing/reservation.js";
import type { CallControl, Urs } from "../routing/urs.js";
import type { EscalationCallControl, ImEscalation } from "../skype/im-escalation.js";
import type { SkypeTServer } from "../skype/t-server.js";
import type { TrafficType } from "../traffic/traffic.js";
import { Call, CallState } from "./call.js";
import { releaseHold } from "./call-hold.js";
import { DefaultRouting, type DefaultDnParts } from "./default-route.js";
import type { TController } from "./t-controller.js";
import type { ClusterNode, Topology } from "./topology.js";

const DELIVER = 0;
const ANSWER = 1;
const NO_ANSWER = 2;
const RELEASE = 3;
/** one interaction's wrap-up ends (the subject is the interaction, since an agent may wrap up several at once) */
const WRAP_END = 4;
const PATIENCE = 5;

/** What the SIP Server side is built from. */
export interface SipServerOptions {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly topology: Topology;
  readonly tController: TController;
  readonly protocol: ReservationProtocol;
  /** every URS, and the one routing each node's calls (arrays the builder fills as it places them) */
  readonly urs: readonly Urs[];
  readonly ursOfNode: readonly Urs[];
  /** what the default DN needs besides the scenario's choice */
  readonly defaultDn: DefaultDnParts;
}

export class SipServer implements EventTarget, CallControl, LoadHost, ImHost, MediaPortHost, EscalationCallControl {
  private readonly scenario: Scenario;
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly topology: Topology;
  private readonly tc: TController;
  private readonly protocol: ReservationProtocol;
  private readonly urs: readonly Urs[];
  private readonly ursOfNode: readonly Urs[];
  /** router-timeout and the default DN */
  private readonly defaultRouting: DefaultRouting;
  private nextCallId = 1;
  /** per site, the Interaction Server chat and email of that site enter through (wired by the builder) */
  interactionServers: readonly (InteractionServer | null)[] = [];
  /** the component load model; null when messages cost no CPU (wired by the builder) */
  load: ComponentLoad | null = null;
  /** null when the scenario schedules no fault (wired by the builder) */
  faults: FaultInjector | null = null;
  /** Asterisk voicemail; null when no group has a box (wired by the builder) */
  voicemail: Voicemail | null = null;
  /** calls in progress, kept only when faults may need to find them (wired by the builder) */
  live: Set<Call> | null = null;
  /** the Skype for Business site's T-Server, whose calls wait for a conference before routing; null without one */
  skype: SkypeTServer | null = null;
  /** the Skype site's IM sessions escalated to voice; null when no IM type escalates (wired by the builder) */
  escalation: ImEscalation | null = null;
  /** Asterisk media ports; null when no site has them (wired by the builder) */
  mediaPorts: MediaPorts | null = null;

  constructor(o: SipServerOptions) {
    this.scenario = o.scenario;
    this.sim = o.sim;
    this.observer = o.observer;
    this.topology = o.topology;
    this.tc = o.tController;
    this.protocol = o.protocol;
    this.urs = o.urs;
    this.ursOfNode = o.ursOfNode;
    this.defaultRouting = new DefaultRouting(o.sim, o.observer, o.scenario.routing, o.defaultDn, this);
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case DELIVER:
        return this.deliver(ev.subject as Call);
      case ANSWER:
        return this.answer(ev.subject as Call);
      case NO_ANSWER:
        return this.noAnswer(ev.subject as Call);
      case RELEASE:
        return this.release(ev.subject as Call);
      case WRAP_END:
        return this.wrapEnd(ev.subject as Call);
      case PATIENCE:
        return this.abandon(ev.subject as Call);
    }
  }

  // ---- arrival ----

  /** The call lands on a node that answers: from here on it exists for the metrics (`from`: the IM session it escalates). */
  admit(type: TrafficType, node: ClusterNode, arrival: number, handle: number, patience: number, from: Call | null = null): Call {
    const call = this.newCall(type, node, arrival, handle, patience);
    call.partner = from;
    node.activeCalls++;
    this.live?.add(call);
    this.observer.arrival(call);
    if (patience !== Infinity) {
      if (call.abandonAt <= this.sim.now) {
        // the caller gave up while the network was failing over
        this.abandon(call);
        return call;
      }
      call.patienceTimer = this.sim.at(call.abandonAt, Priority.TIMER, this, PATIENCE, call);
    }
    if (this.skype !== null && node.site.index === this.skype.site) this.skype.admit(call);
    else this.conferenced(call);
    return call;
  }

  /** The call may be routed (at a Skype for Business site: its conference is scheduled): an IM opens its session, a
   *  voice call hears its treatment on an Asterisk media port, if any. */
  conferenced(call: Call): void {
    if (call.partner !== null) this.escalation!.connect(call);
    else if (call.type.im !== null) call.type.im.open(call);
    else if (this.mediaPorts === null || !this.mediaPorts.treat(call)) this.afterTreatment(call);
  }

  /** A voice call on its Routing Point, past its treatment (if any): EventRouteRequest, through the component load
   *  model when there is one. */
  afterTreatment(call: Call): void {
    if (this.load !== null) this.load.callArrives(call, call.node!);
    else this.sendRouteRequest(call, 0);
  }

  /** Chat or email reaches its site's Interaction Server, which asks the next URS to route it (or refuses it: down). */
  admitMultimedia(type: TrafficType, arrival: number): void {
    const handle = type.handleTime();
    const patience = type.patience ? type.patience() : Infinity;
    const call = this.newCall(type, null, arrival, handle, patience);
    call.ixn = this.interactionServers[type.site.index]!;
    this.observer.arrival(call);
    if (call.ixn.refuses(call)) return;
    this.live?.add(call);
    if (patience !== Infinity) call.patienceTimer = this.sim.at(call.abandonAt, Priority.TIMER, this, PATIENCE, call);
    this.sendRouteRequest(call, 0);
  }

  /** A call with nowhere to go: it exists only to be counted as lost, on `node` (the first node of its site). */
  lost(type: TrafficType, node: ClusterNode, arrival: number, handle: number, patience: number): void {
    const call = this.newCall(type, node, arrival, handle, patience);
    this.observer.arrival(call);
    call.state = CallState.Done;
    this.observer.dropped(call, this.faults!.nodeFault[node.index]!, false);
  }

  /** The next ConnID's interaction; counted in the metrics when it arrived in [warmup, horizon). */
  private newCall(type: TrafficType, node: ClusterNode | null, arrival: number, handle: number, patience: number): Call {
    return new Call(this.nextCallId++, type, node, arrival, handle, arrival + patience, this.scenario.warmup, this.scenario.horizon);
  }

  // ---- routing ----

  /** EventRouteRequest from the call's node to the URS serving it; `extra` is time already spent reaching the node. */
  sendRouteRequest(call: Call, extra: number): void {
    const node = call.node;
    if (node === null) {
      if (this.load !== null) this.load.ixnRouteRequest(call, extra);
      else this.forwardRouteRequest(call, extra);
      return;
    }
    const urs = this.ursOfNode[node.index]!;
    const d = extra + this.topology.nodeDelay(node, urs.node);
    if (d === 0) urs.routeRequest(call);
    else urs.routeRequestIn(d, call);
  }

  /** Interaction Server sends the routing request to the next URS up; with none up the interaction waits for
   *  router-timeout and is sent again. */
  forwardRouteRequest(call: Call, extra: number): void {
    if (!call.ixn!.routeRequest(call, extra)) this.strand(call, false, this.urs[0]!.downBy);
  }

  /** TRouteCall: from the URS to the call's node, then on to the DN's owner node (chat and email: the route goes to
   *  their Interaction Server, which pushes them to the agent's desktop). */
  routeCall(urs: Urs, call: Call, agent: Agent): void {
    call.state = CallState.Delivering;
    this.observer.routeCall(call, urs, agent);
    call.routed = true;
    const node = call.node;
    if (this.load !== null) {
      // an interaction with no node (chat, email) costs its Interaction Server, not a Session Controller
      if (node === null) return this.load.ixnRouteCall(call, call.ixn!.delayTo(urs));
      return this.load.routeCall(call, this.topology.nodeDelay(urs.node, node));
    }
    this.deliverIn(
      call,
      node === null
        ? call.ixn!.delayTo(urs) + this.topology.desktopDelay(agent.owner, agent.site, call.ixn!.site)
        : this.topology.nodeDelay(urs.node, node) + this.topology.nodeDelay(node, agent.owner!), // (voice, IM: a DN)
    );
  }

  deliverIn(call: Call, d: number): void {
    if (d === 0) this.deliver(call);
    else this.sim.postAfter(d, Priority.MESSAGE, this, DELIVER, call);
  }

  private deliver(call: Call): void {
    const agent = call.agent;
    // stranded while this TRouteCall travelled: the routing dialogue, and the TRouteCall with it, are gone
    if (agent === null) return;
    const urs = call.urs!;
    if (call.state !== CallState.Delivering) {
      // the caller hung up on the way; any reservation for it stands until it expires (see Urs.granted)
      urs.view.releaseWhenChanged(agent);
      return;
    }
    const node = call.node;
    // (Interaction Server reaches desktops outside the cluster: the nodes' faults do not stand in its way)
    const problem = this.faults === null || node === null ? null : this.faults.deliveryProblem(node, agent);
    const media = call.type.media;
    if (problem !== null || !agent.canTake(media)) {
      if (problem !== null) this.observer.routeFailure(call, agent, problem, this.faults!.deliveryBlame(node!, agent));
      else this.observer.routeFailure(call, agent, agent.state === AgentState.LoggedOut ? "logged-out" : "busy", -1);
      const back =
        node === null ? this.topology.desktopDelay(agent.owner, agent.site, call.ixn!.site) : this.topology.nodeDelay(agent.owner!, node);
      if (this.protocol.onDeliveryFailure === "next-candidate") {
        // EventError travels back to the URS, which tries its next candidate
        const toUrs = node === null ? call.ixn!.delayTo(urs) : this.topology.nodeDelay(node, urs.node);
        urs.deliveryFailedIn(back + toUrs, call);
      } else {
        // the call returns to its Routing Point and is routed anew; the URS heard the TRouteCall fail
        urs.view.releaseWhenChanged(agent);
        call.agent = null;
        call.state = CallState.Routing;
        this.sendRouteRequest(call, back);
      }
      return;
    }
    this.protocol.delivered(agent);
    agent.load.take(media);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
    const group = agent.group;
    const unanswered = group.spec.noAnswer > 0 && group.answerRng() < group.spec.noAnswer;
    const ring = unanswered ? group.spec.noAnswerTimeout : group.answerDelay();
    call.state = CallState.Ringing;
    this.observer.ringing(call, agent);
    if (ring === 0 && !unanswered) {
      // answered at once: the DN goes straight to Busy, one state change instead of two
      this.answer(call);
      urs.view.release(agent, agent.version);
      return;
    }
    this.tc.settle(agent);
    urs.view.release(agent, agent.version);
    call.ringTimer = this.sim.after(ring, unanswered ? Priority.TIMER : Priority.MESSAGE, this, unanswered ? NO_ANSWER : ANSWER, call);
  }

  // ---- at the agent ----

  answer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    call.state = CallState.Talking;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    agent.load.answer();
    this.tc.settle(agent);
    this.observer.answered(call, agent);
    this.mediaPorts?.record(call);
    if (call.type.im !== null) call.type.im.converse(call);
    else this.sim.postAfter(call.handleTime, Priority.RELEASE, this, RELEASE, call);
  }

  /** agent-no-answer-timeout: agent-no-answer-action for the agent (TController.noAnswer); the call goes back to routing,
   *  or with no-answer-overflow voicemail to the agent's box */
  private noAnswer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    this.observer.noAnswer(call, agent);
    const media = call.type.media;
    agent.load.drop(media, Phase.Ringing);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
    this.tc.noAnswer(agent);
    // no-answer-overflow naming the agent's box: the call goes there instead of back to routing
    if (this.voicemail !== null && agent.group.spec.noAnswerOverflow === "voicemail") return this.voicemail.overflow(call, agent);
    call.agent = null;
    call.state = CallState.Routing;
    this.sendRouteRequest(call, 0);
  }

  private release(call: Call): void {
    if (call.state !== CallState.Talking) return; // a fault cut it off
    const agent = call.agent!;
    this.leave(call);
    this.observer.released(call, agent);
    if (call.partner !== null) this.escalation!.released(call);
    const wrap = agent.group.wrapUp();
    if (wrap > 0) {
      agent.load.wrap();
      this.tc.settle(agent);
      this.sim.postAfter(wrap, Priority.RELEASE, this, WRAP_END, call);
    } else this.letGo(agent, call, Phase.Talking);
  }

  /** An interaction's wrap-up ends: the agent lets go of it. */
  private wrapEnd(call: Call): void {
    this.letGo(call.agent!, call, Phase.Wrapping);
  }

  /** The interaction leaves the agent's hands: with nothing left the agent is free (Ready, or out), otherwise it goes
   *  on with the rest, and tells its new load. */
  private letGo(agent: Agent, call: Call, phase: PhaseValue): void {
    const media = call.type.media;
    agent.load.drop(media, phase);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
    if (agent.load.total === 0 && agent.state !== AgentState.NotReady) this.tc.agentFree(agent);
    else this.tc.settle(agent);
  }

  // ---- IM sessions (ImHost) ----

  routeSession(call: Call): void {
    this.sendRouteRequest(call, 0);
  }
  endInTreatment(call: Call): void {
    this.sim.cancel(call.patienceTimer);
    this.abandon(call);
  }
  imMessage(call: Call): void {
    this.observer.imMessage(call, call.agent!);
  }
  endSession(call: Call): void {
    this.release(call);
  }

  // ---- ending early ----

  private abandon(call: Call): void {
    call.patienceTimer = null;
    if (call.state === CallState.Talking || call.state === CallState.Done) return;
    this.detach(call);
    this.leave(call);
    this.observer.abandoned(call);
  }

  /** The call leaves SIP Server: Done, no longer on its node nor among the calls in progress. */
  leave(call: Call): void {
    call.state = CallState.Done;
    if (call.conference !== null) this.skype!.release(call);
    if (call.port !== null) this.mediaPorts!.free(call);
    if (call.node !== null) call.node.activeCalls--;
    this.live?.delete(call);
  }

  /** Takes a call out of wherever it is held (call-hold.ts); a ringing or talking agent is free at once. */
  private detach(call: Call): void {
    const phase = releaseHold(call, this.sim);
    if (phase !== null) this.letGo(call.agent!, call, phase);
  }

  /** the calls in progress, in ConnID order (only kept when the scenario has faults) */
  liveCalls(): Call[] {
    return this.live ? [...this.live].sort((a, b) => a.id - b.id) : [];
  }

  /** The call's routing dialogue is gone: it waits on its Routing Point for router-timeout (DefaultRouting.strand). */
  strand(call: Call, lost: boolean, fault: number, notBefore = this.sim.now): void {
    this.defaultRouting.strand(call, lost, fault, notBefore);
  }

  /** The call's node is lost: the call ends whatever it was doing; an agent on it is free at once. */
  dropCall(call: Call, fault: number): void {
    if (call.state === CallState.Done) return;
    const established = call.state === CallState.Talking;
    this.detach(call);
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    this.leave(call);
    this.observer.dropped(call, fault, established);
  }
}
