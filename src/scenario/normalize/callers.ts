// What callers do around a call (traffic[].retrial): voice only, since a retrial is a caller dialling the Routing
// Point again; the delay a distribution like any other.
import type { Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { Media, RetrialSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import type { NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";

type RawTraffic = RawScenario["traffic"][number];

/** The type's retrial, when it has one; refused for any media but voice. */
export function callerBehaviours(ctx: NormalizeContext, t: RawTraffic, media: Media, path: Path): { retrial?: RetrialSpec } {
  const r = t.retrial;
  if (r === undefined) return {};
  if (media !== "voice") {
    ctx.values.push({ path: [...path, "retrial"], message: `only voice callers call again (this type is ${media})`, key: true });
    return {};
  }
  return {
    retrial: {
      probability: r.probability,
      delay: dist(ctx, r.delay, [...path, "retrial", "delay"]),
      maxAttempts: r.maxAttempts ?? DEFAULTS.retrial.maxAttempts,
    },
  };
}
