// The contact center of one replication: builds sites, nodes, agents, Stat Servers, URS and VQ servers from a Scenario,
// and runs the life of every call and every agent on a kernel. Knows nothing of replications, files or statistics.

import type { RandomStreams } from "../kernel/random-stream.js";
import { sampler } from "../kernel/distributions.js";
import { Priority } from "../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../kernel/simulation.js";
import type { Scenario } from "../scenario/types.js";
import { AgentState, type AgentStateValue } from "./agent-state.js";
import { Agent, AgentGroup } from "./agent.js";
import { CapacityRule, MEDIA_INDEX } from "./capacity-rule.js";
import { ComponentLoad, type LoadHost } from "./component-load.js";
import { Connectivity } from "./connectivity.js";
import { FaultInjector } from "./faults.js";
import { Call, CallState } from "./interaction.js";
import type { Observer } from "./observer.js";
import {
  ExplicitReservation,
  ImplicitReservation,
  NoReservation,
  type ReservationProtocol,
} from "./reservation.js";
import { selectionRule } from "./selection.js";
import { Staffing, type AgentDesk } from "./staffing.js";
import { StatServer, type StateUpdate } from "./stat-server.js";
import { buildTargetClasses, type TargetClass } from "./target-class.js";
import { Topology, type ClusterNode, type Site } from "./topology.js";
import { TrafficType } from "./traffic.js";
import { URS_DELIVERY_FAILED, URS_ROUTE_REQUEST, Urs, type CallControl } from "./urs.js";

const DELIVER = 0;
const ANSWER = 1;
const NO_ANSWER = 2;
const RELEASE = 3;
const WRAP_END = 4;
const NOT_READY_END = 5;
const PATIENCE = 6;
const ROUTER_TIMEOUT = 7;

/** Stat Servers that hear of a state change from one node after the same delay: one event reaches them all. */
class Fanout implements EventTarget {
  constructor(
    readonly delay: number,
    readonly servers: StatServer[],
    /** the node the state change comes from */
    private readonly origin: ClusterNode,
    private readonly connectivity: Connectivity,
  ) {}
  fire(ev: SimEvent): void {
    const u = ev.subject as StateUpdate;
    const c = this.connectivity;
    if (!c.faulty) {
      for (const s of this.servers) s.update(u.agent, u.state, u.readySince, u.version);
      return;
    }
    // while faults are about, a server hears only what its host node's T-Controller still receives
    for (const s of this.servers) if (c.linkUp(this.origin, s.node)) s.update(u.agent, u.state, u.readySince, u.version);
  }
}

export class World implements EventTarget, CallControl, AgentDesk, LoadHost {
  readonly topology: Topology;
  readonly groups: AgentGroup[] = [];
  readonly agents: Agent[] = [];
  readonly traffic: TrafficType[] = [];
  readonly classes: TargetClass[];
  readonly urs: Urs[] = [];
  /** the URS routing each node's calls */
  readonly ursOfNode: Urs[] = [];
  readonly protocol: ReservationProtocol;
  private readonly staffing: Staffing[] = [];
  /** per origin node, its Stat Server fan-outs grouped by delay */
  private readonly fanouts: Fanout[][];
  private nextCallId = 1;
  readonly connectivity: Connectivity;
  /** null when the scenario schedules no fault */
  readonly faults: FaultInjector | null = null;
  /** calls in progress, kept only when faults may need to find them */
  private readonly live: Set<Call> | null = null;
  /** the component load model; null when the scenario has no `components:` (messages cost no CPU) */
  readonly load: ComponentLoad | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly sim: Simulation,
    streams: RandomStreams,
    private readonly observer: Observer,
  ) {
    const topology = (this.topology = new Topology(scenario));
    this.connectivity = new Connectivity(topology);
    const rules = new Map(scenario.capacityRules.map((r) => [r.name, new CapacityRule(r)]));

    for (const g of scenario.agents) {
      const group = new AgentGroup(
        this.groups.length,
        g,
        topology.site(g.site),
        rules.get(g.capacity)!,
        sampler(g.answerDelay, streams.stream(`answerDelay:${g.group}`)),
        sampler(g.wrapUp, streams.stream(`wrapUp:${g.group}`)),
        streams.stream(`answer:${g.group}`),
      );
      this.groups.push(group);
      for (let k = 0; k < g.count; k++) {
        const owner = group.site.ownerFor(g.phone);
        owner.ownedAgents++;
        const agent = new Agent(this.agents.length, group, owner);
        group.agents.push(agent);
        this.agents.push(agent);
      }
    }

    const built = buildTargetClasses(
      scenario.traffic.map((t) => ({ target: t.target, site: topology.site(t.site), media: MEDIA_INDEX[t.media] })),
      this.agents,
    );
    this.classes = built.classes;

    const { routing } = scenario;
    this.protocol =
      routing.reservation.mode === "explicit"
        ? new ExplicitReservation(
            sim,
            topology,
            observer,
            routing.reservation.collectionTime,
            routing.reservation.reservationTime,
            routing.environment === "sitex",
            this.agents.length,
            (site) => streams.stream(`vq:${site.id}`),
            this.connectivity,
            scenario.ha.requestTimeout,
          )
        : routing.reservation.mode === "implicit"
          ? new ImplicitReservation()
          : new NoReservation();

    // URS placement: which nodes each URS pair serves; it runs, with its Stat Server, on the first of them
    const placements: { id: string; serves: ClusterNode[] }[] = [];
    for (const site of topology.sites) {
      const per =
        routing.mode === "node-based" ? 1 : routing.mode === "centralized" ? site.nodes.length : routing.nodesPerUrs;
      for (let k = 0; k < site.nodes.length; k += per) {
        const serves = site.nodes.slice(k, k + per);
        const id =
          routing.mode === "node-based" ? serves[0]!.id : routing.mode === "centralized" ? site.id : `${site.id}.g${k / per + 1}`;
        placements.push({ id, serves });
      }
    }
    for (const p of placements) {
      // the classes of calls that can land on these nodes: their own site's, and with faults a site failing over here
      const here = p.serves[0]!.site.id;
      const failsOverHere = (site: string) =>
        scenario.faults.length > 0 && scenario.sites.find((x) => x.id === site)!.failover === here;
      const routed = this.classes.map((cls) =>
        scenario.traffic.some((t, i) => built.classOf[i] === cls && (t.site === here || failsOverHere(t.site))),
      );
      const view = new StatServer(
        sim,
        routing.reservation.reservationTime,
        p.id,
        p.serves[0]!,
        this.agents.length,
        this.classes,
        routed,
        built.ofAgent,
        selectionRule(routing.selection, streams.stream(`select:${p.id}`)),
      );
      const urs = new Urs(
        this.urs.length,
        p.id,
        p.serves[0]!,
        p.serves,
        view,
        sim,
        observer,
        this.protocol,
        this,
        routing.strategyTime,
        routed,
        built.ofAgent,
      );
      this.urs.push(urs);
      for (const n of p.serves) this.ursOfNode[n.index] = urs;
    }

    this.fanouts = topology.nodes.map((origin) => {
      const byDelay = new Map<number, Fanout>();
      for (const u of this.urs) {
        const d = topology.nodeDelay(origin, u.view.node) + topology.statDelay;
        let f = byDelay.get(d);
        if (!f) byDelay.set(d, (f = new Fanout(d, [], origin, this.connectivity)));
        f.servers.push(u.view);
      }
      return [...byDelay.values()];
    });

    if (scenario.components !== undefined) {
      const load = (this.load = new ComponentLoad(scenario, sim, topology, this.urs, this.connectivity, this));
      if (this.protocol instanceof ExplicitReservation) for (const vq of this.protocol.servers) vq.load = load.vqStep(vq.site.index);
    }

    scenario.traffic.forEach((t, i) => {
      this.traffic.push(
        new TrafficType(
          sim,
          i,
          t,
          topology.site(t.site),
          MEDIA_INDEX[t.media],
          built.classOf[i]!,
          streams.stream(`arrivals:${t.type}`),
          sampler(t.handleTime, streams.stream(`handle:${t.type}`)),
          t.patience ? sampler(t.patience, streams.stream(`patience:${t.type}`)) : null,
          scenario.horizon,
          (type) => this.arrive(type),
          t.trace?.resample ? streams.stream(`resample:${t.trace.source}`) : null,
        ),
      );
    });
    for (const g of this.groups) this.staffing.push(new Staffing(sim, g, this));
    if (scenario.faults.length > 0) {
      this.faults = new FaultInjector(this, sim, topology, this.connectivity, observer, scenario.faults);
      this.live = new Set();
    }
  }

  /** Logs the first shift in and starts the arrival processes. */
  start(): void {
    for (const s of this.staffing) s.start();
    for (const t of this.traffic) t.start();
    this.faults?.start();
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case DELIVER:
        return this.deliver(ev.subject as Call);
      case ANSWER:
        return this.answer(ev.subject as Call);
      case NO_ANSWER:
        return this.noAnswer(ev.subject as Call);
      case RELEASE:
        return this.release(ev.subject as Call);
      case WRAP_END:
      case NOT_READY_END:
        return this.agentFree(ev.subject as Agent);
      case PATIENCE:
        return this.abandon(ev.subject as Call);
      case ROUTER_TIMEOUT:
        return this.defaultRoute(ev.subject as Call);
    }
  }

  // ---- calls ----

  /** An interaction of this type arrives now, on `node` or where the SIP Proxies send it (the traffic processes call
   *  this; tests call it to place calls at chosen instants on chosen nodes). */
  arrive(type: TrafficType, at?: ClusterNode): void {
    const now = this.sim.now;
    const node = at ?? type.site.proxyPick(this.scenario.routing.proxy === "least-loaded");
    const handle = type.handleTime();
    const patience = type.patience ? type.patience() : Infinity;
    if (node === null || !node.up) this.divert(type, type.site, node, now, handle, patience);
    else this.admit(type, node, now, handle, patience);
  }

  /** The call lands on a node that answers: from here on it exists for the metrics. */
  private admit(type: TrafficType, node: ClusterNode, arrival: number, handle: number, patience: number): void {
    const call = new Call(
      this.nextCallId++,
      type,
      node,
      arrival,
      handle,
      arrival + patience,
      this.scenario.warmup,
      this.scenario.horizon,
    );
    node.activeCalls++;
    this.live?.add(call);
    this.observer.arrival(call);
    if (patience !== Infinity) {
      if (call.abandonAt <= this.sim.now) {
        // the caller gave up while the network was failing over
        this.abandon(call);
        return;
      }
      call.patienceTimer = this.sim.at(call.abandonAt, Priority.TIMER, this, PATIENCE, call);
    }
    if (this.load !== null) this.load.callArrives(call);
    else this.sendRouteRequest(call, 0);
  }

  /** A call the SIP Proxies cannot place now: sent to a failed node they have not noticed yet (SIP retransmits it
   *  when they notice or the node is back), or to a site with no node in rotation (the carrier sends it to the
   *  site's failover site if it has one; otherwise it is lost). */
  private divert(type: TrafficType, site: Site, node: ClusterNode | null, arrival: number, handle: number, patience: number): void {
    if (node !== null) {
      node.held.push(() => {
        const again = node.proxyOut ? node.site.proxyPick(this.scenario.routing.proxy === "least-loaded") : node;
        if (again === null || !again.up) this.divert(type, node.site, again, arrival, handle, patience);
        else this.admit(type, again, arrival, handle, patience);
      });
      return;
    }
    const failover = this.scenario.sites[site.index]!.failover;
    if (failover !== undefined && site === type.site) {
      const other = this.topology.site(failover);
      const n = other.proxyPick(this.scenario.routing.proxy === "least-loaded");
      if (n !== null) {
        if (n.up) this.admit(type, n, arrival, handle, patience);
        else this.divert(type, other, n, arrival, handle, patience);
        return;
      }
    }
    // nowhere to go: the call exists only to be counted as lost (on the first node of its site)
    const call = new Call(this.nextCallId++, type, type.site.nodes[0]!, arrival, handle, arrival + patience, this.scenario.warmup, this.scenario.horizon);
    this.observer.arrival(call);
    call.state = CallState.Done;
    this.observer.dropped(call, this.faults!.nodeFault[call.node.index]!, false);
  }

  /** EventRouteRequest from the call's node to the URS serving it; `extra` is time already spent reaching the node. */
  sendRouteRequest(call: Call, extra: number): void {
    const urs = this.ursOfNode[call.node.index]!;
    const d = extra + this.topology.nodeDelay(call.node, urs.node);
    if (d === 0) urs.routeRequest(call);
    else this.sim.postAfter(d, Priority.MESSAGE, urs, URS_ROUTE_REQUEST, call);
  }

  /** TRouteCall: from the URS to the call's node, then on to the DN's owner node. */
  routeCall(urs: Urs, call: Call, agent: Agent): void {
    call.state = CallState.Delivering;
    this.observer.routeCall(call, urs, agent);
    call.routed = true;
    if (this.load !== null) return this.load.routeCall(call, this.topology.nodeDelay(urs.node, call.node));
    this.deliverIn(call, this.topology.nodeDelay(urs.node, call.node) + this.topology.nodeDelay(call.node, agent.owner));
  }

  deliverIn(call: Call, d: number): void {
    if (d === 0) this.deliver(call);
    else this.sim.postAfter(d, Priority.MESSAGE, this, DELIVER, call);
  }

  private deliver(call: Call): void {
    const agent = call.agent!;
    const urs = call.urs!;
    if (call.state !== CallState.Delivering) {
      // the caller hung up on the way; any reservation for it stands until it expires (see Urs.granted)
      urs.view.releaseWhenChanged(agent);
      return;
    }
    const problem = this.faults === null ? null : this.faults.deliveryProblem(call.node, agent);
    if (problem !== null || agent.state !== AgentState.Ready) {
      if (problem !== null) this.observer.routeFailure(call, agent, problem, this.faults!.deliveryBlame(call.node, agent));
      else this.observer.routeFailure(call, agent, agent.state === AgentState.LoggedOut ? "logged-out" : "busy", -1);
      const back = this.topology.nodeDelay(agent.owner, call.node);
      if (this.protocol.onDeliveryFailure === "next-candidate") {
        // EventError travels back to the URS, which tries its next candidate
        this.sim.postAfter(back + this.topology.nodeDelay(call.node, urs.node), Priority.MESSAGE, urs, URS_DELIVERY_FAILED, call);
      } else {
        // the call returns to its Routing Point and is routed anew; the URS heard the TRouteCall fail
        urs.view.releaseWhenChanged(agent);
        call.agent = null;
        call.state = CallState.Routing;
        this.sendRouteRequest(call, back);
      }
      return;
    }
    this.protocol.delivered(agent);
    agent.call = call;
    const group = agent.group;
    const unanswered = group.spec.noAnswer > 0 && group.answerRng() < group.spec.noAnswer;
    const ring = unanswered ? group.spec.noAnswerTimeout : group.answerDelay();
    call.state = CallState.Ringing;
    this.observer.ringing(call, agent);
    if (ring === 0 && !unanswered) {
      // answered at once: the DN goes straight to Busy, one state change instead of two
      this.answer(call);
      urs.view.release(agent, agent.version);
      return;
    }
    this.setState(agent, AgentState.Ringing);
    urs.view.release(agent, agent.version);
    call.ringTimer = this.sim.after(ring, unanswered ? Priority.TIMER : Priority.MESSAGE, this, unanswered ? NO_ANSWER : ANSWER, call);
  }

  private answer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    call.state = CallState.Talking;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    this.setState(agent, AgentState.Busy);
    this.observer.answered(call, agent);
    this.sim.postAfter(call.handleTime, Priority.RELEASE, this, RELEASE, call);
  }

  /** agent-no-answer-timeout: the agent goes NotReady and the call goes back to routing */
  private noAnswer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    this.observer.noAnswer(call, agent);
    agent.call = null;
    this.setState(agent, AgentState.NotReady);
    agent.timer = this.sim.after(agent.group.spec.noAnswerNotReady, Priority.RELEASE, this, NOT_READY_END, agent);
    call.agent = null;
    call.state = CallState.Routing;
    this.sendRouteRequest(call, 0);
  }

  private release(call: Call): void {
    if (call.state !== CallState.Talking) return; // a fault cut it off
    const agent = call.agent!;
    call.state = CallState.Done;
    call.node.activeCalls--;
    this.live?.delete(call);
    this.observer.released(call, agent);
    agent.call = null;
    const wrap = agent.group.wrapUp();
    if (wrap > 0) {
      this.setState(agent, AgentState.AfterCallWork);
      agent.timer = this.sim.after(wrap, Priority.RELEASE, this, WRAP_END, agent);
    } else this.agentFree(agent);
  }

  private abandon(call: Call): void {
    call.patienceTimer = null;
    if (call.state === CallState.Talking || call.state === CallState.Done) return;
    this.detach(call);
    call.state = CallState.Done;
    call.node.activeCalls--;
    this.live?.delete(call);
    this.observer.abandoned(call);
  }

  /** Takes a call out of wherever it is held: its URS's queue, router-timeout, or a ringing or talking agent (who is
   *  free at once). */
  private detach(call: Call): void {
    switch (call.state) {
      case CallState.Waiting:
        call.urs!.removeWaiting(call);
        break;
      case CallState.Stranded:
        this.sim.cancel(call.routerTimer);
        call.routerTimer = null;
        break;
      case CallState.Ringing:
      case CallState.Talking: {
        this.sim.cancel(call.ringTimer);
        call.ringTimer = null;
        const agent = call.agent!;
        agent.call = null;
        this.agentFree(agent);
        break;
      }
    }
  }

  // ---- faults ----

  /** the calls in progress, in ConnID order (only kept when the scenario has faults) */
  liveCalls(): Call[] {
    return this.live ? [...this.live].sort((a, b) => a.id - b.id) : [];
  }

  /** The call's routing dialogue is gone (`lost`: it was in progress when a component failed): it waits on its
   *  Routing Point until router-timeout, counted from now but not before `notBefore`, then is default-routed. */
  strand(call: Call, lost: boolean, fault: number, notBefore = this.sim.now): void {
    if (call.state === CallState.Done || call.state === CallState.Stranded) return;
    if (call.state === CallState.Waiting) call.urs!.removeWaiting(call);
    if (lost) this.observer.lostRequest(call, fault);
    call.state = CallState.Stranded;
    call.agent = null;
    call.blame = fault;
    const at = Math.max(this.sim.now + this.scenario.routing.routerTimeout, notBefore);
    call.routerTimer = this.sim.at(at, Priority.TIMER, this, ROUTER_TIMEOUT, call);
  }

  /** router-timeout: SIP Server sends the call to the default DN. */
  private defaultRoute(call: Call): void {
    call.routerTimer = null;
    if (call.state !== CallState.Stranded) return;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    call.state = CallState.Done;
    call.node.activeCalls--;
    this.live?.delete(call);
    this.observer.defaultRouted(call);
  }

  /** The call's node is lost: the call ends whatever it was doing; an agent on it is free at once. */
  dropCall(call: Call, fault: number): void {
    if (call.state === CallState.Done) return;
    const established = call.state === CallState.Talking;
    this.detach(call);
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    call.state = CallState.Done;
    call.node.activeCalls--;
    this.live?.delete(call);
    this.observer.dropped(call, fault, established);
  }

  /** The DN's new owner logged the agent out (agent-state-auto-restore false). */
  logOutNow(agent: Agent): void {
    this.sim.cancel(agent.timer);
    agent.timer = null;
    this.setState(agent, AgentState.LoggedOut);
  }

  /** The DN's new owner announces its state (after the phone registered with it): nothing changes for the agent. */
  publish(agent: Agent): void {
    this.announce(agent);
  }

  // ---- agents ----

  logIn(agent: Agent): void {
    agent.reloginPending = false;
    this.setState(agent, AgentState.Ready);
  }

  logOut(agent: Agent): void {
    agent.reloginPending = false;
    if (agent.state === AgentState.Ready || agent.state === AgentState.NotReady) {
      this.sim.cancel(agent.timer);
      agent.timer = null;
      this.setState(agent, AgentState.LoggedOut);
    } else agent.logoutPending = true;
  }

  /** Work done (wrap-up, a no-answer's NotReady): Ready again, or out if the staffing plan wants the agent gone. */
  private agentFree(agent: Agent): void {
    agent.timer = null;
    if (agent.logoutPending) {
      agent.logoutPending = false;
      agent.reloginPending = false;
      this.setState(agent, AgentState.LoggedOut);
    } else if (agent.reloginPending) {
      this.setState(agent, AgentState.LoggedOut);
      this.faults!.reloginLater(agent);
    } else this.setState(agent, AgentState.Ready);
  }

  /** A state change at the DN's owner node, then told to every Stat Server after its delay. */
  private setState(agent: Agent, to: AgentStateValue): void {
    const from = agent.state;
    agent.state = to;
    this.observer.agentState(agent, from, to);
    const now = this.sim.now;
    agent.stateSince = now;
    if (to === AgentState.Ready) agent.readySince = now;
    this.announce(agent);
  }

  /** The owner node tells every Stat Server the DN's state (a new version), each after its delay. */
  private announce(agent: Agent): void {
    const to = agent.state;
    agent.version++;
    if (this.load !== null) {
      this.load.announce(agent.owner, { agent, state: to, readySince: agent.readySince, version: agent.version });
      return;
    }
    const fanouts = this.fanouts[agent.owner.index]!;
    let u: StateUpdate | null = null;
    for (let i = 0; i < fanouts.length; i++) {
      const f = fanouts[i]!;
      if (f.delay === 0) {
        const servers = f.servers;
        const faulty = this.connectivity.faulty;
        for (let k = 0; k < servers.length; k++) {
          if (faulty && !this.connectivity.linkUp(agent.owner, servers[k]!.node)) continue;
          servers[k]!.update(agent, to, agent.readySince, agent.version);
        }
      } else {
        u ??= { agent, state: to, readySince: agent.readySince, version: agent.version };
        this.sim.postAfter(f.delay, Priority.MESSAGE, f, 0, u);
      }
    }
  }
}
