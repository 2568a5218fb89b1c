// The end of run, compare and sweep (and of merge, which must end exactly as they would): the study's results become
// the tables on stdout, the JSON, and the files in --out, all written after every result is in.

import { drainWarning } from "../experiment/drain.js";
import { comparisonOf } from "../experiment/compare.js";
import { experimentsOf } from "../experiment/experiment.js";
import type { SourcedPlan } from "../experiment/plan.js";
import type { Study } from "../experiment/study.js";
import type { ReplicationResult } from "../observe/results.js";
import { STUDY_METRIC_NAMES, isSkypeMetric, type StudyMetricName } from "../experiment/study-metrics.js";
import type { Scenario } from "../scenario/types.js";
import {
  DEFAULT_FOCUS,
  faultFocus,
  comparisonCsv,
  comparisonJson,
  comparisonData,
  comparisonTable,
  sweepCsv,
  sweepJson,
  sweepData,
  sweepTable,
} from "../report/comparison.js";
import { componentsCsv } from "../report/components.js";
import { groupsCsv, intervalsCsv, nodesCsv, ursCsv } from "../report/csv.js";
import { mediaCsv, mediaThresholds } from "../report/media.js";
import { commitFiles, writeOutputs, type AtomicFile } from "../report/output-dir.js";
import { writeThrough, type OutputTarget } from "../report/output-path.js";
import { summaryJson, summaryOf } from "../report/summary.js";
import { resultTable } from "../report/table.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";
import { skypeWarnings } from "../report/skype-connector.js";
import { provenanceOf } from "./command-line.js";
import { wroteOut } from "./options.js";

export interface ReportOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** print compare and sweep tables whole, however wide (else folded to TABLE_WIDTH columns) */
  readonly wide?: boolean;
}

/** The metrics of the compare and sweep tables: --metrics, or undefined for the default set of the study. */
export function focusOf(metrics: string | undefined): StudyMetricName[] | undefined {
  if (metrics === undefined) return undefined;
  return metrics.split(",").map((m) => {
    const name = m.trim();
    // an empty name ("", ",", "a,,b") chooses nothing: refused with the names there are, not taken for the default
    if (name === "") {
      throw new InputError("--metrics", undefined, `expected comma-separated metric names, got ${JSON.stringify(metrics)}; known metrics: ${STUDY_METRIC_NAMES.join(", ")}`);
    }
    if (!(STUDY_METRIC_NAMES as readonly string[]).includes(name)) {
      throw new InputError("--metrics", undefined, `unknown metric "${name}"${suggestion(name, STUDY_METRIC_NAMES)}`);
    }
    return name as StudyMetricName;
  });
}

/** A Skype for Business site's metric names a number only a scenario with such a site has: refused, not left blank,
 *  for a study whose points have none. */
export function refuseSkypeMetricsWithoutSkype(focus: readonly StudyMetricName[] | undefined, scenarios: readonly Scenario[]): void {
  const name = focus?.find(isSkypeMetric);
  const without = scenarios.filter((s) => !s.sites.some((site) => site.skype !== undefined)).length;
  if (name === undefined || without === 0) return;
  const which = without === scenarios.length ? "the scenario has no Skype site" : `${without} of the ${scenarios.length} points have no Skype site`;
  throw new InputError("--metrics", undefined, `"${name}" is a number of a Skype for Business site (sites[].skype), and ${which}`);
}

/** --metrics chooses the columns of the table on stdout and of report.html: refused when neither is written (with
 *  --json or --quiet, and no --out), where it would choose nothing. */
export function refuseUnusedMetrics(opts: { readonly metrics?: string; readonly out?: string; readonly json?: boolean; readonly quiet?: boolean }): void {
  if (opts.metrics === undefined || opts.out !== undefined || !(opts.json || opts.quiet)) return;
  throw new InputError(
    "--metrics",
    undefined,
    `chooses the columns of the table and of report.html, and ${opts.json ? "--json" : "--quiet"} without --out writes neither: add --out DIR, or leave --metrics out`,
  );
}

/** --wide shapes the printed compare or sweep table: refused where none is printed, not ignored. */
export function refuseUnusedWide(opts: ReportOptions, kind: string): void {
  if (opts.wide !== true) return;
  if (opts.json || opts.quiet) throw new InputError("--wide", undefined, `shapes the printed table, and ${opts.json ? "--json" : "--quiet"} prints none: leave one of them out`);
  if (kind === "run") throw new InputError("--wide", undefined, "shapes a compare or sweep table; a run's table is not folded: leave --wide out");
}

/** --metrics cost on a study that prices nothing is refused (before anything runs, and again at merge); true when
 *  some point is priced. */
export function refuseUnpricedCost(study: Study, focus: readonly StudyMetricName[] | undefined): boolean {
  const priced = study.points.some((p) => p.scenario.costs !== undefined);
  if (!priced && focus?.includes("cost")) {
    throw new InputError("--metrics", undefined, "cost is the day's cost in money, and no scenario here prices anything: give costs: (or agents[].costPerHour), or leave cost out");
  }
  return priced;
}

/**
 * Reports a whole plan from every job's result in the order of its jobs. `trace` is the first replication's trace and
 * `traceTo` where it goes (run only); `focus` the compare and sweep tables' metrics.
 */
export async function finishStudy(
  plan: SourcedPlan,
  results: readonly ReplicationResult[],
  opts: ReportOptions & {
    readonly focus?: readonly StudyMetricName[];
    readonly metrics?: string;
    readonly traceTo?: OutputTarget;
    readonly trace?: string;
  },
): Promise<number> {
  // calls the drain limit cut off are counted as unfinished in the numbers; the planner hears of them too
  const cut = drainWarning(results.map((r) => r.cutAtDrainLimit));
  if (cut !== undefined && !opts.quiet) process.stderr.write(`ccsim: warning: ${cut}\n`);
  const { study } = plan;
  const experiments = experimentsOf(study, results);
  // a Skype for Business site past the guide's limits: one line each, with the guide's words
  if (study.kind === "run" && !opts.quiet) for (const line of skypeWarnings(experiments[0]!.skype)) process.stderr.write(`ccsim: warning: ${line}\n`);
  const faults = study.points.some((p) => p.scenario.faults.length > 0);
  const priced = refuseUnpricedCost(study, opts.focus);
  const byDefault = faults ? faultFocus(study.points.map((p) => p.scenario.routing.defaultRoute.kind)) : DEFAULT_FOCUS;
  // a priced study shows the day's cost beside its service
  const focus = opts.focus ?? (priced ? [...byDefault, "cost" as const] : byDefault);
  const provenance = () => provenanceOf(study.kind, plan, { metrics: opts.metrics });
  // what is asked for only: the CSV files and report.html with --out, the table when it is printed
  const out = opts.out !== undefined;
  let files: Record<string, string> = {};
  let json: string;
  let table: () => string;
  if (study.kind === "run") {
    const result = experiments[0]!;
    const summary = summaryOf(result);
    json = summaryJson(summary);
    if (out) {
      files = {
        "summary.json": json,
        "intervals.csv": intervalsCsv(result),
        "groups.csv": groupsCsv(result),
        "nodes.csv": nodesCsv(result),
        "urs.csv": ursCsv(result),
        ...(result.components ? { "components.csv": componentsCsv(result.components) } : {}),
      };
      if (result.byMedia) files["media.csv"] = mediaCsv(result);
      // the report's charts load d3: only when there is a report to write
      const { runReport } = await import("../report/html/run-report.js");
      const { dayInputsOf } = await import("../report/html/day-section.js");
      files["report.html"] = runReport({
        summary,
        intervals: result.intervals,
        ...dayInputsOf(study.points[0]!.scenario, result.intervals),
        serviceLevelThreshold: study.points[0]!.scenario.serviceLevel,
        ...(result.byMedia ? { mediaThresholds: mediaThresholds(study.points[0]!.scenario) } : {}),
        provenance: provenance(),
      });
    }
    table = () => resultTable(result);
  } else if (study.kind === "compare") {
    const c = comparisonOf(
      study.paths[0]!,
      study.points.map((p, i) => ({ value: p.values[0]!, result: experiments[i]! })),
    );
    const data = comparisonData(c);
    json = comparisonJson(data);
    if (out) {
      files = { "compare.json": json, "compare.csv": comparisonCsv(c) };
      const { compareReport } = await import("../report/html/compare-report.js");
      files["report.html"] = compareReport({ data, focus, provenance: provenance() });
    }
    table = () => comparisonTable(c, focus, opts.wide === true ? Infinity : undefined);
  } else {
    const s = { paths: study.paths, points: study.points.map((p, i) => ({ values: p.values, result: experiments[i]! })) };
    const data = sweepData(s);
    json = sweepJson(data);
    if (out) {
      files = { "sweep.json": json, "sweep.csv": sweepCsv(s) };
      const { sweepReport } = await import("../report/html/sweep-report.js");
      files["report.html"] = sweepReport({ data, focus, provenance: provenance() });
    }
    table = () => sweepTable(s, focus, opts.wide === true ? Infinity : undefined);
  }
  const to = opts.trace === undefined ? undefined : opts.traceTo;
  // A FIFO, a device or stdout is written through first: it cannot be taken back, and when it fails (ENOSPC on
  // /dev/full, say) nothing else may be written. A trace file to replace is renamed into place with the --out files.
  if (to !== undefined && to.kind !== "file") await writeThrough(to, opts.trace!);
  const traceFile: AtomicFile[] = to?.kind === "file" ? [{ path: to.target, text: opts.trace!, where: to.where }] : [];
  if (opts.out) writeOutputs(opts.out, files, traceFile);
  else if (traceFile.length > 0) commitFiles(traceFile);
  if (opts.json) process.stdout.write(json);
  // a trace on stdout is all there is there, as the JSON is with --json
  else if (!opts.quiet && to?.kind !== "stdout") {
    process.stdout.write(table());
    if (opts.out) wroteOut(opts.out);
  }
  return 0;
}

/** The files each kind of study writes into --out (what --force may replace). */
export function outFiles(kind: Study["kind"]): string[] {
  if (kind === "run") {
    return ["summary.json", "intervals.csv", "groups.csv", "nodes.csv", "urs.csv", "media.csv", "components.csv", "report.html"];
  }
  return [`${kind}.json`, `${kind}.csv`, "report.html"];
}
