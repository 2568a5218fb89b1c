// Building a Skype for Business site (sites[].skype): its T-Server's conference scheduler and the conference pools of
// its UCMA connectors, wired to the SIP Server side that routes the site's calls once they have a conference.

import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import type { Observer } from "../observer.js";
import type { SipServer } from "../sip/sip-server.js";
import { SkypeTServer } from "../skype/t-server.js";

/** The Skype site's T-Server (the loader allows one), or null when no site has skype. */
export function buildSkype(scenario: Scenario, sim: Simulation, observer: Observer, sipServer: SipServer): SkypeTServer | null {
  const site = scenario.sites.findIndex((s) => s.skype !== undefined);
  if (site < 0) return null;
  const tServer = new SkypeTServer(site, sim, observer, scenario.sites[site]!.skype!, scenario.horizon);
  tServer.host = sipServer;
  sipServer.skype = tServer;
  return tServer;
}
