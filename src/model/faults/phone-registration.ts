// Phones registering again after their DN's owner node was lost: each tries again at its own next registration
// refresh (spread over the refresh interval, registrar-default-timeout), with the next node up in its site, else in the
// next site by SRV order; with agent-state-auto-restore false the new owner knows the DN as logged out, and the agent
// logs in again after its login delay (dn-ownership.ts).

import { Priority } from "../../kernel/priorities.js";
import type { Rng } from "../../kernel/random-stream.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { DnOwnership } from "./dn-ownership.js";

/** a phone registers again (at its next refresh after its owner was lost) */
const REGISTER = 0;

export interface PhoneRegistrationOptions {
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly ha: HaSpec;
  readonly ownership: DnOwnership;
  /** per node, where in their refresh cycle the phones it owns are (STREAMS.phoneRefresh) */
  readonly refreshPhase: readonly Rng[];
}

export class PhoneRegistration implements EventTarget {
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly ha: HaSpec;
  private readonly ownership: DnOwnership;
  private readonly refreshPhase: readonly Rng[];
  /** round-robin pointer per site for phones registering again */
  private readonly registerNext: Int32Array;
  /** phones that found no node up to register with */
  private unplaced: Agent[] = [];

  constructor(o: PhoneRegistrationOptions) {
    this.sim = o.sim;
    this.topology = o.topology;
    this.ha = o.ha;
    this.ownership = o.ownership;
    this.refreshPhase = o.refreshPhase;
    this.registerNext = new Int32Array(o.topology.sites.length);
  }

  fire(ev: SimEvent): void {
    if (ev.code === REGISTER) this.register(ev.subject as Agent);
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
    const node = this.nextOwner(agent.owner!.site);
    if (node === null) {
      // no node anywhere answers: the phone keeps trying, and gets through at its first try after one comes back
      this.unplaced.push(agent);
      return;
    }
    // agent-state-auto-restore false: the new owner knows the DN logged out; the agent logs in again
    this.ownership.move(agent, node, !this.ha.agentStateAutoRestore);
  }

  /** the next node up for a phone of `home`, the site's SIP Proxies taking the nodes in turn */
  private nextOwner(home: Site): ClusterNode | null {
    const n = this.topology.firstUp(home, this.registerNext);
    if (n !== null) this.registerNext[n.site.index] = (n.indexInSite + 1) % n.site.nodes.length;
    return n;
  }
}
