// `ccsim run [scenario]`: replications of one scenario, a table on the terminal (or the summary as JSON), files in --out.

import { runExperiment } from "../experiment/experiment.js";
import { groupsCsv, intervalsCsv, nodesCsv, ursCsv } from "../report/csv.js";
import { checkOutDir, writeFileAtomic, writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { summaryJson, summaryOf } from "../report/summary.js";
import { resultTable } from "../report/table.js";
import { TraceRecorder } from "../report/trace.js";
import { provenanceOf } from "./command-line.js";
import { guardRun } from "./guard.js";
import { loadScenarioFromCli, wholeNumber, type CommonOptions } from "./options.js";

const OUT_FILES = ["summary.json", "intervals.csv", "groups.csv", "nodes.csv", "urs.csv", "report.html"];

export interface RunOptions extends CommonOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly trace?: string;
  readonly traceLimit?: string;
  readonly force?: boolean;
}

export async function runCommand(file: string | undefined, opts: RunOptions): Promise<number> {
  const { scenario, seed, replications } = loadScenarioFromCli(file, opts);
  const traceLimit = wholeNumber("--trace-limit", opts.traceLimit, 1) ?? 100;
  if (opts.out) checkOutDir(opts.out, OUT_FILES, opts.force === true);
  guardRun(file ?? "<demo>", [scenario], replications, opts);
  let trace: TraceRecorder | null = null;
  const bar = progressBar("ccsim run", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  const result = runExperiment(scenario, {
    seed,
    replications,
    onProgress: bar.update,
    observers: (sim, r) => (opts.trace && r === 0 ? [(trace = new TraceRecorder(sim, traceLimit))] : []),
  });
  bar.done();
  const summaryData = summaryOf(result);
  const summary = summaryJson(summaryData);
  if (opts.out) {
    // the report's charts load d3: only when there is a report to write
    const { runReport } = await import("../report/html/run-report.js");
    writeOutputs(opts.out, {
      "summary.json": summary,
      "intervals.csv": intervalsCsv(result),
      "groups.csv": groupsCsv(result),
      "nodes.csv": nodesCsv(result),
      "urs.csv": ursCsv(result),
      "report.html": runReport({
        summary: summaryData,
        intervals: result.intervals,
        serviceLevelThreshold: scenario.serviceLevel,
        provenance: provenanceOf("run", file, opts, seed, replications),
      }),
    });
  }
  if (opts.trace && trace) writeFileAtomic(opts.trace, (trace as TraceRecorder).text(), "--trace");
  if (opts.json) process.stdout.write(summary);
  else if (!opts.quiet) process.stdout.write(resultTable(result) + (opts.out ? `\nwrote ${opts.out}/\n` : ""));
  return 0;
}
