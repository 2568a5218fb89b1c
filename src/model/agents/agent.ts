// Agents and agent groups: skills, capacity rule, owner node, load, and the state every other component learns of late.

import type { SimEvent } from "../../kernel/simulation.js";
import type { AgentGroupSpec } from "../../scenario/types.js";
import { AgentState, type AgentStateValue } from "./agent-state.js";
import { MEDIA_INDEX, type CapacityRule } from "./capacity-rule.js";
import { Load } from "./agent-load.js";
import { OccupancyCount } from "./occupancy.js";
import type { ClusterNode, Site } from "../sip/topology.js";

const VOICE = MEDIA_INDEX.voice;

/** What an agent group is built from; its three draws come from the group's `answerDelay:`, `wrapUp:` and `answer:`
 *  streams (model/streams.ts). */
export interface AgentGroupOptions {
  /** its place in the scenario's agent list */
  readonly index: number;
  readonly spec: AgentGroupSpec;
  readonly site: Site;
  readonly rule: CapacityRule;
  /** draws the ring-to-answer time */
  readonly answerDelay: () => number;
  /** draws the wrap-up time */
  readonly wrapUp: () => number;
  /** uniform draws deciding whether an agent answers */
  readonly answerRng: () => number;
}

export class AgentGroup {
  readonly agents: Agent[] = [];
  readonly index: number;
  readonly spec: AgentGroupSpec;
  readonly site: Site;
  readonly rule: CapacityRule;
  /** draws the ring-to-answer time */
  readonly answerDelay: () => number;
  /** draws the wrap-up time */
  readonly wrapUp: () => number;
  /** uniform draws deciding whether an agent answers */
  readonly answerRng: () => number;

  constructor(o: AgentGroupOptions) {
    this.index = o.index;
    this.spec = o.spec;
    this.site = o.site;
    this.rule = o.rule;
    this.answerDelay = o.answerDelay;
    this.wrapUp = o.wrapUp;
    this.answerRng = o.answerRng;
  }

  get id(): string {
    return this.spec.group;
  }
}

export class Agent {
  state: AgentStateValue = AgentState.LoggedOut;
  /** bumped at every state change, so that a Stat Server can drop updates that arrive out of order */
  version = 0;
  /** when the current state began */
  stateSince = 0;
  /** when the agent last became Ready, or (an agent with room for more) last took or let go of an interaction: what
   *  longest-idle orders by, so that chats spread over agents rather than filling one agent first */
  readySince = 0;
  /** the interactions it holds, by media and phase */
  readonly load = new Load();
  /** the staffing plan wants this agent out: it leaves when its current work ends */
  logoutPending = false;
  /** pending wrap-up end, no-answer recovery or similar */
  timer: SimEvent | null = null;
  /** the DN is registered with its owner node (false from the owner's loss until the phone registers elsewhere) */
  registered = true;
  /** logged out by a DN ownership change (agent-state-auto-restore false): logs in again after the login delay, or
   *  as soon as its current call ends */
  reloginPending = false;
  /** the fault that took the DN's registration, -1 when none */
  blame = -1;
  /** an Asterisk phone: on a private call, which SIP Server knows of only from Asterisk's NOTIFY; a Skype for
   *  Business user: in a call or meeting outside the contact center, which T-Server knows of only by pull presence */
  privateCall = false;
  /** SIP Server holds the DN NotReady because Asterisk last told it the endpoint is busy; or T-Server for Skype for
   *  Business does because the user's presence is DND */
  presenceHeld = false;
  /** its group has a maximum occupancy: its occupancy since login (null otherwise) */
  readonly occupancy: OccupancyCount | null;
  /** set while the agent is Ready but above its group's maximum occupancy: URS leaves it alone until it fires */
  restTimer: SimEvent | null = null;

  constructor(
    /** index over all agents of the deployment; also its DN's position in every per-agent array */
    readonly index: number,
    readonly group: AgentGroup,
    /** the node that owns the DN: it changes only when a fault makes the phone register elsewhere, or (a PSTN
     *  agent) GWS reconnect elsewhere; its site is the agent's location for sitex. null for a multimedia agent in a
     *  SIP Cluster (a capacity rule with no voice): "Agents handling multimedia interactions don't have DN ownership
     *  assigned" (SIP Cluster Solution Guide, Agent Reservation in SIP Cluster); its states reach the Stat Servers
     *  from its site's Interaction Server. A blended agent (voice and more) keeps its voice DN's owner for
     *  everything. */
    public owner: ClusterNode | null,
  ) {
    this.occupancy = group.spec.maxOccupancy === undefined ? null : new OccupancyCount();
  }

  /** The media it can take one more interaction of now, as bits (1 << media index): none while logged out, NotReady
   *  or on its way out; otherwise what its capacity rule allows on top of its load. */
  accepts(): number {
    const s = this.state;
    if (s === AgentState.LoggedOut || s === AgentState.NotReady || this.logoutPending || this.reloginPending || this.restTimer !== null) return 0;
    // (the two shortcuts give what maskFor would, without its loops, on every voice state change)
    const rule = this.group.rule;
    if (this.load.total === 0) return rule.idleMask;
    if (rule.single) return 0;
    return rule.maskFor(this.load.count);
  }

  /** Whether a delivery of `media` succeeds now: what the agent accepts, and no private call on the phone (Asterisk
   *  answers a voice call to a busy endpoint with busy, whatever SIP Server thinks of the DN; a Skype user in another
   *  call or meeting is taken as busy too, ccsim's choice: docs/skype-for-business.md). */
  canTake(media: number): boolean {
    if (this.privateCall && media === VOICE) return false;
    return ((this.accepts() >> media) & 1) === 1;
  }

  get site(): Site {
    return this.group.site;
  }

  get skills(): Readonly<Record<string, number>> {
    return this.group.spec.skills;
  }

  /** DN-like name for traces: group and position */
  get dn(): string {
    return `${this.group.id}.${this.index - this.group.agents[0]!.index + 1}`;
  }
}
