// The observer of one replication: one object the model tells everything, handing each observation straight to the
// parts that measure it (the slices' call counts, agent time, routing delay, fault costs, the media breakdown, the
// component meters, Asterisk private calls, media ports and voicemail, a Skype site's conferences, callers' retrials, callbacks and transfers), and assembling the ReplicationResult at the end. One observer with direct calls to each part,
// rather than one observer per part behind fanOut: a plain run pays one call per observation, not a loop of them.

import type { Simulation } from "../kernel/simulation.js";
import type { AgentStateValue } from "../model/agents/agent-state.js";
import type { Agent } from "../model/agents/agent.js";
import type { MediaPortPool } from "../model/asterisk/media-ports.js";
import type { VoicemailBox } from "../model/asterisk/voicemail-box.js";
import type { Component } from "../model/cpu/component-load.js";
import { NoObserver, type FailureReason } from "../model/observer.js";
import type { Urs } from "../model/routing/urs.js";
import type { Call } from "../model/sip/call.js";
import type { Site } from "../model/sip/topology.js";
import type { ContactCenter } from "../model/contact-center.js";
import type { DefaultDnKind, Scenario } from "../scenario/types.js";
import { AgentTime } from "./agent-time.js";
import { CallerMeter } from "./callers.js";
import { CallCounts } from "./call-counts.js";
import { ComponentMeters } from "./component-meters.js";
import { FaultCosts } from "./fault-costs.js";
import { IntervalClosing } from "./interval-closing.js";
import { MediaBreakdown } from "./media-breakdown.js";
import { MediaPortMeter } from "./media-ports.js";
import { PrivateCallMeter } from "./private-calls.js";
import { VoicemailMeter } from "./voicemail.js";
import { replicationResult } from "./replication-result.js";
import type { ReplicationResult } from "./results.js";
import { RoutingDelay } from "./routing-delay.js";
import { SkypeMeter } from "./skype-connector.js";
import { Slices } from "./slices.js";

export class ReplicationObserver extends NoObserver {
  private readonly slices: Slices;
  private readonly faultCosts: FaultCosts;
  private readonly routingDelay = new RoutingDelay();
  /** the parts that need the center: set by attach */
  private center: ContactCenter | null = null;
  private calls: CallCounts | null = null;
  private agentTime: AgentTime | null = null;
  /** null when every traffic type is voice */
  private media: MediaBreakdown | null = null;
  /** null without the component load model */
  private components: ComponentMeters | null = null;
  /** null when no agent group has private calls */
  private privateCalls: PrivateCallMeter | null = null;
  /** null without a Skype for Business site */
  private skype: SkypeMeter | null = null;
  /** null when no site has Asterisk media ports */
  private mediaPorts: MediaPortMeter | null = null;
  /** null when no group has a voicemail box and no site has mwi */
  private voicemail: VoicemailMeter | null = null;
  /** null without a series of more than one interval, or when told to keep every interval open */
  private closing: IntervalClosing | null = null;
  /** null when no type has retrials, transfers or callbacks */
  private callers: CallerMeter | null = null;

  /** `closeEarly` false keeps every interval's tallies to the end: only the test that closing changes no number
   *  sets it */
  constructor(
    private readonly sim: Simulation,
    private readonly scenario: Scenario,
    series = true,
    private readonly closeEarly = true,
  ) {
    super();
    this.slices = new Slices(scenario, series);
    this.faultCosts = new FaultCosts(scenario.faults.length);
  }

  /** The center must be known for its URSes, agents, groups and components; it is built after the observer it reports
   *  to. */
  attach(center: ContactCenter): void {
    const scenario = this.scenario;
    this.center = center;
    if (scenario.traffic.some((t) => t.media !== "voice")) {
      const serves = center.groups.map((g) => g.rule.idleMask);
      this.media = new MediaBreakdown(scenario, center.agents.length, serves, scenario.warmup, scenario.horizon);
    }
    this.slices.attach(center, this.media?.tallies ?? null);
    this.agentTime = new AgentTime(scenario, this.slices, center.agents, this.media);
    this.calls = new CallCounts(this.slices, scenario, this.media);
    if (this.closeEarly && this.slices.intervalCount > 1) {
      this.closing = new IntervalClosing(this.slices, this.agentTime, center.agents, scenario.interval);
    }
    if (center.load) this.components = new ComponentMeters(scenario, center.load.components);
    if (scenario.agents.some((g) => g.privateCalls !== undefined)) this.privateCalls = new PrivateCallMeter(scenario, center.agents.length);
    if (center.skype !== null) this.skype = new SkypeMeter(scenario, center.agents.length);
    if (scenario.sites.some((s) => s.mediaPorts !== undefined)) this.mediaPorts = new MediaPortMeter(scenario);
    if (center.mwi !== null) this.voicemail = new VoicemailMeter(scenario);
    if (scenario.traffic.some((t) => t.retrial !== undefined || t.transfer !== undefined || t.callback !== undefined)) {
      this.callers = new CallerMeter(scenario);
    }
  }

  override arrival(call: Call): void {
    this.calls!.arrival(call);
    this.closing?.arrival(call, this.sim.now);
    this.skype?.arrival(call, this.sim.now);
    this.callers?.arrival(call);
  }
  override routeRequest(call: Call, urs: Urs): void {
    this.calls!.routeRequest(call, urs);
  }
  override firstAttempt(call: Call, found: boolean): void {
    this.calls!.firstAttempt(call, found);
    if (!found) this.privateCalls?.waitedAtFirstAttempt(call);
  }
  override reservationRequest(call: Call, urs: Urs): void {
    this.calls!.reservationRequest(call, urs);
  }
  override reservationGrant(call: Call, urs: Urs): void {
    this.calls!.reservationGrant(call, urs);
  }
  override reservationConflict(call: Call, urs: Urs): void {
    this.calls!.reservationConflict(call, urs);
  }
  override routeCall(call: Call, urs: Urs): void {
    this.calls!.routeCall(call, urs);
  }
  override routeFailure(call: Call, _agent: Agent, _reason: FailureReason, fault: number): void {
    this.faultCosts.routeFailure(fault);
    this.calls!.routeFailure(call, fault);
  }
  override ringing(call: Call): void {
    this.routingDelay.ringing(call, this.slices.of(call), this.sim.now);
  }
  override noAnswer(call: Call, agent: Agent): void {
    this.calls!.noAnswer(call, agent);
    this.skype?.noAnswer(call, agent);
  }
  override answered(call: Call, agent: Agent): void {
    this.calls!.answered(call, agent, this.sim.now);
    this.callers?.answered(call, this.sim.now);
  }
  override released(call: Call, agent: Agent): void {
    this.callers?.released(call, agent, this.sim.now);
  }
  override imMessage(call: Call): void {
    this.calls!.imMessage(call);
  }
  override abandoned(call: Call): void {
    this.calls!.abandoned(call, this.sim.now);
  }
  override retrial(call: Call): void {
    this.callers!.retrial(call);
  }
  override transferred(call: Call, _agent: Agent, consult: boolean): void {
    this.callers!.transferred(call, consult, this.sim.now);
  }
  override consultEnded(call: Call): void {
    this.callers!.consultEnded(call, this.sim.now);
  }
  override callbackOffered(call: Call, accepted: boolean): void {
    if (accepted) this.calls!.callbackAccepted(call);
    this.callers!.callbackOffered(call, accepted);
  }
  override callbackDialled(call: Call, _agent: Agent, reached: boolean): void {
    this.callers!.callbackDialled(call, reached, this.sim.now);
  }
  override defaultRouted(call: Call, dn: DefaultDnKind): void {
    this.faultCosts.defaultRouted(call.blame);
    this.calls!.defaultRouted(call, dn, this.sim.now);
  }
  override treated(call: Call): void {
    this.calls!.treated(call, this.sim.now);
  }
  override dropped(call: Call, fault: number, established: boolean): void {
    // a transferred call still being routed was answered already: cut off, for the fault's cost and the slices alike
    const served = established || call.transfers > 0;
    this.faultCosts.dropped(fault, served);
    this.calls!.dropped(call, served);
  }
  override lostRequest(call: Call, fault: number): void {
    this.faultCosts.lostRequest(fault);
    this.calls!.lostRequest(call);
  }
  override heldByConnector(_call: Call, fault: number): void {
    this.faultCosts.held(fault);
  }
  override ownerChanged(agent: Agent): void {
    this.agentTime!.ownerChanged(agent, this.sim.now);
  }
  override agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue): void {
    this.agentTime!.agentState(agent, from, this.sim.now);
    this.privateCalls?.agentState(agent, from, to, this.sim.now);
    this.skype?.agentState(agent, from, to, this.sim.now);
  }
  override agentLoad(agent: Agent, media: number, count: number): void {
    this.media?.load(agent, media, count, this.sim.now);
  }
  override componentServed(component: Component, arrival: number, start: number, end: number): void {
    this.components!.served(component, arrival, start, end);
  }
  override privateCallStarted(agent: Agent, inbound: boolean): void {
    this.privateCalls!.started(agent, inbound, this.sim.now);
  }
  override privateCallEnded(agent: Agent): void {
    this.privateCalls!.ended(agent, this.sim.now);
  }
  override conferenceAllocated(call: Call, _connector: number, waited: boolean, ready: number, inUse: number): void {
    this.skype!.conferenceAllocated(call, waited, ready, inUse, this.sim.now);
  }
  override conferenceCreated(): void {
    this.skype!.conferenceCreated(this.sim.now);
  }
  override imEscalated(im: Call): void {
    this.skype!.imEscalated(im);
  }
  override mediaPortTaken(pool: MediaPortPool, recording: boolean): void {
    this.mediaPorts!.taken(pool, recording, this.sim.now);
  }
  override mediaPortFreed(pool: MediaPortPool): void {
    this.mediaPorts!.freed(pool, this.sim.now);
  }
  override mediaPortRefused(site: number, recording: boolean): void {
    this.mediaPorts!.refusedAt(site, recording, this.sim.now);
  }
  override voicemailReached(call: Call, _box: VoicemailBox, leaves: boolean): void {
    this.calls!.voicemail(call);
    this.voicemail!.reached(call.counted, leaves);
  }
  override messageLeft(): void {
    this.voicemail!.messageLeft(this.sim.now);
  }
  override messageTaken(_agent: Agent, _box: VoicemailBox, leftAt: number): void {
    this.voicemail!.messageTaken(leftAt, this.sim.now);
  }
  override mwiSubscribe(_site: Site, kind: "start" | "refresh" | "end"): void {
    this.voicemail!.mwiSubscribe(kind, this.sim.now);
  }
  override mwiNotify(): void {
    this.voicemail!.mwiNotify(this.sim.now);
  }

  /** how many intervals are closed now (a test reads it: closing must have happened for its numbers to show anything) */
  get closedIntervals(): number {
    let n = 0;
    for (let k = 0; k < this.slices.intervalCount; k++) if (this.slices.isClosed(k)) n++;
    return n;
  }

  /** Closes every agent's current state at the horizon and computes the replication's metrics. */
  result(): ReplicationResult {
    const center = this.center!;
    this.agentTime!.close(center.agents);
    return replicationResult({
      center,
      events: this.sim.fired,
      slices: this.slices,
      routingDelay: this.routingDelay,
      faultCosts: this.scenario.faults.length > 0 ? this.faultCosts : null,
      components: this.components,
      media: this.media,
      privateCalls: this.privateCalls?.result(center.agents, this.slices) ?? null,
      skype: this.skype?.result(this.slices) ?? null,
      mediaPorts: this.mediaPorts?.result() ?? null,
      voicemail: this.voicemail?.result(center.voicemail) ?? null,
      callers: this.callers?.result() ?? null,
    });
  }
}
