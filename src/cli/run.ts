// `ccsim run [scenario]`: replications of one scenario, a table on the terminal (or the summary as JSON), files in --out.

import { wholeNumber, scenarioText, type CommonOptions } from "./options.js";
import { executeStudy, type ExecuteOptions } from "./execute.js";
import { traceLimitOf } from "./trace-option.js";

export interface RunOptions extends CommonOptions, ExecuteOptions {
  readonly trace?: string;
  readonly traceLimit?: string;
}

export async function runCommand(file: string | undefined, opts: RunOptions): Promise<number> {
  // the scenario is loaded once, by executeStudy; seed and replications left out are the scenario's
  const seed = wholeNumber("--seed", opts.seed, 0);
  const replications = wholeNumber("--replications", opts.replications, 1);
  const traceLimit = traceLimitOf(opts.trace, opts.traceLimit);
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
