// High availability and recovery timings (ha:), defaulted from the SIP Server and SIP Cluster options they model.
import type { Path } from "../errors.js";
import type { HaSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { optDur, type NormalizeContext } from "./context.js";

export function normalizeHa(ctx: NormalizeContext): HaSpec {
  const r = ctx.raw.ha ?? {};
  const d = DEFAULTS.ha;
  const at = (k: keyof typeof d): Path => ["ha", k];
  return {
    addpTimeout: optDur(ctx, r.addpTimeout, at("addpTimeout"), d.addpTimeout, { positive: true }),
    proxyDetection: optDur(ctx, r.proxyDetection, at("proxyDetection"), d.proxyDetection),
    tcReconnectTimeout: optDur(ctx, r.tcReconnectTimeout, at("tcReconnectTimeout"), d.tcReconnectTimeout),
    registrationDelay: optDur(ctx, r.registrationDelay, at("registrationDelay"), d.registrationDelay, { positive: true }),
    agentStateAutoRestore: r.agentStateAutoRestore ?? d.agentStateAutoRestore,
    loginDelay: optDur(ctx, r.loginDelay, at("loginDelay"), d.loginDelay),
    requestTimeout: optDur(ctx, r.requestTimeout, at("requestTimeout"), d.requestTimeout, { positive: true }),
  };
}
