// High availability and recovery timings (ha:), defaulted from the SIP Server and SIP Cluster options they model.
import type { Path } from "../errors.js";
import type { HaSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, optDur, type NormalizeContext } from "./context.js";

type RawHa = NonNullable<NormalizeContext["raw"]["ha"]>;

/** A fixed time (`key`) replaces a mechanism's options (`options`): giving both would leave one of them unused. */
function fixedInstead(
  ctx: NormalizeContext,
  r: RawHa,
  key: "proxyDetection" | "registrationDelay",
  options: readonly (keyof RawHa)[],
  what: string,
  instead: string,
  positive: boolean,
): number | null {
  if (r[key] === undefined) return null;
  const other = options.find((o) => r[o] !== undefined);
  if (other !== undefined) {
    ctx.values.push({
      path: ["ha", key],
      message: `expected either ${key} (${what}) or ${instead}, not both: ${String(other)} is given too`,
    });
  }
  return dur(ctx, r[key], ["ha", key], { positive });
}

export function normalizeHa(ctx: NormalizeContext): HaSpec {
  const r = ctx.raw.ha ?? {};
  const d = DEFAULTS.ha;
  const at = (k: keyof typeof d): Path => ["ha", k];
  return {
    addpTimeout: optDur(ctx, r.addpTimeout, at("addpTimeout"), d.addpTimeout, { positive: true }),
    proxyCheck: optDur(ctx, r.proxyCheck, at("proxyCheck"), d.proxyCheck, { positive: true }),
    proxyForce: optDur(ctx, r.proxyForce, at("proxyForce"), d.proxyForce),
    proxyDetection: fixedInstead(ctx, r, "proxyDetection", ["proxyCheck", "proxyForce"], "a fixed detection time", "proxyCheck/proxyForce ([sipproxy] oos-check/oos-force)", false),
    tcReconnectTimeout: optDur(ctx, r.tcReconnectTimeout, at("tcReconnectTimeout"), d.tcReconnectTimeout),
    registrationRefresh: optDur(ctx, r.registrationRefresh, at("registrationRefresh"), d.registrationRefresh, { positive: true }),
    registrationDelay: fixedInstead(ctx, r, "registrationDelay", ["registrationRefresh"], "a fixed re-registration time", "registrationRefresh (the phones' refresh interval)", true),
    agentStateAutoRestore: r.agentStateAutoRestore ?? d.agentStateAutoRestore,
    loginDelay: optDur(ctx, r.loginDelay, at("loginDelay"), d.loginDelay),
    gwsMoveWait: optDur(ctx, r.gwsMoveWait, at("gwsMoveWait"), d.gwsMoveWait),
    requestTimeout: optDur(ctx, r.requestTimeout, at("requestTimeout"), d.requestTimeout, { positive: true }),
    regDnsChunkDelay: optDur(ctx, r.regDnsChunkDelay, at("regDnsChunkDelay"), d.regDnsChunkDelay),
    regDnsChunkVolume: r.regDnsChunkVolume ?? d.regDnsChunkVolume,
  };
}
