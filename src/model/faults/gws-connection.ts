// GWS's connection to the SIP Cluster, site by site: "All GWS API nodes in one data center connects to: one SIP
// Cluster node" (SIP Cluster Solution Guide, Configuring GWS), and that node owns the DNs of the site's PSTN agents,
// registered by TRegisterAddress, not by a phone. When that node is lost, GWS notices its connection gone after the
// ADDP timeout and connects to the next node up (its site's next, else the GWS node of the next site by SRV order);
// the DNs are registered there and the new owner knows the agents as logged out (logout-on-disconnect), so they log on
// again, an agent at work once its call and wrap-up are over. In another data center SIP Server first waits
// ha.gwsMoveWait before it moves the ownership (GWS Disaster Recovery Scenarios, GWS disconnects from SIP Server).
// GWS does not go back by itself when the node returns: ownership moves only on TUnregisterAddress or a disconnect.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { DnOwnership } from "./dn-ownership.js";

/** GWS notices its connection to a lost node is gone (the ADDP timeout) */
const NOTICE = 0;
/** SIP Server of the new data center moves the DNs' ownership to itself (after ha.gwsMoveWait) */
const MOVE = 1;

/** a site's GWS, at a given connection attempt: an event of an attempt since superseded does nothing */
interface Attempt {
  readonly site: Site;
  readonly attempt: number;
}

export interface GwsConnectionsOptions {
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly observer: Observer;
  readonly ha: HaSpec;
  readonly ownership: DnOwnership;
  /** every agent, in index order: GWS registers the DNs of the PSTN agents that have one */
  readonly agents: readonly Agent[];
}

export class GwsConnections implements EventTarget {
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly observer: Observer;
  private readonly ha: HaSpec;
  private readonly ownership: DnOwnership;
  /** per site, the node its GWS is connected to; null from a lost connection until GWS connects again */
  private readonly connected: (ClusterNode | null)[];
  /** per site, the node that owns its PSTN agents' DNs (or last did, while they have no owner) */
  private readonly owner: ClusterNode[];
  /** per site, the node whose loss last dropped the connection: GWS tries the nodes after it first */
  private readonly dropped: (ClusterNode | null)[];
  /** per site, its PSTN agents with a DN */
  private readonly agentsOf: Agent[][];
  /** per site, the connection attempt in progress (bumped by each loss) */
  private readonly attempt: Int32Array;
  /** per site, GWS found no node up and tries again when one comes back */
  private readonly waiting: Uint8Array;

  constructor(o: GwsConnectionsOptions) {
    this.sim = o.sim;
    this.topology = o.topology;
    this.observer = o.observer;
    this.ha = o.ha;
    this.ownership = o.ownership;
    const sites = o.topology.sites;
    this.agentsOf = sites.map((s) => o.agents.filter((a) => a.site === s && a.owner !== null && isPstn(a)));
    // a site with no PSTN agent: its GWS registers no DN, and what becomes of its connection changes nothing here
    this.connected = sites.map((s) => (this.agentsOf[s.index]!.length > 0 ? s.gwsNode : null));
    this.owner = sites.map((s) => s.gwsNode);
    this.dropped = sites.map(() => null);
    this.attempt = new Int32Array(sites.length);
    this.waiting = new Uint8Array(sites.length);
  }

  fire(ev: SimEvent): void {
    const { site, attempt } = ev.subject as Attempt;
    if (attempt !== this.attempt[site.index]) return;
    if (ev.code === NOTICE) this.connect(site);
    else if (ev.code === MOVE) this.move(site, this.connected[site.index]!);
  }

  /** A node is lost (`fault`): the GWS connected to it loses its connection, and the DNs it registered there their
   *  owner; it notices after the ADDP timeout. */
  nodeLost(node: ClusterNode, fault: number): void {
    for (const site of this.topology.sites) {
      const s = site.index;
      if (this.connected[s] !== node) continue;
      this.connected[s] = null;
      this.dropped[s] = node;
      const attempt = ++this.attempt[s]!;
      for (const agent of this.agentsOf[s]!) {
        if (agent.owner !== node || !agent.registered) continue;
        agent.registered = false;
        agent.blame = fault;
      }
      this.sim.postAfter(this.ha.addpTimeout, Priority.FAULT, this, NOTICE, { site, attempt });
    }
  }

  /** A node answers again: a GWS that found none up connects now. One that is connected stays where it is. */
  retryWaiting(): void {
    for (const site of this.topology.sites) {
      if (this.waiting[site.index] === 0) continue;
      this.waiting[site.index] = 0;
      this.connect(site);
    }
  }

  /** The site's GWS connects to the next node up and registers its agents' DNs there: at once in the data center that
   *  owned them, after ha.gwsMoveWait in another ("If agent is connected to the new DC, SIP Server waits for 30
   *  seconds, logs the agent out, and moves the ownership"). */
  private connect(site: Site): void {
    const s = site.index;
    const dropped = this.dropped[s]!;
    // after the lost node within its site; in another site, from that site's own GWS node
    const from = this.topology.sites.map((x) => (x === dropped.site ? dropped.indexInSite + 1 : x.gwsIndex));
    const node = this.topology.firstUp(site, from);
    if (node === null) {
      this.waiting[s] = 1;
      return;
    }
    this.connected[s] = node;
    this.observer.gwsConnected(site, node);
    if (node.site === this.owner[s]!.site) this.move(site, node);
    else this.sim.postAfter(this.ha.gwsMoveWait, Priority.FAULT, this, MOVE, { site, attempt: this.attempt[s]! });
  }

  /** The DNs GWS registered with a lost node are owned by `node` now, their agents logged out (logout-on-disconnect). */
  private move(site: Site, node: ClusterNode): void {
    this.owner[site.index] = node;
    for (const agent of this.agentsOf[site.index]!) if (!agent.registered) this.ownership.move(agent, node, true);
  }
}

/** the agent's DN is registered by its desktop through GWS (TRegisterAddress), not by a SIP phone */
export function isPstn(agent: Agent): boolean {
  return agent.group.spec.phone === "pstn";
}
