// Runs a study's jobs on worker threads, or in this thread when one would do, and hands back their outputs in the
// order of the job list whatever order they finish in: replications are deterministic from (seed, replication), so the
// merged result does not depend on how many threads ran it.

import { Worker } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { Interrupted } from "./interrupted.js";
import { runJob, type JobOutput } from "./job.js";
import type { Job } from "./study.js";
import type { JobMessage, WorkerData } from "./worker.js";

export interface PoolOptions {
  /** worker threads at most; 1 runs in this thread */
  readonly workers: number;
  /** trace the first replication of the first point, following this many interactions */
  readonly traceLimit?: number;
  /** called after each job with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
}

const WORKER = new URL("./worker.js", import.meta.url);

export async function runJobs(
  scenarios: readonly Scenario[],
  seed: number,
  jobs: readonly Job[],
  options: PoolOptions,
): Promise<JobOutput[]> {
  const threads = Math.min(options.workers, jobs.length);
  // one thread or one job: no worker is worth its start-up (each loads the model anew)
  if (threads <= 1) {
    return jobs.map((job, k) => {
      const out = runJob(scenarios[job.point]!, seed, job, options.traceLimit);
      options.onProgress?.(k + 1, jobs.length);
      return out;
    });
  }
  return new Promise((resolve, reject) => {
    const outputs: JobOutput[] = new Array<JobOutput>(jobs.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    // The main thread is idle while the workers run, so a signal is handled at once: stop every worker, and let the
    // caller write nothing. Handlers live only as long as the pool, so Ctrl-C elsewhere keeps its usual effect.
    const onSigint = () => finish(new Interrupted("SIGINT"));
    const onSigterm = () => finish(new Interrupted("SIGTERM"));
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);

    function finish(error?: unknown): void {
      if (settled) return;
      settled = true;
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error === undefined ? resolve(outputs) : reject(error)));
    }

    function give(w: Worker): void {
      if (next >= jobs.length) return;
      const k = next++;
      w.postMessage({ k, job: jobs[k]! } satisfies JobMessage);
    }

    const data: WorkerData = { scenarios, seed, traceLimit: options.traceLimit };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(WORKER, { workerData: data });
      workers.push(w);
      w.on("message", ({ k, output }: { k: number; output: JobOutput }) => {
        if (settled) return;
        outputs[k] = output;
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) finish();
        else give(w);
      });
      w.on("error", (e) => finish(e));
      w.on("exit", (code) => {
        if (!settled) finish(new Error(`a worker thread stopped (exit code ${code}) before its job was done`));
      });
      give(w);
    }
  });
}
