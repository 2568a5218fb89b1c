// Sites and their SIP Cluster nodes, the one-way delays between them, and the SIP Proxies that spread calls over nodes.

import type { NetworkSpec, Scenario } from "../../scenario/types.js";

export class Site {
  readonly nodes: ClusterNode[] = [];
  /** round-robin pointer of the site's SIP Proxies */
  private proxyNext = 0;
  /** round-robin pointer of the SIP REGISTERs that make a node the owner of a phone's DN */
  private registerNext = 0;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly vqPriority: number,
    /** 0-based position of the node the site's GWS connects to (sites[].gwsNode - 1) */
    readonly gwsIndex: number,
  ) {}

  /** nodes the SIP Proxies have taken out of rotation (a fault they detected), plus one while every SIP Proxy of the
   *  site is down; 0 on a good day */
  proxyOut = 0;
  /** SIP Proxies of the site that are down (proxy-down faults in progress) */
  proxiesDown = 0;
  /** interaction-server-down faults in progress on the site's Interaction Server: while any is, the states of the
   *  site's agents with no DN reach no Stat Server */
  ixnDown = 0;
  /** the site's SIP Proxies: the guide's minimum ("At least two SIP Proxies must be deployed for each data center",
   *  SIP Cluster Solution Guide, SIP Proxy) */
  readonly proxies = 2;

  /** The node a new inbound call lands on; null when the proxies know every node of the site is out. */
  proxyPick(leastLoaded: boolean): ClusterNode | null {
    if (this.proxyOut > 0) return this.pickAmongIn(leastLoaded);
    const nodes = this.nodes;
    if (leastLoaded) {
      // fewest calls in progress; ties go to the next node in round-robin order so equal nodes share the load
      let best = nodes[this.proxyNext % nodes.length]!;
      for (let k = 1; k < nodes.length; k++) {
        const n = nodes[(this.proxyNext + k) % nodes.length]!;
        if (n.activeCalls < best.activeCalls) best = n;
      }
      this.proxyNext = (best.indexInSite + 1) % nodes.length;
      return best;
    }
    const n = nodes[this.proxyNext]!;
    if (++this.proxyNext === nodes.length) this.proxyNext = 0; // (no % on the per-call path: it is a division)
    return n;
  }

  /** proxyPick while some nodes are out of rotation: the same rules over the nodes still in */
  private pickAmongIn(leastLoaded: boolean): ClusterNode | null {
    if (this.proxiesDown >= this.proxies) return null;
    const nodes = this.nodes;
    let best: ClusterNode | null = null;
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[(this.proxyNext + k) % nodes.length]!;
      if (n.proxyOut) continue;
      if (best === null || (leastLoaded && n.activeCalls < best.activeCalls)) best = n;
      if (!leastLoaded) break;
    }
    if (best !== null) this.proxyNext = (best.indexInSite + 1) % nodes.length;
    return best;
  }

  /** The node that becomes owner of an agent's DN: the one that received the phone's REGISTER (sip: the SIP Proxies
   *  spread them over the site's nodes), or the desktop's TRegisterAddress (pstn), which GWS sends to the one node it
   *  connects to ("SIP Cluster DN ownership for the PSTN agents is established on the SIP Cluster node where GWS is
   *  connected", SIP Cluster Solution Guide, GWS Disaster Recovery Scenarios): every PSTN agent of the site on it. */
  ownerFor(phone: "sip" | "pstn"): ClusterNode {
    const nodes = this.nodes;
    if (phone === "sip") return nodes[this.registerNext++ % nodes.length]!;
    return this.gwsNode;
  }

  /** the node the site's GWS connects to at the start */
  get gwsNode(): ClusterNode {
    return this.nodes[this.gwsIndex]!;
  }
}

export class ClusterNode {
  /** calls present on the node (the Session Controller keeps a call for its whole life) */
  activeCalls = 0;
  /** agent DNs this node owns */
  ownedAgents = 0;
  /** faults in progress that took its primary SIP Server (switchover) or both instances (lost); counts, because faults
   *  may overlap */
  switching = 0;
  lost = 0;
  /** the SIP Proxies send it no new calls (they detected the failure) */
  proxyOut = false;
  /** calls the proxies sent it while it was failing and before they noticed: SIP retransmits them later */
  readonly held: (() => void)[] = [];

  constructor(
    /** index over all nodes of the deployment */
    readonly index: number,
    readonly site: Site,
    /** 0-based position in its site */
    readonly indexInSite: number,
  ) {}

  get id(): string {
    return `${this.site.id}.n${this.indexInSite + 1}`;
  }

  /** its SIP Server answers (no switchover in progress, not lost); a field, not a getter: arrivals read it */
  up = true;

  /** after `switching` or `lost` changed */
  refreshUp(): void {
    this.up = this.switching === 0 && this.lost === 0;
  }
}

export class Topology {
  readonly sites: Site[] = [];
  readonly nodes: ClusterNode[] = [];

  constructor(
    scenario: Scenario,
    private readonly network: NetworkSpec = scenario.network,
  ) {
    for (const s of scenario.sites) {
      const site = new Site(this.sites.length, s.id, s.vq.priority, s.gwsNode - 1);
      this.sites.push(site);
      for (let k = 0; k < s.nodes; k++) {
        const node = new ClusterNode(this.nodes.length, site, k);
        site.nodes.push(node);
        this.nodes.push(node);
      }
    }
  }

  site(id: string): Site {
    const s = this.sites.find((x) => x.id === id);
    if (!s) throw new Error(`no site ${id}`);
    return s;
  }

  /** The first node up when something of `home` looks for a node to connect to: in `home`, else in the next sites by
   *  SRV order (the sites' order, wrapping round), each site searched from position `from[site index]` on, wrapping
   *  round; null when no node anywhere answers. */
  firstUp(home: Site, from: ArrayLike<number>): ClusterNode | null {
    const sites = this.sites;
    for (let k = 0; k < sites.length; k++) {
      const site = sites[(home.index + k) % sites.length]!;
      const nodes = site.nodes;
      for (let j = 0; j < nodes.length; j++) {
        const n = nodes[(from[site.index]! + j) % nodes.length]!;
        if (n.up) return n;
      }
    }
    return null;
  }

  /** one-way delay between two nodes */
  nodeDelay(a: ClusterNode, b: ClusterNode): number {
    if (a === b) return 0;
    return a.site === b.site ? this.network.intraSite : this.network.interSite;
  }

  /** one-way delay between a node and a site-level server (VQ SIP Server, Interaction Server) */
  siteDelay(a: ClusterNode, s: Site): number {
    return a.site === s ? this.network.intraSite : this.network.interSite;
  }

  /** one-way delay between an agent's desktop and a site-level server: from the DN's owner node, or (a multimedia
   *  agent, no DN owner) from the agent's own site */
  desktopDelay(owner: ClusterNode | null, home: Site, s: Site): number {
    if (owner !== null) return this.siteDelay(owner, s);
    return home === s ? this.network.intraSite : this.network.interSite;
  }

  get statDelay(): number {
    return this.network.statDelay;
  }
}
