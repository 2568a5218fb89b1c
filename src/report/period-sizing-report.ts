// The sizing report of a per-period staffing table: sizing.json (`recommended` holds the group's count per period),
// sizing.csv (one row per try, with its period) and sizing.md (the table, then every period's tries).

import { stringify } from "csv-stringify/sync";
import type { PeriodSizing } from "../experiment/period-sizing.js";
import { STEADY_HORIZON, STEADY_WARMUP } from "../experiment/period-sizing.js";
import { formatDuration } from "../scenario/duration.js";
import { tidyDeep } from "./numbers.js";
import { clock } from "./html/format.js";
import {
  batchesSentence, simulatedLine,
  methodMarkdown,
  reproduceLines,
  SAFE_BOUND,
  sizingHeader,
  targetCells,
  targetColumns,
  tryTargets,
  type SizingContext,
  type SizingMethod,
} from "./sizing-report.js";
import { formatMetric } from "./units.js";
import { verdictsOf } from "./verdicts.js";

/** Per-period sizing: what each period's answer rests on. */
export function periodSizingMethod(ctx: SizingContext): SizingMethod {
  return {
    found: [],
    assumptions: [
      `Each period is sized as a steady state at its own arrival rates (the stationary independent period approximation): a ${formatDuration(STEADY_HORIZON - STEADY_WARMUP)} run after a ${formatDuration(STEADY_WARMUP)} warm-up. Calls still waiting from a busier period before are not carried over; a period right after a peak may need more than this.`,
      `${batchesSentence(ctx)} (common random numbers).`,
      "Other groups work their own staffing table's count of that period.",
      SAFE_BOUND,
      "The Erlang start ignores network, routing and ring delays and reservation conflicts, which the simulation includes.",
    ],
  };
}

export function periodSizingJson(s: PeriodSizing, ctx: SizingContext): string {
  const data = {
    ...sizingHeader(ctx),
    sized: { what: "agents per period", group: s.group, period: s.period },
    recommended: { [s.group]: s.staffing },
    replicationsSimulated: s.replications,
    periods: s.periods.map((p, i) => ({
      start: i * s.period,
      count: s.staffing[i],
      ...(p === null ? { note: "no traffic" } : { start_model: p.start.model, offeredLoad: p.start.offeredLoad }),
    })),
    tries: s.periods.flatMap((p, i) =>
      p === null
        ? []
        : p.tries.map((t) => ({
            period: i + 1,
            group: s.group,
            count: t.count,
            met: t.met,
            replications: t.replications,
            targets: tryTargets(t.result),
          })),
    ),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

export function periodSizingCsv(s: PeriodSizing): string {
  const first = s.periods.find((p) => p !== null)!;
  const header = ["try", "period", "period_start_s", "group", "count", "met", ...targetColumns(first.tries[0]!.result)];
  const rows: (string | number)[][] = [];
  s.periods.forEach((p, i) =>
    p?.tries.forEach((t) =>
      rows.push([rows.length + 1, i + 1, i * s.period, s.group, t.count, String(t.met), ...targetCells(t.result)]),
    ),
  );
  return stringify([header, ...rows]);
}

export function periodSizingMarkdown(s: PeriodSizing, ctx: SizingContext): string {
  const out: string[] = [];
  out.push(`## Sizing: agents of group \`${s.group}\` per ${formatDuration(s.period)} in ${ctx.scenario}`, "");
  out.push("| period | offered (Erlangs) | recommended agents | tries | replications |", "|---|---:|---:|---:|---:|");
  s.periods.forEach((p, i) => {
    const when = `${clock(i * s.period)}-${clock((i + 1) * s.period)}`;
    out.push(`| ${when} | ${p === null ? "0" : p.start.offeredLoad.toFixed(2)} | ${s.staffing[i] ?? "none found"} | ${p?.tries.length ?? 0} | ${p?.replications ?? 0} |`);
  });
  out.push("", simulatedLine(s.replications, s.periods.reduce((n, p) => n + (p?.tries.length ?? 0), 0)));
  out.push("", "As a staffing table for the scenario:", "", "```yaml", `staffing: { period: ${formatDuration(s.period)}, counts: [${s.staffing.map((c) => c ?? "?").join(", ")}] }`, "```", "");
  out.push("### Tries per period", "", "Each cell: the count, its verdict on the replications it ran, and the bound each target was judged on.", "");
  s.periods.forEach((p, i) => {
    if (p === null) return;
    const cells = p.tries.map((t) => `${t.count}: ${t.met ? "met" : "missed"} on ${t.replications} (${verdictsOf(t.result).map((v) => `${v.metric} ${formatMetric(v.metric, v.judgedOn)}`).join(", ")})`);
    out.push(`- ${clock(i * s.period)}: ${cells.join("; ")}`);
  });
  out.push("", ...methodMarkdown(periodSizingMethod(ctx)), ...reproduceLines(ctx));
  return out.join("\n");
}
