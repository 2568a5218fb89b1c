// Asterisk as a media server (sites[].mediaPorts, traffic[].treatment, traffic[].recording): what a voice type asks
// of its site's media ports, and the rules that tie the pool to a standalone SIP Server (SIP Server and Asterisk
// Integration Reference, Asterisk as a Media Server; SIP Cluster Solution Guide, Unsupported SIP Server functionality).
import type { Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { DistributionSpec, SiteSpec, TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";
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
  const withPorts = new Set(sites.filter((s) => s.mediaPorts !== undefined).map((s) => s.id));
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
