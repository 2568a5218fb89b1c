// `ccsim check <scenario>`: the CI gate. Runs the scenario, judges every target on its safe CI bound, prints each
// with its value, CI and verdict, and exits 1 when any is missed (0 when all are met, 2 on bad input). The
// replications run on --workers threads; --shard is refused (a check is judged on all of them).

import { drainText } from "../experiment/drain.js";
import { experimentsOf } from "../experiment/experiment.js";
import { runPlan, seriesWanted } from "../experiment/plan.js";
import { withPool } from "../experiment/pool.js";
import { checkOutDir, writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { summaryJson, summaryOf } from "../report/summary.js";
import { tidyDeep } from "../report/numbers.js";
import { verdictsOf, verdictTable } from "../report/verdicts.js";
import { skypeVerdicts } from "../report/skype-connector.js";
import { formatInterval, formatMetric } from "../report/units.js";
import { checkJunit, checkMarkdown, checkVerdictLine, githubAnnotations, type CheckHead } from "../report/check-outputs.js";
import { guardRun } from "./guard.js";
import { workerCount, wroteOut } from "./options.js";
import { provenanceOf } from "./command-line.js";
import { planGate, requireTargets, type GateOptions } from "./target-option.js";

export interface CheckOptions extends GateOptions {
  /** print CI annotations for missed targets: only "github" (workflow commands) */
  readonly annotations?: string;
}

export async function checkCommand(file: string, opts: CheckOptions): Promise<number> {
  const { plan, workers: flag, scenario } = planGate(
    file,
    opts,
    "a check judges its targets on all replications together: run it whole (--workers spreads them over threads), " +
      "or shard `ccsim run` and `ccsim merge` the partials: the merged summary.json carries the same verdicts (targets[].met)",
  );
  const { seed, replications } = plan.study;
  // a Skype for Business site brings the guide's limits as verdicts of its own
  if (!scenario.sites.some((s) => s.skype !== undefined)) requireTargets(file, scenario, "check");
  if (opts.out !== undefined) checkOutDir(opts.out, ["check.json", "check.md", "check.xml", "summary.json", "report.html"], opts.force === true);
  const workers = workerCount(flag, guardRun(file, [scenario], replications, { force: opts.force, quiet: opts.quiet }));
  const bar = progressBar("ccsim check", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  let outputs;
  try {
    // check's summary.json and report.html read no interval series: it is kept only for a fault's recovery
    outputs = await withPool(workers, (pool) => runPlan(plan, pool, { onProgress: bar.update, series: seriesWanted(plan, false) }));
  } finally {
    // an interrupted check's message then starts on a clean line
    bar.done();
  }
  const result = experimentsOf(plan.study, outputs.map((o) => o.result))[0]!;
  const cut = result.cutAtDrainLimit;
  if (cut !== undefined && !opts.quiet) process.stderr.write(`ccsim: warning: ${drainText(cut.calls, cut.replications, replications)}\n`);
  const verdicts = [...verdictsOf(result), ...skypeVerdicts(result.skype)];
  const missed = verdicts.filter((v) => !v.met);
  // a priced scenario's gate shows the day's cost beside its service, a target or not
  const cost = result.metrics.cost ? { ...result.metrics.cost, ...(result.cost?.currency ? { currency: result.cost.currency } : {}) } : null;
  const json =
    JSON.stringify(
      tidyDeep({
        scenario: scenario.name, seed, replications, passed: missed.length === 0, missed: missed.map((v) => v.metric), targets: verdicts,
        ...(cost ? { cost } : {}),
      }),
      null,
      2,
    ) + "\n";
  const head: CheckHead = { scenario: scenario.name, file, seed, replications };
  if (opts.out) {
    const files: Record<string, string> = {
      "check.json": json,
      "check.md": checkMarkdown(head, verdicts),
      "check.xml": checkJunit(head, verdicts),
      "summary.json": summaryJson(summaryOf(result)),
    };
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
  // GitHub reads workflow commands from stdout; they come first, so that --json's document stays whole after them
  if (opts.annotations === "github") process.stdout.write(githubAnnotations(head, verdicts));
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    process.stdout.write(
      `${scenario.name}: seed ${seed}, ${replications} replication${replications === 1 ? "" : "s"}\n\n${verdictTable(verdicts)}\n\n` +
        "each judged on the 95% bound that makes the claim safe: the lower for a minimum, the upper for a maximum\n" +
        (cost ? `the day's cost${cost.currency ? ` (${cost.currency})` : ""}: ${formatMetric("cost", cost.mean)} ${formatInterval("cost", cost)}\n` : "") +
        `${checkVerdictLine(verdicts)}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  } else if (missed.length > 0) {
    // quiet, but a failing gate still says why in one line
    process.stderr.write(`ccsim check: ${scenario.name}: ${checkVerdictLine(verdicts)}\n`);
  }
  return missed.length === 0 ? 0 : 1;
}
