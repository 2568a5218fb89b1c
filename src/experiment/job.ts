// One job of a study, run where it is sent (in the main thread or a worker thread): a replication of one point, with
// the trace recorder on the study's very first replication when a trace was asked for.

import type { Scenario } from "../scenario/types.js";
import { TraceRecorder } from "../observe/trace.js";
import type { ReplicationResult } from "../observe/results.js";
import { runReplication, type ReplicationOptions } from "./replication.js";
import type { Job } from "./study.js";

/** Plain data only, so that it crosses from a worker thread by structured clone unchanged. */
export interface JobOutput {
  readonly result: ReplicationResult;
  /** the trace's JSON lines, on the traced job only */
  readonly trace?: string;
}

/** `series`: keep the interval series (ReplicationOptions). `observers`: more observers beside the replication observer, in this thread only (a test's; they cannot cross to a worker). */
export function runJob(
  scenario: Scenario,
  seed: number,
  job: Job,
  traceLimit: number | undefined,
  series: boolean,
  observers?: ReplicationOptions["observers"],
): JobOutput {
  const traced = traceLimit !== undefined && job.point === 0 && job.replication === 0;
  let trace: TraceRecorder | null = null;
  const result = runReplication(scenario, seed, job.replication, {
    series,
    observers: traced ? (sim) => [(trace = new TraceRecorder(sim, traceLimit))] : observers,
  });
  return trace === null ? { result } : { result, trace: (trace as TraceRecorder).text() };
}
