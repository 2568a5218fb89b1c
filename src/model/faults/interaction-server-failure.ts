// A site's Interaction Server failing (interaction-server-down). The queue of chat and email is Interaction Server's
// ("Interaction Server (in conjunction with URS and Stat Server) handles the queuing and distribution of the
// interaction", Instant Messaging Solution Guide, Other Ways to Handle Text Messages), so while it is down:
//   - the interactions it was routing lose their routing request (the URS strategies for them end with its
//     connection) and it keeps them, as it keeps them in its database (an assumption: no guide ccsim follows
//     describes Interaction Server's own failure); when it is back it sends each to routing again, in ConnID order;
//   - new chat and email of the site cannot enter: refused, counted dropped (InteractionServer.refuses);
//   - interactions already with an agent (ringing, talking, wrap-up) go on (an assumption: the desktop holds them);
//   - the states of the site's agents with no DN, which it reports to every routing Stat Server ("Interaction Server
//     is connected to all routing Stat Servers and reports agent states to all routing Stat Servers", SIP Cluster
//     Solution Guide, Agent Availability for Routing), stop: every URS sees them as they last were, until it is back
//     and reports them as they are (DnService.refreshFromIxn).
// Voice, IM and blended agents (whose states their DN's owner node reports) are untouched.

import type { Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import { CallState } from "../sip/call.js";
import type { Site } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";

export interface InteractionServerFailuresOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly dnService: DnService;
}

export class InteractionServerFailures {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly dn: DnService;

  constructor(o: InteractionServerFailuresOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.observer = o.observer;
    this.dn = o.dnService;
  }

  /** The site's Interaction Server stops (`fault`): it keeps what it was routing and reports no agent state. */
  fails(site: Site, fault: number): void {
    if (site.ixnDown++ > 0) return;
    const ixn = this.host.interactionServers[site.index];
    if (!ixn) return;
    ixn.downBy = fault;
    for (const call of this.host.liveCalls()) {
      if (call.ixn !== ixn) continue;
      const s = call.state;
      if (s === CallState.Stranded) {
        // no URS was up: it waited for router-timeout to try again, and now waits for its server
        this.sim.cancel(call.routerTimer);
        call.routerTimer = null;
        ixn.hold(call);
      } else if (s === CallState.Routing || s === CallState.Waiting || s === CallState.Reserving || s === CallState.Delivering) {
        // the strategy for it ends (a reservation or route still on its way finds the interaction kept, and lets its
        // agent go)
        if (s === CallState.Waiting) call.urs!.removeWaiting(call);
        this.observer.lostRequest(call, fault);
        ixn.hold(call);
      }
    }
  }

  /** It runs again: it reports its agents' states to every Stat Server and sends what it kept to routing. */
  recovers(site: Site): void {
    if (--site.ixnDown > 0) return;
    const reported = this.host.agents.filter((a) => a.owner === null && a.site === site);
    if (reported.length > 0) for (const u of this.host.urs) this.dn.refreshFromIxn(u.view, site, reported);
    const ixn = this.host.interactionServers[site.index];
    if (!ixn) return;
    ixn.downBy = -1;
    const kept = ixn.held.splice(0).sort((a, b) => a.id - b.id);
    for (const call of kept) {
      // (one that abandoned meanwhile is Done)
      if (call.state !== CallState.Stranded) continue;
      call.state = CallState.Routing;
      call.blame = -1;
      this.host.routeAgain(call);
    }
  }
}
