// The contact center of one replication: builds sites, nodes, agents, Stat Servers, URS and VQ servers from a Scenario,
// and runs the life of every call and every agent on a kernel. Knows nothing of replications, files or statistics.

import type { RandomStreams } from "../kernel/random-stream.js";
import { sampler } from "../kernel/distributions.js";
import { Priority } from "../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../kernel/simulation.js";
import { viaInteractionServer, type Scenario } from "../scenario/types.js";
import { AgentState, type AgentStateValue } from "./agents/agent-state.js";
import { Agent, AgentGroup } from "./agents/agent.js";
import { CapacityRule, MEDIA_INDEX } from "./agents/capacity-rule.js";
import { ComponentLoad, type LoadHost } from "./cpu/component-load.js";
import { Phase, type PhaseValue } from "./agents/agent-load.js";
import { Connectivity } from "./sip/connectivity.js";
import { InteractionServer } from "./multimedia/interaction-server.js";
import { ImSessions, type ImHost } from "./multimedia/im-session.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { Call, CallState } from "./sip/call.js";
import type { Observer } from "./observer.js";
import {
  ExplicitReservation,
  ImplicitReservation,
  NoReservation,
  type ReservationProtocol,
} from "./routing/reservation.js";
import { selectionRule } from "./routing/selection.js";
import { Staffing, type AgentDesk } from "./agents/staffing.js";
import { StatServer, type StateUpdate } from "./routing/stat-server.js";
import { buildTargetClasses, type TargetClass } from "./routing/target-class.js";
import { Topology, type ClusterNode, type Site } from "./sip/topology.js";
import { TrafficType } from "./traffic/traffic.js";
import { URS_DELIVERY_FAILED, URS_ROUTE_REQUEST, Urs, type CallControl } from "./routing/urs.js";

const DELIVER = 0;
const ANSWER = 1;
const NO_ANSWER = 2;
const RELEASE = 3;
/** one interaction's wrap-up ends (the subject is the interaction, since an agent may wrap up several at once) */
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
    this.tell(u.agent, u.readySince, u.version, u.accepts);
  }

  /** Each server hears the update, unless a fault cut its host node off from the origin (fields passed apart so that
   *  the zero-delay path allocates nothing). */
  tell(agent: Agent, readySince: number, version: number, accepts: number): void {
    const servers = this.servers;
    for (let k = 0; k < servers.length; k++) {
      if (this.connectivity.carries(this.origin, servers[k]!.node)) servers[k]!.update(agent, readySince, version, accepts);
    }
  }
}

export class World implements EventTarget, CallControl, AgentDesk, LoadHost, ImHost {
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
  /** per site, the Interaction Server chat and email of that site enter through (null: the site has none) */
  readonly interactionServers: (InteractionServer | null)[];
  /** the SIP Proxies send a call to the node with the fewest calls in progress (else round-robin) */
  private readonly leastLoaded: boolean;

  constructor(
    readonly scenario: Scenario,
    readonly sim: Simulation,
    streams: RandomStreams,
    private readonly observer: Observer,
  ) {
    const topology = (this.topology = new Topology(scenario));
    this.leastLoaded = scenario.routing.proxy === "least-loaded";
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
      // chat and email come from Interaction Server, which sends them to every URS
      const routed = this.classes.map((cls) =>
        scenario.traffic.some(
          (t, i) => built.classOf[i] === cls && (t.site === here || failsOverHere(t.site) || viaInteractionServer(t.media)),
        ),
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

    this.interactionServers = topology.sites.map((site) =>
      scenario.traffic.some((t) => t.site === site.id && viaInteractionServer(t.media))
        ? new InteractionServer(site, this.urs, sim, topology)
        : null,
    );

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
      const load = (this.load = new ComponentLoad(
        scenario,
        sim,
        topology,
        this.urs,
        this.connectivity,
        this,
        this.interactionServers.map((x) => x !== null),
        observer,
      ));
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
    this.traffic.forEach((type) => {
      const im = type.spec.im;
      if (im === undefined) return;
      const replies = streams.stream(`im-reply:${type.id}`);
      type.im = new ImSessions(
        sim,
        im,
        sampler(im.messages, streams.stream(`im-messages:${type.id}`)),
        sampler(im.gap, streams.stream(`im-gap:${type.id}`)),
        im.treatments.map((t) => (t.kind === "collectDigits" ? sampler(t.reply, replies) : null)),
        this,
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
      case NOT_READY_END:
        return this.agentFree(ev.subject as Agent);
      case WRAP_END:
        return this.wrapEnd(ev.subject as Call);
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
    if (type.viaInteractionServer) {
      this.admitMultimedia(type, now);
      return;
    }
    const node = at ?? type.site.proxyPick(this.leastLoaded);
    const handle = type.handleTime();
    const patience = type.patience ? type.patience() : Infinity;
    if (node === null || !node.up) this.divert(type, type.site, node, now, handle, patience);
    else this.admit(type, node, now, handle, patience);
  }

  /** The call lands on a node that answers: from here on it exists for the metrics. */
  private admit(type: TrafficType, node: ClusterNode, arrival: number, handle: number, patience: number): void {
    const call = this.newCall(type, node, arrival, handle, patience);
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
    if (type.im !== null) type.im.open(call);
    else if (this.load !== null) this.load.callArrives(call, node);
    else this.sendRouteRequest(call, 0);
  }

  /** The next ConnID's interaction; counted in the metrics when it arrived in [warmup, horizon). */
  private newCall(type: TrafficType, node: ClusterNode | null, arrival: number, handle: number, patience: number): Call {
    return new Call(this.nextCallId++, type, node, arrival, handle, arrival + patience, this.scenario.warmup, this.scenario.horizon);
  }

  /** Chat or email reaches its site's Interaction Server, which asks the next URS to route it. */
  private admitMultimedia(type: TrafficType, arrival: number): void {
    const handle = type.handleTime();
    const patience = type.patience ? type.patience() : Infinity;
    const call = this.newCall(type, null, arrival, handle, patience);
    call.ixn = this.interactionServers[type.site.index]!;
    this.live?.add(call);
    this.observer.arrival(call);
    if (patience !== Infinity) call.patienceTimer = this.sim.at(call.abandonAt, Priority.TIMER, this, PATIENCE, call);
    this.sendRouteRequest(call, 0);
  }

  /** A call the SIP Proxies cannot place now: sent to a failed node they have not noticed yet (SIP retransmits it
   *  when they notice or the node is back), or to a site with no node in rotation (the carrier sends it to the
   *  site's failover site if it has one; otherwise it is lost). */
  private divert(type: TrafficType, site: Site, node: ClusterNode | null, arrival: number, handle: number, patience: number): void {
    if (node !== null) {
      node.held.push(() => {
        const again = node.proxyOut ? node.site.proxyPick(this.leastLoaded) : node;
        if (again === null || !again.up) this.divert(type, node.site, again, arrival, handle, patience);
        else this.admit(type, again, arrival, handle, patience);
      });
      return;
    }
    const failover = this.scenario.sites[site.index]!.failover;
    if (failover !== undefined && site === type.site) {
      const other = this.topology.site(failover);
      const n = other.proxyPick(this.leastLoaded);
      if (n !== null) {
        if (n.up) this.admit(type, n, arrival, handle, patience);
        else this.divert(type, other, n, arrival, handle, patience);
        return;
      }
    }
    // nowhere to go: the call exists only to be counted as lost (on the first node of its site)
    const first = type.site.nodes[0]!;
    const call = this.newCall(type, first, arrival, handle, patience);
    this.observer.arrival(call);
    call.state = CallState.Done;
    this.observer.dropped(call, this.faults!.nodeFault[first.index]!, false);
  }

  /** EventRouteRequest from the call's node to the URS serving it; `extra` is time already spent reaching the node. */
  sendRouteRequest(call: Call, extra: number): void {
    const node = call.node;
    if (node === null) {
      if (this.load !== null) this.load.ixnRouteRequest(call, extra);
      else this.forwardRouteRequest(call, extra);
      return;
    }
    const urs = this.ursOfNode[node.index]!;
    const d = extra + this.topology.nodeDelay(node, urs.node);
    if (d === 0) urs.routeRequest(call);
    else this.sim.postAfter(d, Priority.MESSAGE, urs, URS_ROUTE_REQUEST, call);
  }

  /** Interaction Server sends the routing request to the next URS up; with none up the interaction waits for
   *  router-timeout and is sent again. */
  forwardRouteRequest(call: Call, extra: number): void {
    if (!call.ixn!.routeRequest(call, extra)) this.strand(call, false, this.urs[0]!.downBy);
  }

  /** TRouteCall: from the URS to the call's node, then on to the DN's owner node (chat and email: the route goes to
   *  their Interaction Server, which pushes them to the agent's desktop). */
  routeCall(urs: Urs, call: Call, agent: Agent): void {
    call.state = CallState.Delivering;
    this.observer.routeCall(call, urs, agent);
    call.routed = true;
    const node = call.node;
    if (this.load !== null) {
      // an interaction with no node (chat, email) costs its Interaction Server, not a Session Controller
      if (node === null) return this.load.ixnRouteCall(call, call.ixn!.delayTo(urs));
      return this.load.routeCall(call, this.topology.nodeDelay(urs.node, node));
    }
    this.deliverIn(
      call,
      node === null
        ? call.ixn!.delayTo(urs) + this.topology.siteDelay(agent.owner, call.ixn!.site)
        : this.topology.nodeDelay(urs.node, node) + this.topology.nodeDelay(node, agent.owner),
    );
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
    const node = call.node;
    // (Interaction Server reaches desktops outside the cluster: the nodes' faults do not stand in its way)
    const problem = this.faults === null || node === null ? null : this.faults.deliveryProblem(node, agent);
    const media = call.type.media;
    if (problem !== null || !agent.canTake(media)) {
      if (problem !== null) this.observer.routeFailure(call, agent, problem, this.faults!.deliveryBlame(node!, agent));
      else this.observer.routeFailure(call, agent, agent.state === AgentState.LoggedOut ? "logged-out" : "busy", -1);
      const back = node === null ? this.topology.siteDelay(agent.owner, call.ixn!.site) : this.topology.nodeDelay(agent.owner, node);
      if (this.protocol.onDeliveryFailure === "next-candidate") {
        // EventError travels back to the URS, which tries its next candidate
        const toUrs = node === null ? call.ixn!.delayTo(urs) : this.topology.nodeDelay(node, urs.node);
        this.sim.postAfter(back + toUrs, Priority.MESSAGE, urs, URS_DELIVERY_FAILED, call);
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
    agent.load.take(media);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
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
    this.settle(agent);
    urs.view.release(agent, agent.version);
    call.ringTimer = this.sim.after(ring, unanswered ? Priority.TIMER : Priority.MESSAGE, this, unanswered ? NO_ANSWER : ANSWER, call);
  }

  private answer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    call.state = CallState.Talking;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    agent.load.answer();
    this.settle(agent);
    this.observer.answered(call, agent);
    if (call.type.im !== null) call.type.im.converse(call);
    else this.sim.postAfter(call.handleTime, Priority.RELEASE, this, RELEASE, call);
  }

  // ---- IM sessions (ImHost) ----

  routeSession(call: Call): void {
    this.sendRouteRequest(call, 0);
  }

  endInTreatment(call: Call): void {
    this.sim.cancel(call.patienceTimer);
    this.abandon(call);
  }

  imMessage(call: Call): void {
    this.observer.imMessage(call, call.agent!);
  }

  endSession(call: Call): void {
    this.release(call);
  }

  /** agent-no-answer-timeout: the agent goes NotReady and the call goes back to routing */
  private noAnswer(call: Call): void {
    const agent = call.agent!;
    call.ringTimer = null;
    this.observer.noAnswer(call, agent);
    const media = call.type.media;
    agent.load.drop(media, Phase.Ringing);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
    if (agent.state === AgentState.NotReady) {
      // a second interaction rang out while the agent was NotReady already: the NotReady starts again
      this.sim.cancel(agent.timer);
      this.announce(agent);
    } else this.setState(agent, AgentState.NotReady);
    agent.timer = this.sim.after(agent.group.spec.noAnswerNotReady, Priority.RELEASE, this, NOT_READY_END, agent);
    call.agent = null;
    call.state = CallState.Routing;
    this.sendRouteRequest(call, 0);
  }

  private release(call: Call): void {
    if (call.state !== CallState.Talking) return; // a fault cut it off
    const agent = call.agent!;
    call.state = CallState.Done;
    if (call.node !== null) call.node.activeCalls--;
    this.live?.delete(call);
    this.observer.released(call, agent);
    const wrap = agent.group.wrapUp();
    if (wrap > 0) {
      agent.load.wrap();
      this.settle(agent);
      this.sim.postAfter(wrap, Priority.RELEASE, this, WRAP_END, call);
    } else this.letGo(agent, call, Phase.Talking);
  }

  /** An interaction's wrap-up ends: the agent lets go of it. */
  private wrapEnd(call: Call): void {
    this.letGo(call.agent!, call, Phase.Wrapping);
  }

  /** The interaction leaves the agent's hands: with nothing left the agent is free (Ready, or out), otherwise it goes
   *  on with the rest, and tells its new load. */
  private letGo(agent: Agent, call: Call, phase: PhaseValue): void {
    const media = call.type.media;
    agent.load.drop(media, phase);
    this.observer.agentLoad(agent, media, agent.load.count[media]!);
    if (agent.load.total === 0 && agent.state !== AgentState.NotReady) this.agentFree(agent);
    else this.settle(agent);
  }

  private abandon(call: Call): void {
    call.patienceTimer = null;
    if (call.state === CallState.Talking || call.state === CallState.Done) return;
    this.detach(call);
    call.state = CallState.Done;
    if (call.node !== null) call.node.activeCalls--;
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
      case CallState.Treatment:
        this.sim.cancel(call.ringTimer);
        call.ringTimer = null;
        break;
      case CallState.Ringing:
      case CallState.Talking: {
        this.sim.cancel(call.ringTimer);
        call.ringTimer = null;
        this.letGo(call.agent!, call, call.state === CallState.Ringing ? Phase.Ringing : Phase.Talking);
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
    if (call.node === null) {
      // Interaction Server has no default DN: it sends the interaction to the next URS up
      call.state = CallState.Routing;
      call.blame = -1;
      this.sendRouteRequest(call, 0);
      return;
    }
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
    if (call.node !== null) call.node.activeCalls--;
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
    if ((agent.state === AgentState.Ready || agent.state === AgentState.NotReady) && agent.load.total === 0) {
      this.sim.cancel(agent.timer);
      agent.timer = null;
      this.setState(agent, AgentState.LoggedOut);
    } else this.closeDesk(agent, true);
  }

  /** The staffing plan wants a leaving agent after all. */
  keep(agent: Agent): void {
    this.closeDesk(agent, false);
  }

  /** An agent at work is on its way out (or no longer): an agent with room for more (a chat agent) tells the Stat
   *  Servers it takes nothing more, or again. */
  private closeDesk(agent: Agent, leaving: boolean): void {
    const before = agent.accepts();
    agent.logoutPending = leaving;
    if (agent.accepts() !== before) this.announce(agent);
  }

  /** Work done (the last interaction, a no-answer's NotReady): Ready again, or out if the staffing plan wants the agent
   *  gone; an agent NotReady while still holding interactions goes back to them. */
  private agentFree(agent: Agent): void {
    agent.timer = null;
    if (agent.load.total > 0) {
      this.setState(agent, agent.load.workState());
      return;
    }
    if (agent.logoutPending) {
      agent.logoutPending = false;
      agent.reloginPending = false;
      this.setState(agent, AgentState.LoggedOut);
    } else if (agent.reloginPending) {
      this.setState(agent, AgentState.LoggedOut);
      this.faults!.reloginLater(agent);
    } else this.setState(agent, AgentState.Ready);
  }

  /** After the agent's load changed: its state follows its work (unless it is NotReady or out), and the Stat Servers
   *  hear of the new load either way. An agent with room for more counts as idle from now, for longest-idle. */
  private settle(agent: Agent): void {
    const s = agent.state;
    const to = s === AgentState.LoggedOut || s === AgentState.NotReady ? s : agent.load.workState();
    if (agent.accepts() !== 0 && to !== AgentState.Ready) agent.readySince = this.sim.now;
    if (to !== s) this.setState(agent, to);
    else this.announce(agent);
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
    // read once: what a server told at once makes happen (a waiting call routed to this agent) may change the agent
    // again before the delayed record is made, and that record must be of this version
    const version = ++agent.version;
    const readySince = agent.readySince;
    const accepts = agent.accepts();
    if (this.load !== null) {
      this.load.announce(agent.owner, { agent, readySince, version, accepts });
      return;
    }
    const fanouts = this.fanouts[agent.owner.index]!;
    let u: StateUpdate | null = null;
    for (let i = 0; i < fanouts.length; i++) {
      const f = fanouts[i]!;
      if (f.delay === 0) f.tell(agent, readySince, version, accepts);
      else {
        u ??= { agent, readySince, version, accepts };
        this.sim.postAfter(f.delay, Priority.MESSAGE, f, 0, u);
      }
    }
  }
}
