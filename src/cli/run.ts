// `ccsim run [scenario]`: replications of one scenario, a table on the terminal (or the summary as JSON), files in --out.

import { scenarioText, settleFlags, type CommonOptions } from "./options.js";
import { executeStudy, type ExecuteOptions } from "./execute.js";
import { traceLimitOf } from "./trace-option.js";

export interface RunOptions extends CommonOptions, ExecuteOptions {
  readonly trace?: string;
  readonly traceLimit?: string;
}

export async function runCommand(file: string | undefined, opts: RunOptions): Promise<number> {
  // checked before the file is read; the scenario is loaded once, by the plan, which settles what is left out
  const { seed, replications } = settleFlags(opts);
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
