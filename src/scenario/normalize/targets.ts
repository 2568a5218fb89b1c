// Targets (targets:): comparisons on metrics and component utilizations, such as ">= 0.80" or "<= 30s".
import { parseDuration } from "../duration.js";
import { describeValue, type Path } from "../errors.js";
import { pointlessTarget } from "../target-ranges.js";
import { isPortMetric } from "../metric-names.js";
import { viaInteractionServer, type ComponentsSpec, type SiteSpec, type TargetSpec, type TrafficSpec } from "../types.js";
import type { NormalizeContext } from "./context.js";

/** `targetOrder`: the metric names as the user wrote them, which is the order targets are checked and reported in */
export function normalizeTargets(
  ctx: NormalizeContext,
  components: ComponentsSpec | undefined,
  traffic: readonly TrafficSpec[],
  sites: readonly SiteSpec[],
  targetOrder: readonly string[],
): TargetSpec[] {
  const out: TargetSpec[] = [];
  const given = (ctx.raw.targets ?? {}) as Readonly<Record<string, unknown>>;
  const add = (metric: string, src: string, path: Path) => {
    // trimmed first: a lazy (.+?)\s*$ would retry the trailing blanks at every character, quadratic on a long run
    const m = /^(>=|<=|>|<)\s*(.+)$/s.exec(src.trim());
    const value = m === null ? undefined : targetValue(m[2]!);
    if (m === null || value === undefined) {
      ctx.values.push({ path, message: `expected a comparison like ">= 0.80", "<= 5%" or "<= 30s", got ${describeValue(src)}` });
      return;
    }
    const op = m[1] as TargetSpec["op"];
    const pointless = pointlessTarget(metric, op, value, src);
    if (pointless !== undefined) {
      ctx.values.push({ path, message: pointless });
      return;
    }
    out.push({ metric, op, value, source: src });
  };
  for (const metric of targetOrder) {
    const src = given[metric];
    if (src === undefined) continue;
    if (metric !== "utilization") {
      if (isPortMetric(metric) && !sites.some((s) => s.mediaPorts !== undefined)) {
        ctx.values.push({ path: ["targets", metric], message: `a ${metric} target needs Asterisk media ports: give a site mediaPorts: {capacity: N}` });
        continue;
      }
      if (metric === "cost" && ctx.raw.costs === undefined && !ctx.raw.agents.some((a) => a.costPerHour !== undefined)) {
        ctx.values.push({ path: ["targets", metric], message: "a cost target needs prices: give costs: {agentHour: ...} (or agents[].costPerHour)" });
        continue;
      }
      add(metric, src as string, ["targets", metric]);
      continue;
    }
    for (const [kind, s] of Object.entries(src as Readonly<Record<string, string | undefined>>)) {
      if (s === undefined) continue;
      const path: Path = ["targets", "utilization", kind];
      if (components === undefined) {
        ctx.values.push({ path, message: "a utilization target needs the component load model: add `components: {}` (the default costs) or give costs" });
      } else if (kind === "smartProxy" && !components.smartProxy.enabled) {
        ctx.values.push({ path, message: "the Smart Proxy is off (components.smartProxy: false), so it has no utilization" });
      } else if (kind === "interactionServer" && !traffic.some((t) => viaInteractionServer(t.media))) {
        ctx.values.push({ path, message: "no chat or email traffic, so no Interaction Server and no utilization to judge" });
      } else add(`utilization.${kind}`, s, path);
    }
  }
  return out;
}

/** A comparison's value as written: a number, a percentage ("5%") or a duration ("30s"); undefined when it is none. */
export function targetValue(s: string): number | undefined {
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return Number(s);
  const pct = /^((?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(s);
  if (pct !== null) return Number(pct[1]) / 100;
  try {
    return parseDuration(s);
  } catch {
    return undefined;
  }
}
