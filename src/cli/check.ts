// `ccsim check <scenario>`: the CI gate. Runs the scenario, judges every target on its safe CI bound, prints each
// with its value, CI and verdict, and exits 1 when any is missed (0 when all are met, 2 on bad input). The
// replications run on --workers threads; --shard is refused (a check is judged on all of them).

import { drainText } from "../experiment/drain.js";
import { withPool } from "../experiment/pool.js";
import { experimentRunner } from "../experiment/pooled-experiment.js";
import { checkOutDir, checkOutFlag, writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { summaryJson, summaryOf } from "../report/summary.js";
import { tidyDeep } from "../report/numbers.js";
import { verdictsOf, verdictTable } from "../report/verdicts.js";
import { guardRun } from "./guard.js";
import { workerCount, workersFlag } from "./options.js";
import { CCSIM_VERSION } from "../report/version.js";
import { commandLine, provenanceOf, withTargets } from "./command-line.js";
import { loadWithTargets, refuseShard, requireTargets, type GateOptions } from "./target-option.js";

export type CheckOptions = GateOptions;

export async function checkCommand(file: string, opts: CheckOptions): Promise<number> {
  refuseShard(
    opts,
    "a check judges its targets on all replications together: run it whole (--workers spreads them over threads), " +
      "or shard `ccsim run` and `ccsim merge` the partials: the merged summary.json carries the same verdicts (targets[].met)",
  );
  checkOutFlag(opts.out);
  const flag = workersFlag(opts.workers);
  const { scenario, seed, replications, flags } = loadWithTargets(file, opts);
  requireTargets(file, scenario, "check");
  if (opts.out !== undefined) checkOutDir(opts.out, ["check.json", "summary.json", "report.html"], opts.force === true);
  const workers = workerCount(flag, guardRun(file, [scenario], replications, { force: opts.force, quiet: opts.quiet }));
  const bar = progressBar("ccsim check", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  let result;
  try {
    result = await withPool(workers, (pool) => experimentRunner(pool)(scenario, { seed, replications, onProgress: bar.update }));
  } finally {
    // an interrupted check's message then starts on a clean line
    bar.done();
  }
  const cut = result.cutAtDrainLimit;
  if (cut !== undefined && !opts.quiet) process.stderr.write(`ccsim: warning: ${drainText(cut.calls, cut.replications, replications)}\n`);
  const verdicts = verdictsOf(result);
  const missed = verdicts.filter((v) => !v.met);
  const json =
    JSON.stringify(
      tidyDeep({ scenario: scenario.name, seed, replications, passed: missed.length === 0, missed: missed.map((v) => v.metric), targets: verdicts }),
      null,
      2,
    ) + "\n";
  if (opts.out) {
    const files: Record<string, string> = { "check.json": json, "summary.json": summaryJson(summaryOf(result)) };
    // the report's charts load d3: only when there is a report to write
    const { checkReport } = await import("../report/html/check-report.js");
    // the seed and replications as settled, so the command makes the same numbers after the file's defaults change
    const settled = { ...opts, seed: String(seed), replications: String(replications) };
    const provenance = provenanceOf("check", file, settled, seed, replications);
    files["report.html"] = checkReport({
      scenario: scenario.name,
      seed,
      replications,
      version: CCSIM_VERSION,
      verdicts,
      targets: scenario.targets,
      provenance: {
        ...provenance,
        command: withTargets(commandLine("check", file, settled), opts.target),
        overrides: [...provenance.overrides, ...flags.map((f) => f.override)],
      },
    });
    writeOutputs(opts.out, files);
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const head = `${scenario.name}: seed ${seed}, ${replications} replication${replications === 1 ? "" : "s"}`;
    const tail =
      missed.length === 0
        ? `all ${verdicts.length} target${verdicts.length === 1 ? "" : "s"} met`
        : `MISSED ${missed.length} of ${verdicts.length}: ${missed.map((v) => `${v.metric} ${v.target}`).join(", ")}`;
    process.stdout.write(
      `${head}\n\n${verdictTable(verdicts)}\n\n` +
        "each judged on the 95% bound that makes the claim safe: the lower for a minimum, the upper for a maximum\n" +
        `${tail}\n` +
        (opts.out ? `wrote ${opts.out}/\n` : ""),
    );
  }
  return missed.length === 0 ? 0 : 1;
}
