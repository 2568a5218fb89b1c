// Interaction Server: the site component that multimedia (chat, email) enters through. It is no cluster node: it
// spreads routing requests over every URS of the deployment, round-robin, skipping those that are down ("Interaction
// Server is connected to all URS instances in the SIP Cluster and this allows Interaction Server to load balance the
// routing requests across all available URS instances", SIP Cluster Solution Guide), and delivers what URS routes to
// the agent's desktop. The queue is its own ("Interaction Server (in conjunction with URS and Stat Server) handles the
// queuing and distribution of the interaction", Instant Messaging Solution Guide, Other Ways to Handle Text Messages):
// while it is down (interaction-server-down, faults/interaction-server-failure.ts) it keeps what it holds and takes
// nothing new.

import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";
import type { Site, Topology } from "../sip/topology.js";
import type { Urs } from "../routing/urs.js";

export class InteractionServer {
  /** the URS the next routing request goes to (an index into `urs`) */
  private next = 0;
  /** the fault that stopped it, -1 while it runs */
  downBy = -1;
  /** the interactions it keeps while down, in the order it took them: they go to routing again when it is back */
  readonly held: Call[] = [];

  readonly site: Site;
  /** every URS of the deployment, in their order */
  private readonly urs: readonly Urs[];
  private readonly topology: Topology;
  private readonly observer: Observer;

  constructor(o: { readonly site: Site; readonly urs: readonly Urs[]; readonly topology: Topology; readonly observer: Observer }) {
    this.site = o.site;
    this.urs = o.urs;
    this.topology = o.topology;
    this.observer = o.observer;
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
   *  no URS is up to take it. While the server is down the interaction waits in it instead. */
  routeRequest(call: Call, extra: number): boolean {
    if (this.downBy >= 0) {
      this.hold(call);
      return true;
    }
    const urs = this.pick();
    if (urs === null) return false;
    urs.routeRequestIn(extra + this.delayTo(urs), call);
    return true;
  }

  /** A new interaction reaches it while it is down: refused (Chat Server and E-mail Server have no Interaction Server
   *  to submit it to; an assumption, the guides do not say), counted dropped and blamed on the fault. */
  refuses(call: Call): boolean {
    if (this.downBy < 0) return false;
    call.state = CallState.Done;
    this.observer.dropped(call, this.downBy, false);
    return true;
  }

  /** Keeps the interaction, with no routing, until it is back (a Stranded interaction with no router-timeout). */
  hold(call: Call): void {
    call.state = CallState.Stranded;
    call.blame = this.downBy;
    this.held.push(call);
  }

  /** one-way delay between this server and a URS (the scenario's intraSite or interSite delay) */
  delayTo(urs: Urs): number {
    return this.topology.siteDelay(urs.node, this.site);
  }
}
