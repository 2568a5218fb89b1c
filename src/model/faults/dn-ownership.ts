// A DN's ownership moving to another node after its owner was lost (a phone registering elsewhere, GWS registering
// its PSTN agents' DNs with the node it reconnected to): the new owner announces the DN, the targets that look at the
// agent's location follow it, and an agent the new owner knows as logged out logs in again after the login delay, or
// once the work it is doing is over.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { ClusterNode } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";

/** an agent logged out by an ownership change logs in again */
const RELOGIN = 0;

export interface DnOwnershipOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly ha: HaSpec;
  readonly dnService: DnService;
}

export class DnOwnership implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly ha: HaSpec;
  private readonly dn: DnService;

  constructor(o: DnOwnershipOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.observer = o.observer;
    this.ha = o.ha;
    this.dn = o.dnService;
  }

  fire(ev: SimEvent): void {
    if (ev.code !== RELOGIN) return;
    const agent = ev.subject as Agent;
    if (agent.reloginPending && agent.state === AgentState.LoggedOut) {
      agent.reloginPending = false;
      this.host.logIn(agent);
    }
  }

  /** The agent's DN is registered with `node` from now on. `loggedOut`: the new owner knows the agent as logged out,
   *  and the agent logs in again. */
  move(agent: Agent, node: ClusterNode, loggedOut: boolean): void {
    // (only an owned DN loses its owner)
    const from = agent.owner!;
    from.ownedAgents--;
    node.ownedAgents++;
    agent.owner = node;
    agent.registered = true;
    agent.blame = -1;
    if (loggedOut && agent.state !== AgentState.LoggedOut && !agent.logoutPending) {
      agent.reloginPending = true;
      if (agent.load.total === 0 && (agent.state === AgentState.Ready || agent.state === AgentState.NotReady)) {
        this.host.logOutNow(agent);
        this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
      }
      // an agent at work leaves when the work ends (TController.agentFree) and logs in again after the delay
    }
    // the DN's location is its owner's site ("DN ownership defines the agent location", SIP Cluster Solution Guide,
    // Reservation Based on Agent Location): sitex targets take the agent from here on
    this.host.relocate(agent);
    this.host.publish(agent);
    this.observer.ownerChanged(agent, from);
    for (const u of this.host.urs) this.dn.refreshView(u.view, node, [agent]);
  }

  /** An agent freed from work after an ownership change logged it out: it logs in again after the login delay. */
  reloginLater(agent: Agent): void {
    this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
  }
}
