// The worker thread's side of the pool: gets each batch (its scenarios, seed and job list, and the counter every
// thread takes its next job from), then runs jobs one at a time, each the next one no thread has taken, until none is
// left. (worker-thread.ts starts it; the bundle has a starter of its own, see scripts/bundle.mjs.)

import type { MessagePort } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { runJob, type JobOutput } from "./job.js";
import type { Job } from "./study.js";

/** One batch: what its jobs run on, the jobs, and where the threads take them from. */
export interface BatchMessage {
  readonly kind: "batch";
  readonly scenarios: readonly Scenario[];
  readonly seed: number;
  readonly jobs: readonly Job[];
  readonly traceLimit: number | undefined;
  readonly series: boolean;
  /** one Int32 on a SharedArrayBuffer: the index of the next job not taken; a thread takes one with Atomics.add, so
   *  the main thread and every worker share the batch without a message going to and fro between jobs */
  readonly next: Int32Array;
}

/** What a worker sends back for each job it ran. */
export interface JobDone {
  /** the job's place in its batch's list */
  readonly k: number;
  readonly output: JobOutput;
}

/** The next job of the batch for this thread, or -1 when every one is taken. */
export function takeJob(b: BatchMessage): number {
  const k = Atomics.add(b.next, 0, 1);
  return k < b.jobs.length ? k : -1;
}

/** Serves the pool on `port` (the thread's parentPort) for as long as the thread lives. */
export function serveJobs(port: MessagePort): void {
  // an exception here ends the thread with an "error" event in the pool, which stops the run
  port.on("message", (b: BatchMessage) => {
    for (let k = takeJob(b); k >= 0; k = takeJob(b)) {
      const job = b.jobs[k]!;
      port.postMessage({ k, output: runJob(b.scenarios[job.point]!, b.seed, job, b.traceLimit, b.series) } satisfies JobDone);
    }
  });
}
