// `ccsim size <scenario> --for staffing` on traffic with an arrival profile: every group's head count per period (a
// staffing table, src/experiment/period-staffing.ts); a table and a staffing block to paste back on stdout (or JSON),
// sizing.json and sizing.md in --out.

import type { JointOptions } from "../experiment/joint-staffing.js";
import { staffPerPeriod, type PeriodStaffing } from "../experiment/period-staffing.js";
import { STEADY_HORIZON, STEADY_WARMUP } from "../experiment/period-sizing.js";
import { writeOutputs } from "../report/output-dir.js";
import { grid } from "../report/grid.js";
import { tidyDeep } from "../report/numbers.js";
import { batchesSentence, reproduceLines, simulatedLine, sizingHeader } from "../report/sizing-report.js";
import { formatDuration } from "../scenario/duration.js";
import { wroteOut } from "./options.js";
import { onPool, usedLine, type Sizing } from "./sizing-plan.js";

/** The block to paste back: each group's staffing over the profile's periods (its other keys unchanged). */
function periodStaffingBlock(r: PeriodStaffing): string {
  return r.groups.map((g) => `  - { group: ${g}, staffing: { period: ${formatDuration(r.period)}, counts: [${r.staffing[g]!.join(", ")}] } }`).join("\n");
}

function periodRows(r: PeriodStaffing): string[][] {
  const rows = [["period", "start", ...r.groups, "cost", "tries", "replications"]];
  const hours = r.period / 3600;
  r.periods.forEach((x, p) => {
    const counts = r.groups.map((g) => r.staffing[g]![p]);
    const cost = counts.some((c) => c === null) ? "" : r.groups.reduce((n, g, i) => n + counts[i]! * r.costs[g]! * hours, 0).toFixed(2);
    rows.push([String(p + 1), `${(p * r.period) / 3600} h`, ...counts.map((c) => (c === null ? "none" : String(c))), cost, String(x?.tries.length ?? 0), String(x?.replications ?? 0)]);
  });
  return rows;
}

function periodJson(r: PeriodStaffing, sizing: Sizing): string {
  const data = {
    ...sizingHeader(sizing.ctx),
    sized: { what: "staffing", groups: r.groups, costPerHour: r.costs, period: r.period, steadyState: { warmup: STEADY_WARMUP, horizon: STEADY_HORIZON } },
    recommended: r.cost === null ? null : r.staffing,
    cost: r.cost,
    replicationsSimulated: r.replications,
    periods: r.periods.map((x, p) => ({
      period: p + 1,
      start: p * r.period,
      counts: Object.fromEntries(r.groups.map((g) => [g, r.staffing[g]![p]])),
      tries: x?.tries.length ?? 0,
      replications: x?.replications ?? 0,
    })),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

function periodMarkdown(r: PeriodStaffing, sizing: Sizing): string {
  const rows = periodRows(r);
  const out = [`## Joint staffing per period of ${r.groups.join(", ")} in ${sizing.ctx.scenario}`, ""];
  out.push(r.cost === null ? "**A period found no staffing that meets every target of every call type.**" : `**Cost over the day: ${r.cost.toFixed(2)}.**`, "");
  out.push(`| ${rows[0]!.join(" | ")} |`, `|${rows[0]!.map(() => "---").join("|")}|`, ...rows.slice(1).map((x) => `| ${x.join(" | ")} |`), "");
  if (r.cost !== null) out.push("Staffing to paste into `agents:` (each group's other keys unchanged):", "", "```yaml", periodStaffingBlock(r), "```", "");
  out.push(simulatedLine(r.replications, r.periods.reduce((n, x) => n + (x?.tries.length ?? 0), 0)), "", "### Assumptions", "",
    `- Each period is staffed on its own as a steady state at its rates: ${formatDuration(STEADY_HORIZON)} after a ${formatDuration(STEADY_WARMUP)} warm-up (the stationary independent period approximation).`,
    "- In each, every target is judged on every call type's own metrics, each on its safe 95% bound, by the joint search of `size --for staffing`.",
    `- ${batchesSentence(sizing.ctx)} (common random numbers).`, "", ...reproduceLines(sizing.ctx));
  return out.join("\n");
}

export async function sizeStaffingPerPeriod(sizing: Sizing, profile: { period: number; periods: number }, opts: Pick<JointOptions, "onTry">): Promise<number> {
  const { workers, scenario, seed, replications } = sizing;
  const chatty = !sizing.opts.quiet && !sizing.opts.json && process.stderr.isTTY;
  const r = await onPool(workers, (run) =>
    staffPerPeriod(scenario, profile, { seed, replications, run, ...opts, onPeriod: chatty ? (p) => process.stderr.write(`period ${p + 1} of ${profile.periods}\n`) : undefined }),
  );
  const json = periodJson(r, sizing);
  if (sizing.opts.out) writeOutputs(sizing.opts.out, { "sizing.json": json, "sizing.md": periodMarkdown(r, sizing) });
  if (sizing.opts.json) process.stdout.write(json);
  else if (!sizing.opts.quiet) {
    const costs = r.groups.map((g) => `${g} ${r.costs[g]}`).join(", ");
    const tries = r.periods.reduce((n, x) => n + (x?.tries.length ?? 0), 0);
    const answer = r.cost === null
      ? "a period found no staffing that meets every target of every call type (none in the table)"
      : `recommended: the staffing above; cost ${r.cost.toFixed(2)} over the day\nstaffing to paste into agents: (each group's other keys unchanged)\n${periodStaffingBlock(r)}`;
    process.stdout.write(
      `${scenario.name}: joint staffing of ${r.groups.join(", ")} per period of ${formatDuration(r.period)} (each a steady state at its rates; ` +
        `cost an agent-hour: ${costs}); seed ${seed}, at most ${replications} replications a try\n\n` +
        `${grid(periodRows(r), 2)}\n(each period: the cheapest staffing found that meets every target of every call type on its safe 95% bound)\n\n` +
        `${answer}\n${usedLine(r.replications, tries, replications)}\n`,
    );
    if (sizing.opts.out) wroteOut(sizing.opts.out);
  }
  return r.cost === null ? 1 : 0;
}
