// Asterisk as a media server (sites[].mediaPorts, traffic[].treatment, traffic[].recording): what a voice type asks
// of its site's media ports, and the rules that tie the pool to a standalone SIP Server (SIP Server and Asterisk
// Integration Reference, Asterisk as a Media Server; SIP Cluster Solution Guide, Unsupported SIP Server functionality).
import type { Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { DistributionSpec, SiteSpec, TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";
import { suggestion } from "../did-you-mean.js";
import { dist } from "./distributions.js";

/** The treatment and recording a traffic type gives its calls, as the file has them (their media is checked later). */
export function mediaPortUse(
  ctx: NormalizeContext,
  t: RawScenario["traffic"][number],
  path: Path,
): { treatment?: { duration: DistributionSpec }; recording?: number } {
  return {
    ...(t.treatment === undefined ? {} : { treatment: { duration: dist(ctx, t.treatment.duration, [...path, "treatment", "duration"]) } }),
    ...(t.recording === undefined ? {} : { recording: t.recording }),
  };
}

/** Media ports need a standalone SIP Server; treatments and recordings are voice, on a site with media ports. */
export function checkMediaPorts(
  ctx: NormalizeContext,
  topology: "cluster" | "standalone",
  sites: readonly SiteSpec[],
  traffic: readonly TrafficSpec[],
): void {
  if (topology === "cluster") {
    sites.forEach((s, i) => {
      if (s.mediaPorts === undefined) return;
      ctx.values.push({
        path: ["sites", i, "mediaPorts"],
        message:
          'SIP Cluster does not use Asterisk as a media server: Asterisk serves SIP Server over RFC 4240 (NETANN), and the SIP Cluster ' +
          'Solution Guide lists "Call Recording NETANN-Based" and "Media Server Reliability NETANN" among the SIP Server functionality ' +
          "not supported in SIP Cluster (Unsupported SIP Server functionality); use topology: standalone",
      });
    });
  }
  checkIscc(ctx, sites, traffic);
  // a Skype site's treatments and recordings go over ISCC to a SIP Server site's ports
  const withPorts = new Set(sites.filter((s) => s.mediaPorts !== undefined || s.skype?.iscc !== undefined).map((s) => s.id));
  traffic.forEach((t, i) => {
    for (const key of ["treatment", "recording"] as const) {
      if (t[key] === undefined) continue;
      const path: Path = ["traffic", i, key];
      if (t.media !== "voice") {
        ctx.values.push({ path, message: `only voice calls take an Asterisk ${key} (this type is ${t.media})`, key: true });
      } else if (!withPorts.has(t.site)) {
        ctx.values.push({
          path,
          message: `a ${key} holds one of the Asterisk media ports of the call's site: give site ${t.site} mediaPorts: {capacity: N}`,
          key: true,
        });
      }
    }
  });
}

/** A Skype site's ISCC leg (sites[].skype.iscc) goes to another site, a SIP Server one with media ports, and carries
 *  the treatment or the recording of one of the site's voice types at least (Multimedia Connector for Skype for
 *  Business Deployment Guide, Remote Treatments; Configuring remote recording). */
function checkIscc(ctx: NormalizeContext, sites: readonly SiteSpec[], traffic: readonly TrafficSpec[]): void {
  sites.forEach((s, i) => {
    const iscc = s.skype?.iscc;
    if (iscc === undefined) return;
    const path: Path = ["sites", i, "skype", "iscc", "site"];
    const to = sites.find((x) => x.id === iscc.site);
    const others = sites.filter((x) => x.skype === undefined).map((x) => x.id);
    if (to === undefined) {
      ctx.refs.push({ path, message: `unknown site ${JSON.stringify(iscc.site)}${suggestion(iscc.site, others)}` });
    } else if (to.skype !== undefined) {
      ctx.values.push({
        path,
        message: 'expected a SIP Server site: T-Server for Skype for Business "does not support ISCC connections with other instances of T-Server for Skype for Business" (Architecture, Multi-Site Support)',
      });
    } else if (to.mediaPorts === undefined) {
      ctx.values.push({ path, message: `site ${to.id} has no media ports to serve the treatments and recordings: give it mediaPorts: {capacity: N}` });
    }
    if (s.mediaPorts !== undefined) {
      ctx.values.push({ path: ["sites", i, "mediaPorts"], message: `site ${s.id}'s treatments and recordings go over ISCC to ${iscc.site}'s media ports: remove mediaPorts or skype.iscc`, key: true });
    }
    if (!traffic.some((t) => t.site === s.id && t.media === "voice" && (t.treatment !== undefined || t.recording !== undefined))) {
      ctx.values.push({
        path: ["sites", i, "skype", "iscc"],
        message: `no voice type of site ${s.id} has a treatment or a recording: the ISCC leg would carry nothing`,
        key: true,
      });
    }
  });
}
