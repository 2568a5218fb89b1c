// Injected failures (faults:): each kind's target (a node, a site) or the two ends of a link, checked against the sites
// (a routing Stat Server's node against the URS placement, an Interaction Server's site against the chat and email).
import { suggestion } from "../did-you-mean.js";
import { formatDuration } from "../duration.js";
import { describeValue, type Path, type PathSegment } from "../errors.js";
import { viaInteractionServer, type FaultKind, type FaultSpec, type SiteSpec, type TrafficSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, type NormalizeContext } from "./context.js";
import { checkFrontEndsLeft, connectorDown, frontEndDown, refuseOtherKindsKeys, type SkypeFaultOut } from "./skype-faults.js";

export function normalizeFaults(
  ctx: NormalizeContext,
  sites: readonly SiteSpec[],
  horizon: number,
  traffic: readonly TrafficSpec[],
): FaultSpec[] {
  const siteIds = sites.map((s) => s.id);
  // node ids are checked by their form, never listed: a site may claim any number of nodes, and the cost of a
  // deployment that large is the run's to refuse (cli/guard.ts), not the loader's to allocate; suggestions
  // consider the first few nodes of each site
  const nodeIds = sites.flatMap((s) => Array.from({ length: Math.min(s.nodes, 16) }, (_, k) => `${s.id}.n${k + 1}`));
  const isNode = (id: string): boolean => {
    const m = /^(.*)\.n([1-9]\d*)$/.exec(id);
    const site = m === null ? undefined : sites.find((x) => x.id === m[1]);
    return site !== undefined && Number(m![2]) <= site.nodes;
  };
  const unknownNode = (id: string): string => {
    const m = /^(.*)\.n(\d+)$/.exec(id);
    const site = m === null ? undefined : sites.find((s) => s.id === m[1]);
    if (site !== undefined) {
      return `unknown node ${JSON.stringify(id)}: ${site.id} has ${site.nodes} node${site.nodes === 1 ? "" : "s"} (${site.id}.n1..${site.id}.n${site.nodes})`;
    }
    const hint = suggestion(id, nodeIds);
    return `unknown node ${JSON.stringify(id)}${hint}${hint === "" ? " (node ids are <site>.n<k>, e.g. " + nodeIds[0] + ")" : ""}`;
  };
  const unknownSite = (id: string): string => {
    const hint = suggestion(id, siteIds);
    return `unknown site ${JSON.stringify(id)}${hint}${hint === "" ? `; sites are ${siteIds.join(", ")}` : ""}`;
  };
  const reservation = ctx.raw.routing?.reservation?.mode ?? DEFAULTS.routing.reservation.mode;
  if (ctx.raw.routing?.ursBackup === "other-node") {
    // a URS pair's backup on another node of its site needs a site with another node
    const single = sites.find((s) => s.nodes < 2);
    if (single !== undefined) {
      ctx.values.push({
        path: ["routing", "ursBackup"],
        message: `other-node needs every site to have 2 or more nodes (${single.id} has ${single.nodes}); use same-node`,
      });
    }
  }
  const faults = (ctx.raw.faults ?? []).map((f, i): FaultSpec => {
    const p = (...rest: PathSegment[]): Path => ["faults", i, ...rest];
    const kind: FaultKind = f.kind;
    if (kind === "vq-down" && reservation !== "explicit") {
      ctx.values.push({
        path: p("kind"),
        message: `vq-down needs explicit reservation (routing.reservation.mode is ${reservation}: no VQ SIP Server takes part)`,
      });
    }
    const at = dur(ctx, f.at, p("at"));
    if (at >= horizon) {
      ctx.values.push({ path: p("at"), message: `expected a start before the horizon (${formatDuration(horizon)}), got ${describeValue(f.at)}` });
    }
    const duration = f.duration === undefined ? undefined : dur(ctx, f.duration, p("duration"), { positive: true });
    if (kind === "urs-switchover" && f.duration !== undefined) {
      ctx.values.push({
        path: p("duration"),
        message: "urs-switchover happens at one instant (its backup takes over at once) and takes no duration",
        key: true,
      });
    }
    const out: SkypeFaultOut & { at: number; kind: FaultKind; between?: readonly [string, string]; duration?: number } = { at, kind };
    refuseOtherKindsKeys(ctx, f, kind, p);
    if (kind === "connector-down") {
      connectorDown(ctx, sites, f, p, out, unknownSite);
    } else if (kind === "frontend-down") {
      frontEndDown(ctx, sites, f, p, out, unknownSite);
    } else if (kind === "link-down") {
      if (f.target !== undefined) {
        ctx.values.push({ path: p("target"), message: "link-down takes between: [A, B], not target", key: true });
      }
      if (f.between === undefined) {
        ctx.values.push({ path: p("between"), message: "missing (expected two node ids or two site ids, e.g. [dc1.n1, dc1.n2])" });
      } else {
        const [a, b] = f.between;
        const bothNodes = isNode(a) && isNode(b);
        const bothSites = siteIds.includes(a) && siteIds.includes(b);
        if (a === b) {
          ctx.values.push({ path: p("between"), message: `expected two different ids, got ${a} twice` });
        } else if (!bothNodes && !bothSites) {
          // name the first id that does not fit, judged by what the other one is
          const nodeLike = (id: string): boolean => /\.n\d+$/.test(id);
          const asNodes = nodeLike(a) || nodeLike(b);
          for (const [k, id] of [[0, a], [1, b]] as const) {
            const ok = asNodes ? isNode(id) : siteIds.includes(id);
            if (!ok) {
              ctx.refs.push({
                path: p("between", k),
                message: asNodes
                  ? (nodeLike(id) ? unknownNode(id) : `expected a node id like the other end, got ${JSON.stringify(id)}`)
                  : unknownSite(id),
              });
              break;
            }
          }
        }
        out.between = [a, b];
      }
    } else {
      if (f.between !== undefined) {
        ctx.values.push({ path: p("between"), message: `only link-down takes between (this fault is ${kind}; use target)`, key: true });
      }
      const wantsSite = kind === "vq-down" || kind === "site-down" || kind === "proxy-down" || kind === "interaction-server-down";
      if (f.target === undefined) {
        ctx.values.push({
          path: p("target"),
          message: `missing (expected ${wantsSite ? "a site id" : "a node id like " + (nodeIds[0] ?? "dc1.n1")} for ${kind})`,
        });
      } else {
        if (wantsSite && !siteIds.includes(f.target)) ctx.refs.push({ path: p("target"), message: unknownSite(f.target) });
        if (!wantsSite && !isNode(f.target)) ctx.refs.push({ path: p("target"), message: unknownNode(f.target) });
        else if (kind === "statserver-down") {
          const problem = noStatServer(ctx, sites, f.target);
          if (problem !== null) ctx.refs.push({ path: p("target"), message: problem });
        } else if (kind === "interaction-server-down" && siteIds.includes(f.target)) {
          if (!traffic.some((t) => t.site === f.target && viaInteractionServer(t.media))) {
            ctx.refs.push({
              path: p("target"),
              message: `interaction-server-down needs chat or email traffic at ${f.target}: no Interaction Server takes interactions there`,
            });
          }
        }
        out.target = f.target;
      }
    }
    if (duration !== undefined) out.duration = duration;
    return out;
  });
  checkFrontEndsLeft(ctx, sites, faults, horizon);
  return faults;
}

/** Why a node runs no routing Stat Server, or null when it does: a Stat Server runs beside each URS pair, on the first
 *  node the pair serves (every node under node-based routing, a site's first under centralized, each group's first
 *  under grouped; model/build/routing.ts, ursPlacements). */
function noStatServer(ctx: NormalizeContext, sites: readonly SiteSpec[], node: string): string | null {
  const mode = ctx.raw.routing?.mode ?? DEFAULTS.routing.mode;
  if (mode === "node-based") return null;
  const m = /^(.*)\.n([1-9]\d*)$/.exec(node)!;
  const site = sites.find((s) => s.id === m[1])!;
  const per = mode === "centralized" ? site.nodes : ctx.raw.routing?.nodesPerUrs;
  // (grouped without nodesPerUrs is refused on its own)
  if (per === undefined || (Number(m[2]) - 1) % per === 0) return null;
  const hosts = Array.from({ length: Math.ceil(site.nodes / per) }, (_, k) => `${site.id}.n${k * per + 1}`);
  return (
    `${node} runs no routing Stat Server: under ${mode} routing ${site.id}'s ` +
    (hosts.length === 1 ? `URS pair and its Stat Server run on ${hosts[0]}` : `URS pairs and their Stat Servers run on ${hosts.join(", ")}`)
  );
}
