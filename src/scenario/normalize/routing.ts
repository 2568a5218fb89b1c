// Routing architecture and URS options (routing:): mode, nodes per URS pair, agent reservation, router-timeout.
import type { Scenario } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { optDur, type NormalizeContext } from "./context.js";

export function normalizeRouting(ctx: NormalizeContext): Scenario["routing"] {
  const r = ctx.raw.routing ?? {};
  const d = DEFAULTS.routing;
  const mode = r.mode ?? d.mode;
  let nodesPerUrs: number = d.nodesPerUrs;
  if (mode === "grouped") {
    if (r.nodesPerUrs === undefined) {
      ctx.values.push({
        path: ["routing", "nodesPerUrs"],
        message: "missing (expected a whole number >= 1: routing mode grouped needs nodes per URS pair)",
      });
    } else {
      nodesPerUrs = r.nodesPerUrs;
    }
  } else if (r.nodesPerUrs !== undefined) {
    ctx.values.push({
      path: ["routing", "nodesPerUrs"],
      message: `only allowed with mode: grouped (mode is ${mode})`,
      key: true,
    });
  }
  const res = r.reservation ?? {};
  return {
    mode,
    nodesPerUrs,
    environment: r.environment ?? d.environment,
    selection: r.selection ?? d.selection,
    reservation: {
      mode: res.mode ?? d.reservation.mode,
      collectionTime: optDur(ctx, res.collectionTime, ["routing", "reservation", "collectionTime"], d.reservation.collectionTime),
      reservationTime: optDur(ctx, res.reservationTime, ["routing", "reservation", "reservationTime"], d.reservation.reservationTime, { positive: true }),
    },
    routerTimeout: optDur(ctx, r.routerTimeout, ["routing", "routerTimeout"], d.routerTimeout, { positive: true }),
    strategyTime: optDur(ctx, r.strategyTime, ["routing", "strategyTime"], d.strategyTime),
    proxy: r.proxy ?? d.proxy,
    defaultRoute: r.defaultRoute ?? d.defaultRoute,
    ursBackup: r.ursBackup ?? d.ursBackup,
  };
}
