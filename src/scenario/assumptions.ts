// The assumptions a scenario relies on: the defaults whose source is an assumption (defaults.ts, SOURCES) that the
// file (with its --set overrides) left for the loader to fill, in the table's order. They are what a planner should
// measure or decide before trusting a run, and summary.json and report.html list them.

import { defaultAt, SOURCES, type DefaultKey } from "./default-sources.js";
import type { AgentGroupSpec, Assumption, ComponentsSpec, SiteSpec, TrafficSpec } from "./types.js";

/** whether the default at `path` (segments; `x[]` for each element of list x) was filled somewhere under `node` */
function filled(node: unknown, segs: readonly string[]): boolean {
  if (segs.length === 0) return node === undefined;
  const [seg, ...rest] = segs as [string, ...string[]];
  const obj = typeof node === "object" && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
  if (seg.endsWith("[]")) {
    const list = obj?.[seg.slice(0, -2)];
    // no elements, nothing defaulted; an IM conversation's defaults apply to IM traffic only, a collectDigits's to
    // the treatments that collect digits
    if (!Array.isArray(list)) return false;
    return list.some((e) => relevant(e, rest) && filled(e, rest));
  }
  return filled(obj?.[seg], rest);
}

function relevant(element: unknown, rest: readonly string[]): boolean {
  const e = typeof element === "object" && element !== null ? (element as Record<string, unknown>) : {};
  if (rest[0] === "im") return e["media"] === "im";
  if (rest[0] === "collectDigits") return e["collectDigits"] !== undefined;
  // a Skype site's defaults apply to the sites that have skype
  if (rest[0] === "skype") return e["skype"] !== undefined;
  // a voicemail box's, a strategy's voicemail branch's and MWI's defaults apply where they are given
  if (rest[0] === "voicemail" || rest[0] === "mwi") return e[rest[0]] !== undefined;
  // a retrial's and a callback's defaults apply to the types that have them
  if (rest[0] === "retrial" || rest[0] === "callback") return e[rest[0]] !== undefined;
  return true;
}

/** a SIP Cluster (not standalone sites) with an agent group on PSTN phones, read from the raw scenario */
function hasPstnAgents(raw: unknown): boolean {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  if (r["topology"] === "standalone") return false;
  const agents = r["agents"];
  return Array.isArray(agents) && agents.some((a) => typeof a === "object" && a !== null && (a as Record<string, unknown>)["phone"] === "pstn");
}

/** a site with mwi: or an agent group with voicemail:, read from the raw scenario */
function usesMwi(raw: unknown): boolean {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const has = (list: unknown, key: string) => Array.isArray(list) && list.some((e) => typeof e === "object" && e !== null && (e as Record<string, unknown>)[key] !== undefined);
  return has(r["sites"], "mwi") || has(r["agents"], "voicemail");
}

/**
 * `raw` is the scenario as validated, before defaults; `components` the normalized component costs, absent when the
 * scenario has no load model (its costs are then used by nothing). A Smart Proxy's costs count only when it is on, an
 * Interaction Server's only with chat or email traffic, an Asterisk PBX's only with a site that has one, SIP Proxies'
 * only with a site that has no PBX (no instance of them exists otherwise). A Skype site's no-answer options count only
 * with an agent of the site who may not answer (`agents`, normalized), its presence delay only in pull presence mode.
 */
export function assumptionsOf(
  raw: unknown,
  components: ComponentsSpec | undefined,
  traffic: readonly TrafficSpec[],
  sites: readonly SiteSpec[],
  agents: readonly AgentGroupSpec[],
): Assumption[] {
  const asterisk = sites.filter((s) => s.pbx === "asterisk").length;
  const skype = sites.find((s) => s.skype !== undefined);
  const used = (path: string): boolean => {
    if (path === "network.presenceDelay") return asterisk > 0;
    // an ISCC leg's delay only where a Skype site has the leg
    if (path === "sites[].skype.iscc.delay") return sites.some((s) => s.skype?.iscc !== undefined);
    // the Skype T-Server's no-answer options matter only where an agent of its site may leave a call unanswered, the
    // presence delay only in pull presence mode
    if (path === "sites[].skype.noAnswerTimeout" || path === "sites[].skype.noAnswerAction") {
      return agents.some((g) => g.site === skype?.id && g.noAnswer > 0);
    }
    if (path === "sites[].skype.presence.delay") return skype?.skype?.presence !== undefined;
    // the GWS node owns the PSTN agents' DNs, and nothing else: a cluster with no PSTN agent does not rely on it
    if (path === "sites[].gwsNode") return hasPstnAgents(raw);
    // an agent-hour's cost is read by `size --for staffing` alone: a run does not rely on it
    if (path === "agents[].costPerHour") return false;
    if (!path.startsWith("components.")) return true;
    if (components === undefined) return false;
    // an Asterisk site's PBX stands where its SIP Proxies would
    if (path.startsWith("components.asterisk.")) return asterisk > 0;
    // SIP Server's MWI messages exist only where a site subscribes or a group has a box
    if (path === "components.sessionController.mwi") return usesMwi(raw);
    if (path.startsWith("components.sipProxy.")) return asterisk < sites.length;
    if (path.startsWith("components.smartProxy.")) return components.smartProxy.enabled;
    if (path.startsWith("components.interactionServer.")) return traffic.some((t) => t.media === "chat" || t.media === "email");
    return true;
  };
  const out: Assumption[] = [];
  for (const key of Object.keys(SOURCES) as DefaultKey[]) {
    const { path, source } = SOURCES[key];
    if (!("assumption" in source) || !used(path) || !filled(raw, path.split("."))) continue;
    out.push({ path, value: defaultAt(key), why: source.assumption });
  }
  return out;
}
