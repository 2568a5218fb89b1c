// A SIP Server node failing: a switchover (the primary fails, its hot-standby backup takes over after the ADDP
// timeout; calls established or ringing survive, routing in progress is lost) or the loss of both instances (its
// calls drop, its DNs lose their owner until their phones register elsewhere, or GWS reconnects for the PSTN agents');
// the SIP Proxies noticing, and the node coming back.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { FaultSpec, HaSpec } from "../../scenario/types.js";
import type { Rng } from "../../kernel/random-stream.js";
import type { Observer } from "../observer.js";
import { CallState } from "../sip/call.js";
import type { ClusterNode, Topology } from "../sip/topology.js";
import type { DnService } from "./dn-service.js";
import type { FaultHost } from "./fault-host.js";
import { isPstn, type GwsConnections } from "./gws-connection.js";
import type { PhoneRegistration } from "./phone-registration.js";
import type { UrsFailures } from "./urs-failure.js";

/** the SIP Proxies' out-of-service check notices a failed node */
const PROXY_DETECT = 0;
/** the hot-standby backup of a node has taken over */
const SWITCHOVER_DONE = 1;

interface NodeEvent {
  readonly node: ClusterNode;
  readonly fault: number;
}

export interface NodeFailuresOptions {
  readonly host: FaultHost;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly observer: Observer;
  readonly faults: readonly FaultSpec[];
  readonly ha: HaSpec;
  readonly dnService: DnService;
  readonly phones: PhoneRegistration;
  readonly gws: GwsConnections;
  /** the URS pairs that run on the nodes' hosts */
  readonly urs: UrsFailures;
  /** per node, where in the SIP Proxies' oos-check cycle it fails (STREAMS.proxyCheck) */
  readonly checkPhase: readonly Rng[];
}

export class NodeFailures implements EventTarget {
  /** per node, the fault that last took it down (blamed for failed deliveries to its DNs) */
  readonly nodeFault: Int32Array;
  /** per node: node-down faults whose failed instance is still down, so the node runs without a backup */
  private readonly backupDown: Int32Array;
  private readonly host: FaultHost;
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly faults: readonly FaultSpec[];
  private readonly ha: HaSpec;
  private readonly dn: DnService;
  private readonly phones: PhoneRegistration;
  private readonly gws: GwsConnections;
  private readonly urs: UrsFailures;
  private readonly checkPhase: readonly Rng[];

  constructor(o: NodeFailuresOptions) {
    this.host = o.host;
    this.sim = o.sim;
    this.observer = o.observer;
    this.faults = o.faults;
    this.ha = o.ha;
    this.dn = o.dnService;
    this.phones = o.phones;
    this.gws = o.gws;
    this.urs = o.urs;
    this.checkPhase = o.checkPhase;
    const n = o.topology.nodes.length;
    this.nodeFault = new Int32Array(n).fill(-1);
    this.backupDown = new Int32Array(n);
  }

  fire(ev: SimEvent): void {
    const { node, fault } = ev.subject as NodeEvent;
    switch (ev.code) {
      case PROXY_DETECT:
        if (!node.up) this.takeOutOfRotation(node);
        return;
      case SWITCHOVER_DONE:
        node.switching--;
        node.refreshUp();
        this.observer.fault(fault, this.faults[fault]!, "switchover");
        this.nodeBack(node);
        return;
    }
  }

  /** node-down starts: the backup takes over, unless an earlier failure left the node without one. */
  nodeDown(node: ClusterNode, fault: number): void {
    if (this.backupDown[node.index]! > 0) {
      // an earlier failure left the node without its backup: this one takes the node
      this.loseNode(node, fault);
    } else {
      this.backupDown[node.index]!++;
      this.switchover(node, fault);
    }
  }

  /** node-down ends: the failed instance is back (as the new backup); if this fault had taken the whole node, the
   *  node is back. */
  nodeDownEnds(node: ClusterNode, fault: number): void {
    if (node.lost > 0 && this.nodeFault[node.index] === fault) this.nodeRecovers(node);
    else this.backupDown[node.index]!--;
  }

  /** The primary SIP Server of a node fails; the backup takes over after the ADDP timeout. Calls established or
   *  ringing survive (hot standby keeps them); routing in progress on the node is lost, and so is what the URS pairs
   *  whose primary runs on that host had in flight (they switch over too: a node instance is "a set of components
   *  running on a computer host", SIP Cluster Solution Guide, What is a SIP Cluster Node). */
  private switchover(node: ClusterNode, fault: number): void {
    node.switching++;
    node.refreshUp();
    this.nodeFault[node.index] = fault;
    const back = this.sim.now + this.ha.addpTimeout;
    for (const call of this.host.liveCalls()) {
      if (call.node === node && call.state <= CallState.Delivering) this.host.strand(call, true, fault, back);
    }
    this.urs.primaryHostFails(node, fault);
    this.dn.linksChanged();
    this.sim.postAfter(this.proxyDetection(node), Priority.FAULT, this, PROXY_DETECT, { node, fault });
    this.sim.postAfter(this.ha.addpTimeout, Priority.FAULT, this, SWITCHOVER_DONE, { node, fault });
  }

  /** Both instances of a node go, and with their hosts the URS pairs and routing Stat Servers placed there: its calls
   *  drop, its DNs lose their owner until their phones register elsewhere. */
  loseNode(node: ClusterNode, fault: number): void {
    this.loseHosts(node, fault);
    if (node.lost === 1) this.urs.hostLost(node, fault);
  }

  /** A whole site goes: every node first, then the URS pairs on them (a pair serving several of them finds their
   *  calls already dropped, not stranded). */
  loseSite(nodes: readonly ClusterNode[], fault: number): void {
    for (const node of nodes) this.loseHosts(node, fault);
    for (const node of nodes) if (node.lost === 1) this.urs.hostLost(node, fault);
  }

  private loseHosts(node: ClusterNode, fault: number): void {
    node.lost++;
    node.refreshUp();
    this.nodeFault[node.index] = fault;
    for (const call of this.host.liveCalls()) if (call.node === node) this.host.dropCall(call, fault);
    for (const agent of this.host.agents) {
      if (agent.owner !== node || !agent.registered || isPstn(agent)) continue;
      this.phones.ownerLost(agent, fault);
    }
    // the PSTN agents' DNs are GWS's: it loses its connection to the node
    this.gws.nodeLost(node, fault);
    this.dn.linksChanged();
    this.sim.postAfter(this.proxyDetection(node), Priority.FAULT, this, PROXY_DETECT, { node, fault });
  }

  nodeRecovers(node: ClusterNode): void {
    node.lost--;
    node.refreshUp();
    if (node.lost === 0) this.urs.hostBack(node);
    this.nodeBack(node);
  }

  /** A node answers again: the proxies send it calls (those it was sent while failing first) and links come back. */
  private nodeBack(node: ClusterNode): void {
    if (!node.up) return;
    if (node.proxyOut) {
      node.proxyOut = false;
      node.site.proxyOut--;
    }
    const held = node.held.splice(0);
    for (const admit of held) admit();
    this.dn.linksChanged();
    this.phones.retryUnplaced();
    this.gws.retryWaiting();
  }

  /** How long the SIP Proxies keep sending calls to a node that just failed. They check every SIP Server each
   *  [sipproxy] oos-check and set it out of service oos-force after the first check it leaves unanswered ("sets them in
   *  the out-of-service state 2 seconds after the last check for which a response was not received", SIP Cluster
   *  Solution Guide, Configuring the SIP Outbound Proxy DN); a failure falls anywhere in the check cycle, so the next
   *  check comes uniformly within oos-check: between oos-force and oos-check + oos-force. */
  private proxyDetection(node: ClusterNode): number {
    if (this.ha.proxyDetection !== null) return this.ha.proxyDetection;
    return this.checkPhase[node.index]!() * this.ha.proxyCheck + this.ha.proxyForce;
  }

  private takeOutOfRotation(node: ClusterNode): void {
    if (node.proxyOut) return;
    node.proxyOut = true;
    node.site.proxyOut++;
    // INVITEs the node never answered are retransmitted to a node still in rotation
    const held = node.held.splice(0);
    for (const admit of held) admit();
  }
}
