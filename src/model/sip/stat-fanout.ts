// The Stat Servers that hear of a DN's state change from its owner node's T-Controller (or, for an agent with no DN
// owner, from its site's Interaction Server) after one network delay: one event reaches them all (the path without
// the component load model; with it, cpu/component-load.ts carries them).

import type { EventTarget, SimEvent } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import type { StatServer, StateUpdate } from "../routing/stat-server.js";
import type { Connectivity } from "./connectivity.js";
import type { ClusterNode } from "./topology.js";

/** Stat Servers that hear of a state change from one node after the same delay: one event reaches them all. */
export class Fanout implements EventTarget {
  constructor(
    readonly delay: number,
    readonly servers: StatServer[],
    /** the node the state change comes from; null: an Interaction Server, whose links to the Stat Servers are not
     *  the T-Controllers' (a link cut between nodes does not stand in its way) */
    private readonly origin: ClusterNode | null,
    private readonly connectivity: Connectivity,
  ) {}
  fire(ev: SimEvent): void {
    const u = ev.subject as StateUpdate;
    this.tell(u.agent, u.readySince, u.version, u.accepts);
  }

  /** Each server hears the update, unless a fault cut its host node off from the origin (fields passed apart so that
   *  the zero-delay path allocates nothing). */
  tell(agent: Agent, readySince: number, version: number, accepts: number): void {
    const servers = this.servers;
    const origin = this.origin;
    for (let k = 0; k < servers.length; k++) {
      if (origin === null || this.connectivity.carries(origin, servers[k]!.node)) {
        servers[k]!.update(agent, readySince, version, accepts);
      }
    }
  }
}
