// Agents as T-Server for Skype for Business sees them (Multimedia Connector for Skype for Business Deployment Guide,
// Emulated Agents, No-Answer Supervision, Presence): the T-Server's application-level no-answer-timeout,
// no-answer-action and wrap-up-time given to the agent groups of the Skype site, and pull presence mode's
// presence-availability-range read into the ranges T-Server takes as available.
import { SKYPE } from "../default-source.js";
import type { Path } from "../errors.js";
import type { AgentGroupSpec, SiteSpec, SkypePresenceSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { optDur, type NormalizeContext } from "./context.js";


/** "Skype for Business Presence consists of Availability (a number in the range of 0 and 18000 inclusive)" (Presence,
 *  Skype for Business Presence Availability) */
const MAX_AVAILABILITY = 18000;
/** The guide's table of availability values: a user with nothing on is Online ("3000 Free"); one in a call or a
 *  meeting, the contact center's or not, is Busy ("6000 Busy"). */
export const AVAILABILITY = { online: 3000, busy: 6000 } as const;

/** Whether T-Server takes `value` as available under the range (EventDNDOff), or maps it to DND. */
export function availableIn(presence: SkypePresenceSpec, value: number): boolean {
  return presence.availabilityRange.some(([lo, hi]) => value >= lo && value <= hi);
}

type RawPresence = { availabilityRange?: string | undefined; delay?: unknown };

export function normalizeSkypePresence(ctx: NormalizeContext, raw: RawPresence, path: Path): SkypePresenceSpec {
  const D = DEFAULTS.skype.presence;
  const text = raw.availabilityRange ?? D.availabilityRange;
  const rangePath = [...path, "availabilityRange"];
  const availabilityRange = text.split(",").map((part) => {
    const [lo, hi] = part.split("-").map((x) => Number(x.trim())) as [number, number];
    if (lo > hi || hi > MAX_AVAILABILITY) {
      ctx.values.push({
        path: rangePath,
        message: `expected ranges low-high with low <= high <= ${MAX_AVAILABILITY} ("Availability (a number in the range of 0 and 18000 inclusive)", ${SKYPE}, Presence), got ${part.trim()}`,
      });
    }
    return [lo, hi] as const;
  });
  const presence = { availabilityRange, delay: optDur(ctx, raw.delay, [...path, "delay"], D.delay) };
  if (!availableIn(presence, AVAILABILITY.online)) {
    ctx.values.push({
      path: rangePath,
      message:
        `expected a range holding ${AVAILABILITY.online} (Online, "Free"): with ${text} every user would be DND, idle or not, and ` +
        `no agent of the site could ever be routed to; the guide's example is 3000-5999 (${SKYPE}, Presence, Pull Presence Mode)`,
    });
  }
  return presence;
}

/** The Skype site's groups ring for the T-Server's no-answer-timeout ("configured in the [TServer] section of the
 *  T-Server Application object"), take its no-answer-action unless they give their own ("The [TServer] section of
 *  the Agent Login object" comes first), and with a timed wrap-up-time have exactly that ACW. */
export function skypeAgents(ctx: NormalizeContext, sites: readonly SiteSpec[], groups: AgentGroupSpec[]): AgentGroupSpec[] {
  const site = sites.findIndex((s) => s.skype !== undefined);
  if (site < 0) return groups;
  const { id, skype } = sites[site]!;
  const spec = skype!;
  return groups.map((g, i) => {
    if (g.site !== id) return g;
    const raw = ctx.raw.agents[i]!;
    if (raw.noAnswerTimeout !== undefined) {
      ctx.values.push({
        path: ["agents", i, "noAnswerTimeout"],
        message:
          `site ${id} is Skype for Business: "The option no-answer-timeout is configured in the [TServer] section of the ` +
          `T-Server Application object" (${SKYPE}, No-Answer Supervision), not per agent; set sites[${site}].skype.noAnswerTimeout instead`,
      });
    }
    const timed = spec.wrapUpTime !== "untimed";
    if (timed && raw.wrapUp !== undefined) {
      ctx.values.push({
        path: ["agents", i, "wrapUp"],
        message:
          `site ${id} has a timed wrap-up-time (sites[${site}].skype.wrapUpTime): "T-Server automatically returns the agent to the ` +
          `Ready state at the end of a timed ACW period" (${SKYPE}, Emulated Agents, Timed and Untimed ACW), so the group's ` +
          "own wrap-up would have no effect; remove wrapUp, or set wrapUpTime: untimed for the agents to return themselves",
      });
    }
    return {
      ...g,
      noAnswerTimeout: spec.noAnswerTimeout,
      noAnswerAction: raw.noAnswerAction ?? spec.noAnswerAction,
      ...(timed ? { wrapUp: { dist: "constant" as const, value: spec.wrapUpTime as number } } : {}),
    };
  });
}
