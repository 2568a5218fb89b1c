// What the fault injector needs of the contact center it breaks, and nothing more: the calls in progress and the ways
// a failure ends or resumes their routing (stranded on the Routing Point, dropped with the node, sent to routing again
// by an Interaction Server back from a failure), the Skype for Business site's connectors and Front End servers, the agents and what their DN's new owner does to them, the URS (and
// their Stat Server views), the VQ SIP Servers and the Interaction Servers. The builder (model/build/) gives it the SIP
// Server and T-Controller behind this; a test can give it a fake.

import type { Agent } from "../agents/agent.js";
import type { InteractionServer } from "../multimedia/interaction-server.js";
import type { Call } from "../sip/call.js";
import type { Urs } from "../routing/urs.js";
import type { ConferencePool } from "../skype/conference-pool.js";
import type { FrontEndPool } from "../skype/front-end-pool.js";

/** A VQ SIP Server as faults see it: it fails (losing what it collected and held) and recovers. */
export interface FailingVqServer {
  fail(fault: number): void;
  recover(): void;
}

export interface FaultHost {
  /** every agent, in index order */
  readonly agents: readonly Agent[];
  /** every URS, in their order */
  readonly urs: readonly Urs[];
  /** the URS routing each node's calls, by node index */
  readonly ursOfNode: readonly Urs[];
  /** the VQ SIP Servers by site index; empty when the reservation is not explicit */
  readonly vqServers: readonly FailingVqServer[];
  /** the Interaction Servers by site index; null for a site whose chat and email enter none (it has none) */
  readonly interactionServers: readonly (InteractionServer | null)[];
  /** the Skype for Business site's UCMA connectors (their conference pools) in order; empty without one */
  readonly skypePools: readonly ConferencePool[];
  /** the Skype for Business site's Front End servers; null without one */
  readonly skypeFrontEnds: FrontEndPool | null;
  /** the calls in progress, in ConnID order */
  liveCalls(): Call[];
  /** the call's routing dialogue is gone: it waits on its Routing Point for router-timeout, not before `notBefore` */
  strand(call: Call, lost: boolean, fault: number, notBefore: number): void;
  /** a chat or email its Interaction Server kept while down goes to routing again (its state already Routing) */
  routeAgain(call: Call): void;
  /** the call's node is lost: the call ends whatever it was doing */
  dropCall(call: Call, fault: number): void;
  /** an agent logged out by an ownership change logs in again */
  logIn(agent: Agent): void;
  /** the DN's new owner logs the agent out (agent-state-auto-restore false) */
  logOutNow(agent: Agent): void;
  /** the DN's new owner announces its state */
  publish(agent: Agent): void;
  /** the DN has a new owner, maybe in another site: the targets on the agent's location follow it */
  relocate(agent: Agent): void;
}
