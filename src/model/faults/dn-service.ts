// DN availability as each Stat Server sees it while links and nodes fail: a DN whose owner node is cut off from a Stat
// Server's host is declared out of service there after tc-reconnect-timeout (EventDNOutOfService), and back in service
// once the link returns (EventDNBackInService, reaching the view after the propagation delay); a DN its Stat Server has
// not registered (statserver-down) stays out of service. Agents with no DN are brought up to date by their site's
// Interaction Server instead.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { StatServer } from "../routing/stat-server.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { FaultHost } from "./fault-host.js";

/** tc-reconnect-timeout expired for a node pair */
const DECLARE_DOWN = 0;
/** a batch of DNs reaches a Stat Server back in service */
const BACK_IN_SERVICE = 1;
/** an Interaction Server's report of agents with no DN reaches a Stat Server */
const IXN_REPORT = 2;

interface PairEvent {
  readonly a: ClusterNode;
  readonly b: ClusterNode;
}
interface BackEvent {
  readonly view: StatServer;
  readonly owner: ClusterNode;
  readonly agents: Agent[];
}
interface IxnEvent {
  readonly view: StatServer;
  readonly agents: readonly Agent[];
}

export interface DnServiceOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly connectivity: Connectivity;
  readonly observer: Observer;
  readonly ha: HaSpec;
}

export class DnService implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly connectivity: Connectivity;
  private readonly observer: Observer;
  private readonly ha: HaSpec;
  /** per node pair: a DECLARE_DOWN is on its way */
  private readonly declaring: Uint8Array;

  constructor(o: DnServiceOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.topology = o.topology;
    this.connectivity = o.connectivity;
    this.observer = o.observer;
    this.ha = o.ha;
    const n = o.topology.nodes.length;
    this.declaring = new Uint8Array(n * n);
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case DECLARE_DOWN: {
        const { a, b } = ev.subject as PairEvent;
        this.declaring[a.index * this.topology.nodes.length + b.index] = 0;
        if (!this.connectivity.linkUp(a, b) && this.connectivity.isDeclared(a, b)) {
          this.connectivity.setDeclared(a, b, false);
          this.refreshPair(a, b);
        }
        return;
      }
      case BACK_IN_SERVICE: {
        const { view, owner, agents } = ev.subject as BackEvent;
        let count = 0;
        for (const agent of agents) {
          if (agent.owner === owner && this.sees(view, agent) && view.isOutOfService(agent)) {
            view.backInService(agent);
            count++;
          }
        }
        if (count > 0) this.observer.dnService(view.id, owner, true, count);
        return;
      }
      case IXN_REPORT: {
        const { view, agents } = ev.subject as IxnEvent;
        for (const agent of agents) {
          // a Stat Server down again, or an Interaction Server down again, hears nothing
          if (!view.registers(agent) || agent.site.ixnDown > 0) continue;
          if (view.isOutOfService(agent)) view.backInService(agent);
          else view.update(agent, agent.readySince, agent.version, agent.accepts());
        }
        return;
      }
    }
  }

  /** After any change of links or node states: pairs that went down are declared out of service after
   *  tc-reconnect-timeout; pairs that came back are in service again at once, their DNs reaching views after the
   *  propagation delay. */
  linksChanged(): void {
    const nodes = this.topology.nodes;
    for (const a of nodes) {
      for (const b of nodes) {
        const up = this.connectivity.linkUp(a, b);
        const declared = this.connectivity.isDeclared(a, b);
        if (!up && declared) {
          const k = a.index * nodes.length + b.index;
          if (this.declaring[k] === 1) continue;
          if (this.ha.tcReconnectTimeout === 0) {
            this.connectivity.setDeclared(a, b, false);
            this.refreshPair(a, b);
          } else {
            this.declaring[k] = 1;
            this.sim.postAfter(this.ha.tcReconnectTimeout, Priority.FAULT, this, DECLARE_DOWN, { a, b });
          }
        } else if (up && !declared) {
          this.connectivity.setDeclared(a, b, true);
          this.refreshPair(a, b);
        }
      }
    }
  }

  /** whether a view should show the DN in service: its Stat Server has registered the DN, and its host node has not
   *  declared the DN's owner cut off (a lost owner is cut off from everyone, itself included, until the phone
   *  registers elsewhere) */
  private sees(view: StatServer, agent: Agent): boolean {
    if (!view.registers(agent)) return false;
    // (an agent with no DN owner is never out of service: Interaction Server reports it to every Stat Server)
    return agent.owner === null || this.connectivity.isDeclared(view.node, agent.owner);
  }

  /** Brings the views hosted on `a` up to date about the DNs owned by `b`. */
  private refreshPair(a: ClusterNode, b: ClusterNode): void {
    for (const u of this.host.urs) {
      if (u.view.node !== a) continue;
      this.refreshView(u.view, b, this.host.agents.filter((x) => x.owner === b));
    }
  }

  /** Brings one view up to date about some DNs of one owner: out of service at once, back in service after the
   *  propagation delay. */
  refreshView(view: StatServer, owner: ClusterNode, agents: readonly Agent[]): void {
    let out = 0;
    const back: Agent[] = [];
    for (const agent of agents) {
      if (!this.sees(view, agent)) {
        if (!view.isOutOfService(agent)) {
          view.outOfService(agent);
          out++;
        }
      } else if (view.isOutOfService(agent)) back.push(agent);
    }
    if (out > 0) this.observer.dnService(view.id, owner, false, out);
    if (back.length > 0) {
      const delay = this.topology.nodeDelay(owner, view.node) + this.topology.statDelay;
      this.sim.postAfter(delay, Priority.MESSAGE, this, BACK_IN_SERVICE, { view, owner, agents: back });
    }
  }

  /** Brings one view up to date about some agents of `site` that have no DN: their site's Interaction Server reports
   *  their states as they are now, which reach the view after the way from the site and the Stat Server's delay. */
  refreshFromIxn(view: StatServer, site: Site, agents: readonly Agent[]): void {
    const delay = this.topology.siteDelay(view.node, site) + this.topology.statDelay;
    this.sim.postAfter(delay, Priority.MESSAGE, this, IXN_REPORT, { view, agents });
  }
}
