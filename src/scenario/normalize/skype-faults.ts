// The faults of a Skype for Business site (faults[] with kind connector-down or frontend-down): the site and which of
// its UCMA connectors or Front End servers stops, and the guide's rules for stopping a Front End server
// (Multimedia Connector for Skype for Business Deployment Guide, Skype For Business Front End Server Maintenance).
import { SKYPE } from "../default-source.js";
import { formatDuration } from "../duration.js";
import type { Path, PathSegment } from "../errors.js";
import type { FaultKind, FaultSpec, SiteSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";

type RawFault = NonNullable<NormalizeContext["raw"]["faults"]>[number];
export type SkypeFaultOut = { target?: string; connector?: number; graceful?: boolean; frontEnd?: number };

/** "There must be at least 5 minute delay before restarting a stopped Front End Server" */
const FRONT_END_RESYNC = 300;

/** The keys only one kind takes, refused on the others. */
export function refuseOtherKindsKeys(ctx: NormalizeContext, f: RawFault, kind: FaultKind, p: (...rest: PathSegment[]) => Path): void {
  const takers: Record<"site" | "connector" | "graceful" | "frontEnd", readonly FaultKind[]> = {
    site: ["connector-down", "frontend-down"], connector: ["connector-down"], graceful: ["connector-down"], frontEnd: ["frontend-down"],
  };
  for (const [key, kinds] of Object.entries(takers) as [keyof typeof takers, readonly FaultKind[]][]) {
    if (f[key] !== undefined && !kinds.includes(kind)) {
      ctx.values.push({ path: p(key), message: `only ${kinds.join(" and ")} take${kinds.length === 1 ? "s" : ""} ${key} (this fault is ${kind})`, key: true });
    }
  }
}

/** The Skype site a connector-down or frontend-down names, or undefined (with the problem said). */
function skypeSite(
  ctx: NormalizeContext, sites: readonly SiteSpec[], f: RawFault, p: (...rest: PathSegment[]) => Path, what: string, unknownSite: (id: string) => string,
): SiteSpec | undefined {
  for (const key of ["target", "between"] as const) {
    if (f[key] !== undefined) ctx.values.push({ path: p(key), message: `${f.kind} takes site and ${what}, not ${key}`, key: true });
  }
  if (f.site === undefined) {
    ctx.values.push({ path: p("site"), message: `missing (expected the id of the Skype for Business site whose ${what} stops)` });
    return undefined;
  }
  const site = sites.find((s) => s.id === f.site);
  if (site === undefined) {
    ctx.refs.push({ path: p("site"), message: unknownSite(f.site) });
    return undefined;
  }
  if (site.skype === undefined) {
    ctx.refs.push({ path: p("site"), message: `site ${site.id} has no skype: ${f.kind} stops a ${what === "connector" ? "UCMA connector" : "Front End server"} of a Skype for Business site` });
    return undefined;
  }
  return site;
}

/** The 0-based index of the one of `n` a fault's 1-based `key` names, or undefined (with the problem said). */
function whichOne(
  ctx: NormalizeContext, p: (...rest: PathSegment[]) => Path, key: "connector" | "frontEnd", given: number | undefined, n: number, what: string, site: string,
): number | undefined {
  if (given === undefined) ctx.values.push({ path: p(key), message: `missing (expected which ${what} stops, 1..${n})` });
  else if (given > n) ctx.values.push({ path: p(key), message: `expected a ${what} of ${site}, 1..${n}, got ${given}` });
  else return given - 1;
  return undefined;
}

/** A connector-down names a Skype for Business site and one of its connectors (1-based in the file, 0-based after). */
export function connectorDown(
  ctx: NormalizeContext, sites: readonly SiteSpec[], f: RawFault, p: (...rest: PathSegment[]) => Path, out: SkypeFaultOut, unknownSite: (id: string) => string,
): void {
  const site = skypeSite(ctx, sites, f, p, "connector", unknownSite);
  if (site === undefined) return;
  const k = whichOne(ctx, p, "connector", f.connector, site.skype!.connectors, "connector", site.id);
  if (k !== undefined) out.connector = k;
  out.target = site.id;
  if (f.graceful !== undefined) out.graceful = f.graceful;
}

/** A frontend-down names a Skype for Business site and one Front End server of its pool (1-based in the file). A pool
 *  of one server stopping is the pool's failure, which ccsim does not model. */
export function frontEndDown(
  ctx: NormalizeContext, sites: readonly SiteSpec[], f: RawFault, p: (...rest: PathSegment[]) => Path, out: SkypeFaultOut, unknownSite: (id: string) => string,
): void {
  const site = skypeSite(ctx, sites, f, p, "Front End server", unknownSite);
  if (site === undefined) return;
  const n = site.skype!.frontEnds;
  if (n < 2) {
    ctx.values.push({
      path: p("site"),
      message: `site ${site.id}'s Front End pool has 1 server (skype.frontEnds): stopping it stops the whole pool, which ccsim does not model; give frontEnds 2 or more`,
    });
  } else {
    const k = whichOne(ctx, p, "frontEnd", f.frontEnd, n, "Front End server", site.id);
    if (k !== undefined) out.frontEnd = k;
  }
  out.target = site.id;
}

/** A stopped Front End server restarts no sooner than the remaining ones have resynchronised (the guide's "must"), and
 *  at every instant one server of the pool at least is running. */
export function checkFrontEndsLeft(ctx: NormalizeContext, sites: readonly SiteSpec[], faults: readonly FaultSpec[], horizon: number): void {
  const stops = faults.flatMap((f, i) => (f.kind === "frontend-down" && f.frontEnd !== undefined ? [{ f, i }] : []));
  for (const { f, i } of stops) {
    if (f.duration !== undefined && f.duration < FRONT_END_RESYNC) {
      ctx.values.push({
        path: ["faults", i, "duration"],
        message:
          `expected at least ${formatDuration(FRONT_END_RESYNC)}: "There must be at least 5 minute delay before restarting a stopped Front End Server" (${SKYPE}, ` +
          `Skype For Business Front End Server Maintenance); an earlier restart can de-synchronise the connectors, which ccsim does not model, got ${formatDuration(f.duration)}`,
      });
    }
  }
  for (const site of sites) {
    if (site.skype === undefined) continue;
    const mine = stops.filter(({ f }) => f.target === site.id);
    // at each stop's start, the servers down then (a server stopped twice counts once)
    for (const { f, i } of mine) {
      const down = new Set(mine.filter(({ f: g }) => g.at <= f.at && f.at < g.at + (g.duration ?? horizon)).map(({ f: g }) => g.frontEnd));
      if (down.size >= site.skype.frontEnds) {
        ctx.values.push({
          path: ["faults", i, "frontEnd"],
          message: `with this stop every Front End server of ${site.id} (${site.skype.frontEnds}) is down at once: the pool's failure, which ccsim does not model`,
        });
        return;
      }
    }
  }
}
