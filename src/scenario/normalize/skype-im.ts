// IM on the Skype for Business site (Multimedia Connector for Skype for Business Deployment Guide): the idle release
// Skype imposes, treatments that may wait indefinitely (there only), escalation to voice (there only), and IM
// suppression: Skype IM and eServices chat are not routed to the same agents.
import { SKYPE } from "../default-source.js";
import { suggestion } from "../did-you-mean.js";
import type { AgentGroupSpec, CapacityRuleSpec, SiteSpec, TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";
import { canTake, type CompiledTarget } from "./serving.js";


export function checkSkypeIm(
  ctx: NormalizeContext,
  sites: readonly SiteSpec[],
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
  compiled: readonly (CompiledTarget | undefined)[],
  rules: readonly CapacityRuleSpec[],
): void {
  const skypeSite = sites.find((s) => s.skype !== undefined)?.id;
  /** whether traffic type k can reach group g: its target matches the group and the group's rule has room for it */
  const takes = (g: AgentGroupSpec, k: number) =>
    compiled[k] !== undefined && canTake(g, traffic[k]!.media, rules) && compiled[k]!.expr.matches(g.skills, g.site, traffic[k]!.site);
  traffic.forEach((t, i) => {
    if (t.im === undefined) return;
    const path = ["traffic", i, "im"];
    if (t.site === skypeSite) {
      if (ctx.raw.traffic[i]!.im?.idleTimeout !== undefined) {
        ctx.values.push({
          path: [...path, "idleTimeout"],
          key: true,
          message:
            `site ${t.site} is the Skype for Business site: "Skype for Business Server releases an unused IM session after 10 minutes ` +
            `of inactivity. This is the default behavior which cannot be overridden on the Genesys T-Server and UCMA Connector ` +
            `for Skype for Business side" (${SKYPE}, IM Calls); remove idleTimeout`,
        });
      }
      if (t.im.escalation !== undefined) checkEscalation(ctx, agents, traffic, rules, takes, i);
      checkSuppression(ctx, agents, traffic, takes, i);
      return;
    }
    t.im.treatments.forEach((tr, k) => {
      if (tr.kind !== "collectDigits" || tr.totalTimeout !== undefined) return;
      ctx.values.push({
        path: [...path, "treatments", k, "collectDigits"],
        message:
          "missing totalTimeout: on a SIP Server site an IM's CollectDigits waits TOTAL_TIMEOUT (\"The only applicable parameter " +
          "is TOTAL_TIMEOUT\", Instant Messaging Solution Guide, Applying Treatments); only T-Server for Skype for Business " +
          `waits indefinitely without it ("If the TOTAL_TIMEOUT parameter is not supplied, T-Server waits for a customer's input indefinitely", ${SKYPE}, IM Treatments)`,
      });
    });
    if (t.im.escalation !== undefined) {
      ctx.values.push({
        path: [...path, "escalation"],
        key: true,
        message:
          `escalation from IM to voice is T-Server for Skype for Business's ("T-Server supports escalation operations from an IM ` +
          `call to an audio call", ${SKYPE}, Supported Media Escalations); site ${t.site} is a SIP Server site, ` +
          `${skypeSite === undefined ? "and no site has skype" : `the Skype site is ${skypeSite}`}`,
      });
    }
  });
}

type Takes = (g: AgentGroupSpec, k: number) => boolean;

/** The escalated call is a voice call of a named type of the same site: "During escalation T-Server creates a new
 *  separate call object with a new Connection ID" (Escalation Between IM Call and Audio Call); it reaches the session's
 *  agent, who then holds both, so every group the IM reaches needs a capacity rule with room for voice beside it. */
function checkEscalation(
  ctx: NormalizeContext,
  agents: readonly AgentGroupSpec[],
  traffic: readonly TrafficSpec[],
  rules: readonly CapacityRuleSpec[],
  takes: Takes,
  i: number,
): void {
  const t = traffic[i]!;
  const path = ["traffic", i, "im", "escalation", "type"];
  const name = t.im!.escalation!.type;
  const to = traffic.find((u) => u.type === name);
  if (to === undefined) {
    const names = traffic.filter((u) => u.media === "voice").map((u) => u.type);
    const hint = suggestion(name, names);
    ctx.refs.push({
      path,
      message: `unknown traffic type ${JSON.stringify(name)}${hint}${hint === "" ? `; voice types are ${names.join(", ") || "none"}` : ""}`,
    });
  } else if (to.media !== "voice" || to.site !== t.site) {
    ctx.values.push({
      path,
      message:
        `expected a voice type of site ${t.site}: the escalated call is an audio call of the same T-Server, got ${name} ` +
        `(${to.media} at site ${to.site})`,
    });
  }
  const narrow = agents.find((g) => takes(g, i) && !rules.find((r) => r.name === g.capacity)!.alternatives.some((a) => (a.voice ?? 0) >= 1 && (a.chat ?? 0) >= 1));
  if (narrow === undefined) return;
  ctx.values.push({
    path: ["traffic", i, "im", "escalation"],
    key: true,
    message:
      `agent group ${narrow.group} takes ${t.type} but its capacity rule ${narrow.capacity} has no alternative with voice and ` +
      `chat together, and the escalated call reaches the session's agent while it holds the IM ("an agent busy on an IM call ` +
      `should be considered available to receive a voice or video call", ${SKYPE}, Capacity Rules); give it e.g. {voice: 1, chat: 1}`,
  });
}

/** IM Suppression: "routing and reporting is not able to operate correctly in a configuration where Skype for Business
 *  IM and Genesys eServices chat are handled by the same agents": a group that could take both is refused. */
function checkSuppression(ctx: NormalizeContext, agents: readonly AgentGroupSpec[], traffic: readonly TrafficSpec[], takes: Takes, i: number): void {
  const im = traffic[i]!;
  for (const g of agents) {
    if (!takes(g, i)) continue;
    const chat = traffic.findIndex((u, k) => u.media === "chat" && takes(g, k));
    if (chat < 0) continue;
    ctx.serving.push({
      path: ["traffic", i, "target"],
      message:
        `agent group ${g.group} would take Skype for Business IM (${im.type}) and eServices chat (${traffic[chat]!.type}): ` +
        `"routing and reporting is not able to operate correctly in a configuration where Skype for Business IM and Genesys ` +
        `eServices chat are handled by the same agents" (${SKYPE}, IM Suppression); give the two media different agents ` +
        "(targets or capacity rules), or leave the IM out: with im-reporting=disabled Genesys does not route it",
    });
    return;
  }
}
