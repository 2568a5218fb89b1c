// What callers and agents do around a call (traffic[].retrial, callback, transfer): voice only, since a retrial is a
// caller dialling the Routing Point again, a callback a phone call the agent makes and a transfer a SIP Server call
// moved on from its agent; their delays are
// distributions like any other, a transfer's target a skill expression checked like the type's own.
import type { Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import { SkillExpressionError, compileSkillExpression, type SkillExpression } from "../skill-expression.js";
import type { AgentGroupSpec, Media, TrafficSpec } from "../types.js";
import type { CallbackSpec, RetrialSpec, TransferSpec } from "../caller-types.js";
import { DEFAULTS } from "../defaults.js";
import { dur, optDur, type NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";
import { checkExpressionRefs, skillsOf } from "./serving.js";

type RawTraffic = RawScenario["traffic"][number];
type Behaviours = { retrial?: RetrialSpec; transfer?: TransferSpec; callback?: CallbackSpec };
const VOICE_ONLY = { retrial: "only voice callers call again", transfer: "only voice calls are transferred", callback: "only voice callers get a callback" };

/** The type's retrial, callback and transfer, when it has them; refused for any media but voice. */
export function callerBehaviours(ctx: NormalizeContext, t: RawTraffic, media: Media, path: Path): Behaviours {
  const out: Behaviours = {};
  for (const key of ["retrial", "transfer", "callback"] as const) {
    if (t[key] !== undefined && media !== "voice") {
      ctx.values.push({ path: [...path, key], message: `${VOICE_ONLY[key]} (this type is ${media})`, key: true });
    }
  }
  if (media !== "voice") return out;
  const r = t.retrial;
  if (r !== undefined) {
    out.retrial = {
      probability: r.probability,
      delay: dist(ctx, r.delay, [...path, "retrial", "delay"]),
      maxAttempts: r.maxAttempts ?? DEFAULTS.retrial.maxAttempts,
    };
  }
  const x = t.transfer;
  if (x !== undefined) {
    if (t.recording !== undefined) {
      ctx.values.push({
        path: [...path, "transfer"],
        message: "a recorded call holds its media port from answer to release on one agent's leg; ccsim does not follow a recording across a transfer: remove recording or transfer",
        key: true,
      });
    }
    out.transfer = {
      share: x.share,
      target: x.target,
      ...(x.consult === undefined ? {} : { consult: dist(ctx, x.consult, [...path, "transfer", "consult"]) }),
    };
  }
  const c = t.callback;
  if (c !== undefined) {
    const at = (k: string): Path => [...path, "callback", k];
    out.callback = {
      offerAfter: dur(ctx, c.offerAfter, at("offerAfter")),
      accept: c.accept,
      dialTime: optDur(ctx, c.dialTime, at("dialTime"), DEFAULTS.callback.dialTime),
      answerProbability: c.answerProbability ?? DEFAULTS.callback.answerProbability,
    };
  }
  return out;
}

/** Each transfer target compiles, names skills and sites that exist, and matches some agent group. */
export function checkTransferTargets(ctx: NormalizeContext, agents: readonly AgentGroupSpec[], traffic: readonly TrafficSpec[], siteIds: readonly string[]): void {
  const allSkills = skillsOf(agents);
  traffic.forEach((t, i) => {
    if (t.transfer === undefined) return;
    const path: Path = ["traffic", i, "transfer", "target"];
    let expr: SkillExpression;
    try {
      expr = compileSkillExpression(t.transfer.target);
    } catch (e) {
      if (!(e instanceof SkillExpressionError)) throw e;
      ctx.values.push({ path, message: `bad skill expression: ${e.message}`, offset: e.offset });
      return;
    }
    const before = ctx.refs.length;
    checkExpressionRefs(ctx, expr, path, allSkills, siteIds);
    if (ctx.refs.length > before) return;
    if (!agents.some((g) => expr.matches(g.skills, g.site, t.site))) {
      ctx.serving.push({ path, message: `no agent group matches ${JSON.stringify(t.transfer.target)}: the transferred calls would wait for ever` });
    }
  });
}
