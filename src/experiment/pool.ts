// Runs jobs on worker threads, or in this thread when one would do, and hands back their outputs in the order of the
// job list whatever order they finish in: replications are deterministic from (seed, replication), so the merged
// result does not depend on how many threads ran it. A pool is opened once and runs batch after batch on the same
// threads (a size search's tries), so each thread starts and warms up only once.

import { Worker } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { Interrupted } from "./interrupted.js";
import { runJob, type JobOutput } from "./job.js";
import type { ReplicationOptions } from "./replication.js";
import type { Job } from "./study.js";
import type { BatchMessage, JobMessage } from "./worker.js";

export interface BatchOptions {
  /** trace the first replication of the first point, following this many interactions */
  readonly traceLimit?: number;
  /** called after each job with (done, total) */
  readonly onProgress?: (done: number, total: number) => void;
  /** keep the interval series (default true); false when nothing will read it (seriesWanted, plan.ts) */
  readonly series?: boolean;
}

export interface JobPool {
  /** Runs one batch (one at a time): every job of `scenarios[job.point]` on `seed`, outputs in the order of `jobs`. */
  run(scenarios: readonly Scenario[], seed: number, jobs: readonly Job[], options?: BatchOptions): Promise<JobOutput[]>;
  /** Stops the threads. Rejects with Interrupted when a signal came after the last batch, so nothing gets written. */
  close(): Promise<void>;
}

// the thread's starter beside this module: dist/experiment/worker-thread.js, or in the bundle dist/bundle/worker-thread.js
const WORKER = new URL("./worker-thread.js", import.meta.url);

/** A pool of `workers` threads at most; they are started when a batch first needs them. */
export function openPool(workers: number): JobPool {
  return new ThreadPool(workers);
}

/** Opens a pool, hands it to `use`, and closes it however `use` ends. */
export async function withPool<T>(workers: number, use: (pool: JobPool) => Promise<T>): Promise<T> {
  const pool = openPool(workers);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** A batch in this thread, one job after the other: what a pool of one runs, and what runExperiment and
 *  compareVariants run (synchronously), so that a test runs the jobs the command line runs. */
export function runHere(
  scenarios: readonly Scenario[],
  seed: number,
  jobs: readonly Job[],
  options: BatchOptions & Pick<ReplicationOptions, "observers"> = {},
): JobOutput[] {
  return jobs.map((job, k) => {
    const out = runJob(scenarios[job.point]!, seed, job, options.traceLimit, options.series ?? true, options.observers);
    options.onProgress?.(k + 1, jobs.length);
    return out;
  });
}

interface RunningBatch {
  readonly total: number;
  readonly jobs: readonly Job[];
  readonly outputs: JobOutput[];
  readonly options: BatchOptions;
  next: number;
  done: number;
  readonly resolve: (outputs: JobOutput[]) => void;
  readonly reject: (error: unknown) => void;
}

class ThreadPool implements JobPool {
  private readonly workers: Worker[] = [];
  private batch: RunningBatch | null = null;
  /** the first thing that went wrong; the pool runs nothing after it */
  private failure: { readonly error: unknown; reported: boolean } | null = null;
  private closed = false;
  // The main thread is idle while the workers run, and does little between batches, so a signal is handled at once:
  // stop every worker, and let the caller write nothing. Handlers live only while threads do, so Ctrl-C elsewhere
  // (and in a run that stays in this thread) keeps its usual effect.
  private readonly onSigint = () => this.fail(new Interrupted("SIGINT"));
  private readonly onSigterm = () => this.fail(new Interrupted("SIGTERM"));

  constructor(private readonly size: number) {}

  run(scenarios: readonly Scenario[], seed: number, jobs: readonly Job[], options: BatchOptions = {}): Promise<JobOutput[]> {
    if (this.closed) return Promise.reject(new Error("the pool is closed"));
    if (this.batch !== null) return Promise.reject(new Error("the pool runs one batch at a time"));
    if (this.failure !== null) {
      this.failure.reported = true;
      return Promise.reject(this.failure.error);
    }
    const threads = Math.min(this.size, jobs.length);
    // no thread yet, and one or none wanted: no worker is worth its start-up (each loads the model anew)
    if (this.workers.length === 0 && threads <= 1) return Promise.resolve(runHere(scenarios, seed, jobs, options));
    while (this.workers.length < threads) this.start();
    return new Promise((resolve, reject) => {
      const batch: RunningBatch = { total: jobs.length, jobs, outputs: new Array<JobOutput>(jobs.length), options, next: 0, done: 0, resolve, reject };
      this.batch = batch;
      const data: BatchMessage = { kind: "batch", scenarios, seed, traceLimit: options.traceLimit, series: options.series ?? true };
      for (const w of this.workers.slice(0, Math.min(this.workers.length, jobs.length))) {
        w.postMessage(data);
        this.give(w, batch);
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure !== null && !this.failure.reported) {
      this.failure.reported = true;
      throw this.failure.error;
    }
  }

  private start(): void {
    if (this.workers.length === 0) {
      process.on("SIGINT", this.onSigint);
      process.on("SIGTERM", this.onSigterm);
    }
    const w = new Worker(WORKER);
    this.workers.push(w);
    w.on("message", ({ k, output }: { k: number; output: JobOutput }) => {
      const b = this.batch;
      if (b === null || this.failure !== null) return;
      b.outputs[k] = output;
      b.done++;
      b.options.onProgress?.(b.done, b.total);
      if (b.done === b.total) {
        this.batch = null;
        b.resolve(b.outputs);
      } else this.give(w, b);
    });
    w.on("error", (e) => this.fail(e));
    w.on("exit", (code) => this.fail(new Error(`a worker thread stopped (exit code ${code}) before its job was done`)));
  }

  private give(w: Worker, b: RunningBatch): void {
    if (b.next >= b.total) return;
    const k = b.next++;
    w.postMessage({ kind: "job", k, job: b.jobs[k]! } satisfies JobMessage);
  }

  /** Stops every thread; the running batch, else the next one or close, rejects with `error`. */
  private fail(error: unknown): void {
    if (this.failure !== null || this.closed) return;
    const failure = { error, reported: false };
    this.failure = failure;
    this.stopListening();
    const b = this.batch;
    this.batch = null;
    void Promise.all(this.workers.map((w) => w.terminate())).then(() => {
      if (b === null || failure.reported) return;
      failure.reported = true;
      b.reject(error);
    });
  }

  private stopListening(): void {
    process.off("SIGINT", this.onSigint);
    process.off("SIGTERM", this.onSigterm);
  }
}
