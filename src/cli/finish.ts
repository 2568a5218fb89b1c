// The end of run, compare and sweep (and of merge, which must end exactly as they would): the study's results become
// the tables on stdout, the JSON, and the files in --out, all written after every result is in.

import { comparisonOf } from "../experiment/compare.js";
import { experimentsOf, type Study } from "../experiment/study.js";
import type { ReplicationResult } from "../experiment/collector.js";
import { METRIC_NAMES, type MetricName } from "../metrics/tally.js";
import {
  DEFAULT_FOCUS,
  comparisonCsv,
  comparisonJson,
  comparisonTable,
  sweepCsv,
  sweepJson,
  sweepTable,
} from "../report/comparison.js";
import { groupsCsv, intervalsCsv, nodesCsv, ursCsv } from "../report/csv.js";
import { writeFileAtomic, writeOutputs } from "../report/output-dir.js";
import { summaryJson } from "../report/summary.js";
import { resultTable } from "../report/table.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";

export interface ReportOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** The metrics of the compare and sweep tables: --metrics, or a routing-focused set. */
export function focusOf(metrics: string | undefined): MetricName[] {
  if (!metrics) return DEFAULT_FOCUS;
  return metrics.split(",").map((m) => {
    const name = m.trim();
    if (!(METRIC_NAMES as readonly string[]).includes(name)) {
      throw new InputError("--metrics", undefined, `unknown metric "${name}"${suggestion(name, METRIC_NAMES)}`);
    }
    return name as MetricName;
  });
}

/**
 * Reports a whole study from every job's result in the order of jobsOf. `trace` is the first replication's trace and
 * `tracePath` where it goes (run only); `focus` the compare and sweep tables' metrics.
 */
export function finishStudy(
  study: Study,
  results: readonly ReplicationResult[],
  opts: ReportOptions & { readonly focus?: readonly MetricName[]; readonly tracePath?: string; readonly trace?: string },
): number {
  const experiments = experimentsOf(study, results);
  const focus = opts.focus ?? DEFAULT_FOCUS;
  let files: Record<string, string>;
  let json: string;
  let table: string;
  if (study.kind === "run") {
    const result = experiments[0]!;
    json = summaryJson(result);
    files = {
      "summary.json": json,
      "intervals.csv": intervalsCsv(result),
      "groups.csv": groupsCsv(result),
      "nodes.csv": nodesCsv(result),
      "urs.csv": ursCsv(result),
    };
    table = resultTable(result) + (opts.out ? `\nwrote ${opts.out}/\n` : "");
  } else if (study.kind === "compare") {
    const c = comparisonOf(
      study.paths[0]!,
      study.points.map((p, i) => ({ value: p.values[0]!, result: experiments[i]! })),
    );
    json = comparisonJson(c);
    files = { "compare.json": json, "compare.csv": comparisonCsv(c) };
    table = comparisonTable(c, focus);
  } else {
    const s = { paths: study.paths, points: study.points.map((p, i) => ({ values: p.values, result: experiments[i]! })) };
    json = sweepJson(s);
    files = { "sweep.json": json, "sweep.csv": sweepCsv(s) };
    table = sweepTable(s, focus);
  }
  if (opts.out) writeOutputs(opts.out, files);
  if (opts.tracePath && opts.trace !== undefined) writeFileAtomic(opts.tracePath, opts.trace, "--trace");
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) process.stdout.write(table);
  return 0;
}
