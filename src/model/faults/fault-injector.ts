// Scheduled failures and their recovery: node switchovers and losses (node-failure.ts), link cuts and what the Stat
// Servers then see of the DNs (dn-service.ts), phones registering again (phone-registration.ts), GWS reconnecting for
// the PSTN agents (gws-connection.ts), DN ownership moving (dn-ownership.ts), URS pairs down or switching over
// (urs-failure.ts), routing Stat Servers down (stat-server-failure.ts), Interaction Servers down
// (interaction-server-failure.ts), Skype for Business connectors and Front End servers stopping (connector-failure.ts,
// front-end-failure.ts), SIP Proxy, VQ SIP Server and site failures, applied at their instants with the
// detection and re-registration delays the scenario's `ha` gives. It works on the contact center through a FaultHost
// (fault-host.ts) only.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { FaultSpec, HaSpec, RoutingSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { Rng } from "../../kernel/random-stream.js";
import type { Observer } from "../observer.js";
import type { Urs } from "../routing/urs.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import { ConnectorFailures } from "./connector-failure.js";
import { DnOwnership } from "./dn-ownership.js";
import { DnService } from "./dn-service.js";
import { FrontEndFailures } from "./front-end-failure.js";
import type { FaultHost } from "./fault-host.js";
import { GwsConnections } from "./gws-connection.js";
import { InteractionServerFailures } from "./interaction-server-failure.js";
import { NodeFailures } from "./node-failure.js";
import { PhoneRegistration } from "./phone-registration.js";
import { StatServerFailures } from "./stat-server-failure.js";
import { UrsFailures } from "./urs-failure.js";

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
  readonly ursBackup: RoutingSpec["ursBackup"];
  /** per node, where in the SIP Proxies' oos-check cycle it fails */
  readonly checkPhase: readonly Rng[];
  /** per node, where in their registration refresh cycle the phones it owns are */
  readonly refreshPhase: readonly Rng[];
}

export class FaultInjector implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly connectivity: Connectivity;
  private readonly observer: Observer;
  private readonly faults: readonly FaultSpec[];
  private readonly nodes: NodeFailures;
  private readonly ownership: DnOwnership;
  private readonly dn: DnService;
  private readonly urs: UrsFailures;
  private readonly stats: StatServerFailures;
  private readonly ixn: InteractionServerFailures;
  private readonly connectors: ConnectorFailures;
  /** null without a Skype site (the loader refuses frontend-down then) */
  private readonly frontEnds: FrontEndFailures | null;
  /** faults in progress per VQ SIP Server (they may overlap) */
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
    this.ownership = new DnOwnership({ host, sim, observer, ha, dnService: this.dn });
    const phones = new PhoneRegistration({ sim, topology, ha, ownership: this.ownership, refreshPhase: o.refreshPhase });
    const gws = new GwsConnections({ sim, topology, observer, ha, ownership: this.ownership, agents: host.agents });
    this.urs = new UrsFailures({ host, sim, topology, dnService: this.dn, ursBackup: o.ursBackup });
    this.stats = new StatServerFailures({ host, sim, topology, ha, dnService: this.dn });
    this.ixn = new InteractionServerFailures({ host, sim, observer, dnService: this.dn });
    this.connectors = new ConnectorFailures(host, observer);
    this.frontEnds = host.skypeFrontEnds === null ? null : new FrontEndFailures(host, host.skypeFrontEnds);
    this.nodes = new NodeFailures({
      host, sim, topology, observer, faults: o.faults, ha, dnService: this.dn, phones, gws, urs: this.urs,
      checkPhase: o.checkPhase,
    });
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
        return this.urs.fails(this.host.ursOfNode[this.node(f.target!).index]!, i);
      case "urs-switchover":
        return this.urs.switchover(this.host.ursOfNode[this.node(f.target!).index]!, i);
      case "proxy-down":
        return this.proxyFails(this.site(f.target!));
      case "vq-down":
        return this.vqFails(this.site(f.target!), i);
      case "site-down": {
        // the site's URS pairs go with the hosts they run on
        const site = this.site(f.target!);
        this.nodes.loseSite(site.nodes, i);
        this.vqFails(site, i);
        return;
      }
      case "statserver-down":
        return this.stats.fails(this.placedOn(f.target!));
      case "interaction-server-down":
        return this.ixn.fails(this.site(f.target!), i);
      case "connector-down":
        return this.connectors.stops(f.connector!, f.graceful === true, i);
      case "frontend-down":
        return this.frontEnds!.stops(f.frontEnd!, i);
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
        return this.urs.recovers(this.host.ursOfNode[this.node(f.target!).index]!);
      case "urs-switchover":
        return;
      case "proxy-down":
        return this.proxyRecovers(this.site(f.target!));
      case "vq-down":
        return this.vqRecovers(this.site(f.target!));
      case "site-down": {
        const site = this.site(f.target!);
        for (const node of site.nodes) this.nodes.nodeRecovers(node);
        this.vqRecovers(site);
        return;
      }
      case "statserver-down":
        return this.stats.recovers(this.placedOn(f.target!));
      case "interaction-server-down":
        return this.ixn.recovers(this.site(f.target!));
      case "connector-down":
        return this.connectors.restarts(f.connector!);
      case "frontend-down":
        return this.frontEnds!.restarts(f.frontEnd!);
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

  /** One SIP Proxy of the site fails: the others take its transactions (calls in progress go on, an assumption: the
   *  guide says only that each data center has two or more). With every proxy down no call lands on the site's
   *  nodes: the carrier sends them to the failover site, or they are lost. */
  private proxyFails(site: Site): void {
    if (++site.proxiesDown === site.proxies) site.proxyOut++;
  }

  private proxyRecovers(site: Site): void {
    if (site.proxiesDown-- === site.proxies) site.proxyOut--;
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
    this.ownership.reloginLater(agent);
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

  /** the URS pair placed on the node, with the Stat Server it routes from (wherever a switchover took it since) */
  private placedOn(id: string): Urs {
    const node = this.node(id);
    return this.host.urs.find((u) => u.serves[0] === node)!;
  }

  private site(id: string): Site {
    return this.topology.site(id);
  }
}
