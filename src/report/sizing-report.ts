// The sizing report: sizing.json (the answer, the targets at it, every try), sizing.csv (one row per try) and
// sizing.md, Markdown a CI job appends to $GITHUB_STEP_SUMMARY: what was sized, the answer, targets and margins, the
// tries, the assumptions. Agent sizing's, and the pieces the machine and per-period reports share with it.

import { stringify } from "csv-stringify/sync";
import type { SizingResult, SizingTry } from "../experiment/sizing.js";
import { calibrationNote, uncalibratedCosts } from "./calibration-note.js";
import { tidy, tidyDeep } from "./numbers.js";
import { formatMetric } from "./units.js";
import { verdictMarkdown, verdictsOf } from "./verdicts.js";
import { CCSIM_VERSION } from "./version.js";
import { looksOf } from "../experiment/sequential-try.js";
import type { ExperimentResult } from "../observe/results.js";

export interface SizingContext {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  /** the command line that reproduces it */
  readonly command: string;
}

/** The try the targets are reported at: the recommended count, or (when none met them) the largest tried. */
export function shownTry(s: Pick<SizingResult, "tries" | "recommended">): SizingTry {
  const byCount = [...s.tries].sort((a, b) => a.count - b.count);
  return s.recommended === null ? byCount[byCount.length - 1]! : byCount.find((t) => t.count === s.recommended)!;
}

/** What every sizing.json opens with: the ccsim version, the scenario, its seed and replications. */
export function sizingHeader(ctx: SizingContext) {
  return { ccsim: CCSIM_VERSION, scenario: ctx.scenario, seed: ctx.seed, replications: ctx.replications };
}

/** A try's targets in sizing.json: each one's mean, the bound judged on, and met. */
export function tryTargets(r: ExperimentResult) {
  return verdictsOf(r).map((v) => ({ metric: v.metric, mean: v.mean, judgedOn: v.judgedOn, met: v.met }));
}

/** sizing.csv's columns of the targets, three a target (the tries all judge the ones of `r`). */
export function targetColumns(r: ExperimentResult): string[] {
  return verdictsOf(r).flatMap((v) => [`${v.metric}_mean`, `${v.metric}_judgedOn`, `${v.metric}_met`]);
}

/** A try's cells under targetColumns. */
export function targetCells(r: ExperimentResult): (string | number)[] {
  return verdictsOf(r).flatMap((v) => [tidy(v.mean), tidy(v.judgedOn), String(v.met)]);
}

/** A try's cells in sizing.md: each target's mean (and the bound it was judged on), ✗ when missed. */
export function tryCells(r: ExperimentResult): string[] {
  return verdictsOf(r).map((v) => `${formatMetric(v.metric, v.mean)} (${formatMetric(v.metric, v.judgedOn)})${v.met ? "" : " ✗"}`);
}

/** How the tries spent their replications (sequential-try.ts), as every sizing.md and report.html say it. */
export function batchesSentence(ctx: SizingContext): string {
  const looks = looksOf(ctx.replications);
  return looks.length === 1
    ? `Every try ran the same ${ctx.replications} replication${ctx.replications === 1 ? "" : "s"} on seed ${ctx.seed}`
    : `Every try ran at most ${ctx.replications} replications on seed ${ctx.seed}, in batches: looked at after ${looks.join(", ")}, it stopped at the ` +
        "first look where every target's interval, at a level corrected for the repeated looks, lay wholly on one side of it " +
        `(judged at ${ctx.replications} on the 95% bound); replication r is the same in every try`;
}

/** The replications a search simulated, as sizing.md says it. */
export function simulatedLine(used: number, tries: number): string {
  return `Replications simulated: ${used} in ${tries} tr${tries === 1 ? "y" : "ies"}.`;
}

/** The assumption every sizing verdict rests on, as sizing.md and report.html say it. */
export const SAFE_BOUND = "Each target is judged on the 95% confidence bound that makes the claim safe: the lower bound for a minimum, the upper for a maximum.";

/** How a sizing was found and what it assumes, in plain sentences that sizing.md and report.html both list. */
export interface SizingMethod {
  /** none: nothing to say beyond the assumptions */
  readonly found: readonly string[];
  readonly assumptions: readonly string[];
}

/** sizing.md's "How it was found" and "Assumptions" sections. */
export function methodMarkdown(m: SizingMethod): string[] {
  const list = (lines: readonly string[]) => lines.map((l) => `- ${l}`);
  return [...(m.found.length > 0 ? ["### How it was found", "", ...list(m.found), ""] : []), "### Assumptions", "", ...list(m.assumptions), ""];
}

/** Agent sizing: the Erlang start, the search, and what the answer rests on. */
export function agentSizingMethod(s: SizingResult, ctx: SizingContext): SizingMethod {
  const st = s.start;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  return {
    found: [
      `Start: ${st.model} for the pool ${st.pool.join(", ")} serving ${st.traffic.join(", ")}: ${(st.arrivalRate * 3600).toFixed(1)} calls/h, ` +
        `${st.meanServiceTime.toFixed(1)} s of agent time a call, ${st.offeredLoad.toFixed(2)} Erlangs` +
        (st.meanPatience !== undefined ? `, mean patience ${st.meanPatience.toFixed(1)} s` : "") +
        `. It wants ${st.poolAgents} agents for the pool (service level ${pct(st.measures.serviceLevel)}, probability of waiting ${pct(st.measures.probWait)}` +
        (st.model === "Erlang A" ? `, abandonment ${pct(st.measures.abandonRate)}` : "") +
        `), so the search started at ${st.count} in ${s.group}.`,
      ...(st.notAnalytic.length > 0 ? [`Left to the simulation alone (no closed form): ${st.notAnalytic.join(", ")}.`] : []),
      "Then simulation: from the start, steps of 1, 2, 4, ... until the verdict changed, then bisection between the last miss and the first pass.",
    ],
    assumptions: [
      `${batchesSentence(ctx)} (common random numbers: the same callers, handle times and patience), so neighbouring counts differ by the staffing alone.`,
      SAFE_BOUND,
      "The count holds all day (a staffing table of the group is replaced); every other group keeps its scenario count.",
      "The answer assumes the scenario's traffic forecast, handle times, patience and routing; the Erlang start ignores network, routing and ring delays and reservation conflicts, which the simulation includes.",
      "A verdict a little way from a target can change with the seed; a margin near 0 means more replications would make the answer firmer.",
    ],
  };
}

/** The last lines of every sizing.md: the command that makes it again. */
export function reproduceLines(ctx: SizingContext): string[] {
  return [`Reproduce: \`${ctx.command}\` (ccsim ${CCSIM_VERSION})`, ""];
}

export function sizingJson(s: SizingResult, ctx: SizingContext): string {
  const { measures, ...start } = s.start;
  const data = {
    ...sizingHeader(ctx),
    sized: { what: "agents", group: s.group, max: s.max },
    recommended: { [s.group]: s.recommended },
    replicationsSimulated: s.replications,
    ...(shownTry(s).result.scenario.components ? { uncalibratedCosts: uncalibratedCosts(shownTry(s).result.scenario) } : {}),
    targets: verdictsOf(shownTry(s).result),
    start: { ...start, analytic: measures },
    tries: s.tries.map((t) => ({
      group: s.group,
      count: t.count,
      met: t.met,
      replications: t.replications,
      targets: tryTargets(t.result),
    })),
  };
  return JSON.stringify(tidyDeep(data), null, 2) + "\n";
}

export function sizingCsv(s: SizingResult): string {
  const header = ["try", "group", "count", "met", "replications", ...targetColumns(s.tries[0]!.result)];
  const rows = s.tries.map((t, i) => [i + 1, s.group, t.count, String(t.met), t.replications, ...targetCells(t.result)]);
  return stringify([header, ...rows]);
}

export function sizingMarkdown(s: SizingResult, ctx: SizingContext): string {
  const shown = shownTry(s);
  const verdicts = verdictsOf(shown.result);
  const out: string[] = [];
  out.push(`## Sizing: agents of group \`${s.group}\` in ${ctx.scenario}`, "");
  const note = calibrationNote(shown.result.scenario);
  if (s.recommended !== null) {
    const below = s.recommended - 1;
    out.push(
      `**Recommended: ${s.recommended} agents** in \`${s.group}\`, the smallest count that met every target` +
        (below >= 1 ? ` (${below} was tried and missed)` : "") + `${note}.`,
    );
  } else {
    out.push(`**No count up to ${s.max} met every target${note}.** Shown below: the targets at ${shown.count}, the largest tried.`);
  }
  out.push("", `### Targets at ${shown.count} agents`, "");
  out.push(...verdictMarkdown(verdicts));
  out.push("", "### Tries", "", "In the order they were run; each cell is the mean (and the bound it was judged on).", "");
  out.push(`| # | agents | verdict | replications | ${verdicts.map((v) => `${v.metric} \`${v.target}\``).join(" | ")} |`);
  out.push(`|---:|---:|---|---:|${verdicts.map(() => "---:").join("|")}|`);
  s.tries.forEach((t, i) => {
    out.push(`| ${i + 1} | ${t.count} | ${t.met ? "met" : "missed"} | ${t.replications} | ${tryCells(t.result).join(" | ")} |`);
  });
  out.push("", simulatedLine(s.replications, s.tries.length), "", ...methodMarkdown(agentSizingMethod(s, ctx)), ...reproduceLines(ctx));
  return out.join("\n");
}
