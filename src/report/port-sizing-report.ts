// The media-port sizing report (`size --for ports:SITE`): sizing.json, sizing.csv and sizing.md, as agent sizing's:
// the answer, the targets at it, every try with the pools' blocking and utilization, the Erlang B start.

import { stringify } from "csv-stringify/sync";
import type { PortSizingResult } from "../experiment/port-sizing.js";
import type { ExperimentResult } from "../observe/results.js";
import { tidy, tidyDeep } from "./numbers.js";
import {
  batchesSentence, simulatedLine,
  methodMarkdown, reproduceLines, SAFE_BOUND, shownTry, sizingHeader, targetCells, targetColumns, tryCells, tryTargets, type SizingContext, type SizingMethod,
} from "./sizing-report.js";
import { formatMetric } from "./units.js";
import { verdictMarkdown, verdictsOf } from "./verdicts.js";

/** the sized site's pool in a try: its blocking and utilization means */
function pool(r: ExperimentResult, site: string) {
  const p = r.mediaPorts!.bySite[site]!;
  return { portBlocking: p.portBlocking.mean, portUtilization: p.portUtilization.mean };
}

export function portSizingMethod(s: PortSizingResult, ctx: SizingContext): SizingMethod {
  const st = s.start;
  return {
    found: [
      `Start: Erlang B for the port load site ${s.site}'s traffic offers: ${(st.requestRate * 3600).toFixed(1)} port requests/h, ` +
        `${st.offeredLoad.toFixed(2)} Erlangs` +
        (st.blockingTarget === null
          ? `; no portBlocking maximum to solve for, so the search started at the load rounded up, ${st.capacity} ports.`
          : `. It wants ${st.capacity} ports for blocking at most ${formatMetric("portBlocking", st.blockingTarget)} (Erlang B ${formatMetric("portBlocking", st.blocking)}), so the search started there.`),
      "Then simulation: from the start, steps of 1, 2, 4, ... until the verdict changed, then bisection between the last miss and the first pass.",
    ],
    assumptions: [
      `${batchesSentence(ctx)} (common random numbers: the same callers, prompts and recordings), so neighbouring capacities differ by the ports alone.`,
      SAFE_BOUND,
      "A treatment that finds no port is skipped and a recording that finds none is lost (no waiting for a port): a loss system, for which Erlang B holds whatever the holding times; the start takes every call as answered (recorded at its share), the simulation counts only the answered ones.",
      "Erlang B at the mean load of the window: with a busier hour in it, the day's blocking is the hours' blocking weighted by their requests, which the simulation measures.",
    ],
  };
}

export function portSizingJson(s: PortSizingResult, ctx: SizingContext): string {
  const data = {
    ...sizingHeader(ctx),
    sized: { what: "ports", site: s.site, max: s.max },
    recommended: { [s.site]: s.recommended },
    replicationsSimulated: s.replications,
    targets: verdictsOf(shownTry(s).result),
    start: { model: "Erlang B", ...s.start },
    tries: s.tries.map((t) => ({ site: s.site, count: t.count, met: t.met, replications: t.replications, ...pool(t.result, s.site), targets: tryTargets(t.result) })),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

export function portSizingCsv(s: PortSizingResult): string {
  const header = ["try", "site", "capacity", "met", "replications", "portBlocking", "portUtilization", ...targetColumns(s.tries[0]!.result)];
  const rows = s.tries.map((t, i) => {
    const p = pool(t.result, s.site);
    return [i + 1, s.site, t.count, String(t.met), t.replications, tidy(p.portBlocking), tidy(p.portUtilization), ...targetCells(t.result)];
  });
  return stringify([header, ...rows]);
}

export function portSizingMarkdown(s: PortSizingResult, ctx: SizingContext): string {
  const shown = shownTry(s);
  const verdicts = verdictsOf(shown.result);
  const out: string[] = [`## Sizing: Asterisk media ports of site \`${s.site}\` in ${ctx.scenario}`, ""];
  if (s.recommended !== null) {
    const below = s.recommended - 1;
    out.push(`**Recommended: ${s.recommended} media ports** in \`${s.site}\`, the smallest capacity that met every target` + (below >= 1 ? ` (${below} was tried and missed).` : "."));
  } else {
    out.push(`**No capacity up to ${s.max} met every target.** Shown below: the targets at ${shown.count}, the largest tried.`);
  }
  out.push("", `### Targets at ${shown.count} ports`, "", ...verdictMarkdown(verdicts));
  out.push("", "### Tries", "", "In the order they were run; each target cell is the mean (and the bound it was judged on).", "");
  out.push(`| # | ports | verdict | replications | blocking | utilization | ${verdicts.map((v) => `${v.metric} \`${v.target}\``).join(" | ")} |`);
  out.push(`|---:|---:|---|---:|---:|---:|${verdicts.map(() => "---:").join("|")}|`);
  s.tries.forEach((t, i) => {
    const p = pool(t.result, s.site);
    out.push(
      `| ${i + 1} | ${t.count} | ${t.met ? "met" : "missed"} | ${t.replications} | ${formatMetric("portBlocking", p.portBlocking)} | ` +
        `${formatMetric("portUtilization", p.portUtilization)} | ${tryCells(t.result).join(" | ")} |`,
    );
  });
  out.push("", simulatedLine(s.replications, s.tries.length), "", ...methodMarkdown(portSizingMethod(s, ctx)), ...reproduceLines(ctx));
  return out.join("\n");
}
