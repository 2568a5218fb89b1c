// SIP Server in front of an Asterisk PBX (sites[].pbx: asterisk): the private calls of its agent groups, and the rules
// that tie the deployment to a standalone SIP Server (SIP Server and Asterisk Integration Reference; SIP Cluster
// Solution Guide, Unsupported SIP Server functionality).
import type { RawScenario } from "../schema.js";
import type { Path } from "../errors.js";
import type { AgentGroupSpec, PrivateCallSpec, PrivateCallsSpec, SiteSpec, TrafficSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { rateValue, type NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";

type RawPrivateCalls = NonNullable<RawScenario["agents"][number]["privateCalls"]>;

export function normalizePrivateCalls(ctx: NormalizeContext, raw: RawPrivateCalls, path: Path): PrivateCallsSpec {
  const one = (r: RawPrivateCalls["inbound"], key: string): PrivateCallSpec | undefined =>
    r === undefined
      ? undefined
      : {
          rate: rateValue(ctx, r.rate, [...path, key, "rate"]),
          duration: dist(ctx, r.duration, [...path, key, "duration"]),
          when: r.when ?? DEFAULTS.agent.privateCallWhen,
        };
  const inbound = one(raw.inbound, "inbound");
  const outbound = one(raw.outbound, "outbound");
  return { ...(inbound === undefined ? {} : { inbound }), ...(outbound === undefined ? {} : { outbound }) };
}

/** whether any agent group has private calls at a rate above 0 (the private-call metrics are then reported) */
export function hasPrivateCalls(agents: readonly AgentGroupSpec[]): boolean {
  return agents.some((g) => (g.privateCalls?.inbound?.rate ?? 0) > 0 || (g.privateCalls?.outbound?.rate ?? 0) > 0);
}

const REFERENCE = "SIP Server and Asterisk Integration Reference";

/** An Asterisk site needs a standalone SIP Server; its agents have Asterisk phones; private calls need them (or a
 *  Skype for Business site, whose users call and meet outside the contact center too). */
export function checkAsterisk(
  ctx: NormalizeContext,
  topology: "cluster" | "standalone",
  sites: readonly SiteSpec[],
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
): void {
  const pbx = new Set(sites.filter((s) => s.pbx === "asterisk").map((s) => s.id));
  const skype = new Set(sites.filter((s) => s.skype !== undefined).map((s) => s.id));
  if (topology === "cluster") {
    sites.forEach((s, i) => {
      if (s.pbx !== "asterisk") return;
      ctx.values.push({
        path: ["sites", i, "pbx"],
        message:
          'SIP Cluster does not support Asterisk: the SIP Cluster Solution Guide lists "Asterisk Voice Mail Integration" and ' +
          '"Presence from Switches and Endpoints" among the SIP Server functionality not supported in SIP Cluster ' +
          "(Unsupported SIP Server functionality); use topology: standalone (one SIP Server HA pair a site)",
      });
    });
  }
  agents.forEach((g, i) => {
    const raw = ctx.raw.agents[i];
    if (pbx.has(g.site) && g.phone !== "sip") {
      ctx.values.push({
        path: ["agents", i, "phone"],
        message: `site ${g.site} has pbx asterisk, whose agent endpoints register on Asterisk ("The agent endpoint is registered on Asterisk", ${REFERENCE}, Asterisk with a Business Call Routing Capability): expected phone sip, got ${g.phone}`,
      });
    }
    if (raw?.privateCalls !== undefined && !pbx.has(g.site) && !skype.has(g.site)) {
      ctx.values.push({
        path: ["agents", i, "privateCalls"],
        message:
          `private calls need Asterisk phones: Asterisk connects them without SIP Server and tells SIP Server only that the ` +
          `endpoint is busy (${REFERENCE}, Private Calls); a call to a phone registered on SIP Server is a SIP Server call. ` +
          `Give site ${g.site} pbx: asterisk (or skype, for its users' Skype calls and meetings), or remove privateCalls`,
      });
    }
  });
  traffic.forEach((t, i) => {
    if (t.media !== "im" || !pbx.has(t.site)) return;
    ctx.values.push({
      path: ["traffic", i, "media"],
      message: `site ${t.site} has pbx asterisk: the ${REFERENCE} routes voice calls through Asterisk, not IM sessions; give IM a site without pbx`,
    });
  });
}
