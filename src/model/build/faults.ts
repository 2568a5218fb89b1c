// Building the fault injector: the FaultHost it works through is the SIP Server (calls), the T-Controller (DNs) and the
// Interaction Servers behind a narrow interface, so that faults know nothing else of the contact center.

import type { RandomStreams } from "../../kernel/random-stream.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { FaultHost } from "../faults/fault-host.js";
import type { InteractionServer } from "../multimedia/interaction-server.js";
import { FaultInjector } from "../faults/fault-injector.js";
import type { Observer } from "../observer.js";
import { STREAMS } from "../streams.js";
import type { ReservationProtocol } from "../routing/reservation.js";
import { relocate, type TargetClass } from "../routing/target-class.js";
import type { Urs } from "../routing/urs.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { SipServer } from "../sip/sip-server.js";
import type { TController } from "../sip/t-controller.js";
import type { Topology } from "../sip/topology.js";

/** What faults need, from the parts that have it. */
export function faultHostOf(
  sip: SipServer,
  tc: TController,
  agents: readonly Agent[],
  urs: readonly Urs[],
  ursOfNode: readonly Urs[],
  protocol: ReservationProtocol,
  interactionServers: readonly (InteractionServer | null)[],
  /** per agent, the target classes it is a member of */
  ofAgent: readonly (readonly TargetClass[])[],
): FaultHost {
  const skype = sip.skype;
  return {
    agents,
    urs,
    ursOfNode,
    vqServers: protocol.vqServers,
    interactionServers,
    skypePools: skype === null ? [] : skype.pools,
    skypeFrontEnds: skype === null ? null : skype.frontEnds,
    liveCalls: () => sip.liveCalls(),
    strand: (call, lost, fault, notBefore) => sip.strand(call, lost, fault, notBefore),
    routeAgain: (call) => sip.sendRouteRequest(call, 0),
    dropCall: (call, fault) => sip.dropCall(call, fault),
    logIn: (agent) => tc.logIn(agent),
    logOutNow: (agent) => tc.logOutNow(agent),
    publish: (agent) => tc.publish(agent),
    relocate: (agent) => {
      if (relocate(agent, ofAgent[agent.index]!)) for (const u of urs) u.view.reclassified(agent);
    },
  };
}

/** The scenario's faults on this host; null when it schedules none. */
export function buildFaults(
  scenario: Scenario,
  sim: Simulation,
  topology: Topology,
  connectivity: Connectivity,
  observer: Observer,
  host: FaultHost,
  streams: RandomStreams,
): FaultInjector | null {
  if (scenario.faults.length === 0) return null;
  return new FaultInjector({
    host, sim, topology, connectivity, observer, faults: scenario.faults, ha: scenario.ha,
    ursBackup: scenario.routing.ursBackup,
    checkPhase: topology.nodes.map((n) => streams.stream(STREAMS.proxyCheck(n.id))),
    refreshPhase: topology.nodes.map((n) => streams.stream(STREAMS.phoneRefresh(n.id))),
  });
}
