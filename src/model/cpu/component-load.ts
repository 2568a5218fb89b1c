// The component load model: every component instance (SIP Proxy, Session Controller, T-Controller, Smart Proxy, Stat
// Server, URS, VQ SIP Server, Interaction Server, Asterisk PBX) is one FIFO server with a CPU cost per message kind,
// so a busy component delays what it handles, and that delay is added to the message's network delay. Built only
// when the scenario has `components:`.
//
// A FIFO server that sees its messages in time order needs no events of its own: a message reaching it at `now`
// starts at max(now, busyUntil) and leaves at start + cost (a virtual finish time). Every hop below is therefore
// computed at the instant the message reaches that component: at an event that is already there (a URS strategy run,
// a TReserveAgent reaching its VQ SIP Server), or at an event posted for the hop (a call reaching its Session
// Controller, an agent-state event reaching another node), so that no component ever serves messages out of order.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { ComponentKind, ComponentsSpec, Scenario } from "../../scenario/types.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { Call } from "../sip/call.js";
import type { StatServer, StateUpdate } from "../routing/stat-server.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import type { Urs } from "../routing/urs.js";
import type { Observer } from "../observer.js";

/** One component instance: a single FIFO server. What it does is told to the observer (componentServed); what that
 *  adds up to over [warmup, horizon) is measured in the observation layer (observe/component-meters.ts). */
export class Component {
  /** when it finishes the last message it has accepted */
  busyUntil = 0;

  constructor(
    /** its place in ComponentLoad.components (report order) */
    readonly index: number,
    readonly kind: ComponentKind,
    /** the site, node or URS placement it belongs to */
    readonly scope: string,
    private readonly observer: Observer,
  ) {}

  get id(): string {
    return `${this.scope}.${this.kind}`;
  }

  /** A message reaches the component at `now` and costs `cost` seconds of it: returns how long until it is done
   *  (queueing plus service), the delay its handling adds. */
  serve(now: number, cost: number): number {
    const start = now > this.busyUntil ? now : this.busyUntil;
    const end = start + cost;
    this.busyUntil = end;
    this.observer.componentServed(this, now, start, end);
    return end - now;
  }
}

/** A component and the cost of the one message kind a model object sends it (a URS's strategy run, a TReserveAgent). */
export class Step {
  constructor(
    readonly component: Component,
    readonly cost: number,
  ) {}

  delay(now: number): number {
    return this.component.serve(now, this.cost);
  }
}

/** What the load model asks of the SIP Server side when a hop is done. */
export interface LoadHost {
  /** EventRouteRequest leaves the call's node for its URS, `extra` seconds from now */
  sendRouteRequest(call: Call, extra: number): void;
  /** the call reaches the agent's DN `delay` seconds from now */
  deliverIn(call: Call, delay: number): void;
  /** Interaction Server has taken a chat's or email's routing request: it leaves for the next URS `extra` seconds
   *  from now */
  forwardRouteRequest(call: Call, extra: number): void;
}

const SC_SETUP = 0;
const SC_ROUTE = 1;
const IXN_REQUEST = 2;
const IXN_ROUTE = 3;

/** An agent-state event from one node's T-Controller reaching another node: that node's T-Controller (legacy Stat
 *  Servers) or Smart Proxy takes it, then each Stat Server on the node. */
class NodeHop implements EventTarget {
  constructor(
    private readonly load: ComponentLoad,
    readonly origin: ClusterNode,
    readonly node: ClusterNode,
    /** the network delay from origin to node */
    readonly delay: number,
    /** the T-Controller or Smart Proxy of `node`, and what the event costs it */
    readonly via: Component,
    readonly cost: number,
    readonly servers: readonly Delivery[],
  ) {}
  fire(ev: SimEvent): void {
    if (!this.load.connectivity.carries(this.origin, this.node)) return;
    const now = this.load.sim.now;
    this.load.toServers(this.servers, ev.subject as StateUpdate, now + this.via.serve(now, this.cost));
  }
}

/** An agent-state event of an agent with no DN owner, from its site's Interaction Server, reaching the Stat Servers
 *  of one node (no T-Controller or Smart Proxy on the way: Interaction Server is a client of every Stat Server). */
class IxnHop implements EventTarget {
  constructor(
    private readonly load: ComponentLoad,
    /** the network delay from the site to the node */
    readonly delay: number,
    readonly servers: readonly Delivery[],
  ) {}
  fire(ev: SimEvent): void {
    this.load.toServers(this.servers, ev.subject as StateUpdate, this.load.sim.now);
  }
}

/** The last step of an agent-state event: it reaches one Stat Server (from one origin node, or null: from an
 *  Interaction Server, which no link cut between nodes stands in the way of). */
class Delivery implements EventTarget {
  constructor(
    readonly origin: ClusterNode | null,
    readonly server: StatServer,
    /** the Stat Server's component */
    readonly component: Component,
    private readonly connectivity: Connectivity,
  ) {}
  fire(ev: SimEvent): void {
    this.apply(ev.subject as StateUpdate);
  }
  /** while faults are about, a server hears only what its host node's T-Controller still receives */
  apply(u: StateUpdate): void {
    if (this.origin !== null && !this.connectivity.carries(this.origin, this.server.node)) return;
    this.server.update(u.agent, u.readySince, u.version, u.accepts);
  }
}

/** What the component load model is built from. */
export interface ComponentLoadOptions {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly ursList: readonly Urs[];
  readonly connectivity: Connectivity;
  readonly host: LoadHost;
  /** per site, whether chat and email enter it through an Interaction Server */
  readonly withInteractionServer: readonly boolean[];
  /** told what every component serves */
  readonly observer: Observer;
}

/** Every component instance of a deployment, and the hops of each message through them. */
export class ComponentLoad implements EventTarget {
  /** all instances, in report order: per site its SIP Proxies (or Asterisk PBX), VQ SIP Server and Interaction
   *  Server (if it has one), per node its Session Controller, T-Controller and Smart Proxy, per URS placement its Stat
   *  Server and URS */
  readonly components: Component[] = [];
  /** per site, where its inbound INVITEs arrive first: its SIP Proxies, or its Asterisk PBX; and what one costs */
  private readonly sipProxy: Component[];
  private readonly inviteCost: number[];
  private readonly sessionController: Component[];
  private readonly tController: Component[];
  private readonly vqServer: Component[];
  private readonly urs: Component[];
  /** per site, its Interaction Server (null: the site has none) */
  private readonly interactionServer: (Component | null)[];
  /** per origin node: what the owner's T-Controller pays for one state change of a DN it owns */
  private readonly ownerCost: number[];
  /** per origin node: the Stat Servers it reaches without leaving the node (legacy clients on its own T-Controller) */
  private readonly local: Delivery[][];
  /** per origin node: the other nodes its events travel to, with their network delay */
  private readonly hops: NodeHop[][];
  /** per site: the nodes hosting Stat Servers its Interaction Server reports agents with no DN owner to */
  private readonly ixnHops: IxnHop[][];
  private readonly statDelay: number;
  private readonly spec: ComponentsSpec;

  readonly sim: Simulation;
  readonly connectivity: Connectivity;
  private readonly topology: Topology;
  private readonly host: LoadHost;

  constructor(o: ComponentLoadOptions) {
    const { scenario, topology, ursList, connectivity, withInteractionServer, observer } = o;
    this.sim = o.sim;
    this.topology = topology;
    this.connectivity = connectivity;
    this.host = o.host;
    const spec: ComponentsSpec = scenario.components!;
    this.spec = spec;
    const make = (kind: ComponentKind, scope: string) => {
      const c = new Component(this.components.length, kind, scope, observer);
      this.components.push(c);
      return c;
    };
    this.sipProxy = [];
    this.inviteCost = [];
    this.vqServer = [];
    this.interactionServer = [];
    for (const s of topology.sites) {
      // Asterisk brings an Asterisk site's calls to SIP Server itself (SIP Server and Asterisk Integration Reference,
      // Contact Center Calls): no SIP Proxy on their way
      const pbx = scenario.sites[s.index]!.pbx === "asterisk";
      this.sipProxy.push(make(pbx ? "asterisk" : "sipProxy", s.id));
      this.inviteCost.push(pbx ? spec.asterisk.leg : spec.sipProxy.call);
      this.vqServer.push(make("vqServer", s.id));
      this.interactionServer.push(withInteractionServer[s.index] ? make("interactionServer", s.id) : null);
    }
    this.sessionController = [];
    this.tController = [];
    const smartProxy: (Component | null)[] = [];
    const sp = spec.smartProxy.enabled;
    for (const n of topology.nodes) {
      this.sessionController.push(make("sessionController", n.id));
      this.tController.push(make("tController", n.id));
      smartProxy.push(sp ? make("smartProxy", n.id) : null);
    }
    this.urs = [];
    const statServers: Component[] = [];
    for (const u of ursList) {
      statServers.push(make("statServer", u.id));
      this.urs.push(make("urs", u.id));
    }
    this.statDelay = topology.statDelay;

    // the Stat Servers each node hosts
    const hosted: Urs[][] = topology.nodes.map(() => []);
    for (const u of ursList) hosted[u.node.index]!.push(u);
    const hosts = topology.nodes.filter((n) => hosted[n.index]!.length > 0);
    const tc = spec.tController;
    const n = topology.nodes.length;
    this.ownerCost = [];
    this.local = [];
    this.hops = [];
    for (const origin of topology.nodes) {
      const deliveries = (node: ClusterNode) =>
        hosted[node.index]!.map((u) => new Delivery(origin, u.view, statServers[u.index]!, connectivity));
      const here = hosted[origin.index]!.length;
      if (!sp) {
        // legacy Stat Servers register every DN on their own node's T-Controller: the owner sends each event to every
        // other T-Controller and to its own legacy clients; each other T-Controller takes it and forwards it to its own
        this.ownerCost.push(tc.event + (n - 1) * tc.peer + here * tc.client);
        this.local.push(deliveries(origin));
        this.hops.push(
          topology.nodes
            .filter((x) => x !== origin)
            .map(
              (x) =>
                new NodeHop(this, origin, x, topology.nodeDelay(origin, x), this.tController[x.index]!, tc.peer + hosted[x.index]!.length * tc.client, deliveries(x)),
            ),
        );
      } else {
        // each Smart Proxy is a smart client of every T-Controller: the owner sends the event once to each Smart
        // Proxy that serves a Stat Server (its own included) and to no other T-Controller
        this.ownerCost.push(tc.event + hosts.length * tc.client);
        this.local.push([]);
        this.hops.push(
          hosts.map(
            (x) =>
              new NodeHop(
                this, origin, x, topology.nodeDelay(origin, x), smartProxy[x.index]!,
                spec.smartProxy.event + hosted[x.index]!.length * spec.smartProxy.client, deliveries(x),
              ),
          ),
        );
      }
    }
    this.ixnHops = topology.sites.map((site) =>
      hosts.map(
        (x) =>
          new IxnHop(
            this,
            topology.siteDelay(x, site),
            hosted[x.index]!.map((u) => new Delivery(null, u.view, statServers[u.index]!, connectivity)),
          ),
      ),
    );
  }

  /** a URS's component, with the cost of one strategy run */
  ursStep(urs: number): Step {
    return new Step(this.urs[urs]!, this.spec.urs.attempt);
  }

  /** the VQ SIP Server component of a site, with the cost of one TReserveAgent */
  vqStep(site: number): Step {
    return new Step(this.vqServer[site]!, this.spec.vqServer.reserve);
  }

  /** a site's Asterisk PBX (null: the site has none) */
  pbxOf(site: number): Component | null {
    const c = this.sipProxy[site]!;
    return c.kind === "asterisk" ? c : null;
  }

  /** An MWI message between the node's SIP Server and its site's Asterisk PBX (a SUBSCRIBE, a NOTIFY): the Session
   *  Controller handles it and the PBX sends or takes it (at a presence NOTIFY's cost). Nothing waits on it. */
  mwiMessage(node: ClusterNode): void {
    const now = this.sim.now;
    this.sessionController[node.index]!.serve(now, this.spec.sessionController.mwi);
    this.pbxOf(node.site.index)?.serve(now, this.spec.asterisk.notify);
  }

  /** An INVITE reaches the site's SIP Proxies (or its PBX) now; the call reaches its node's Session Controller when
   *  they are done. */
  callArrives(call: Call, node: ClusterNode): void {
    const now = this.sim.now;
    const d = this.sipProxy[node.site.index]!.serve(now, this.inviteCost[node.site.index]!);
    this.sim.postAfter(d, Priority.MESSAGE, this, SC_SETUP, call);
  }

  /** TRouteCall leaves the URS; it reaches the call's Session Controller `delay` seconds from now. */
  routeCall(call: Call, delay: number): void {
    this.sim.postAfter(delay, Priority.MESSAGE, this, SC_ROUTE, call);
  }

  /** A chat's or email's routing request reaches its Interaction Server `extra` seconds from now (0 when it is there
   *  already: a new interaction, or one its agent did not take). */
  ixnRouteRequest(call: Call, extra: number): void {
    if (extra === 0) this.ixnRequestHere(call);
    else this.sim.postAfter(extra, Priority.MESSAGE, this, IXN_REQUEST, call);
  }

  /** The URS's route for a chat or email leaves for its Interaction Server, which it reaches `delay` seconds from now;
   *  Interaction Server then pushes the interaction to the agent's desktop (no Session Controller: no SIP dialogue). */
  ixnRouteCall(call: Call, delay: number): void {
    if (delay === 0) this.ixnRouteHere(call);
    else this.sim.postAfter(delay, Priority.MESSAGE, this, IXN_ROUTE, call);
  }

  private ixnRequestHere(call: Call): void {
    const ixn = call.ixn!;
    // an Interaction Server that is down serves nothing: it keeps the interaction (InteractionServer.routeRequest)
    const d = ixn.downBy >= 0 ? 0 : this.interactionServer[ixn.site.index]!.serve(this.sim.now, this.spec.interactionServer.route);
    this.host.forwardRouteRequest(call, d);
  }

  private ixnRouteHere(call: Call): void {
    const site = call.ixn!.site;
    // the interaction may have ended on the way, or been kept by its Interaction Server failing: Interaction Server
    // still read the route (unless it is down), and deliver() knows
    const d = call.ixn!.downBy >= 0 ? 0 : this.interactionServer[site.index]!.serve(this.sim.now, this.spec.interactionServer.deliver);
    this.host.deliverIn(call, d + (call.agent ? this.topology.desktopDelay(call.agent.owner, call.agent.site, site) : 0));
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    if (ev.code === IXN_REQUEST) return this.ixnRequestHere(call);
    if (ev.code === IXN_ROUTE) return this.ixnRouteHere(call);
    const node = call.node!;
    const now = this.sim.now;
    const sc = this.sessionController[node.index]!;
    if (ev.code === SC_SETUP) {
      this.host.sendRouteRequest(call, sc.serve(now, this.spec.sessionController.call));
    } else {
      // the call may have ended on the way: the Session Controller still read the request, and deliver() knows
      const d = sc.serve(now, this.spec.sessionController.routeCall);
      this.host.deliverIn(call, d + (call.agent ? this.topology.nodeDelay(node, call.agent.owner!) : 0));
    }
  }

  /** A state change of a DN at its owner node: the owner's T-Controller takes it and sends it on. */
  announce(origin: ClusterNode, u: StateUpdate): void {
    const now = this.sim.now;
    const out = now + this.tController[origin.index]!.serve(now, this.ownerCost[origin.index]!);
    this.toServers(this.local[origin.index]!, u, out);
    const hops = this.hops[origin.index]!;
    for (let i = 0; i < hops.length; i++) this.sim.post(out + hops[i]!.delay, Priority.MESSAGE, hops[i]!, 0, u);
  }

  /** A state change of an agent with no DN owner: its site's Interaction Server reports it to every Stat Server (the
   *  Interaction Server's own cost for it is not modelled: its costs are per routing request and route). */
  announceFromIxn(site: Site, u: StateUpdate): void {
    const now = this.sim.now;
    const hops = this.ixnHops[site.index]!;
    for (let i = 0; i < hops.length; i++) this.sim.post(now + hops[i]!.delay, Priority.MESSAGE, hops[i]!, 0, u);
  }

  /** The event leaves a node's T-Controller or Smart Proxy at `at` for the Stat Servers on that node: each takes it in
   *  turn (computed now, exactly: these components hear only from that one FIFO, in the order it finishes). */
  toServers(servers: readonly Delivery[], u: StateUpdate, at: number): void {
    const now = this.sim.now;
    for (let i = 0; i < servers.length; i++) {
      const s = servers[i]!;
      // a Stat Server that is down, or has not registered the DN again yet, takes no event for it
      if (!s.server.registers(u.agent)) continue;
      const done = at + s.component.serve(at, this.spec.statServer.event) + this.statDelay;
      if (done === now) s.apply(u);
      else this.sim.post(done, Priority.MESSAGE, s, 0, u);
    }
  }
}
