// Instant Messaging (traffic[].im): the conversation (messages, gaps, idle timeout) and the treatments before routing.
import type { Path, PathSegment } from "../errors.js";
import type { RawScenario } from "../schema.js";
import type { ImSpec, TreatmentSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, optDur, type NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";

export function normalizeIm(ctx: NormalizeContext, raw: NonNullable<RawScenario["traffic"][number]["im"]>, path: Path): ImSpec {
  const at = (...rest: PathSegment[]): Path => [...path, ...rest];
  const treatments = (raw.treatments ?? []).map((tr, k): TreatmentSpec => {
    const here = at("treatments", k);
    if ((tr.playAnnouncement === undefined) === (tr.collectDigits === undefined)) {
      ctx.values.push({ path: here, message: "expected exactly one of playAnnouncement or collectDigits" });
      return { kind: "playAnnouncement", duration: 0 };
    }
    if (tr.playAnnouncement !== undefined) {
      return { kind: "playAnnouncement", duration: dur(ctx, tr.playAnnouncement, [...here, "playAnnouncement"]) };
    }
    const c = tr.collectDigits!;
    const cd: Path = [...here, "collectDigits"];
    return {
      kind: "collectDigits",
      ...(c.totalTimeout === undefined ? {} : { totalTimeout: dur(ctx, c.totalTimeout, [...cd, "totalTimeout"], { positive: true }) }),
      reply: dist(ctx, c.reply, [...cd, "reply"]),
      onTimeout: c.onTimeout ?? DEFAULTS.im.onTimeout,
    };
  });
  return {
    messages: raw.messages === undefined ? { dist: "constant", value: DEFAULTS.im.messages } : dist(ctx, raw.messages, at("messages")),
    gap: raw.gap === undefined ? { dist: "exponential", mean: DEFAULTS.im.gapMean } : dist(ctx, raw.gap, at("gap")),
    idleTimeout: optDur(ctx, raw.idleTimeout, at("idleTimeout"), DEFAULTS.im.idleTimeout, { positive: true }),
    treatments,
    ...(raw.escalation === undefined ? {} : { escalation: { share: raw.escalation.share, type: raw.escalation.type } }),
  };
}
