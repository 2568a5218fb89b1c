// The sizing report of machines (nodes, URS pairs) and of throughput capacity: sizing.json, sizing.csv and
// sizing.md, the same three files as agent sizing, each try with its busiest component and the targets.

import { stringify } from "csv-stringify/sync";
import type { MachineSizing, MachineTry } from "../experiment/machine-sizing.js";
import { calibrationNote, uncalibratedCosts } from "./calibration-note.js";
import { tidy, tidyDeep } from "./numbers.js";
import {
  batchesSentence, simulatedLine,
  methodMarkdown,
  reproduceLines,
  sizingHeader,
  targetCells,
  targetColumns,
  tryCells,
  tryTargets,
  type SizingContext,
  type SizingMethod,
} from "./sizing-report.js";
import { verdictMarkdown, verdictsOf } from "./verdicts.js";

/** What each machine sizing sizes, as a title says it. */
export const TITLES: Record<MachineSizing["what"], string> = {
  nodes: "SIP Cluster nodes",
  urs: "URS pairs",
  throughput: "throughput capacity",
};

function busiestOf(t: MachineTry): { id: string; utilization: number; sustained: boolean } {
  const c = t.result.components!;
  return { id: c.busiest, utilization: c.instances[c.busiest]!.utilization.mean, sustained: c.sustained };
}

export function machineSizingJson(s: MachineSizing, ctx: SizingContext): string {
  const data = {
    ...sizingHeader(ctx),
    sized: { what: s.what, varied: s.varied },
    recommended: s.recommended,
    replicationsSimulated: s.replications,
    uncalibratedCosts: uncalibratedCosts(s.shown.result.scenario),
    targets: verdictsOf(s.shown.result),
    start: s.start,
    tries: s.tries.map((t) => ({
      scope: t.scope,
      [s.what === "throughput" ? "scale" : "count"]: t.value,
      setting: t.setting,
      met: t.met,
      replications: t.replications,
      ...(t.simulated === t.replications ? {} : { simulated: t.simulated }),
      busiest: busiestOf(t),
      targets: tryTargets(t.result),
    })),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

export function machineSizingCsv(s: MachineSizing): string {
  const header = [
    "try", "scope", s.what === "throughput" ? "scale" : "count", "setting", "met", "replications", "busiest", "busiest_utilization", "sustained",
    ...targetColumns(s.tries[0]!.result),
  ];
  const rows = s.tries.map((t, i) => {
    const b = busiestOf(t);
    return [
      i + 1, t.scope, tidy(t.value), t.setting, String(t.met), t.replications, b.id, tidy(b.utilization), String(b.sustained),
      ...targetCells(t.result),
    ];
  });
  return stringify([header, ...rows]);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Machine sizing and throughput capacity: what was varied, the start, the search, and what the answer rests on. */
export function machineSizingMethod(s: MachineSizing, ctx: SizingContext): SizingMethod {
  return {
    found: [
      `Varied: ${s.varied}.`,
      ...s.start.map((l) => `Start: ${l}.`),
      s.what === "throughput"
        ? "Then simulation: bracketing the largest sustained factor, then bisection until the bracket is within 2%."
        : "Then simulation: from the start, steps of 1, 2, 4, ... until the verdict changed, then bisection between the last miss and the first pass.",
    ],
    assumptions: [
      `${batchesSentence(ctx)} (common random numbers), so neighbouring tries differ by what was varied alone.`,
      'Component costs are the scenario\'s components:; the ones it leaves out are ccsim\'s defaults (docs/component-load.md), assumptions until calibrated against your own measurements (ccsim calibrate).',
      "A component keeps up (is sustained) when no interval after warmup keeps it busy the whole time and its queueing delay does not grow (its last interval's mean at most twice its first's plus 10 ms).",
      s.what === "throughput"
        ? "The scenario's targets do not count for throughput capacity: a try passes when every component keeps up."
        : "Each target is judged on the 95% confidence bound that makes the claim safe; utilization targets on the busiest instance of their kind.",
    ],
  };
}

export function machineSizingMarkdown(s: MachineSizing, ctx: SizingContext): string {
  const out: string[] = [];
  const answer = Object.entries(s.recommended).map(([k, v]) => `${k}: ${v === null ? "none found" : v}`).join(", ");
  out.push(`## Sizing: ${TITLES[s.what]} in ${ctx.scenario}`, "");
  const found = Object.values(s.recommended).every((v) => v !== null);
  const note = calibrationNote(s.shown.result.scenario);
  out.push(
    found
      ? s.what === "throughput"
        ? `**Throughput capacity: ${answer}**, the largest load tried at which every component kept up${note}.`
        : `**Recommended: ${answer}**, the smallest count${Object.keys(s.recommended).length > 1 ? "s" : ""} that met every target with every component keeping up${note}.`
      : `**Not found: ${answer}.** Shown below: the targets at the last try${note}.`,
  );
  const verdicts = verdictsOf(s.shown.result);
  if (verdicts.length > 0) {
    out.push("", `### Targets at ${s.shown.setting}`, "");
    out.push(...verdictMarkdown(verdicts));
  }
  out.push("", "### Tries", "", "In the order they were run; busiest: the component instance with the highest mean utilization.", "");
  out.push(`| # | ${s.what === "throughput" ? "scale" : "count"} | setting | verdict | replications | busiest | utilization | ${verdicts.map((v) => `${v.metric} \`${v.target}\``).join(" | ")} |`);
  out.push(`|---:|---:|---|---|---:|---|---:|${verdicts.map(() => "---:").join("|")}|`);
  s.tries.forEach((t, i) => {
    const b = busiestOf(t);
    out.push(
      `| ${i + 1} | ${tidy(t.value)} | \`${t.setting}\` | ${t.met ? "met" : b.sustained ? "missed" : "not sustained"} | ${t.replications} | ${b.id} | ${pct(b.utilization)} | ${tryCells(t.result).join(" | ")} |`,
    );
  });
  out.push("", simulatedLine(s.replications, s.tries.length) + (s.what === "throughput" ? "" : " The start run's included."), "", ...methodMarkdown(machineSizingMethod(s, ctx)), ...reproduceLines(ctx));
  return out.join("\n");
}
