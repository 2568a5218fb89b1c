// One interaction (a voice call, an IM session, a chat or an email) from its arrival at a Routing Point (or Interaction
// Server) to its release, abandonment or default route.

import type { SimEvent } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import type { InteractionServer } from "../multimedia/interaction-server.js";
import type { ClusterNode } from "./topology.js";
import type { TrafficType } from "../traffic/traffic.js";
import type { Urs } from "../routing/urs.js";
import type { TargetClass } from "../routing/target-class.js";
import type { Conference, ConferencePool } from "../skype/conference-pool.js";
import type { MediaPortPool } from "../asterisk/media-ports.js";

export const CallState = {
  Routing: 0,
  Waiting: 1,
  Reserving: 2,
  Delivering: 3,
  Ringing: 4,
  Talking: 5,
  Done: 6,
  /** on its Routing Point with no URS to route it (its URS is down, or the request was lost in a switchover):
   *  SIP Server default-routes it when router-timeout expires */
  Stranded: 7,
  /** IM: on its Routing Point in a treatment (announcement, CollectDigits) before routing; or at the default DN, a
   *  Trunk Group DN, hearing its treatment before the call ends (default-route.ts) */
  Treatment: 8,
} as const;
// A reply (grant, rejection, delivery) for a call checks the call's state first: a call that was abandoned meanwhile
// is Done, and only one request or delivery per call is ever in flight, so the state alone tells a stale reply.
export type CallStateValue = (typeof CallState)[keyof typeof CallState];

export class Call {
  state: CallStateValue = CallState.Routing;
  /** counted in the metrics: arrived in [warmup, horizon) */
  readonly counted: boolean;
  /** the URS routing it now */
  urs: Urs | null = null;
  agent: Agent | null = null;
  patienceTimer: SimEvent | null = null;
  /** no-answer timer while ringing, or the answer event */
  ringTimer: SimEvent | null = null;
  /** position in a URS waiting queue, -1 when not waiting */
  queuePos = -1;
  /** has been through its first routing attempt (probWait is decided there) */
  firstAttemptDone = false;
  /** time of its first TReserveAgent (or TRouteCall without reservation), -1 before */
  firstReserveAt = -1;
  conflicts = 0;
  /** at least one TRouteCall was sent for it */
  routed = false;
  /** router-timeout while Stranded */
  routerTimer: SimEvent | null = null;
  /** the fault (index in Scenario.faults) that stranded it, -1 when none */
  blame = -1;
  /** the agents its strategy looks for: its type's target, or the default Routing Point's once it is there */
  cls: TargetClass;
  /** its target's steps have started (targets that widen: routing/target-steps.ts) */
  stepsStarted = false;
  /** router-timeout sent it to a default DN it did not end at (a Routing Point, a Trunk Group's treatment): what
   *  becomes of it there is counted as the default DN's too */
  defaulted = false;
  /** chat and email: the Interaction Server it entered through; null for SIP Server interactions */
  ixn: InteractionServer | null = null;
  /** IM: messages still to come in the conversation */
  imLeft = 0;
  /** IM: the next treatment to run */
  step = 0;
  /** IM on the Skype for Business site: the customer escalates this session to voice after its last message */
  escalates = false;
  /** an escalated conversation's other call (the IM session's voice call, the voice call's IM session); null: none */
  partner: Call | null = null;
  /** a Skype for Business site's call: the UCMA connector it came through, and the conference it holds */
  connector: ConferencePool | null = null;
  conference: Conference | null = null;
  /** a Skype for Business site's call: the Front End server managing it (-1: not a Skype call) */
  frontEnd = -1;
  /** the Asterisk media port pool one of whose ports it holds (its treatment or its recording); null: none */
  port: MediaPortPool | null = null;

  /** the caller's attempt (1: the first call; more: a retrial, traffic/retrials.ts) and its first call's arrival */
  readonly attempt: number;
  readonly firstArrival: number;
  /** transfers (0 or 1: transfer.ts), when the last was made, and the agent held in its consultation (null: none) */
  transfers = 0;
  transferredAt = -1;
  consultFrom: Agent | null = null;
  /** the consultation's length, drawn at the transfer */
  consultTime = 0;
  /** when an agent last answered it */
  answeredAt = -1;
  /** virtual hold (callback.ts): when its caller accepted a callback and hung up (-1: not), and whether its offer is
   *  on its way */
  callbackAt = -1;
  callbackOffer = false;

  constructor(
    /** ConnID-like sequence number, unique within a replication */
    readonly id: number,
    readonly type: TrafficType,
    /** the SIP Server node (Session Controller) it lives on; null for chat and email, which live on Interaction Server */
    readonly node: ClusterNode | null,
    readonly arrival: number,
    /** talk time; a transfer draws the next agent's (transfer.ts) */
    public handleTime: number,
    /** absolute time the caller hangs up if still unanswered; Infinity: never */
    readonly abandonAt: number,
    warmup: number,
    horizon: number,
  ) {
    this.counted = arrival >= warmup && arrival < horizon;
    this.cls = type.cls;
    this.attempt = type.attempt;
    this.firstArrival = type.firstArrival < 0 ? arrival : type.firstArrival;
  }

  get priority(): number {
    return this.type.priority;
  }

  /** the ConnID as Genesys prints it: 16 hex digits */
  get connId(): string {
    return this.id.toString(16).padStart(16, "0");
  }
}
