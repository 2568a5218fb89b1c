// `ccsim sweep`: metrics against one or two varied fields of a scenario, each point with its CI, as a table, JSON
// and CSV.

import { executeStudy } from "./execute.js";
import { focusOf, refuseUnusedMetrics, refuseUnusedWide } from "./finish.js";
import { varySource, type VaryOptions } from "./vary-option.js";

export async function sweepCommand(file: string, opts: VaryOptions): Promise<number> {
  const focus = focusOf(opts.metrics);
  refuseUnusedMetrics(opts);
  refuseUnusedWide(opts, "sweep");
  return executeStudy(varySource("sweep", file, opts, 2), { ...opts, focus });
}
