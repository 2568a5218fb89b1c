// Scheduled failures and their recovery: node switchovers and losses (node-failure.ts), link cuts and what the Stat
// Servers then see of the DNs (dn-service.ts), phones registering again (phone-registration.ts), URS, VQ SIP Server
// and site failures, applied at their instants with the detection and re-registration delays the scenario's `ha`
// gives. It works on the contact center through a FaultHost (fault-host.ts) only.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { FaultSpec, HaSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { Observer } from "../observer.js";
import type { Urs } from "../routing/urs.js";
import { CallState } from "../sip/call.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";
import { NodeFailures } from "./node-failure.js";
import { PhoneRegistration } from "./phone-registration.js";

const START = 0;
const END = 1;

/** What the fault injector is built from. */
export interface FaultInjectorOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly connectivity: Connectivity;
  readonly observer: Observer;
  /** the scenario's faults, in their order (a fault is known by its index) */
  readonly faults: readonly FaultSpec[];
  readonly ha: HaSpec;
}

export class FaultInjector implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly connectivity: Connectivity;
  private readonly observer: Observer;
  private readonly faults: readonly FaultSpec[];
  private readonly nodes: NodeFailures;
  private readonly phones: PhoneRegistration;
  private readonly dn: DnService;
  /** faults in progress per URS and per VQ SIP Server (they may overlap) */
  private readonly ursDown: Int32Array;
  private readonly vqDown: Int32Array;

  constructor(o: FaultInjectorOptions) {
    const { host, sim, topology, observer, ha } = o;
    this.host = host;
    this.sim = sim;
    this.topology = topology;
    this.connectivity = o.connectivity;
    this.observer = observer;
    this.faults = o.faults;
    this.dn = new DnService({ host, sim, topology, connectivity: o.connectivity, observer, ha });
    this.phones = new PhoneRegistration({ host, sim, topology, observer, ha, dnService: this.dn });
    this.nodes = new NodeFailures({
      host, sim, topology, observer, faults: o.faults, ha, dnService: this.dn, phones: this.phones,
    });
    this.ursDown = new Int32Array(host.urs.length);
    this.vqDown = new Int32Array(topology.sites.length);
  }

  /** per node, the fault that last took it down (blamed for failed deliveries to its DNs) */
  get nodeFault(): Int32Array {
    return this.nodes.nodeFault;
  }

  start(): void {
    this.faults.forEach((f, i) => {
      this.sim.post(f.at, Priority.FAULT, this, START, i);
      if (f.duration !== undefined) this.sim.post(f.at + f.duration, Priority.FAULT, this, END, i);
    });
  }

  fire(ev: SimEvent): void {
    if (ev.code === START) this.begin(ev.subject as number);
    else if (ev.code === END) this.end(ev.subject as number);
  }

  private begin(i: number): void {
    const f = this.faults[i]!;
    this.connectivity.faulty = true;
    this.observer.fault(i, f, "start");
    switch (f.kind) {
      case "node-down":
        return this.nodes.nodeDown(this.node(f.target!), i);
      case "node-lost":
        return this.nodes.loseNode(this.node(f.target!), i);
      case "link-down":
        return this.cut(f, i, +1);
      case "urs-down":
        return this.ursFails(this.host.ursOfNode[this.node(f.target!).index]!, i);
      case "vq-down":
        return this.vqFails(this.site(f.target!), i);
      case "site-down": {
        const site = this.site(f.target!);
        for (const node of site.nodes) this.nodes.loseNode(node, i);
        for (const u of this.host.urs) if (u.node.site === site) this.ursFails(u, i);
        this.vqFails(site, i);
        return;
      }
    }
  }

  private end(i: number): void {
    const f = this.faults[i]!;
    this.observer.fault(i, f, "end");
    switch (f.kind) {
      case "node-down":
        return this.nodes.nodeDownEnds(this.node(f.target!), i);
      case "node-lost":
        return this.nodes.nodeRecovers(this.node(f.target!));
      case "link-down":
        return this.cut(f, i, -1);
      case "urs-down":
        return this.ursRecovers(this.host.ursOfNode[this.node(f.target!).index]!);
      case "vq-down":
        return this.vqRecovers(this.site(f.target!));
      case "site-down": {
        const site = this.site(f.target!);
        for (const node of site.nodes) this.nodes.nodeRecovers(node);
        for (const u of this.host.urs) if (u.node.site === site) this.ursRecovers(u);
        this.vqRecovers(site);
        return;
      }
    }
  }

  /** A link cut between two sites (every node pair across them, and the sites' own links) or two nodes. */
  private cut(f: FaultSpec, fault: number, delta: number): void {
    const [a, b] = f.between!;
    const sa = this.topology.sites.find((s) => s.id === a);
    const sb = this.topology.sites.find((s) => s.id === b);
    if (sa && sb) {
      this.connectivity.cut(sa.nodes, sb.nodes, delta, fault);
      this.connectivity.cutSites(sa.index, sb.index, delta, fault);
    } else {
      this.connectivity.cut([this.node(a)], [this.node(b)], delta, fault);
    }
    this.dn.linksChanged();
  }

  /** A URS pair fails: the calls waiting in its virtual queues and those it was routing lose their router. */
  private ursFails(urs: Urs, fault: number): void {
    if (this.ursDown[urs.index]!++ > 0) return;
    for (const call of urs.fail(fault)) this.host.strand(call, true, fault, this.sim.now);
    for (const call of this.host.liveCalls()) {
      if (call.urs === urs && (call.state === CallState.Routing || call.state === CallState.Reserving)) {
        this.host.strand(call, true, fault, this.sim.now);
      }
    }
  }

  private ursRecovers(urs: Urs): void {
    if (--this.ursDown[urs.index]! === 0) urs.recover();
  }

  /** A site's VQ SIP Server fails (nothing to fail when the reservation is not explicit). */
  private vqFails(site: Site, fault: number): void {
    const servers = this.host.vqServers;
    if (servers.length === 0) return;
    if (this.vqDown[site.index]!++ === 0) servers[site.index]!.fail(fault);
  }

  private vqRecovers(site: Site): void {
    const servers = this.host.vqServers;
    if (servers.length === 0) return;
    if (--this.vqDown[site.index]! === 0) servers[site.index]!.recover();
  }

  /** An agent freed from work after an ownership change logged it out: it logs in again after the login delay. */
  reloginLater(agent: Agent): void {
    this.phones.reloginLater(agent);
  }

  /** Why a TRouteCall from `from` cannot reach the agent's DN, or null when it can. */
  deliveryProblem(from: ClusterNode, agent: Agent): "oos" | "unreachable" | null {
    if (this.connectivity.linkUp(from, agent.owner!)) return null;
    return this.connectivity.isDeclared(from, agent.owner!) ? "unreachable" : "oos";
  }

  deliveryBlame(from: ClusterNode, agent: Agent): number {
    if (!agent.registered) return agent.blame;
    return this.connectivity.blameFor(from, agent.owner!, this.nodeFault);
  }

  private node(id: string): ClusterNode {
    return this.topology.nodes.find((n) => n.id === id)!;
  }

  private site(id: string): Site {
    return this.topology.site(id);
  }
}
