// A routing Stat Server failing (statserver-down). Each URS pair routes from one Stat Server placed beside it ("Each
// SIP Cluster node has a dedicated routing solution consisting of URS, ORS, and Stat Server", SIP Cluster Solution
// Guide, Routing Principles in SIP Cluster; a centralized or grouped pair's runs on the first node it serves). While
// it is down its URS hears of no agent: it keeps running, its strategies find no target they are told is available,
// and its calls wait in its virtual queues, new ones too (an assumption: the guide does not say what URS does without
// its Stat Server; SIP Server's default routing is for a routing solution that does not answer, and this URS does).
// Back, the Stat Server registers every DN again, reg-dns-chunk-volume of them every reg-dns-chunk-delay in agent
// order (Configuring Stat Server); each DN reaches the view in service after its propagation delay, the way DNs come
// back when a link does (DnService.refreshView), and an agent with no DN as its Interaction Server reports it.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { HaSpec } from "../../scenario/types.js";
import type { Urs } from "../routing/urs.js";
import type { Topology } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";

/** the next chunk of DNs is registered */
const REGISTER_CHUNK = 0;

interface Registration {
  readonly urs: Urs;
  /** the recovery this registration belongs to: one of an earlier recovery, failed since, is stale */
  readonly epoch: number;
}

export interface StatServerFailuresOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly ha: HaSpec;
  readonly dnService: DnService;
}

export class StatServerFailures implements EventTarget {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly ha: HaSpec;
  private readonly dn: DnService;
  /** faults in progress per URS's Stat Server (they may overlap) */
  private readonly down: Int32Array;
  /** per URS's Stat Server, how many times it failed: a registration names the one it follows */
  private readonly epoch: Int32Array;

  constructor(o: StatServerFailuresOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.topology = o.topology;
    this.ha = o.ha;
    this.dn = o.dnService;
    this.down = new Int32Array(o.host.urs.length);
    this.epoch = new Int32Array(o.host.urs.length);
  }

  fire(ev: SimEvent): void {
    if (ev.code !== REGISTER_CHUNK) return;
    const r = ev.subject as Registration;
    if (r.epoch === this.epoch[r.urs.index] && this.down[r.urs.index] === 0) this.registerChunk(r);
  }

  /** The Stat Server `urs` routes from fails: every agent is unavailable in its view, whatever it does next. */
  fails(urs: Urs): void {
    if (this.down[urs.index]!++ > 0) return;
    this.epoch[urs.index]!++;
    const view = urs.view;
    view.registered = 0;
    for (const agent of this.host.agents) view.outOfService(agent);
  }

  /** It runs again: it registers the DNs anew, the first chunk at once. */
  recovers(urs: Urs): void {
    if (--this.down[urs.index]! > 0) return;
    this.registerChunk({ urs, epoch: this.epoch[urs.index]! });
  }

  /** One chunk of DNs registered: each owner's reach the view after their way from the owner, the agents with no DN
   *  after their Interaction Server's report; the next chunk follows reg-dns-chunk-delay later. */
  private registerChunk(r: Registration): void {
    const view = r.urs.view;
    const agents = this.host.agents;
    const from = view.registered;
    const to = Math.min(agents.length, from + this.ha.regDnsChunkVolume);
    view.registered = to;
    const chunk = agents.slice(from, to);
    for (const owner of this.topology.nodes) {
      const owned = chunk.filter((a) => a.owner === owner);
      if (owned.length > 0) this.dn.refreshView(view, owner, owned);
    }
    for (const site of this.topology.sites) {
      const reported = chunk.filter((a) => a.owner === null && a.site === site);
      if (reported.length > 0) this.dn.refreshFromIxn(view, site, reported);
    }
    if (to < agents.length) this.sim.postAfter(this.ha.regDnsChunkDelay, Priority.FAULT, this, REGISTER_CHUNK, r);
  }
}
