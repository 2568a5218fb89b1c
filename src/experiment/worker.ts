// The worker thread's side of the pool: gets each batch's scenarios and seed before its jobs, then runs the jobs it is
// sent, one at a time. (worker-thread.ts starts it; the bundle has a starter of its own, see scripts/bundle.mjs.)

import type { MessagePort } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { runJob } from "./job.js";
import type { Job } from "./study.js";

/** What the jobs that follow it run on, until the next batch. */
export interface BatchMessage {
  readonly kind: "batch";
  readonly scenarios: readonly Scenario[];
  readonly seed: number;
  readonly traceLimit: number | undefined;
  readonly series: boolean;
}

export interface JobMessage {
  readonly kind: "job";
  /** the job's place in its batch's list */
  readonly k: number;
  readonly job: Job;
}

/** Serves the pool on `port` (the thread's parentPort) for as long as the thread lives. */
export function serveJobs(port: MessagePort): void {
  // messages on a port arrive in the order they were posted, so a batch's jobs always find its scenarios here
  let batch: BatchMessage | null = null;
  // an exception here ends the thread with an "error" event in the pool, which stops the run
  port.on("message", (m: BatchMessage | JobMessage) => {
    if (m.kind === "batch") {
      batch = m;
      return;
    }
    const b = batch!;
    port.postMessage({ k: m.k, output: runJob(b.scenarios[m.job.point]!, b.seed, m.job, b.traceLimit, b.series) });
  });
}
