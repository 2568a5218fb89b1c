// Phones registering again after their DN's owner node was lost: each tries again at its own next registration
// refresh (spread over the refresh interval, registrar-default-timeout), with the next node up in its site, else in the next site by SRV order; with agent-state-auto-restore false the new
// owner knows the DN as logged out, and the agent logs in again after its login delay.

import { Priority } from "../../kernel/priorities.js";
import type { Rng } from "../../kernel/random-stream.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";

/** a phone registers again (at its next refresh after its owner was lost) */
const REGISTER = 0;
/** an agent logged out by an ownership change logs in again */
const RELOGIN = 1;

export interface PhoneRegistrationOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly observer: Observer;
  readonly ha: HaSpec;
  readonly dnService: DnService;
  /** per node, where in their refresh cycle the phones it owns are (STREAMS.phoneRefresh) */
  readonly refreshPhase: readonly Rng[];
}

export class PhoneRegistration implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly observer: Observer;
  private readonly ha: HaSpec;
  private readonly dn: DnService;
  private readonly refreshPhase: readonly Rng[];
  /** round-robin pointer per site for phones registering again */
  private readonly registerNext: Int32Array;
  /** phones that found no node up to register with */
  private unplaced: Agent[] = [];

  constructor(o: PhoneRegistrationOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.topology = o.topology;
    this.observer = o.observer;
    this.ha = o.ha;
    this.dn = o.dnService;
    this.refreshPhase = o.refreshPhase;
    this.registerNext = new Int32Array(o.topology.sites.length);
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case REGISTER:
        return this.register(ev.subject as Agent);
      case RELOGIN: {
        const agent = ev.subject as Agent;
        if (agent.reloginPending && agent.state === AgentState.LoggedOut) {
          agent.reloginPending = false;
          this.host.logIn(agent);
        }
        return;
      }
    }
  }

  /** The DN's owner node is lost (`fault`): its phone registers again at its next refresh. */
  ownerLost(agent: Agent, fault: number): void {
    agent.registered = false;
    agent.blame = fault;
    this.sim.postAfter(this.untilRefresh(agent), Priority.FAULT, this, REGISTER, agent);
  }

  /** A node answers again: the phones that found no node up try again at their next refresh (and get through). */
  retryUnplaced(): void {
    const waiting = this.unplaced;
    this.unplaced = [];
    for (const agent of waiting) this.sim.postAfter(this.untilRefresh(agent), Priority.FAULT, this, REGISTER, agent);
  }

  /** How long until the phone's next registration refresh, where it notices its owner is gone ("Softphone detects
   *  the failure when attempting to refresh the registration", SIP Cluster Solution Guide, GWS Disaster Recovery
   *  Scenarios). Phones registered at independent times, so the next refresh falls uniformly within the interval. */
  private untilRefresh(agent: Agent): number {
    if (this.ha.registrationDelay !== null) return this.ha.registrationDelay;
    return this.refreshPhase[agent.owner!.index]!() * this.ha.registrationRefresh;
  }

  /** The phone of a lost node's DN registers with the next node up: in its site, else in the next site by SRV order. */
  private register(agent: Agent): void {
    if (agent.registered) return;
    // (only an owned DN loses its owner: ownerLost is for those alone)
    const from = agent.owner!;
    const node = this.nextOwner(from.site);
    if (node === null) {
      // no node anywhere answers: the phone keeps trying, and gets through at its first try after one comes back
      this.unplaced.push(agent);
      return;
    }
    from.ownedAgents--;
    node.ownedAgents++;
    agent.owner = node;
    agent.registered = true;
    agent.blame = -1;
    if (!this.ha.agentStateAutoRestore && agent.state !== AgentState.LoggedOut && !agent.logoutPending) {
      // agent-state-auto-restore false: the new owner knows the DN logged out; the agent logs in again
      agent.reloginPending = true;
      if (agent.load.total === 0 && (agent.state === AgentState.Ready || agent.state === AgentState.NotReady)) {
        this.host.logOutNow(agent);
        this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
      }
      // an agent at work leaves when the work ends (TController.agentFree) and logs in again after the delay
    }
    this.host.publish(agent);
    this.observer.ownerChanged(agent, from);
    for (const u of this.host.urs) this.dn.refreshView(u.view, node, [agent]);
  }

  /** An agent freed from work after an ownership change logged it out: it logs in again after the login delay. */
  reloginLater(agent: Agent): void {
    this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
  }

  private nextOwner(home: Site): ClusterNode | null {
    const sites = this.topology.sites;
    for (let k = 0; k < sites.length; k++) {
      const site = sites[(home.index + k) % sites.length]!;
      const nodes = site.nodes;
      for (let j = 0; j < nodes.length; j++) {
        const p = (this.registerNext[site.index]! + j) % nodes.length;
        const n = nodes[p]!;
        if (!n.up) continue;
        this.registerNext[site.index] = (p + 1) % nodes.length;
        return n;
      }
    }
    return null;
  }
}
