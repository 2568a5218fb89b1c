// A Skype for Business site (sites[].skype): its connector pool and conference pools with their defaults, and the
// rules that tie the deployment to a standalone site (Multimedia Connector for Skype for Business Deployment Guide).
import type { RawScenario } from "../schema.js";
import type { Path } from "../errors.js";
import type { SiteSpec, SkypeSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, optDur, type NormalizeContext } from "./context.js";
import { normalizeSkypePresence } from "./skype-agents.js";

type RawSkype = NonNullable<RawScenario["sites"][number]["skype"]>;

const GUIDE = "Multimedia Connector for Skype for Business Deployment Guide";

export function normalizeSkype(ctx: NormalizeContext, raw: RawSkype, path: Path): SkypeSpec {
  const D = DEFAULTS.skype;
  const connectors = raw.connectors ?? D.connectors;
  const stopped = raw.stopped ?? D.stopped;
  if (stopped >= connectors) {
    ctx.values.push({
      path: [...path, "stopped"],
      message:
        `expected fewer stopped connectors than connectors (${connectors}): the guideline sizes each pool for the calls of ` +
        `"numConn - numStopped" connectors (${GUIDE}, Conference Resource Pools), got ${stopped}`,
    });
  }
  const conferencePoolSize = raw.conferencePoolSize ?? D.conferencePoolSize;
  return {
    connectors,
    stopped,
    conferencePoolSize,
    taes: raw.taes ?? Math.max(1, Math.floor(conferencePoolSize / D.conferencesPerTae)),
    cachingEnabled: raw.cachingEnabled ?? D.cachingEnabled,
    schedulingTime: optDur(ctx, raw.schedulingTime, [...path, "schedulingTime"], D.schedulingTime, { positive: true }),
    creationTime: optDur(ctx, raw.creationTime, [...path, "creationTime"], D.creationTime, { positive: true }),
    lifetime: optDur(ctx, raw.lifetime, [...path, "lifetime"], D.lifetime, { positive: true }),
    frontEnds: raw.frontEnds ?? D.frontEnds,
    ...(raw.iscc === undefined
      ? {}
      : { iscc: { site: raw.iscc.site, delay: optDur(ctx, raw.iscc.delay, [...path, "iscc", "delay"], D.isccDelay, { positive: true }) } }),
    noAnswerTimeout: optDur(ctx, raw.noAnswerTimeout, [...path, "noAnswerTimeout"], D.noAnswerTimeout, { positive: true }),
    noAnswerAction: raw.noAnswerAction ?? D.noAnswerAction,
    wrapUpTime:
      raw.wrapUpTime === undefined || raw.wrapUpTime === "untimed" ? D.wrapUpTime : dur(ctx, raw.wrapUpTime, [...path, "wrapUpTime"]),
    ...(raw.presence === undefined ? {} : { presence: normalizeSkypePresence(ctx, raw.presence, [...path, "presence"]) }),
  };
}

/** A Skype site is a T-Server of its own, outside any SIP Cluster, one a scenario, and not an Asterisk site too. */
export function checkSkype(ctx: NormalizeContext, topology: "cluster" | "standalone", sites: readonly SiteSpec[]): void {
  let first = -1;
  sites.forEach((s, i) => {
    if (s.skype === undefined) return;
    const path = ["sites", i, "skype"];
    if (topology === "cluster") {
      ctx.values.push({
        path,
        message:
          `a Skype for Business site is not a SIP Cluster node: "T-Server for Skype for Business has the same position in the ` +
          `Genesys Media Layer as all Genesys T-Servers" (${GUIDE}, Architecture), a T-Server of its own switch with its ` +
          "UCMA connectors, not a SIP Server instance; use topology: standalone",
      });
    }
    if (s.pbx !== undefined) {
      ctx.values.push({
        path: ["sites", i, "pbx"],
        message: `site ${s.id} has skype: its switch is Skype for Business, whose agents are Skype for Business users, so it has no Asterisk PBX; remove pbx or skype`,
      });
    }
    if (first >= 0) {
      ctx.values.push({
        path,
        message:
          `a second Skype for Business site (the first is sites[${first}]): T-Server for Skype for Business "does not support ISCC ` +
          `connections with other instances of T-Server for Skype for Business" (${GUIDE}, Architecture, Multi-Site Support), ` +
          "so a call could not pass between them; model one Skype site",
      });
    } else first = i;
  });
}
