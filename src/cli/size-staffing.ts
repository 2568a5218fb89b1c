// `ccsim size <scenario> --for staffing`: joint staffing of every agent group at least cost (agents[].costPerHour)
// meeting every target for every call type (src/experiment/joint-staffing.ts); a table and a staffing block to paste
// back on stdout (or JSON), sizing.json and sizing.md in --out.

import { sizeStaffing, typeVerdicts, type JointStaffing, type StaffingTry } from "../experiment/joint-staffing.js";
import { writeOutputs } from "../report/output-dir.js";
import { grid } from "../report/grid.js";
import { tidyDeep } from "../report/numbers.js";
import { formatMetric } from "../report/units.js";
import { batchesSentence, reproduceLines, simulatedLine, sizingHeader } from "../report/sizing-report.js";
import { InputError } from "../scenario/errors.js";
import { wroteOut } from "./options.js";
import { onPool, usedLine, type Sizing } from "./sizing-plan.js";
import { requireTargets } from "./target-option.js";
import { staffingProfile } from "../experiment/period-staffing.js";
import { sizeStaffingPerPeriod } from "./size-staffing-periods.js";

/** The block to paste back into the scenario: each group's count (its other keys unchanged). */
function staffingBlock(r: JointStaffing, t: StaffingTry): string {
  return r.groups.map((g) => `  - { group: ${g}, count: ${t.counts[g]} }`).join("\n");
}

const countsText = (r: JointStaffing, t: StaffingTry) => r.groups.map((g) => `${g} ${t.counts[g]}`).join(", ");

function staffingJson(r: JointStaffing, sizing: Sizing): string {
  const t = r.recommended;
  const data = {
    ...sizingHeader(sizing.ctx),
    sized: { what: "staffing", groups: r.groups, costPerHour: r.costs },
    recommended: t === null ? null : t.counts,
    cost: t === null ? null : t.cost,
    replicationsSimulated: r.replications,
    targets: t === null ? [] : typeVerdicts(t.result),
    start: r.start,
    tries: r.tries.map((x) => ({ move: x.move, counts: x.counts, cost: x.cost, met: x.met, replications: x.replications, targets: typeVerdicts(x.result) })),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

function staffingMarkdown(r: JointStaffing, sizing: Sizing): string {
  const t = r.recommended;
  const out = [`## Joint staffing of ${r.groups.join(", ")} in ${sizing.ctx.scenario}`, ""];
  if (t === null) out.push("**No staffing found that meets every target of every call type.**", "");
  else {
    out.push(`**Recommended: ${countsText(r, t)}**, cost ${t.cost.toFixed(2)} over the day.`, "", "| type | target | mean | judged on | met |", "|---|---|---:|---:|---|");
    for (const v of typeVerdicts(t.result)) out.push(`| ${v.type} | ${v.metric} \`${v.target}\` | ${formatMetric(v.metric, v.mean)} | ${formatMetric(v.metric, v.judgedOn)} | ${v.met ? "yes" : "**no**"} |`);
    out.push("", "Staffing to paste into `agents:` (each group's other keys unchanged):", "", "```yaml", staffingBlock(r, t), "```", "");
  }
  out.push("### Tries", "", `| # | move | ${r.groups.join(" | ")} | cost | verdict | replications |`, `|---:|---|${r.groups.map(() => "---:").join("|")}|---:|---|---:|`);
  r.tries.forEach((x, i) => out.push(`| ${i + 1} | ${x.move} | ${r.groups.map((g) => x.counts[g]).join(" | ")} | ${x.cost.toFixed(2)} | ${x.met ? "met" : "missed"} | ${x.replications} |`));
  out.push("", simulatedLine(r.replications, r.tries.length), "", "### Assumptions", "",
    "- Every target of the scenario is judged on every call type's own metrics (a utilization or port target on the whole center), each on its safe 95% bound.",
    `- ${batchesSentence(sizing.ctx)} (common random numbers).`,
    "- Start: the fluid bound (each type's offered load on its cheapest serving group); then agents added one at a time to the group serving the most missed types per cost, then agents removed or swapped for a cheaper group's while every target holds (after Avramidis, Chan, Gendreau, L'Ecuyer and Pisacane 2010). A local search: the answer is a staffing no single removal or swap makes cheaper, not a proven optimum.",
    "", ...reproduceLines(sizing.ctx));
  return out.join("\n");
}

export async function sizeStaffingCommand(file: string, sizing: Sizing): Promise<number> {
  const { opts, workers, scenario, seed, replications } = sizing;
  requireTargets(file, scenario, "size for");
  if (opts.max !== undefined) throw new InputError("--max", undefined, "bounds one count: --for staffing varies every group's");
  const chatty = !opts.quiet && !opts.json && process.stderr.isTTY;
  const onTry = chatty ? (t: StaffingTry) => process.stderr.write(`  tried ${t.move}: ${t.met ? "met" : "missed"}\n`) : undefined;
  // an arrival profile: a staffing table, every group's count per period
  const profile = staffingProfile(scenario);
  if (profile !== null) return sizeStaffingPerPeriod(sizing, profile, { onTry });
  const r = await onPool(workers, (run) => sizeStaffing(scenario, { seed, replications, run, onTry }));
  const json = staffingJson(r, sizing);
  if (opts.out) writeOutputs(opts.out, { "sizing.json": json, "sizing.md": staffingMarkdown(r, sizing) });
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const t = r.recommended;
    const heads = typeVerdicts(r.tries[0]!.result).map((v) => `${v.type} ${v.metric}`);
    const rows = [["try", "move", ...r.groups, "cost", "verdict", "replications", ...heads]];
    r.tries.forEach((x, i) => rows.push([String(i + 1), x.move, ...r.groups.map((g) => String(x.counts[g])), x.cost.toFixed(2), x.met ? "met" : "missed", String(x.replications),
      ...typeVerdicts(x.result).map((v) => formatMetric(v.metric, v.judgedOn))]));
    const costs = r.groups.map((g) => `${g} ${r.costs[g]}`).join(", ");
    const answer = t === null
      ? "no staffing found that meets every target of every call type"
      : `recommended: ${countsText(r, t)}; cost ${t.cost.toFixed(2)} (${scenario.horizon / 3600} h)\n` +
        `every target at it (safe 95% bound): ${typeVerdicts(t.result).map((v) => `${v.type} ${v.metric} ${formatMetric(v.metric, v.judgedOn)}`).join(", ")}\n` +
        `staffing to paste into agents: (each group's other keys unchanged)\n${staffingBlock(r, t)}`;
    process.stdout.write(
      `${scenario.name}: joint staffing of ${r.groups.join(", ")} (cost an agent-hour: ${costs}); seed ${seed}, at most ${replications} replications a try\n` +
        `start (fluid bound): ${r.groups.map((g) => `${g} ${r.start[g]}`).join(", ")}\n\n` +
        `${grid(rows, 1)}\n(each target's value per call type as judged: its safe 95% bound)\n\n${answer}\n${usedLine(r.replications, r.tries.length, replications)}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  }
  return r.recommended === null ? 1 : 0;
}
