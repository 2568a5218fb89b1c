// A URS pair failing: down (urs-down, or lost with the host it runs on: a node is a host running SIP Server, URS and
// its routing Stat Server, SIP Cluster Solution Guide, What is a SIP Cluster Node), or switching over to its backup
// (urs-switchover; its node's primary host failing; its node lost while the backup runs on another node). A pair that
// is down strands every call it had and every call that asks it, so router-timeout default-routes them: none waits
// on a URS that sees no agent.

import type { Simulation } from "../../kernel/simulation.js";
import type { RoutingSpec } from "../../scenario/types.js";
import type { Urs } from "../routing/urs.js";
import { CallState } from "../sip/call.js";
import type { ClusterNode, Topology } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";

export interface UrsFailuresOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly dnService: DnService;
  readonly ursBackup: RoutingSpec["ursBackup"];
}

export class UrsFailures {
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly topology: Topology;
  private readonly dn: DnService;
  /** faults in progress per URS (they may overlap) */
  private readonly down: Int32Array;
  /** per URS, the node its other instance runs on: its own node (same-node) or the next node of its site */
  private readonly partner: ClusterNode[];
  /** per node, the URS pairs its loss took down (they come back with it) */
  private readonly takenBy: Urs[][];

  constructor(o: UrsFailuresOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.topology = o.topology;
    this.dn = o.dnService;
    this.down = new Int32Array(o.host.urs.length);
    this.partner = o.host.urs.map((u) => {
      if (o.ursBackup === "same-node") return u.node;
      const nodes = u.node.site.nodes;
      return nodes[(nodes.indexOf(u.node) + 1) % nodes.length]!;
    });
    this.takenBy = o.topology.nodes.map(() => []);
  }

  /** A URS pair fails: the calls waiting in its virtual queues and those it was routing lose their router. */
  fails(urs: Urs, fault: number): void {
    if (this.down[urs.index]!++ > 0) return;
    for (const call of urs.fail(fault)) this.host.strand(call, true, fault, this.sim.now);
    this.strandInFlight(urs, fault);
  }

  recovers(urs: Urs): void {
    if (--this.down[urs.index]! === 0) urs.recover();
  }

  /** The primary URS fails and its hot-standby backup takes over: the virtual queues survive, the requests in flight
   *  do not ("Routing requests sent by the switch during the failure and switchover might be lost", Multimedia
   *  Connector for Skype for Business Deployment Guide, Known T-Server HA Limitations; ccsim loses every strategy
   *  run and reservation in progress, an assumption: the guide says "might"). */
  switchover(urs: Urs, fault: number): void {
    this.strandInFlight(urs, fault);
    const other = this.partner[urs.index]!;
    if (other !== urs.node) this.moveTo(urs, other);
  }

  /** The primary host of a node fails (node-down): every URS pair whose primary runs there switches over. */
  primaryHostFails(node: ClusterNode, fault: number): void {
    for (const u of this.host.urs) if (u.node === node) this.switchover(u, fault);
  }

  /** Both hosts of a node are gone: a URS pair on them is lost with them, unless its backup runs on a node that is
   *  still there, which takes over. */
  hostLost(node: ClusterNode, fault: number): void {
    for (const u of this.host.urs) {
      if (u.node !== node) continue;
      const other = this.partner[u.index]!;
      if (other !== node && other.lost === 0) {
        this.switchover(u, fault);
      } else {
        this.takenBy[node.index]!.push(u);
        this.fails(u, fault);
      }
    }
  }

  /** The node's hosts are back: the URS pairs lost with it run again. */
  hostBack(node: ClusterNode): void {
    for (const u of this.takenBy[node.index]!.splice(0)) this.recovers(u);
  }

  private strandInFlight(urs: Urs, fault: number): void {
    for (const call of this.host.liveCalls()) {
      if (call.urs === urs && (call.state === CallState.Routing || call.state === CallState.Reserving)) {
        this.host.strand(call, true, fault, this.sim.now);
      }
    }
  }

  /** The backup runs on `node` with that host's routing Stat Server, which monitors every DN as the lost one did
   *  (its view is brought to what `node` declares); the two instances swap roles. The fan-out delays stay those of
   *  the first host (an assumption: one intra-site hop, a few milliseconds). */
  private moveTo(urs: Urs, node: ClusterNode): void {
    this.partner[urs.index] = urs.node;
    urs.moveTo(node);
    for (const owner of this.topology.nodes) {
      this.dn.refreshView(urs.view, owner, this.host.agents.filter((a) => a.owner === owner));
    }
  }
}
