// High availability and recovery timings (ha:), defaulted from the SIP Server and SIP Cluster options they model.
import type { Path } from "../errors.js";
import type { HaSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, optDur, type NormalizeContext } from "./context.js";

/** A fixed detection time replaces the oos-check cycle, so giving both would leave one of them unused. */
function proxyDetection(ctx: NormalizeContext, r: NonNullable<NormalizeContext["raw"]["ha"]>): number | null {
  if (r.proxyDetection === undefined) return null;
  const other = r.proxyCheck !== undefined ? "proxyCheck" : r.proxyForce !== undefined ? "proxyForce" : null;
  if (other !== null) {
    ctx.values.push({
      path: ["ha", "proxyDetection"],
      message: `expected either proxyDetection (a fixed detection time) or proxyCheck/proxyForce ([sipproxy] oos-check/oos-force), not both: ${other} is given too`,
    });
  }
  return dur(ctx, r.proxyDetection, ["ha", "proxyDetection"]);
}

export function normalizeHa(ctx: NormalizeContext): HaSpec {
  const r = ctx.raw.ha ?? {};
  const d = DEFAULTS.ha;
  const at = (k: keyof typeof d): Path => ["ha", k];
  return {
    addpTimeout: optDur(ctx, r.addpTimeout, at("addpTimeout"), d.addpTimeout, { positive: true }),
    proxyCheck: optDur(ctx, r.proxyCheck, at("proxyCheck"), d.proxyCheck, { positive: true }),
    proxyForce: optDur(ctx, r.proxyForce, at("proxyForce"), d.proxyForce),
    proxyDetection: proxyDetection(ctx, r),
    tcReconnectTimeout: optDur(ctx, r.tcReconnectTimeout, at("tcReconnectTimeout"), d.tcReconnectTimeout),
    registrationDelay: optDur(ctx, r.registrationDelay, at("registrationDelay"), d.registrationDelay, { positive: true }),
    agentStateAutoRestore: r.agentStateAutoRestore ?? d.agentStateAutoRestore,
    loginDelay: optDur(ctx, r.loginDelay, at("loginDelay"), d.loginDelay),
    requestTimeout: optDur(ctx, r.requestTimeout, at("requestTimeout"), d.requestTimeout, { positive: true }),
  };
}
