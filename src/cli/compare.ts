// `ccsim compare`: variants of one scenario on common random numbers, each metric with its CI and the paired
// differences, as a table, JSON and CSV.

import { InputError } from "../scenario/errors.js";
import { executeStudy } from "./execute.js";
import { focusOf, refuseUnusedMetrics, refuseUnusedWide } from "./finish.js";
import { varySource, type VaryOptions } from "./vary-option.js";

export async function compareCommand(file: string, opts: VaryOptions): Promise<number> {
  const focus = focusOf(opts.metrics);
  refuseUnusedMetrics(opts);
  refuseUnusedWide(opts, "compare");
  const source = varySource("compare", file, opts, 1);
  if (source.points.length < 2) throw new InputError("--vary", undefined, "compare needs at least two values");
  return executeStudy(source, { ...opts, focus });
}
