// Sites (data centers): ids, nodes, VQ priority, failover; and the topology rule that ties sites to media.
import { suggestion } from "../did-you-mean.js";
import type { MwiSpec, SiteSpec, SkypeSpec, TrafficSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { duplicate, type NormalizeContext } from "./context.js";
import { normalizeSkype } from "./skype.js";
import { normalizeMwi } from "./voicemail.js";

export function normalizeSites(ctx: NormalizeContext): SiteSpec[] {
  const seen = new Map<string, number>();
  return ctx.raw.sites.map((s, i) => {
    duplicate(ctx, seen, s.id, ["sites", i, "id"], "site id", "sites");
    const nodes = s.nodes ?? DEFAULTS.site.nodes;
    const gwsNode = s.gwsNode ?? DEFAULTS.site.gwsNode;
    if (gwsNode > nodes) {
      ctx.values.push({
        path: ["sites", i, "gwsNode"],
        message: `expected a node of the site (1 .. ${nodes}: ${s.id}.n1 .. ${s.id}.n${nodes}), got ${gwsNode}`,
      });
    }
    const site: { id: string; nodes: number; vq: { priority: number }; failover?: string; gwsNode: number; pbx?: "asterisk"; skype?: SkypeSpec; mediaPorts?: { capacity: number }; mwi?: MwiSpec } = {
      id: s.id,
      nodes,
      vq: { priority: s.vq?.priority ?? DEFAULTS.site.vqPriority },
      gwsNode,
    };
    if (s.failover !== undefined) site.failover = s.failover;
    // `none` says what leaving the key out says: the phones register on SIP Server
    if (s.pbx === "asterisk") site.pbx = s.pbx;
    if (s.skype !== undefined) site.skype = normalizeSkype(ctx, s.skype, ["sites", i, "skype"]);
    if (s.mediaPorts !== undefined) site.mediaPorts = { capacity: s.mediaPorts.capacity };
    if (s.mwi !== undefined) site.mwi = normalizeMwi(ctx, s.mwi, ["sites", i, "mwi"]);
    return site;
  });
}

/** A site's failover must name another site. */
export function checkFailovers(ctx: NormalizeContext, sites: readonly SiteSpec[]): void {
  const ids = sites.map((s) => s.id);
  sites.forEach((s, i) => {
    if (s.failover === undefined) return;
    if (s.failover === s.id) {
      ctx.refs.push({ path: ["sites", i, "failover"], message: `expected another site than ${s.id} itself` });
    } else if (!ids.includes(s.failover)) {
      const hint = suggestion(s.failover, ids);
      ctx.refs.push({ path: ["sites", i, "failover"], message: `unknown site ${JSON.stringify(s.failover)}${hint}${hint === "" ? `; sites are ${ids.join(", ")}` : ""}` });
    }
  });
}

/** IM needs SIP Servers outside a cluster; a standalone site is one SIP Server HA pair. */
export function checkTopology(ctx: NormalizeContext, topology: "cluster" | "standalone", sites: readonly SiteSpec[], traffic: readonly TrafficSpec[]): void {
  if (topology === "standalone") {
    sites.forEach((s, i) => {
      if (s.nodes !== 1) {
        ctx.values.push({
          path: ["sites", i, "nodes"],
          message: `topology standalone: each site is one SIP Server HA pair (expected nodes: 1), got ${s.nodes}`,
        });
      }
    });
    return;
  }
  traffic.forEach((t, i) => {
    if (t.media !== "im") return;
    ctx.values.push({
      path: ["traffic", i, "media"],
      message:
        "SIP Cluster does not support Instant Messaging (SIP Cluster Solution Guide): use topology: standalone " +
        "(one SIP Server HA pair a site) for IM",
    });
  });
}
