// The Stat Servers that hear of a DN's state change from its owner node's T-Controller after one network delay: one
// event reaches them all (the path without the component load model; with it, cpu/component-load.ts carries them).

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
    /** the node the state change comes from */
    private readonly origin: ClusterNode,
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
    for (let k = 0; k < servers.length; k++) {
      if (this.connectivity.carries(this.origin, servers[k]!.node)) servers[k]!.update(agent, readySince, version, accepts);
    }
  }
}
