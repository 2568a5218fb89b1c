// Interaction types (traffic:): site, media, arrivals, handle time, patience, target skill expression, priority.
import type { Path, PathSegment } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { DistributionSpec, TrafficSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, duplicate, siteRef, type NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";
import { normalizeArrivals } from "./arrivals.js";
import { normalizeIm } from "./im.js";
import { mediaPortUse } from "./media-ports.js";
import { normalizeTrafficVoicemail } from "./voicemail.js";
import { normalizeTarget, type CompiledStep } from "./target-steps.js";
import type { CompiledTarget } from "./serving.js";

/** `compiled`: each type's target (its first step's) and where it was written; `later`: the later steps of the targets
 *  that widen. */
export function normalizeTraffic(
  ctx: NormalizeContext,
  horizon: number,
  siteIds: readonly string[],
): { traffic: TrafficSpec[]; compiled: (CompiledTarget | undefined)[]; later: CompiledStep[] } {
  const seen = new Map<string, number>();
  const compiled: (CompiledTarget | undefined)[] = [];
  const later: CompiledStep[] = [];
  // the voice types IM sessions escalate to (traffic[].im.escalation.type) may have no arrivals of their own
  const escalated = new Set(ctx.raw.traffic.flatMap((t) => (t.im?.escalation === undefined ? [] : [t.im.escalation.type])));
  const traffic = ctx.raw.traffic.map((t, i) => {
    const p = (...rest: PathSegment[]): Path => ["traffic", i, ...rest];
    duplicate(ctx, seen, t.type, p("type"), "type", "traffic");
    const site = siteRef(ctx, t.site, p("site"), siteIds);
    const arrivals = normalizeArrivals(ctx, t.arrivals, horizon, p("arrivals"), escalated.has(t.type) && (t.media ?? DEFAULTS.traffic.media) === "voice");
    const target = normalizeTarget(ctx, t.target, i, later);
    compiled.push(target.expr === undefined ? undefined : { expr: target.expr, path: target.path });
    const media = t.media ?? DEFAULTS.traffic.media;
    if (t.im !== undefined && media !== "im") {
      ctx.values.push({ path: p("im"), message: `only media im takes im (this type is ${media})`, key: true });
    }
    const spec: TrafficSpec = {
      type: t.type,
      site,
      media,
      arrivals,
      handleTime: handleTime(ctx, t, i),
      ...(t.patience === undefined ? {} : { patience: dist(ctx, t.patience, p("patience")) }),
      target: target.target,
      ...(target.targetSteps === undefined ? {} : { targetSteps: target.targetSteps }),
      priority: t.priority ?? DEFAULTS.traffic.priority,
      ...(t.serviceLevel === undefined ? {} : { serviceLevel: dur(ctx, t.serviceLevel, p("serviceLevel")) }),
      ...(media === "im" ? { im: normalizeIm(ctx, t.im ?? {}, p("im")) } : {}),
      ...mediaPortUse(ctx, t, p()),
      ...(t.voicemail === undefined ? {} : { voicemail: normalizeTrafficVoicemail(ctx, t.voicemail, p("voicemail")) }),
    };
    return spec;
  });
  return { traffic, compiled, later };
}

/** IM sessions last as long as their conversation; every other media needs its handle time */
export function handleTime(ctx: NormalizeContext, t: RawScenario["traffic"][number], i: number): DistributionSpec {
  const path: Path = ["traffic", i, "handleTime"];
  if (t.media === "im") {
    if (t.handleTime !== undefined) {
      ctx.values.push({ path, message: "an IM session lasts as long as its conversation: give im.messages and im.gap instead", key: true });
    }
    return { dist: "constant", value: 0 };
  }
  if (t.handleTime === undefined) {
    ctx.values.push({ path, message: "missing (expected a distribution: a duration like 30s, or a mapping like {dist: exponential, mean: 30s})" });
    return { dist: "constant", value: 0 };
  }
  return dist(ctx, t.handleTime, path);
}
