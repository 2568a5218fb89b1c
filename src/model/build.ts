// The builder: assembles the contact center of one replication from a Scenario, step by step, each part after the
// parts it needs (a stream's draws depend on its name alone, model/streams.ts, so the order of the steps does not
// change them). Every part is built by a named step, and every reference one part holds to another that is built
// after it is wired here, visibly, rather than by the parts' constructors. See docs/design.md, Concepts and files.

import type { RandomStreams } from "../kernel/random-stream.js";
import type { Simulation } from "../kernel/simulation.js";
import { viaInteractionServer, type Scenario } from "../scenario/types.js";
import { buildAgents, buildStaffing } from "./build/agents.js";
import { buildAsterisk } from "./build/asterisk.js";
import { buildFaults, faultHostOf } from "./build/faults.js";
import { buildMediaPorts } from "./build/media-ports.js";
import { buildFanouts, buildIxnFanouts, buildReservation, defaultDnParts, placeUrs, routingTargets } from "./build/routing.js";
import { buildImEscalation, buildSkype } from "./build/skype.js";
import { buildCallbacks, buildImSessions, buildRetrials, buildTransfers, buildTraffic } from "./build/traffic.js";
import { buildVoicemail } from "./build/voicemail.js";
import { ContactCenter } from "./contact-center.js";
import { ComponentLoad } from "./cpu/component-load.js";
import { InteractionServer } from "./multimedia/interaction-server.js";
import type { Observer } from "./observer.js";
import { TargetSteps } from "./routing/target-steps.js";
import type { Urs } from "./routing/urs.js";
import { Connectivity } from "./sip/connectivity.js";
import { SipProxies } from "./sip/sip-proxy.js";
import { SipServer } from "./sip/sip-server.js";
import { TController } from "./sip/t-controller.js";
import { Topology } from "./sip/topology.js";

/** A fault that can lose a node (and move the DNs it owned) is scheduled: node-lost, site-down, or node-down (its
 *  second failure while the first's instance is still down takes the node). */
function ownersMove(scenario: Scenario): boolean {
  return scenario.faults.some((f) => f.kind === "node-lost" || f.kind === "site-down" || f.kind === "node-down");
}

export function buildContactCenter(
  scenario: Scenario,
  sim: Simulation,
  streams: RandomStreams,
  observer: Observer,
): ContactCenter {
  // sites, nodes and the links between them
  const topology = new Topology(scenario);
  const connectivity = new Connectivity(topology);

  // agents and groups (streams: answerDelay, wrapUp, answer, group by group)
  const { groups, agents } = buildAgents(scenario, topology, streams);

  // target classes: the agents each traffic type's skill expression picks and a default Routing Point's strategy
  // (and, when a lost node can move DNs to another site, those a sitex target may pick after they moved)
  const targets = routingTargets(scenario, topology, agents, ownersMove(scenario) ? topology.sites : []);
  const classes = targets.classes;

  // the reservation protocol (explicit: streams vq:<site>, site by site)
  const protocol = buildReservation(scenario, sim, topology, observer, connectivity, agents.length, streams);

  // the SIP Server side of calls, the T-Controller side of DNs, and the SIP Proxies in front of the nodes; the URS
  // lists are filled by the next step
  const urs: Urs[] = [];
  const ursOfNode: Urs[] = [];
  const tController = new TController({ sim, observer, loginDelay: scenario.ha.loginDelay });
  // the default DN (a Trunk Group's treatment: stream treatment:default-dn)
  const defaultDn = defaultDnParts(scenario, targets.defaultClassOf, streams);
  const sipServer = new SipServer({ scenario, sim, observer, topology, tController, protocol, urs, ursOfNode, defaultDn });
  const sipProxies = new SipProxies({ scenario, sim, topology, sipServer });
  // a Skype for Business site's T-Server: its calls wait for a conference before they are routed
  const skype = buildSkype(scenario, sim, observer, sipServer);

  // URS placement with their Stat Server views (streams select:<urs>, placement by placement)
  placeUrs(
    {
      scenario, sim, observer, streams, agents, classes,
      classOf: targets.classOf, defaultClassOf: targets.defaultClassOf, stepsOf: targets.stepsOf, transferClassOf: targets.transferClassOf,
      ofAgent: targets.ofAgent, protocol, control: sipServer,
    },
    topology,
    urs,
    ursOfNode,
  );
  // targets that widen: the steps every URS's strategy takes on a call that waits
  if (targets.stepsOf.some((s) => s.length > 0)) {
    const steps = new TargetSteps(sim, observer, targets.stepsOf);
    for (const u of urs) u.steps = steps;
  }

  // Interaction Servers, for the sites whose chat and email enter through one
  const interactionServers = topology.sites.map((site) =>
    scenario.traffic.some((t) => t.site === site.id && viaInteractionServer(t.media))
      ? new InteractionServer({ site, urs, topology, observer })
      : null,
  );
  sipServer.interactionServers = interactionServers;

  // the Stat Server fan-outs a DN's state changes travel by
  tController.fanouts = buildFanouts(topology, urs, connectivity);
  tController.ixnFanouts = buildIxnFanouts(topology, urs, connectivity);

  // the component load model, when messages cost CPU: it then carries calls, routing and state changes
  let load: ComponentLoad | null = null;
  if (scenario.components !== undefined) {
    load = new ComponentLoad({
      scenario,
      sim,
      topology,
      ursList: urs,
      connectivity,
      host: sipServer,
      withInteractionServer: interactionServers.map((x) => x !== null),
      observer,
    });
    for (const u of urs) u.load = load.ursStep(u.index);
    for (const vq of protocol.vqServers) vq.load = load.vqStep(vq.site.index);
    sipServer.load = load;
    tController.load = load;
  }

  // Asterisk PBXs: presence from their phones, and private calls (streams privateCalls, privateDuration, group by
  // group)
  const { presence, privateCalls } = buildAsterisk(scenario, sim, observer, groups, agents, tController, load, streams);
  // Asterisk as the sites' media server: their media ports (streams mediaTreatment, recording, type by type)
  sipServer.mediaPorts = buildMediaPorts(scenario, sim, observer, streams, sipServer);

  // Asterisk voicemail boxes and SIP Server's MWI subscriptions (streams voicemail, voicemailRecording,
  // voicemailHandle, group by group)
  const { voicemail, mwi } = buildVoicemail({ scenario, sim, observer, groups, agents, presence, sipServer, tController, urs, load, streams });

  // traffic (streams arrivals, handle, patience, resample, type by type), then IM sessions (im-reply, im-messages,
  // im-gap, im-escalation, type by type) and the Skype site's escalations to voice
  const traffic = buildTraffic(scenario, sim, topology, targets.classOf, streams, (type) => sipProxies.arrive(type));
  const escalation = buildImEscalation(scenario, sim, observer, traffic, sipServer, streams);
  buildImSessions(sim, traffic, streams, sipServer, skype?.site ?? -1, escalation);
  // callers who call again (streams retrial, retrialHandle, retrialPatience, type by type), and transfers (transfer,
  // transferHandle, transferConsult)
  sipServer.retrials = buildRetrials(scenario, sim, observer, streams, (type) => sipProxies.arrive(type));
  sipServer.transfers = buildTransfers(scenario, sim, observer, streams, targets.transferClassOf, sipServer);
  // callbacks (stream callback, type by type), offered by the URS to the calls it queues, dialled at the agent
  const callbacks = buildCallbacks(scenario, sim, observer, streams);
  sipServer.callbacks = callbacks;
  for (const u of urs) u.callbacks = callbacks;

  // staffing, logging agents in and out at the T-Controller (streams shrinkage, group by group, for the groups that
  // have it)
  const staffing = buildStaffing(sim, groups, tController, streams);

  // faults, and the calls in progress they need to find
  const faults = buildFaults(
    scenario,
    sim,
    topology,
    connectivity,
    observer,
    faultHostOf(sipServer, tController, agents, urs, ursOfNode, protocol, interactionServers, targets.ofAgent),
    streams,
  );
  if (faults !== null) {
    sipServer.faults = faults;
    tController.faults = faults;
    sipServer.live = new Set();
  }

  return new ContactCenter({
    scenario,
    sim,
    topology,
    connectivity,
    groups,
    agents,
    classes,
    protocol,
    urs,
    ursOfNode,
    interactionServers,
    load,
    sipProxies,
    sipServer,
    tController,
    traffic,
    staffing,
    faults,
    presence,
    privateCalls,
    skype,
    voicemail,
    mwi,
  });
}
