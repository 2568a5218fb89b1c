// Building a Skype for Business site (sites[].skype): its T-Server's conference scheduler and the conference pools of
// its UCMA connectors, wired to the SIP Server side that routes the site's calls once they have a conference; and the
// escalations of its IM sessions to voice.

import { sampler } from "../../kernel/distributions.js";
import type { RandomStreams } from "../../kernel/random-stream.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import type { Observer } from "../observer.js";
import { STREAMS } from "../streams.js";
import type { SipServer } from "../sip/sip-server.js";
import { ImEscalation } from "../skype/im-escalation.js";
import { SkypeTServer } from "../skype/t-server.js";
import type { TrafficType } from "../traffic/traffic.js";

/** The Skype site's T-Server (the loader allows one), or null when no site has skype. */
export function buildSkype(scenario: Scenario, sim: Simulation, observer: Observer, sipServer: SipServer): SkypeTServer | null {
  const site = scenario.sites.findIndex((s) => s.skype !== undefined);
  if (site < 0) return null;
  const tServer = new SkypeTServer(site, sim, observer, scenario.sites[site]!.skype!, scenario.horizon);
  tServer.host = sipServer;
  sipServer.skype = tServer;
  return tServer;
}

/** The escalations of the Skype site's IM sessions to voice, or null when no IM type escalates (the loader allows it
 *  on the Skype site only, to a voice type of that site). */
export function buildImEscalation(
  scenario: Scenario,
  sim: Simulation,
  observer: Observer,
  traffic: readonly TrafficType[],
  sipServer: SipServer,
  streams: RandomStreams,
): ImEscalation | null {
  if (!scenario.traffic.some((t) => t.im?.escalation !== undefined)) return null;
  const voiceOf = scenario.traffic.map((t) => {
    const to = t.im?.escalation?.type;
    if (to === undefined) return null;
    const voice = scenario.traffic.findIndex((u) => u.type === to);
    // (stream escalationHandle, per voice type: the escalated calls' talk)
    return { type: traffic[voice]!, handleTime: sampler(scenario.traffic[voice]!.handleTime, streams.stream(STREAMS.escalationHandle(to))) };
  });
  const escalation = new ImEscalation(() => sim.now, observer, voiceOf, sipServer);
  sipServer.escalation = escalation;
  return escalation;
}
