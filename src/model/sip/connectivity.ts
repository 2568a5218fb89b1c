// Who can reach whom in the SIP Cluster while faults are in progress: T-Controller links between nodes, what each node
// has declared about the others' DNs, and the WAN between sites that URS crosses to reach a VQ SIP Server.

import type { ClusterNode, Topology } from "./topology.js";

export class Connectivity {
  private readonly n: number;
  /** link-down faults in progress per ordered node pair (kept symmetric) */
  private readonly cuts: Int32Array;
  /** 1 while node a treats node b's DNs as in service; lags the link by tcReconnectTimeout when it goes down */
  readonly declared: Uint8Array;
  /** link-down faults in progress per site pair */
  private readonly siteCuts: Int32Array;
  /** the fault that last cut each node pair (and site pair), for blaming routing failures on it */
  private readonly blame: Int32Array;
  private readonly siteBlame: Int32Array;
  /** any fault has ever started: the model takes its fault-aware paths only then */
  faulty = false;

  constructor(private readonly topology: Topology) {
    this.n = topology.nodes.length;
    this.cuts = new Int32Array(this.n * this.n);
    this.declared = new Uint8Array(this.n * this.n).fill(1);
    this.siteCuts = new Int32Array(topology.sites.length * topology.sites.length);
    this.blame = new Int32Array(this.n * this.n).fill(-1);
    this.siteBlame = new Int32Array(topology.sites.length * topology.sites.length).fill(-1);
  }

  /** Messages pass between the two nodes' T-Controllers (a node reaches itself while its SIP Server is not lost). */
  linkUp(a: ClusterNode, b: ClusterNode): boolean {
    if (a === b) return a.lost === 0;
    return a.up && b.up && this.cuts[a.index * this.n + b.index] === 0;
  }

  /** A state event from a's T-Controller reaches node b: always, until a fault has started; then only over a link
   *  that is up. */
  carries(a: ClusterNode, b: ClusterNode): boolean {
    return !this.faulty || this.linkUp(a, b);
  }

  /** a still shows b's DNs in service */
  isDeclared(a: ClusterNode, b: ClusterNode): boolean {
    return this.declared[a.index * this.n + b.index] === 1;
  }

  setDeclared(a: ClusterNode, b: ClusterNode, v: boolean): void {
    this.declared[a.index * this.n + b.index] = v ? 1 : 0;
  }

  /** URS and VQ SIP Servers of these sites can talk (no site-level link cut between them) */
  sitesLinked(a: number, b: number): boolean {
    return a === b || this.siteCuts[a * this.topology.sites.length + b] === 0;
  }

  /** Cuts (delta +1) or restores (delta -1) the links between two groups of nodes. */
  cut(as: readonly ClusterNode[], bs: readonly ClusterNode[], delta: number, fault: number): void {
    for (const a of as) {
      for (const b of bs) {
        if (a === b) continue;
        this.cuts[a.index * this.n + b.index] += delta;
        this.cuts[b.index * this.n + a.index] += delta;
        if (delta > 0) this.blame[a.index * this.n + b.index] = this.blame[b.index * this.n + a.index] = fault;
      }
    }
  }

  cutSites(a: number, b: number, delta: number, fault: number): void {
    const s = this.topology.sites.length;
    this.siteCuts[a * s + b] += delta;
    this.siteCuts[b * s + a] += delta;
    if (delta > 0) this.siteBlame[a * s + b] = this.siteBlame[b * s + a] = fault;
  }

  siteBlameFor(a: number, b: number): number {
    return this.siteBlame[a * this.topology.sites.length + b]!;
  }

  /** the fault to blame for a failed delivery from a to a DN owned by b */
  blameFor(a: ClusterNode, b: ClusterNode, nodeFault: ArrayLike<number>): number {
    if (!b.up || (a === b && b.lost > 0)) return nodeFault[b.index]!;
    if (!a.up) return nodeFault[a.index]!;
    return this.blame[a.index * this.n + b.index]!;
  }
}
