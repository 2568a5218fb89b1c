// Runs a study as the command line asks: the whole of it or one --shard, on --workers threads; then reports it, or
// writes the shard's partial result for `ccsim merge`.

import { planStudy, runPlan, seriesWanted } from "../experiment/plan.js";
import { prestartWorkers, withPool } from "../experiment/pool.js";
import { parseShard, shardJobs } from "../experiment/shard.js";
import type { StudySource } from "../experiment/study-source.js";
import { studyHash } from "../experiment/study.js";
import type { StudyMetricName } from "../experiment/study-metrics.js";
import { checkOutDir, checkOutFlag, writeOutputs } from "../report/output-dir.js";
import { partialFileName, partialJson } from "../report/partial.js";
import { progressBar } from "../report/progress.js";
import { InputError } from "../scenario/errors.js";
import { finishStudy, outFiles, refuseSkypeMetricsWithoutSkype, refuseUnpricedCost, type ReportOptions } from "./finish.js";
import { guardRun } from "./guard.js";
import { workerCount, workersFlag } from "./options.js";
import { traceTarget } from "./trace-option.js";

export interface ExecuteOptions extends ReportOptions {
  readonly workers?: string;
  readonly shard?: string;
  /** write into an --out folder that holds files, and run despite the memory estimate */
  readonly force?: boolean;
}

export async function executeStudy(
  source: StudySource,
  opts: ExecuteOptions & {
    readonly focus?: readonly StudyMetricName[];
    readonly metrics?: string;
    readonly tracePath?: string;
    readonly traceLimit?: number;
  },
): Promise<number> {
  const flag = workersFlag(opts.workers);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (shard) {
    if (!opts.out) throw new InputError("--shard", undefined, "needs --out DIR, the folder its partial result is written to");
    if (opts.json) throw new InputError("--shard", undefined, "a shard has no summary to print: leave out --json, and merge the partial results");
    if (opts.tracePath !== undefined) throw new InputError("--shard", undefined, "leave out --trace: trace replication 1 in a run of its own");
  }
  checkOutFlag(opts.out);
  // --workers N asks for N - 1 worker threads beside this one (pool.ts): they start loading while the study is read
  if (flag !== undefined && flag > 1) prestartWorkers(flag - 1);
  // every point is loaded, so that a bad value stops the command before anything runs
  const plan = planStudy(source);
  const { study } = plan;
  refuseSkypeMetricsWithoutSkype(opts.focus, study.points.map((p) => p.scenario));
  refuseUnpricedCost(study, opts.focus);
  // a shard writes its partial next to the other shards': only a whole study's folder must hold nothing else
  // a shard's folder may hold the other shards' partials, as if --force; its own name must still be a regular file
  if (opts.out) checkOutDir(opts.out, shard ? [partialFileName(shard)] : outFiles(study.kind), shard !== undefined || opts.force === true);
  const traceTo = opts.tracePath === undefined ? undefined : traceTarget(opts.tracePath, opts, outFiles(study.kind));
  const seconds = guardRun(source.file, study.points.map((p) => p.scenario), study.replications, opts);
  const all = plan.jobs;
  const jobs = shard ? shardJobs(all, shard) : all;
  const workers = workerCount(flag, (seconds * jobs.length) / all.length);
  const label = `ccsim ${source.kind}${shard ? ` ${shard.index}/${shard.count}` : ""}`;
  const bar = progressBar(label, !opts.quiet && !opts.json && process.stderr.isTTY === true);
  // only a run's --out folder (and a shard's partial, which a merge may report) holds intervals.csv and report.html
  const series = seriesWanted(plan, shard !== undefined || (study.kind === "run" && opts.out !== undefined));
  let outputs;
  try {
    outputs = await withPool(workers, (pool) =>
      runPlan(plan, pool, { jobs, traceLimit: traceTo ? opts.traceLimit : undefined, onProgress: bar.update, series }),
    );
  } finally {
    // an interrupted run's message then starts on a clean line
    bar.done();
  }
  if (shard) {
    const name = partialFileName(shard);
    writeOutputs(opts.out!, { [name]: partialJson(plan.source, studyHash(study), shard, jobs, outputs) });
    if (!opts.quiet) {
      process.stderr.write(`wrote ${opts.out}/${name}: shard ${shard.index}/${shard.count}, ${jobs.length} of ${all.length} replications\n`);
    }
    return 0;
  }
  return finishStudy(plan, outputs.map((o) => o.result), { ...opts, traceTo, trace: outputs[0]?.trace });
}
