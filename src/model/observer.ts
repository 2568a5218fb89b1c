// What the model tells the outside world: one typed method per observation, called at the simulated instant it happens.
// (Methods rather than record objects, so that observing costs no allocation; a trace turns them into records.)

import type { AgentStateValue } from "./agents/agent-state.js";
import type { Agent } from "./agents/agent.js";
import type { FaultSpec } from "../scenario/types.js";
import type { Call } from "./sip/call.js";
import type { ClusterNode } from "./sip/topology.js";
import type { Urs } from "./routing/urs.js";

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
  /** router-timeout expired with no URS routing it (`call.blame` names the fault behind it) */
  defaultRouted(call: Call): void;
  /** a fault ended the call: before it was answered (counted as dropped), or cutting off an established call */
  dropped(call: Call, fault: number, established: boolean): void;
  /** a routing request or TReserveAgent was lost with a failing component */
  lostRequest(call: Call, fault: number): void;
  /** a fault starts, or ends, or a node's hot-standby backup has taken over (`phase` "switchover") */
  fault(index: number, spec: FaultSpec, phase: "start" | "end" | "switchover"): void;
  /** a Stat Server shows `count` DNs owned by `owner` out of service, or back in service */
  dnService(statServer: string, owner: ClusterNode, inService: boolean, count: number): void;
  /** a phone registered with another node after its owner was lost (told after the new owner announced its state) */
  ownerChanged(agent: Agent, from: ClusterNode): void;
  /** the agent leaves `from` for `agent.state`; `agent.stateSince` is still when `from` began */
  agentState(agent: Agent, from: AgentStateValue, to: AgentStateValue): void;
  /** the agent now holds `count` interactions of media `media` (MEDIA_INDEX): one more was delivered, or one left
   *  its hands (end of wrap-up, a no-answer, the customer gone); told before the state change it may cause */
  agentLoad(agent: Agent, media: number, count: number): void;
}

/** Sends every observation to several observers, in order. */
export function fanOut(observers: readonly Observer[]): Observer {
  if (observers.length === 1) return observers[0]!;
  const all = (name: keyof Observer) =>
    function (this: unknown, ...args: unknown[]) {
      for (const o of observers) (o[name] as (...a: unknown[]) => void)(...args);
    };
  const names: (keyof Observer)[] = [
    "arrival", "routeRequest", "firstAttempt", "queued", "reservationRequest", "reservationGrant",
    "reservationConflict", "routeCall", "routeFailure", "ringing", "noAnswer", "answered", "released", "abandoned", "imMessage",
    "defaultRouted", "dropped", "lostRequest", "fault", "dnService", "ownerChanged", "agentState", "agentLoad",
  ];
  return Object.fromEntries(names.map((n) => [n, all(n)])) as unknown as Observer;
}
