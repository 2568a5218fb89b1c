// Building the routing: the reservation protocol (explicit, with a VQ SIP Server a site; implicit; none), the URS
// placement (node-based, centralized, or grouped nodes) with each URS's Stat Server view, and the fan-outs that carry
// a DN's state changes from each owner node (or a multimedia agent's from its site's Interaction Server) to every Stat
// Server.

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import { viaInteractionServer, type Scenario } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import { MEDIA_INDEX } from "../agents/capacity-rule.js";
import type { Observer } from "../observer.js";
import {
  ExplicitReservation,
  ImplicitReservation,
  NoReservation,
  type ReservationProtocol,
} from "../routing/reservation.js";
import { selectionRule } from "../routing/selection.js";
import { StatServer } from "../routing/stat-server.js";
import { buildTargetClasses, type TargetClass } from "../routing/target-class.js";
import type { TargetStep } from "../routing/target-steps.js";
import { Urs, type CallControl } from "../routing/urs.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { DefaultDnParts } from "../sip/default-route.js";
import { Fanout } from "../sip/stat-fanout.js";
import type { ClusterNode, Site, Topology } from "../sip/topology.js";
import { STREAMS } from "../streams.js";

/** The scenario's reservation mode (SIP Cluster Solution Guide, Agent Reservation in SIP Cluster); explicit asks for
 *  each site's `vq:<site>` stream, in site order. */
export function buildReservation(
  scenario: Scenario,
  sim: Simulation,
  topology: Topology,
  observer: Observer,
  connectivity: Connectivity,
  agentCount: number,
  streams: RandomStreams,
): ReservationProtocol {
  const { routing } = scenario;
  if (routing.reservation.mode === "explicit") {
    return new ExplicitReservation({
      sim,
      topology,
      observer,
      collectionTime: routing.reservation.collectionTime,
      reservationTime: routing.reservation.reservationTime,
      sitex: routing.environment === "sitex",
      agentCount,
      rngFor: (site) => streams.stream(STREAMS.vq(site.id)),
      connectivity,
      requestTimeout: scenario.ha.requestTimeout,
    });
  }
  return routing.reservation.mode === "implicit" ? new ImplicitReservation() : new NoReservation();
}

/** The target classes: the agents each traffic type's skill expression picks, then, with a default Routing Point, the
 *  agents its default strategy picks for each type that can reach it (voice and IM; chat and email have no default
 *  DN), then the later steps of the targets that widen (last, so a scenario without them keeps its classes' order).
 *  `defaultClassOf` is per traffic type, null where there is none; `stepsOf` per traffic type, its later steps. */
export function routingTargets(scenario: Scenario, topology: Topology, agents: readonly Agent[], movesTo: readonly Site[] = []) {
  const dn = scenario.routing.defaultRoute;
  const want = (target: string, t: Scenario["traffic"][number]) => ({ target, site: topology.site(t.site), media: MEDIA_INDEX[t.media] });
  const reaches = scenario.traffic.map((t) => dn.kind === "routingPoint" && !viaInteractionServer(t.media));
  const targets = buildTargetClasses(
    [
      ...scenario.traffic.map((t) => want(t.target, t)),
      ...(dn.kind === "routingPoint" ? scenario.traffic.filter((_, i) => reaches[i]).map((t) => want(dn.target, t)) : []),
      ...scenario.traffic.flatMap((t) => (t.targetSteps ?? []).map((s) => want(s.target, t))),
    ],
    agents,
    movesTo,
  );
  let k = scenario.traffic.length;
  const defaultClassOf = reaches.map((r) => (r ? targets.classOf[k++]! : null));
  const stepsOf: TargetStep[][] = scenario.traffic.map((t) => (t.targetSteps ?? []).map((s) => ({ cls: targets.classOf[k++]!, after: s.after })));
  return { classes: targets.classes, classOf: targets.classOf.slice(0, scenario.traffic.length), ofAgent: targets.ofAgent, defaultClassOf, stepsOf };
}

/** What the default DN is built from: the default strategy's classes, and the Trunk Group's treatment (its stream
 *  treatment:default-dn asked for only then). */
export function defaultDnParts(scenario: Scenario, defaultClassOf: readonly (TargetClass | null)[], streams: RandomStreams): DefaultDnParts {
  const dn = scenario.routing.defaultRoute;
  return {
    classOf: defaultClassOf,
    treatment: dn.kind === "trunkGroup" ? sampler(dn.treatment, streams.stream(STREAMS.defaultTreatment())) : null,
  };
}

/** Which nodes each URS pair serves, and its id: one a node (node-based), one a site (centralized), or one per
 *  `nodesPerUrs` nodes of a site; it runs, with its Stat Server, on the first of them. */
export function ursPlacements(scenario: Scenario, topology: Topology): { id: string; serves: ClusterNode[] }[] {
  const { routing } = scenario;
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
  return placements;
}

/** What placing the URS needs. */
export interface UrsPlacementContext {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly streams: RandomStreams;
  readonly agents: readonly Agent[];
  readonly classes: readonly TargetClass[];
  /** per traffic type, its target class, and its default Routing Point strategy's (null: none) */
  readonly classOf: readonly TargetClass[];
  readonly defaultClassOf: readonly (TargetClass | null)[];
  /** per traffic type, the later steps of its target (empty: one target) */
  readonly stepsOf: readonly (readonly TargetStep[])[];
  /** per agent, the target classes it belongs to */
  readonly ofAgent: readonly (readonly TargetClass[])[];
  readonly protocol: ReservationProtocol;
  /** the SIP Server side each URS sends TRouteCall to */
  readonly control: CallControl;
}

/** Builds each placement's Stat Server view (asking for its `select:<urs>` stream) and URS, in placement order, and
 *  makes the URS its view's listener; fills `urs` and `ursOfNode`. */
export function placeUrs(
  c: UrsPlacementContext,
  topology: Topology,
  urs: Urs[],
  ursOfNode: Urs[],
): void {
  const { scenario } = c;
  const { routing } = scenario;
  for (const p of ursPlacements(scenario, topology)) {
    // the classes of calls that can land on these nodes: their own site's, and with faults a site failing over here
    const here = p.serves[0]!.site.id;
    const failsOverHere = (site: string) =>
      scenario.faults.length > 0 && scenario.sites.find((x) => x.id === site)!.failover === here;
    // chat and email come from Interaction Server, which sends them to every URS; the default Routing Point's calls
    // are those of the nodes served
    const routed = c.classes.map((cls) =>
      scenario.traffic.some(
        (t, i) =>
          ((c.classOf[i] === cls || c.stepsOf[i]!.some((s) => s.cls === cls)) && (t.site === here || failsOverHere(t.site) || viaInteractionServer(t.media))) ||
          (c.defaultClassOf[i] === cls && (t.site === here || failsOverHere(t.site))),
      ),
    );
    const view = new StatServer({
      sim: c.sim,
      holdTimeout: routing.reservation.reservationTime,
      id: p.id,
      node: p.serves[0]!,
      agentCount: c.agents.length,
      classes: c.classes,
      routed,
      classesOfAgent: c.ofAgent,
      rule: selectionRule(routing.selection, c.streams.stream(STREAMS.select(p.id))),
    });
    const u = new Urs({
      index: urs.length,
      id: p.id,
      node: p.serves[0]!,
      serves: p.serves,
      view,
      sim: c.sim,
      observer: c.observer,
      protocol: c.protocol,
      control: c.control,
      strategyTime: routing.strategyTime,
      routed,
      classesOfAgent: c.ofAgent,
    });
    view.listener = u;
    urs.push(u);
    for (const n of p.serves) ursOfNode[n.index] = u;
  }
}

/** Per origin node, the Stat Servers its state changes reach, grouped by delay (one event a group). */
export function buildFanouts(topology: Topology, urs: readonly Urs[], connectivity: Connectivity): Fanout[][] {
  return topology.nodes.map((origin) => {
    const byDelay = new Map<number, Fanout>();
    for (const u of urs) {
      const d = topology.nodeDelay(origin, u.view.node) + topology.statDelay;
      let f = byDelay.get(d);
      if (!f) byDelay.set(d, (f = new Fanout(d, [], origin, connectivity)));
      f.servers.push(u.view);
    }
    return [...byDelay.values()];
  });
}

/** Per site, the Stat Servers its Interaction Server reports the states of agents with no DN owner to, grouped by
 *  delay: the way from the site to each Stat Server's node, plus the Stat Server's processing delay. */
export function buildIxnFanouts(topology: Topology, urs: readonly Urs[], connectivity: Connectivity): Fanout[][] {
  return topology.sites.map((site) => {
    const byDelay = new Map<number, Fanout>();
    for (const u of urs) {
      const d = topology.siteDelay(u.view.node, site) + topology.statDelay;
      let f = byDelay.get(d);
      if (!f) byDelay.set(d, (f = new Fanout(d, [], null, connectivity)));
      f.servers.push(u.view);
    }
    return [...byDelay.values()];
  });
}
