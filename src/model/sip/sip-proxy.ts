// The SIP Proxies in front of a site's nodes: where an arriving call lands. They send it to a node in rotation
// (round-robin, or the one with the fewest calls in progress); a node that failed unnoticed holds its INVITEs until
// they are retransmitted; a site with no node in rotation sends its calls to its failover site, else they are lost.
// Chat and email do not come through here: they enter through their site's Interaction Server.

import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import type { TrafficType } from "../traffic/traffic.js";
import type { SipServer } from "./sip-server.js";
import type { ClusterNode, Site, Topology } from "./topology.js";

export class SipProxies {
  private readonly scenario: Scenario;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly sip: SipServer;
  /** the SIP Proxies send a call to the node with the fewest calls in progress (else round-robin) */
  private readonly leastLoaded: boolean;

  constructor(o: { readonly scenario: Scenario; readonly sim: Simulation; readonly topology: Topology; readonly sipServer: SipServer }) {
    this.scenario = o.scenario;
    this.sim = o.sim;
    this.topology = o.topology;
    this.sip = o.sipServer;
    this.leastLoaded = o.scenario.routing.proxy === "least-loaded";
  }

  /** An interaction of this type arrives now, on `node` or where the SIP Proxies send it (the traffic processes call
   *  this; tests call it to place calls at chosen instants on chosen nodes). */
  arrive(type: TrafficType, at?: ClusterNode): void {
    const now = this.sim.now;
    if (type.viaInteractionServer) {
      this.sip.admitMultimedia(type, now);
      return;
    }
    const node = at ?? type.site.proxyPick(this.leastLoaded);
    const handle = type.handleTime();
    const patience = type.patience ? type.patience() : Infinity;
    if (node === null || !node.up) this.divert(type, type.site, node, now, handle, patience);
    else this.sip.admit(type, node, now, handle, patience);
  }

  /** A call the SIP Proxies cannot place now: sent to a failed node they have not noticed yet (SIP retransmits it
   *  when they notice or the node is back), or to a site with no node in rotation (the carrier sends it to the
   *  site's failover site if it has one; otherwise it is lost). */
  private divert(type: TrafficType, site: Site, node: ClusterNode | null, arrival: number, handle: number, patience: number): void {
    if (node !== null) {
      node.held.push(() => {
        const again = node.proxyOut ? node.site.proxyPick(this.leastLoaded) : node;
        if (again === null || !again.up) this.divert(type, node.site, again, arrival, handle, patience);
        else this.sip.admit(type, again, arrival, handle, patience);
      });
      return;
    }
    const failover = this.scenario.sites[site.index]!.failover;
    if (failover !== undefined && site === type.site) {
      const other = this.topology.site(failover);
      const n = other.proxyPick(this.leastLoaded);
      if (n !== null) {
        if (n.up) this.sip.admit(type, n, arrival, handle, patience);
        else this.divert(type, other, n, arrival, handle, patience);
        return;
      }
    }
    // nowhere to go: the call exists only to be counted as lost (on the first node of its site)
    this.sip.lost(type, type.site.nodes[0]!, arrival, handle, patience);
  }
}
