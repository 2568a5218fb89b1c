// Scheduled failures and their recovery: node switchovers and losses, link cuts, URS, VQ SIP Server and site failures,
// applied to the world at their instants, with the detection and re-registration delays the scenario's `ha` gives.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { FaultSpec, HaSpec } from "../../scenario/types.js";
import { AgentState } from "../agents/agent-state.js";
import type { Agent } from "../agents/agent.js";
import type { Connectivity } from "../sip/connectivity.js";
import { CallState } from "../sip/call.js";
import type { Observer } from "../observer.js";
import { ExplicitReservation, type ReservationProtocol } from "../routing/reservation.js";
import type { StatServer } from "../routing/stat-server.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { Urs } from "../routing/urs.js";
import type { World } from "../world.js";

const START = 0;
const END = 1;
/** the SIP Proxies' out-of-service check notices a failed node */
const PROXY_DETECT = 2;
/** the hot-standby backup of a node has taken over */
const SWITCHOVER_DONE = 3;
/** tc-reconnect-timeout expired for a node pair */
const DECLARE_DOWN = 4;
/** a batch of DNs reaches a Stat Server back in service */
const BACK_IN_SERVICE = 5;
/** a phone registers again (registrar-default-timeout after its owner was lost) */
const REGISTER = 6;
/** an agent logged out by an ownership change logs in again */
const RELOGIN = 7;

interface NodeEvent {
  readonly node: ClusterNode;
  readonly fault: number;
}
interface PairEvent {
  readonly a: ClusterNode;
  readonly b: ClusterNode;
}
interface BackEvent {
  readonly view: StatServer;
  readonly owner: ClusterNode;
  readonly agents: Agent[];
}

export class FaultInjector implements EventTarget {
  /** per node, the fault that last took it down (blamed for failed deliveries to its DNs) */
  readonly nodeFault: Int32Array;
  /** faults in progress per URS and per VQ SIP Server (they may overlap) */
  private readonly ursDown: Int32Array;
  private readonly vqDown: Int32Array;
  /** per node: node-down faults whose failed instance is still down, so the node runs without a backup */
  private readonly backupDown: Int32Array;
  /** per node pair: a DECLARE_DOWN is on its way */
  private readonly declaring: Uint8Array;
  /** round-robin pointer per site for phones registering again */
  private readonly registerNext: Int32Array;
  private readonly ha: HaSpec;
  /** phones that found no node up to register with */
  private unplaced: Agent[] = [];

  constructor(
    private readonly world: World,
    private readonly sim: Simulation,
    private readonly topology: Topology,
    private readonly connectivity: Connectivity,
    private readonly observer: Observer,
    private readonly faults: readonly FaultSpec[],
  ) {
    const n = topology.nodes.length;
    this.ha = world.scenario.ha;
    this.nodeFault = new Int32Array(n).fill(-1);
    this.ursDown = new Int32Array(world.urs.length);
    this.vqDown = new Int32Array(topology.sites.length);
    this.backupDown = new Int32Array(n);
    this.declaring = new Uint8Array(n * n);
    this.registerNext = new Int32Array(topology.sites.length);
  }

  start(): void {
    this.faults.forEach((f, i) => {
      this.sim.post(f.at, Priority.FAULT, this, START, i);
      if (f.duration !== undefined) this.sim.post(f.at + f.duration, Priority.FAULT, this, END, i);
    });
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case START:
        return this.begin(ev.subject as number);
      case END:
        return this.end(ev.subject as number);
      case PROXY_DETECT: {
        const { node } = ev.subject as NodeEvent;
        if (!node.up) this.takeOutOfRotation(node);
        return;
      }
      case SWITCHOVER_DONE: {
        const { node, fault } = ev.subject as NodeEvent;
        node.switching--;
        node.refreshUp();
        this.observer.fault(fault, this.faults[fault]!, "switchover");
        this.nodeBack(node);
        return;
      }
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
      case REGISTER:
        return this.register(ev.subject as Agent);
      case RELOGIN: {
        const agent = ev.subject as Agent;
        if (agent.reloginPending && agent.state === AgentState.LoggedOut) {
          agent.reloginPending = false;
          this.world.logIn(agent);
        }
        return;
      }
    }
  }

  // ---- faults starting and ending ----

  private begin(i: number): void {
    const f = this.faults[i]!;
    this.connectivity.faulty = true;
    this.observer.fault(i, f, "start");
    switch (f.kind) {
      case "node-down": {
        const node = this.node(f.target!);
        if (this.backupDown[node.index]! > 0) {
          // an earlier failure left the node without its backup: this one takes the node
          this.loseNode(node, i);
        } else {
          this.backupDown[node.index]!++;
          this.switchover(node, i);
        }
        return;
      }
      case "node-lost":
        return this.loseNode(this.node(f.target!), i);
      case "link-down":
        return this.cut(f, i, +1);
      case "urs-down":
        return this.ursFails(this.world.ursOfNode[this.node(f.target!).index]!, i);
      case "vq-down":
        return this.vqFails(this.site(f.target!), i);
      case "site-down": {
        const site = this.site(f.target!);
        for (const node of site.nodes) this.loseNode(node, i);
        for (const u of this.world.urs) if (u.node.site === site) this.ursFails(u, i);
        this.vqFails(site, i);
        return;
      }
    }
  }

  private end(i: number): void {
    const f = this.faults[i]!;
    this.observer.fault(i, f, "end");
    switch (f.kind) {
      case "node-down": {
        const node = this.node(f.target!);
        // the failed instance is back (as the new backup); if this fault had taken the whole node, the node is back
        if (node.lost > 0 && this.nodeFault[node.index] === i) this.nodeRecovers(node);
        else this.backupDown[node.index]!--;
        return;
      }
      case "node-lost":
        return this.nodeRecovers(this.node(f.target!));
      case "link-down":
        return this.cut(f, i, -1);
      case "urs-down":
        return this.ursRecovers(this.world.ursOfNode[this.node(f.target!).index]!);
      case "vq-down":
        return this.vqRecovers(this.site(f.target!));
      case "site-down": {
        const site = this.site(f.target!);
        for (const node of site.nodes) this.nodeRecovers(node);
        for (const u of this.world.urs) if (u.node.site === site) this.ursRecovers(u);
        this.vqRecovers(site);
        return;
      }
    }
  }

  /** The primary SIP Server of a node fails; the backup takes over after the ADDP timeout. Calls established or
   *  ringing survive (hot standby keeps them); routing in progress on the node is lost. */
  private switchover(node: ClusterNode, fault: number): void {
    node.switching++;
    node.refreshUp();
    this.nodeFault[node.index] = fault;
    const back = this.sim.now + this.ha.addpTimeout;
    for (const call of this.world.liveCalls()) {
      if (call.node === node && call.state <= CallState.Delivering) this.world.strand(call, true, fault, back);
    }
    this.linksChanged();
    this.sim.postAfter(this.ha.proxyDetection, Priority.FAULT, this, PROXY_DETECT, { node, fault });
    this.sim.postAfter(this.ha.addpTimeout, Priority.FAULT, this, SWITCHOVER_DONE, { node, fault });
  }

  /** Both instances of a node go: its calls drop, its DNs lose their owner until their phones register elsewhere. */
  private loseNode(node: ClusterNode, fault: number): void {
    node.lost++;
    node.refreshUp();
    this.nodeFault[node.index] = fault;
    for (const call of this.world.liveCalls()) if (call.node === node) this.world.dropCall(call, fault);
    for (const agent of this.world.agents) {
      if (agent.owner !== node || !agent.registered) continue;
      agent.registered = false;
      agent.blame = fault;
      this.sim.postAfter(this.ha.registrationDelay, Priority.FAULT, this, REGISTER, agent);
    }
    this.linksChanged();
    this.sim.postAfter(this.ha.proxyDetection, Priority.FAULT, this, PROXY_DETECT, { node, fault });
  }

  private nodeRecovers(node: ClusterNode): void {
    node.lost--;
    node.refreshUp();
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
    this.linksChanged();
    const waiting = this.unplaced;
    this.unplaced = [];
    for (const agent of waiting) this.sim.postAfter(this.ha.registrationDelay, Priority.FAULT, this, REGISTER, agent);
  }

  private takeOutOfRotation(node: ClusterNode): void {
    if (node.proxyOut) return;
    node.proxyOut = true;
    node.site.proxyOut++;
    // INVITEs the node never answered are retransmitted to a node still in rotation
    const held = node.held.splice(0);
    for (const admit of held) admit();
  }

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
    this.linksChanged();
  }

  private ursFails(urs: Urs, fault: number): void {
    if (this.ursDown[urs.index]!++ > 0) return;
    for (const call of urs.fail(fault)) this.world.strand(call, true, fault, this.sim.now);
    for (const call of this.world.liveCalls()) {
      if (call.urs === urs && (call.state === CallState.Routing || call.state === CallState.Reserving)) {
        this.world.strand(call, true, fault, this.sim.now);
      }
    }
  }

  private ursRecovers(urs: Urs): void {
    if (--this.ursDown[urs.index]! === 0) urs.recover();
  }

  private vqFails(site: Site, fault: number): void {
    const protocol: ReservationProtocol = this.world.protocol;
    if (!(protocol instanceof ExplicitReservation)) return;
    if (this.vqDown[site.index]!++ === 0) protocol.servers[site.index]!.fail(fault);
  }

  private vqRecovers(site: Site): void {
    const protocol: ReservationProtocol = this.world.protocol;
    if (!(protocol instanceof ExplicitReservation)) return;
    if (--this.vqDown[site.index]! === 0) protocol.servers[site.index]!.recover();
  }

  // ---- DN availability as each Stat Server sees it ----

  /** After any change of links or node states: pairs that went down are declared out of service after
   *  tc-reconnect-timeout; pairs that came back are in service again at once, their DNs reaching views after the
   *  propagation delay. */
  private linksChanged(): void {
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

  /** whether a view should show the DN in service: its host node has not declared the DN's owner cut off (a lost
   *  owner is cut off from everyone, itself included, until the phone registers elsewhere) */
  private sees(view: StatServer, agent: Agent): boolean {
    return this.connectivity.isDeclared(view.node, agent.owner);
  }

  /** Brings the views hosted on `a` up to date about the DNs owned by `b`. */
  private refreshPair(a: ClusterNode, b: ClusterNode): void {
    for (const u of this.world.urs) {
      if (u.view.node !== a) continue;
      this.refreshView(u.view, b, this.world.agents.filter((x) => x.owner === b));
    }
  }

  private refreshView(view: StatServer, owner: ClusterNode, agents: readonly Agent[]): void {
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

  // ---- phones registering again ----

  /** The phone of a lost node's DN registers with the next node up: in its site, else in the next site by SRV order. */
  private register(agent: Agent): void {
    if (agent.registered) return;
    const node = this.nextOwner(agent.owner.site);
    if (node === null) {
      // no node anywhere answers: the phone keeps trying, and gets through at its first try after one comes back
      this.unplaced.push(agent);
      return;
    }
    const from = agent.owner;
    from.ownedAgents--;
    node.ownedAgents++;
    agent.owner = node;
    agent.registered = true;
    agent.blame = -1;
    if (!this.ha.agentStateAutoRestore && agent.state !== AgentState.LoggedOut && !agent.logoutPending) {
      // agent-state-auto-restore false: the new owner knows the DN logged out; the agent logs in again
      agent.reloginPending = true;
      if (agent.load.total === 0 && (agent.state === AgentState.Ready || agent.state === AgentState.NotReady)) {
        this.world.logOutNow(agent);
        this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
      }
      // an agent at work leaves when the work ends (World.agentFree) and logs in again after the delay
    }
    this.world.publish(agent);
    this.observer.ownerChanged(agent, from);
    for (const u of this.world.urs) this.refreshView(u.view, node, [agent]);
  }

  /** An agent freed from work after an ownership change logged it out: it logs in again after the login delay. */
  reloginLater(agent: Agent): void {
    this.sim.postAfter(this.ha.loginDelay, Priority.STAFFING, this, RELOGIN, agent);
  }

  private nextOwner(home: Site): ClusterNode | null {
    const sites = this.topology.sites;
    for (let k = 0; k < sites.length; k++) {
      const site = sites[(home.index + k) % sites.length]!;
      const nodes = site.nodes;
      for (let j = 0; j < nodes.length; j++) {
        const p = (this.registerNext[site.index]! + j) % nodes.length;
        const n = nodes[p]!;
        if (!n.up) continue;
        this.registerNext[site.index] = (p + 1) % nodes.length;
        return n;
      }
    }
    return null;
  }

  /** Why a TRouteCall from `from` cannot reach the agent's DN, or null when it can. */
  deliveryProblem(from: ClusterNode, agent: Agent): "oos" | "unreachable" | null {
    if (this.connectivity.linkUp(from, agent.owner)) return null;
    return this.connectivity.isDeclared(from, agent.owner) ? "unreachable" : "oos";
  }

  deliveryBlame(from: ClusterNode, agent: Agent): number {
    if (!agent.registered) return agent.blame;
    return this.connectivity.blameFor(from, agent.owner, this.nodeFault);
  }

  private node(id: string): ClusterNode {
    return this.topology.nodes.find((n) => n.id === id)!;
  }

  private site(id: string): Site {
    return this.topology.site(id);
  }
}
