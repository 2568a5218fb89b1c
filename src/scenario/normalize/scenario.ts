// The whole scenario's normalization: each part in the order its problems rank, then the cross-checks between parts.
import { formatDuration } from "../duration.js";
import { ValueError, describeValue } from "../errors.js";
import type { RawScenario } from "../schema.js";
import { formatTimestamp, parseTimestamp } from "../timestamp.js";
import type { Scenario } from "../types.js";
import { assumptionsOf } from "../assumptions.js";
import { DEFAULTS } from "../defaults.js";
import { newContext, optDur, type NormalizeContext } from "./context.js";
import { checkNoAnswerLevel, normalizeAgents } from "./agents.js";
import { checkAsterisk } from "./asterisk.js";
import { checkMediaPorts } from "./media-ports.js";
import { normalizeCapacityRules } from "./capacity-rules.js";
import { normalizeComponents } from "./components.js";
import { normalizeCosts } from "./costs.js";
import { normalizeFaults } from "./faults.js";
import { normalizeHa } from "./ha.js";
import { checkDefaultTarget } from "./default-route.js";
import { checkReservation, normalizeRouting } from "./routing.js";
import { checkServing, checkSkillRefs } from "./serving.js";
import { checkTargetSteps } from "./target-steps.js";
import { checkFailovers, checkTopology, normalizeSites } from "./sites.js";
import { checkSkype } from "./skype.js";
import { checkSkypeIm } from "./skype-im.js";
import { skypeAgents } from "./skype-agents.js";
import { normalizeTargets } from "./targets.js";
import { normalizeTraffic } from "./traffic.js";
import { checkVoicemail } from "./voicemail.js";

/**
 * The Scenario the raw file describes, with every default filled in (defaults.ts), and the problems found on the way
 * in ctx.values, ctx.refs and ctx.serving. `defaultName` names a scenario without a name; `targetOrder` is the
 * metric names as the user wrote them (zod's output follows the schema's key order instead).
 */
export function normalizeScenario(raw: RawScenario, defaultName: string, targetOrder: readonly string[]): { scenario: Scenario; ctx: NormalizeContext } {
  const ctx = newContext(raw);
  const r = ctx.raw;
  const horizon = optDur(ctx, r.horizon, ["horizon"], DEFAULTS.horizon, { positive: true });
  const warmup = optDur(ctx, r.warmup, ["warmup"], DEFAULTS.warmup);
  if (warmup >= horizon) {
    ctx.values.push({
      path: ["warmup"],
      message: `expected a warmup shorter than the horizon (${formatDuration(horizon)}), got ${describeValue(r.warmup)}`,
    });
  }
  const interval = optDur(ctx, r.interval, ["interval"], DEFAULTS.interval, { positive: true });
  const serviceLevel = optDur(ctx, r.serviceLevel, ["serviceLevel"], DEFAULTS.serviceLevel);
  let start: string | undefined;
  if (r.start !== undefined) {
    try {
      start = formatTimestamp(parseTimestamp(r.start));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      ctx.values.push({ path: ["start"], message: e.message });
    }
  }

  const sites = normalizeSites(ctx);
  const siteIds = sites.map((s) => s.id);
  checkFailovers(ctx, sites);
  const network = {
    intraSite: optDur(ctx, r.network?.intraSite, ["network", "intraSite"], DEFAULTS.network.intraSite),
    interSite: optDur(ctx, r.network?.interSite, ["network", "interSite"], DEFAULTS.network.interSite),
    statDelay: optDur(ctx, r.network?.statDelay, ["network", "statDelay"], DEFAULTS.network.statDelay),
    presenceDelay: optDur(ctx, r.network?.presenceDelay, ["network", "presenceDelay"], DEFAULTS.network.presenceDelay),
  };
  const routing = normalizeRouting(ctx);
  const capacityRules = normalizeCapacityRules(ctx);
  const agents = skypeAgents(ctx, sites, normalizeAgents(ctx, horizon, siteIds, capacityRules));
  checkReservation(ctx, routing, agents, capacityRules);
  checkNoAnswerLevel(ctx, agents);
  const { traffic, compiled, later } = normalizeTraffic(ctx, horizon, siteIds);
  checkSkillRefs(ctx, agents, compiled, siteIds);
  checkServing(ctx, agents, traffic, compiled, capacityRules);
  checkTargetSteps(ctx, agents, traffic, later, capacityRules, siteIds);
  checkDefaultTarget(ctx, routing.defaultRoute, agents, traffic, capacityRules, siteIds);
  const topology = r.topology ?? DEFAULTS.topology;
  checkTopology(ctx, topology, sites, traffic);
  checkAsterisk(ctx, topology, sites, agents, traffic);
  checkSkype(ctx, topology, sites);
  checkSkypeIm(ctx, sites, agents, traffic, compiled, capacityRules);
  checkMediaPorts(ctx, topology, sites, traffic);
  checkVoicemail(ctx, sites, agents, traffic);
  const ha = normalizeHa(ctx);
  const faults = normalizeFaults(ctx, sites, horizon, traffic);
  const components = r.components === undefined ? undefined : normalizeComponents(ctx);
  const targets = normalizeTargets(ctx, components, traffic, sites, targetOrder);
  const costs = normalizeCosts(ctx);

  const scenario: Scenario = {
    version: 1,
    name: r.name ?? defaultName,
    seed: r.seed ?? DEFAULTS.seed,
    replications: r.replications ?? DEFAULTS.replications,
    ...(start === undefined ? {} : { start }),
    horizon,
    warmup,
    interval,
    serviceLevel,
    topology,
    sites,
    network,
    routing,
    capacityRules,
    agents,
    traffic,
    ha,
    faults,
    targets,
    ...(components === undefined ? {} : { components }),
    ...(costs === undefined ? {} : { costs }),
    assumptions: assumptionsOf(r, components, traffic, sites, agents),
  };
  return { scenario, ctx };
}
