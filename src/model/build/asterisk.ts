// Building SIP Server's side of Asterisk PBXs (sites[].pbx: asterisk): the presence subscription that brings each
// Asterisk phone's status to the T-Controller, and each group's private calls. A Skype for Business site's users
// have private calls too (Skype calls and meetings outside the contact center), and with pull presence mode
// (sites[].skype.presence) the same subscription brings their Busy to T-Server as DND.

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import { AVAILABILITY, availableIn } from "../../scenario/normalize/skype-agents.js";
import type { Scenario } from "../../scenario/types.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import { Presence } from "../asterisk/presence.js";
import { PrivateCalls } from "../asterisk/private-calls.js";
import type { ComponentLoad } from "../cpu/component-load.js";
import type { Observer } from "../observer.js";
import type { TController } from "../sip/t-controller.js";
import { STREAMS } from "../streams.js";

/** Presence (null when no site has an Asterisk PBX or a Skype presence that maps Busy to DND) and the private-call
 *  processes, group by group, inbound before outbound; a direction at rate 0 asks for no stream. */
export function buildAsterisk(
  scenario: Scenario,
  sim: Simulation,
  observer: Observer,
  groups: readonly AgentGroup[],
  agents: readonly Agent[],
  tController: TController,
  load: ComponentLoad | null,
  streams: RandomStreams,
): { presence: Presence | null; privateCalls: PrivateCalls[] } {
  const pbx = scenario.sites.map((s) => s.pbx === "asterisk");
  // a Skype site whose Busy users are DND: a range that takes Busy as available leaves T-Server blind to them
  const dnd = scenario.sites.map((s) => s.skype?.presence !== undefined && !availableIn(s.skype.presence, AVAILABILITY.busy));
  const withPrivate = scenario.sites.map((s, i) => pbx[i]! || s.skype !== undefined);
  let presence: Presence | null = null;
  if (pbx.includes(true) || dnd.includes(true)) {
    const costs = scenario.components?.asterisk;
    presence = new Presence({
      sim,
      observer,
      delays: scenario.sites.map((s) => (s.skype?.presence !== undefined ? s.skype.presence.delay : scenario.network.presenceDelay)),
      onPbx: agents.map((a) => pbx[a.site.index]! || dnd[a.site.index]!),
      pbx: pbx.map((_, i) => load?.pbxOf(i) ?? null),
      legCost: costs?.leg ?? 0,
      notifyCost: costs?.notify ?? 0,
    });
    presence.tc = tController;
    tController.presence = presence;
  } else if (!withPrivate.includes(true)) return { presence: null, privateCalls: [] };
  const privateCalls: PrivateCalls[] = [];
  for (const group of groups) {
    const spec = group.spec.privateCalls;
    for (const [direction, one] of [["inbound", spec?.inbound], ["outbound", spec?.outbound]] as const) {
      if (one === undefined || !(one.rate > 0)) continue;
      privateCalls.push(
        new PrivateCalls({
          sim,
          observer,
          presence,
          group,
          inbound: direction === "inbound",
          spec: one,
          horizon: scenario.horizon,
          rng: streams.stream(STREAMS.privateCalls(group.id, direction)),
          duration: sampler(one.duration, streams.stream(STREAMS.privateDuration(group.id, direction))),
        }),
      );
    }
  }
  return { presence, privateCalls };
}
