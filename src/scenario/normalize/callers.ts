// What callers and agents do around a call (traffic[].retrial, traffic[].transfer): voice only, since a retrial is a
// caller dialling the Routing Point again and a transfer a SIP Server call moved on from its agent; their delays are
// distributions like any other, a transfer's target a skill expression checked like the type's own.
import type { Path } from "../errors.js";
import type { RawScenario } from "../schema.js";
import { SkillExpressionError, compileSkillExpression, type SkillExpression } from "../skill-expression.js";
import type { AgentGroupSpec, Media, RetrialSpec, TrafficSpec, TransferSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import type { NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";
import { checkExpressionRefs, skillsOf } from "./serving.js";

type RawTraffic = RawScenario["traffic"][number];

/** The type's retrial and transfer, when it has them; refused for any media but voice. */
export function callerBehaviours(ctx: NormalizeContext, t: RawTraffic, media: Media, path: Path): { retrial?: RetrialSpec; transfer?: TransferSpec } {
  const out: { retrial?: RetrialSpec; transfer?: TransferSpec } = {};
  for (const key of ["retrial", "transfer"] as const) {
    if (t[key] !== undefined && media !== "voice") {
      const what = key === "retrial" ? "only voice callers call again" : "only voice calls are transferred";
      ctx.values.push({ path: [...path, key], message: `${what} (this type is ${media})`, key: true });
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
