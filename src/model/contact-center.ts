// The contact center of one replication, as the builder (build.ts) assembled it from a Scenario: sites and nodes,
// agents, the URS with their Stat Server views, the reservation protocol, Interaction Servers, the SIP Server side of
// calls and the T-Controller side of DNs, Asterisk presence, private calls, voicemail and MWI, traffic, staffing and
// faults. start() sets it going on its kernel. It knows nothing of replications, files or statistics; the observation
// layer reads the parts named here.

import type { Simulation } from "../kernel/simulation.js";
import type { Scenario } from "../scenario/types.js";
import type { Agent, AgentGroup } from "./agents/agent.js";
import type { Staffing } from "./agents/staffing.js";
import type { Mwi } from "./asterisk/mwi.js";
import type { Presence } from "./asterisk/presence.js";
import type { PrivateCalls } from "./asterisk/private-calls.js";
import type { Voicemail } from "./asterisk/voicemail.js";
import type { ComponentLoad } from "./cpu/component-load.js";
import type { FaultInjector } from "./faults/fault-injector.js";
import type { InteractionServer } from "./multimedia/interaction-server.js";
import type { ReservationProtocol } from "./routing/reservation.js";
import type { TargetClass } from "./routing/target-class.js";
import type { Urs } from "./routing/urs.js";
import type { Connectivity } from "./sip/connectivity.js";
import type { SipProxies } from "./sip/sip-proxy.js";
import type { SipServer } from "./sip/sip-server.js";
import type { TController } from "./sip/t-controller.js";
import type { ClusterNode, Topology } from "./sip/topology.js";
import type { SkypeTServer } from "./skype/t-server.js";
import type { TrafficType } from "./traffic/traffic.js";

/** The parts of a built contact center. */
export interface ContactCenterParts {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly connectivity: Connectivity;
  /** agent groups in scenario order */
  readonly groups: readonly AgentGroup[];
  /** every agent, in index order */
  readonly agents: readonly Agent[];
  readonly classes: readonly TargetClass[];
  readonly protocol: ReservationProtocol;
  readonly urs: readonly Urs[];
  /** the URS routing each node's calls */
  readonly ursOfNode: readonly Urs[];
  /** per site, the Interaction Server chat and email of that site enter through (null: the site has none) */
  readonly interactionServers: readonly (InteractionServer | null)[];
  /** the component load model; null when the scenario has no `components:` (messages cost no CPU) */
  readonly load: ComponentLoad | null;
  readonly sipProxies: SipProxies;
  readonly sipServer: SipServer;
  readonly tController: TController;
  readonly traffic: readonly TrafficType[];
  readonly staffing: readonly Staffing[];
  /** null when the scenario schedules no fault */
  readonly faults: FaultInjector | null;
  /** Asterisk presence; null when no site has an Asterisk PBX */
  readonly presence: Presence | null;
  /** the Asterisk groups' private-call processes (each direction with a rate above 0) */
  readonly privateCalls: readonly PrivateCalls[];
  /** the Skype for Business site's T-Server with its connectors' conference pools; null when no site has skype */
  readonly skype: SkypeTServer | null;
  /** Asterisk voicemail boxes; null when no group has one */
  readonly voicemail: Voicemail | null;
  /** SIP Server's MWI subscriptions; null without voicemail boxes or mwi */
  readonly mwi: Mwi | null;
}

/** The built contact center: its parts (the interface of the same name merges them into the class) and how it starts. */
export interface ContactCenter extends ContactCenterParts {}
export class ContactCenter {
  constructor(parts: ContactCenterParts) {
    Object.assign(this, parts);
  }

  /** Subscribes the extensions' boxes (mwi-extension-enable), logs the first shift in and starts the arrival
   *  processes, private calls included (and the faults' schedule). */
  start(): void {
    this.mwi?.start();
    for (const s of this.staffing) s.start();
    for (const t of this.traffic) t.start();
    for (const p of this.privateCalls) p.start();
    this.faults?.start();
  }

  /** An interaction of this type arrives now, on `at` or where the SIP Proxies send it (tests place calls at chosen
   *  instants on chosen nodes with it; the traffic processes go the same way). */
  arrive(type: TrafficType, at?: ClusterNode): void {
    this.sipProxies.arrive(type, at);
  }
}
