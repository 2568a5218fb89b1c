// Routing architecture and URS options (routing:): mode, nodes per URS pair, agent reservation, router-timeout and the
// default DN (default-route.ts); and what the guide rules out for them (implicit reservation with blended or
// multimedia agents).
import type { AgentGroupSpec, CapacityRuleSpec, Scenario } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { optDur, type NormalizeContext } from "./context.js";
import { normalizeDefaultRoute } from "./default-route.js";

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
    defaultRoute: normalizeDefaultRoute(ctx),
    ursBackup: r.ursBackup ?? d.ursBackup,
  };
}

/** "Implicit agent reservation doesn't support blended or multimedia agents" (SIP Cluster Solution Guide, URS option
 *  agent_reservation): implicit reservation is refused when an agent group's capacity rule takes any media but voice. */
export function checkReservation(
  ctx: NormalizeContext,
  routing: Scenario["routing"],
  agents: readonly AgentGroupSpec[],
  rules: readonly CapacityRuleSpec[],
): void {
  if (routing.reservation.mode !== "implicit") return;
  for (const g of agents) {
    const rule = rules.find((r) => r.name === g.capacity);
    const media = rule?.alternatives.flatMap((alt) => Object.keys(alt).filter((m) => m !== "voice" && (alt[m as "chat"] ?? 0) > 0));
    if (media === undefined || media.length === 0) continue;
    ctx.values.push({
      path: ["routing", "reservation", "mode"],
      message:
        `implicit reservation with agent group ${g.group}, whose capacity rule ${g.capacity} takes ${[...new Set(media)].join(", ")}: ` +
        `"Implicit agent reservation doesn't support blended or multimedia agents" (SIP Cluster Solution Guide, ` +
        `agent_reservation); use mode: explicit`,
    });
    return;
  }
}
