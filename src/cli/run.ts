// `ccsim run [scenario]`: replications of one scenario, a table on the terminal (or the summary as JSON), files in --out.

import { runExperiment } from "../experiment/experiment.js";
import { groupsCsv, intervalsCsv, nodesCsv, ursCsv } from "../report/csv.js";
import { writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { summaryJson } from "../report/summary.js";
import { resultTable } from "../report/table.js";
import { loadScenarioFromCli, type CommonOptions } from "./options.js";

export interface RunOptions extends CommonOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

export function runCommand(file: string | undefined, opts: RunOptions): number {
  const { scenario, seed, replications } = loadScenarioFromCli(file, opts);
  const bar = progressBar("ccsim run", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  const result = runExperiment(scenario, { seed, replications, onProgress: bar.update });
  bar.done();
  const summary = summaryJson(result);
  if (opts.out) {
    writeOutputs(opts.out, {
      "summary.json": summary,
      "intervals.csv": intervalsCsv(result),
      "groups.csv": groupsCsv(result),
      "nodes.csv": nodesCsv(result),
      "urs.csv": ursCsv(result),
    });
  }
  if (opts.json) process.stdout.write(summary);
  else if (!opts.quiet) process.stdout.write(resultTable(result) + (opts.out ? `\nwrote ${opts.out}/\n` : ""));
  return 0;
}
