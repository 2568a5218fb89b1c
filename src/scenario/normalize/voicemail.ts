// Voicemail on an Asterisk site (SIP Server and Asterisk Integration Reference, Asterisk as a Voicemail Server;
// Building a Voicemail Solution; MWI Subscription Scope): a group's boxes (agents[].voicemail), where an unanswered
// call overflows (agents[].noAnswerOverflow), a strategy's branch to a group's box (traffic[].voicemail), and SIP
// Server's MWI subscriptions (sites[].mwi); and the rules that tie them to an Asterisk site.
import type { RawScenario } from "../schema.js";
import type { Path } from "../errors.js";
import type { AgentGroupSpec, MwiSpec, SiteSpec, TrafficSpec, TrafficVoicemailSpec, VoicemailSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { suggestion } from "../did-you-mean.js";
import { optDur, type NormalizeContext } from "./context.js";
import { dist } from "./distributions.js";

type RawVoicemail = NonNullable<RawScenario["agents"][number]["voicemail"]>;
type RawTrafficVoicemail = NonNullable<RawScenario["traffic"][number]["voicemail"]>;
type RawMwi = NonNullable<RawScenario["sites"][number]["mwi"]>;

const REFERENCE = "SIP Server and Asterisk Integration Reference";
const d = DEFAULTS.voicemail;

export function normalizeVoicemail(ctx: NormalizeContext, raw: RawVoicemail, path: Path): VoicemailSpec {
  return {
    box: raw.box,
    leaveMessage: raw.leaveMessage ?? d.leaveMessage,
    recording: raw.recording === undefined ? { dist: "constant", value: d.recording } : dist(ctx, raw.recording, [...path, "recording"]),
    handleTime: raw.handleTime === undefined ? { dist: "constant", value: d.handleTime } : dist(ctx, raw.handleTime, [...path, "handleTime"]),
  };
}

export function normalizeTrafficVoicemail(ctx: NormalizeContext, raw: RawTrafficVoicemail, path: Path): TrafficVoicemailSpec {
  return { group: raw.group, after: optDur(ctx, raw.after, [...path, "after"], DEFAULTS.trafficVoicemail.after) };
}

export function normalizeMwi(ctx: NormalizeContext, raw: RawMwi, path: Path): MwiSpec {
  const m = DEFAULTS.mwi;
  const expires = optDur(ctx, raw.expires, [...path, "expires"], m.expires, { positive: true });
  const refreshBefore = optDur(ctx, raw.refreshBefore, [...path, "refreshBefore"], m.refreshBefore);
  if (expires > 0 && refreshBefore >= expires) {
    ctx.values.push({ path: [...path, "refreshBefore"], message: `expected less than expires (${expires} s): a subscription is refreshed before it lapses, got ${refreshBefore} s` });
  }
  return { extensionEnable: raw.extensionEnable ?? m.extensionEnable, expires, refreshBefore };
}

/** whether the scenario has voicemail or MWI anywhere (its metrics are then reported) */
export function usesVoicemail(sites: readonly SiteSpec[], agents: readonly AgentGroupSpec[]): boolean {
  return sites.some((s) => s.mwi !== undefined) || agents.some((g) => g.voicemail !== undefined);
}

/** Boxes live on Asterisk: a group with one is on an Asterisk site; an overflow to voicemail needs the group's box; a
 *  strategy's voicemail branch names a group box and is for voice; MWI is an Asterisk site's. */
export function checkVoicemail(ctx: NormalizeContext, sites: readonly SiteSpec[], agents: readonly AgentGroupSpec[], traffic: readonly TrafficSpec[]): void {
  const pbx = new Set(sites.filter((s) => s.pbx === "asterisk").map((s) => s.id));
  sites.forEach((s, i) => {
    if (s.mwi !== undefined && s.pbx !== "asterisk") {
      ctx.values.push({ path: ["sites", i, "mwi"], message: `MWI subscriptions go to Asterisk's voicemail boxes (${REFERENCE}, MWI Subscription Scope): give site ${s.id} pbx: asterisk, or remove mwi`, key: true });
    }
  });
  agents.forEach((g, i) => {
    if (g.voicemail !== undefined && !pbx.has(g.site)) {
      ctx.values.push({
        path: ["agents", i, "voicemail"],
        message: `voicemail boxes are hosted on Asterisk (${REFERENCE}, Asterisk as a Voicemail Server): give site ${g.site} pbx: asterisk, or remove voicemail`,
        key: true,
      });
    }
    if (g.noAnswerOverflow === "voicemail" && g.voicemail === undefined) {
      ctx.values.push({
        path: ["agents", i, "noAnswerOverflow"],
        message: `no-answer-overflow voicemail sends the unanswered call to "the voicemail box associated with this DN" (${REFERENCE}, Building a Voicemail Solution): give group ${g.group} a voicemail box (voicemail: {box: ...}), or use recall`,
      });
    }
  });
  const names = agents.map((g) => g.group);
  traffic.forEach((t, i) => {
    const vm = t.voicemail;
    if (vm === undefined) return;
    const path: Path = ["traffic", i, "voicemail"];
    if (t.media !== "voice") {
      ctx.values.push({ path, message: `only voice calls reach a voicemail box (this type is ${t.media})`, key: true });
      return;
    }
    const k = names.indexOf(vm.group);
    if (k < 0) {
      const hint = suggestion(vm.group, names);
      ctx.refs.push({ path: [...path, "group"], message: `unknown agent group ${JSON.stringify(vm.group)}${hint}${hint === "" ? `; groups are ${names.join(", ")}` : ""}` });
      return;
    }
    if (agents[k]!.voicemail?.box !== "group") {
      ctx.values.push({
        path: [...path, "group"],
        message: `a strategy sends the call to "the voicemail box associated with the Agent Group" (${REFERENCE}, Building a Voicemail Solution): give group ${vm.group} voicemail: {box: group}`,
      });
    }
  });
}
