// Agent groups (agents:): site, count or staffing over the day, skills, capacity rule, phone, answer and wrap-up.
import { suggestion } from "../did-you-mean.js";
import type { Path, PathSegment } from "../errors.js";
import type { AgentGroupSpec, CapacityRuleSpec, StaffingSpec } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import { formatDuration } from "../duration.js";
import { covers, dur, duplicate, optDur, siteRef, type NormalizeContext } from "./context.js";
import { normalizePrivateCalls } from "./asterisk.js";
import { dist } from "./distributions.js";
import { normalizeVoicemail } from "./voicemail.js";

export function normalizeAgents(ctx: NormalizeContext, horizon: number, siteIds: readonly string[], rules: readonly CapacityRuleSpec[]): AgentGroupSpec[] {
  const seen = new Map<string, number>();
  const ruleNames = rules.map((r) => r.name);
  const d = DEFAULTS.agent;
  return ctx.raw.agents.map((a, i) => {
    const p = (...rest: PathSegment[]): Path => ["agents", i, ...rest];
    duplicate(ctx, seen, a.group, p("group"), "group", "agents");
    const site = siteRef(ctx, a.site, p("site"), siteIds);
    let count = 1;
    let staffing: StaffingSpec | undefined;
    if (a.count !== undefined && a.staffing !== undefined) {
      ctx.values.push({ path: p("staffing"), message: "give either count or staffing, not both", key: true });
    } else if (a.count !== undefined) {
      count = a.count;
    } else if (a.staffing !== undefined) {
      const period = dur(ctx, a.staffing.period, p("staffing", "period"), { positive: true });
      const counts = a.staffing.counts.slice();
      covers(ctx, counts.length, period, horizon, p("staffing", "counts"), "count");
      count = Math.max(...counts);
      if (count < 1) ctx.values.push({ path: p("staffing", "counts"), message: "expected at least one count >= 1, got all 0" });
      staffing = { period, counts };
    } else {
      ctx.values.push({ path: p("count"), message: "missing (expected count: a whole number >= 1, or staffing: {period, counts})" });
    }
    const capacity = a.capacity ?? d.capacity;
    if (!ruleNames.includes(capacity)) {
      const hint = suggestion(capacity, ruleNames);
      ctx.refs.push({
        path: p("capacity"),
        message: `unknown capacity rule ${JSON.stringify(capacity)}${hint}${hint === "" ? `; rules are ${ruleNames.join(", ")}` : ""}`,
      });
    }
    const group: AgentGroupSpec = {
      group: a.group,
      site,
      count,
      ...(staffing === undefined ? {} : { staffing }),
      skills: Object.fromEntries(Object.entries(a.skills ?? {})),
      capacity,
      phone: a.phone ?? d.phone,
      answerDelay: a.answerDelay === undefined ? { dist: "constant", value: d.answerDelay } : dist(ctx, a.answerDelay, p("answerDelay")),
      noAnswer: a.noAnswer ?? d.noAnswer,
      noAnswerTimeout: optDur(ctx, a.noAnswerTimeout, p("noAnswerTimeout"), d.noAnswerTimeout, { positive: true }),
      noAnswerAction: a.noAnswerAction ?? d.noAnswerAction,
      noAnswerNotReady: optDur(ctx, a.noAnswerNotReady, p("noAnswerNotReady"), d.noAnswerNotReady),
      wrapUp: a.wrapUp === undefined ? { dist: "constant", value: d.wrapUp } : dist(ctx, a.wrapUp, p("wrapUp")),
      ...(a.privateCalls === undefined ? {} : { privateCalls: normalizePrivateCalls(ctx, a.privateCalls, p("privateCalls")) }),
      noAnswerOverflow: a.noAnswerOverflow ?? d.noAnswerOverflow,
      // kept only when given, so a scenario without it normalizes as before; its default is read where it is used
      ...(a.costPerHour === undefined ? {} : { costPerHour: a.costPerHour }),
      ...(a.voicemail === undefined ? {} : { voicemail: normalizeVoicemail(ctx, a.voicemail, p("voicemail")) }),
      ...shrinkageOf(ctx, a.shrinkage ?? d.shrinkage, staffing, p("shrinkage")),
      ...((a.maxOccupancy ?? d.maxOccupancy) < 1 ? { maxOccupancy: a.maxOccupancy! } : {}),
    };
    return group;
  });
}

/** agents[].shrinkage as one share per staffing period (one without staffing); nothing when every share is 0. A list
 *  needs staffing, one share per period. */
function shrinkageOf(ctx: NormalizeContext, given: number | readonly number[], staffing: StaffingSpec | undefined, path: Path): { shrinkage?: readonly number[] } {
  const list = typeof given === "number" ? null : given;
  if (list !== null && staffing === undefined) {
    ctx.values.push({ path, message: "a list of shares is one per staffing period: give staffing: {period, counts}, or one share for the day" });
    return {};
  }
  if (list !== null && list.length !== staffing!.counts.length) {
    ctx.values.push({ path, message: `expected one share per staffing period (${staffing!.counts.length}), got ${list.length}` });
    return {};
  }
  const shares = list ?? new Array<number>(staffing?.counts.length ?? 1).fill(given as number);
  for (let k = 0; k < shares.length; k++) {
    const s = shares[k]!;
    if (s >= 0 && s < 1) continue;
    ctx.values.push({ path: list === null ? path : [...path, k], message: `expected a share in [0, 1) (1 would leave nobody on the phones), got ${s}` });
    return {};
  }
  return shares.every((s) => s === 0) ? {} : { shrinkage: shares };
}

/** In a SIP Cluster the no-answer options are SIP Server application options: "agent-no-answer-timeout -- Only on the
 *  Application level is supported" (and likewise agent-no-answer-action; SIP Cluster Solution Guide, Partially
 *  supported SIP Server functionality), so every agent group must have the same. */
export function checkNoAnswerLevel(ctx: NormalizeContext, groups: readonly AgentGroupSpec[]): void {
  if ((ctx.raw.topology ?? DEFAULTS.topology) !== "cluster" || groups.length < 2) return;
  const first = groups[0]!;
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i]!;
    const option =
      g.noAnswerTimeout !== first.noAnswerTimeout
        ? { key: "noAnswerTimeout", name: "agent-no-answer-timeout", mine: formatDuration(g.noAnswerTimeout), theirs: formatDuration(first.noAnswerTimeout) }
        : g.noAnswerAction !== first.noAnswerAction
          ? { key: "noAnswerAction", name: "agent-no-answer-action", mine: g.noAnswerAction, theirs: first.noAnswerAction }
          : null;
    if (option === null) continue;
    const given = ctx.raw.agents[i]?.[option.key as "noAnswerTimeout"] !== undefined;
    ctx.values.push({
      path: given ? ["agents", i, option.key] : ["agents", i, "group"],
      message:
        `${option.name} ${option.mine} differs from agent group ${first.group}'s ${option.theirs}: in a SIP Cluster ` +
        `"${option.name} -- Only on the Application level is supported" (SIP Cluster Solution Guide, Partially ` +
        `supported SIP Server functionality); give every agent group the same`,
    });
    return;
  }
}
