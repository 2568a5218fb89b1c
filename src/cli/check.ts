// `ccsim check <scenario>`: the CI gate. Runs the scenario, judges every target on its safe CI bound, prints each
// with its value, CI and verdict, and exits 1 when any is missed (0 when all are met, 2 on bad input). The
// replications run on --workers threads; --shard is refused (a check is judged on all of them).

import { drainText } from "../experiment/drain.js";
import { experimentsOf } from "../experiment/experiment.js";
import { runPlan } from "../experiment/plan.js";
import { withPool } from "../experiment/pool.js";
import { checkOutDir, writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { summaryJson, summaryOf } from "../report/summary.js";
import { tidyDeep } from "../report/numbers.js";
import { verdictsOf, verdictTable } from "../report/verdicts.js";
import { guardRun } from "./guard.js";
import { workerCount } from "./options.js";
import { provenanceOf } from "./command-line.js";
import { planGate, requireTargets, type GateOptions } from "./target-option.js";

export type CheckOptions = GateOptions;

export async function checkCommand(file: string, opts: CheckOptions): Promise<number> {
  const { plan, workers: flag, scenario } = planGate(
    file,
    opts,
    "a check judges its targets on all replications together: run it whole (--workers spreads them over threads), " +
      "or shard `ccsim run` and `ccsim merge` the partials: the merged summary.json carries the same verdicts (targets[].met)",
  );
  const { seed, replications } = plan.study;
  requireTargets(file, scenario, "check");
  if (opts.out !== undefined) checkOutDir(opts.out, ["check.json", "summary.json", "report.html"], opts.force === true);
  const workers = workerCount(flag, guardRun(file, [scenario], replications, { force: opts.force, quiet: opts.quiet }));
  const bar = progressBar("ccsim check", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  let outputs;
  try {
    outputs = await withPool(workers, (pool) => runPlan(plan, pool, { onProgress: bar.update }));
  } finally {
    // an interrupted check's message then starts on a clean line
    bar.done();
  }
  const result = experimentsOf(plan.study, outputs.map((o) => o.result))[0]!;
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
    const provenance = provenanceOf("check", plan, { target: opts.target });
    files["report.html"] = checkReport({
      scenario: scenario.name,
      seed,
      replications,
      version: provenance.version,
      verdicts,
      targets: scenario.targets,
      provenance,
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
