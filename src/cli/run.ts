// `ccsim run [scenario]`: replications of one scenario, a table on the terminal (or the summary as JSON), files in --out.

import { wholeNumber, loadScenarioFromCli, scenarioText, type CommonOptions } from "./options.js";
import { executeStudy, type ExecuteOptions } from "./execute.js";

export interface RunOptions extends CommonOptions, ExecuteOptions {
  readonly trace?: string;
  readonly traceLimit?: string;
}

export async function runCommand(file: string | undefined, opts: RunOptions): Promise<number> {
  const { seed, replications } = loadScenarioFromCli(file, opts);
  const traceLimit = wholeNumber("--trace-limit", opts.traceLimit, 1) ?? 100;
  return executeStudy(
    {
      kind: "run",
      file: file ?? "<demo>",
      text: scenarioText(file),
      set: opts.set ?? [],
      paths: [],
      points: [{ values: [], overrides: [] }],
      seed,
      replications,
    },
    { ...opts, tracePath: opts.trace, traceLimit },
  );
}
