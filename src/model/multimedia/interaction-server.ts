// Interaction Server: the site component that multimedia (chat, email) enters through. It is no cluster node: it
// spreads routing requests over every URS of the deployment, round-robin, skipping those that are down ("Interaction
// Server is connected to all URS instances in the SIP Cluster and this allows Interaction Server to load balance the
// routing requests across all available URS instances", SIP Cluster Solution Guide), and delivers what URS routes to
// the agent's desktop.

import type { Call } from "../sip/call.js";
import type { Site, Topology } from "../sip/topology.js";
import type { Urs } from "../routing/urs.js";

export class InteractionServer {
  /** the URS the next routing request goes to (an index into `urs`) */
  private next = 0;

  readonly site: Site;
  /** every URS of the deployment, in their order */
  private readonly urs: readonly Urs[];
  private readonly topology: Topology;

  constructor(o: { readonly site: Site; readonly urs: readonly Urs[]; readonly topology: Topology }) {
    this.site = o.site;
    this.urs = o.urs;
    this.topology = o.topology;
  }

  get id(): string {
    return `${this.site.id}.ixn`;
  }

  /** The URS that gets the next routing request: the next one up in turn; null when every URS is down. */
  pick(): Urs | null {
    const n = this.urs.length;
    for (let k = 0; k < n; k++) {
      const u = this.urs[this.next]!;
      this.next = this.next + 1 === n ? 0 : this.next + 1;
      if (u.up) return u;
    }
    return null;
  }

  /** Sends the interaction's routing request to the next URS, `extra` seconds from now plus the way there; false when
   *  no URS is up to take it. */
  routeRequest(call: Call, extra: number): boolean {
    const urs = this.pick();
    if (urs === null) return false;
    urs.routeRequestIn(extra + this.delayTo(urs), call);
    return true;
  }

  /** one-way delay between this server and a URS (the scenario's intraSite or interSite delay) */
  delayTo(urs: Urs): number {
    return this.topology.siteDelay(urs.node, this.site);
  }
}
