// A T-Library-style trace: JSON lines in simulated-time order for the first N interactions of the first replication,
// with the agent state events while any of them is in progress, so a Genesys engineer can follow one call.

import type { Simulation } from "../kernel/simulation.js";
import { AgentState, AGENT_STATE_NAMES, type AgentStateValue } from "../model/agents/agent-state.js";
import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import { NoObserver, type ConflictReason, type FailureReason } from "../model/observer.js";
import type { ClusterNode, Site } from "../model/sip/topology.js";
import type { Urs } from "../model/routing/urs.js";
import type { DefaultDnKind, FaultSpec } from "../scenario/types.js";

/** the default DN's kind as a trace names it */
const DN_NAMES: Readonly<Record<DefaultDnKind, string | undefined>> = {
  reject: undefined,
  routingPoint: "routing-point",
  trunkGroup: "trunk-group",
  external: "external",
};

export class TraceRecorder extends NoObserver {
  readonly lines: string[] = [];
  private open = 0;
  private started = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly limit: number,
  ) {
    super();
  }

  private traced(call: Call): boolean {
    return call.id <= this.limit;
  }

  private emit(event: string, fields: Record<string, string | number | undefined>): void {
    const rec: Record<string, string | number> = { t: Math.round(this.sim.now * 1e6) / 1e6, event };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec[k] = v;
    this.lines.push(JSON.stringify(rec));
  }

  private call(event: string, call: Call, extra: Record<string, string | number | undefined> = {}): void {
    if (!this.traced(call)) return;
    // chat and email name their media and the Interaction Server they live on instead of a node
    const media = call.type.media === 0 ? undefined : call.type.spec.media;
    this.emit(event, { ConnID: call.connId, type: call.type.id, media, node: call.node?.id, ixn: call.ixn?.id, ...extra });
  }

  private finished(call: Call): void {
    if (this.traced(call)) this.open--;
  }

  override arrival(call: Call): void {
    if (!this.traced(call)) return;
    this.open++;
    this.started++;
    // an IM session's voice escalation: no event says so, only the Conversation-ID it inherits relates the two calls
    // (Multimedia Connector for Skype for Business Deployment Guide, Escalation Between IM Call and Audio Call)
    const conversation = call.partner === null ? undefined : call.partner.connId;
    this.call("EventQueued", call, { site: call.type.site.id, priority: call.priority, ConversationID: conversation });
  }
  override routeRequest(call: Call, urs: Urs): void {
    this.call("EventRouteRequest", call, { URS: urs.id });
  }
  override queued(call: Call, urs: Urs): void {
    this.call("WaitForTarget", call, { URS: urs.id });
  }
  override targetWidened(call: Call): void {
    this.call("TargetWidened", call, { target: call.cls.expression.source });
  }
  override reservationRequest(call: Call, urs: Urs, agent: Agent): void {
    this.call("TReserveAgent", call, { URS: urs.id, agent: agent.dn, agentSite: agent.site.id });
  }
  override reservationGrant(call: Call, urs: Urs, agent: Agent): void {
    this.call("EventAgentReserved", call, { URS: urs.id, agent: agent.dn });
  }
  override reservationConflict(call: Call, urs: Urs, agent: Agent, reason: ConflictReason): void {
    this.call("EventError", call, { URS: urs.id, agent: agent.dn, request: "TReserveAgent", reason });
  }
  override routeCall(call: Call, urs: Urs, agent: Agent): void {
    this.call("TRouteCall", call, { URS: urs.id, agent: agent.dn, owner: agent.owner?.id ?? "none" });
  }
  override routeFailure(call: Call, agent: Agent, reason: FailureReason, fault: number): void {
    this.call("EventError", call, { agent: agent.dn, request: "TRouteCall", reason, fault: fault >= 0 ? fault : undefined });
  }
  override ringing(call: Call, agent: Agent): void {
    this.call("EventRinging", call, { agent: agent.dn, owner: agent.owner?.id ?? "none" });
  }
  override noAnswer(call: Call, agent: Agent): void {
    // T-Server for Skype for Business "reports EventError with the error code TERR_DN_NO_ANSWER" (Multimedia Connector
    // for Skype for Business Deployment Guide, No-Answer Supervision); a Skype call is the one that came through a
    // connector
    if (call.connector !== null) this.call("EventError", call, { agent: agent.dn, request: "TRouteCall", reason: "TERR_DN_NO_ANSWER" });
    else this.call("EventReleased", call, { agent: agent.dn, reason: "agent-no-answer-timeout" });
  }
  override answered(call: Call, agent: Agent): void {
    this.call("EventEstablished", call, { agent: agent.dn, wait: Math.round((this.sim.now - call.arrival) * 1e6) / 1e6 });
  }
  override released(call: Call, agent: Agent): void {
    this.call("EventReleased", call, { agent: agent.dn });
    this.finished(call);
  }
  override imMessage(call: Call, agent: Agent): void {
    this.call("EventMessage", call, { agent: agent.dn });
  }
  override abandoned(call: Call): void {
    this.call("EventAbandoned", call, { wait: Math.round((this.sim.now - call.arrival) * 1e6) / 1e6 });
    this.finished(call);
  }
  override defaultRouted(call: Call, dn: DefaultDnKind): void {
    // reject names no DN (the call is released there); the other DNs say which the call went to
    this.call("EventRouteUsed", call, { reason: "default-dn", dn: DN_NAMES[dn] });
    if (dn === "reject" || dn === "external") this.finished(call);
  }
  override treated(call: Call): void {
    this.call("EventReleased", call, { reason: "default-dn-treatment" });
    this.finished(call);
  }
  override dropped(call: Call, fault: number, established: boolean): void {
    this.call("EventReleased", call, { reason: established ? "cut-off-by-fault" : "dropped-by-fault", fault });
    this.finished(call);
  }
  override lostRequest(call: Call, fault: number): void {
    this.call("RequestLost", call, { fault, URS: call.urs?.id });
  }
  override heldByConnector(call: Call, fault: number): void {
    this.call("HeldByConnector", call, { fault, connector: call.connector!.index + 1 });
  }
  // fault events are few and explain everything around them: always traced, whichever calls are followed
  override fault(index: number, spec: FaultSpec, phase: "start" | "end" | "switchover"): void {
    const event = phase === "start" ? "FaultStarted" : phase === "end" ? "FaultEnded" : "SwitchoverCompleted";
    this.emit(event, { fault: index, kind: spec.kind, target: spec.target ?? spec.between!.join("|") });
  }
  override dnService(statServer: string, owner: ClusterNode, inService: boolean, count: number): void {
    this.emit(inService ? "EventDNBackInService" : "EventDNOutOfService", { StatServer: statServer, owner: owner.id, DNs: count });
  }
  override ownerChanged(agent: Agent, from: ClusterNode): void {
    this.emit("EventRegistered", { agent: agent.dn, from: from.id, owner: agent.owner?.id ?? "none" });
  }
  override gwsConnected(site: Site, node: ClusterNode): void {
    this.emit("GwsConnected", { site: site.id, node: node.id });
  }
  override agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue): void {
    // agent events only while a traced interaction is in progress
    if (this.open === 0 && this.started > 0) return;
    if (this.started === 0) return;
    const event =
      to === AgentState.Ready
        ? "EventAgentReady"
        : to === AgentState.NotReady
          ? "EventAgentNotReady"
          : to === AgentState.LoggedOut
            ? "EventAgentLogout"
            : from === AgentState.LoggedOut
              ? "EventAgentLogin"
              : null;
    if (event === null) return;
    this.emit(event, { agent: agent.dn, owner: agent.owner?.id ?? "none", state: AGENT_STATE_NAMES[to] });
  }

  // loads show in the agent events of chat, email and IM only through the state they cause (agentLoad is not traced)

  text(): string {
    return this.lines.length ? this.lines.join("\n") + "\n" : "";
  }
}
