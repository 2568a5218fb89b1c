// A day's prices (costs:, agents[].costPerHour): present when the scenario prices anything, every price not given 0.
import { DEFAULTS } from "../defaults.js";
import type { CostsSpec } from "../cost-spec.js";
import type { NormalizeContext } from "./context.js";

/** The scenario's prices, or undefined when it gives none (no cost is reported anywhere). */
export function normalizeCosts(ctx: NormalizeContext): CostsSpec | undefined {
  const c = ctx.raw.costs;
  const groupPrices = ctx.raw.agents.some((a) => a.costPerHour !== undefined);
  if (c === undefined && !groupPrices) return undefined;
  const d = DEFAULTS.costs;
  return {
    ...(c?.currency === undefined ? {} : { currency: c.currency }),
    agentHour: c?.agentHour ?? d.agentHour,
    nodeHour: c?.nodeHour ?? d.nodeHour,
    ursPairHour: c?.ursPairHour ?? d.ursPairHour,
    abandoned: c?.abandoned ?? d.abandoned,
    waitingMinute: c?.waitingMinute ?? d.waitingMinute,
  };
}
