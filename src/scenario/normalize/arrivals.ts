// Arrivals (traffic[].arrivals): a constant Poisson rate, a profile of rates per period, or a recorded trace.
import { formatDuration } from "../duration.js";
import { describeValue, type Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { ArrivalsSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { EPS, covers, dur, rateValue, type NormalizeContext } from "./context.js";

const DAY = 86400;

/** `escalated`: the type's calls may all be IM sessions escalated to voice, so a profile of rates all 0 is allowed. */
export function normalizeArrivals(
  ctx: NormalizeContext,
  a: NonNullable<RawScenario["traffic"][number]["arrivals"]>,
  horizon: number,
  path: Path,
  escalated = false,
): ArrivalsSpec {
  const at = (k: string): Path => [...path, k];
  if (a.trace !== undefined) {
    const extra = (["rate", "period", "rates"] as const).find((k) => a[k] !== undefined);
    if (extra !== undefined) {
      ctx.values.push({ path: at(extra), message: "give either rate, period with rates, or trace, not several", key: true });
    }
    const resample = a.resample ?? DEFAULTS.arrivals.resample;
    if (resample && !(horizon >= 2 * DAY && Number.isInteger(horizon / DAY))) {
      ctx.values.push({
        path: at("resample"),
        message: `resample replays days drawn from the trace: expected a horizon of whole days, at least 2 (24h, 48h, ...), got ${formatDuration(horizon)}`,
      });
    }
    ctx.traces.push({ index: path[1] as number, source: a.trace, resample });
    // the trace's own profile replaces this once it is read
    return { period: horizon, rates: [0] };
  }
  if (a.resample !== undefined) {
    ctx.values.push({ path: at("resample"), message: "only a trace can be resampled (arrivals: {trace: calls.csv, resample: true})", key: true });
  }
  if (a.rate !== undefined) {
    if (a.period !== undefined || a.rates !== undefined) {
      const extra = a.period !== undefined ? "period" : "rates";
      ctx.values.push({ path: at(extra), message: "give either rate, or period with rates, not both", key: true });
    }
    const rate = rateValue(ctx, a.rate, at("rate"));
    if (rate === 0) ctx.values.push({ path: at("rate"), message: `expected a rate > 0, got ${describeValue(a.rate)}` });
    return { period: horizon, rates: [rate] };
  }
  if (a.period === undefined && a.rates === undefined) {
    ctx.values.push({ path: at("rate"), message: "missing (expected rate: like 20/min, period with rates, or trace: a CSV file)" });
    return { period: horizon, rates: [0] };
  }
  if (a.period === undefined) {
    ctx.values.push({ path: at("period"), message: "missing (expected the length of each period of rates, e.g. 1h)" });
    return { period: horizon, rates: [0] };
  }
  if (a.rates === undefined) {
    ctx.values.push({ path: at("rates"), message: "missing (expected a list of rates, one per period)" });
    return { period: horizon, rates: [0] };
  }
  const period = dur(ctx, a.period, at("period"), { positive: true });
  const rates = a.rates.map((x, i) => rateValue(ctx, x, [...path, "rates", i]));
  covers(ctx, rates.length, period, horizon, at("rates"), "rate");
  const within = period > 0 ? rates.slice(0, Math.max(1, Math.ceil(horizon / period - EPS))) : rates;
  if (!escalated && !within.some((x) => x > 0)) {
    ctx.values.push({ path: at("rates"), message: "expected at least one rate > 0 within the horizon, got all 0" });
  }
  return { period, rates };
}
