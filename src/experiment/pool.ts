// Runs jobs on this thread and worker threads beside it (or on this thread alone when one would do), and hands back
// their outputs in the order of the job list whatever order they finish in: replications are deterministic from
// (seed, replication), so the merged result does not depend on how many threads ran it. A pool is opened once and runs batch after batch on the same
// threads (a size search's tries), so each thread starts and warms up only once.

import { Worker } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { Interrupted } from "./interrupted.js";
import { runJob, type JobOutput } from "./job.js";
import type { ReplicationOptions } from "./replication.js";
import type { Job } from "./study.js";
import { takeJob, type BatchMessage, type JobDone } from "./worker.js";

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

/** Workers started before anyone asked for them (prestartWorkers), until a pool takes them; each keeps the error
 *  that ended it early, if one did. */
const spare: { readonly worker: Worker; error: unknown }[] = [];

/**
 * Starts `count` worker threads now, so that they load the model while this thread still reads and checks the
 * scenario; the first pool takes them. One that no pool takes does not keep the process alive (unref), and dies with
 * it. Why: a worker's start (a new isolate, the bundle) takes about as long as the main thread's reading of the
 * study, so a worker started after that reading begins its first job well after the main thread could have.
 */
export function prestartWorkers(count: number): void {
  while (spare.length < count) {
    const entry = { worker: new Worker(WORKER), error: null as unknown };
    entry.worker.unref();
    entry.worker.on("error", (e) => (entry.error ??= e));
    entry.worker.on("exit", (code) => (entry.error ??= new Error(`a worker thread stopped (exit code ${code}) before its first job`)));
    spare.push(entry);
  }
}

/** A started worker for a pool: a spare one that is still well, else a new one. */
function takeWorker(): Worker {
  for (let entry = spare.shift(); entry !== undefined; entry = spare.shift()) {
    entry.worker.removeAllListeners();
    if (entry.error === null) {
      entry.worker.ref();
      return entry.worker;
    }
    void entry.worker.terminate();
  }
  return new Worker(WORKER);
}

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
  readonly data: BatchMessage;
  readonly outputs: JobOutput[];
  readonly options: BatchOptions;
  done: number;
  readonly resolve: (outputs: JobOutput[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The main thread is one of the pool's threads: with `size` threads it starts size - 1 workers and runs jobs itself
 * between their messages, since it would otherwise sit idle while they run. Every thread takes the next job nobody has
 * taken from a counter they share (worker.ts takeJob), so a slow thread (one still warming up its JIT, or starved by
 * another process) takes fewer jobs, and no thread waits for a message to get its next one. Why: measured on 20
 * replications of scenarios/two-sites-node-based.yaml (docs/speed.md), a worker's first replications cost several
 * warm ones, so each thread fewer to start and warm up is time saved, and a job handed out by message idled the
 * worker while the main thread was busy.
 */
class ThreadPool implements JobPool {
  private readonly workers: Worker[] = [];
  private batch: RunningBatch | null = null;
  /** the first thing that went wrong; the pool runs nothing after it */
  private failure: { readonly error: unknown; reported: boolean } | null = null;
  private closed = false;
  // The main thread handles a signal between two of its jobs, so soon: stop every worker, and let the caller write
  // nothing. Handlers live only while threads do, so Ctrl-C elsewhere (and in a run that stays in this thread) keeps
  // its usual effect.
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
    while (this.workers.length < threads - 1) this.start();
    return new Promise((resolve, reject) => {
      const data: BatchMessage = {
        kind: "batch", scenarios, seed, jobs, traceLimit: options.traceLimit, series: options.series ?? true,
        next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
      };
      const batch: RunningBatch = { data, outputs: new Array<JobOutput>(jobs.length), options, done: 0, resolve, reject };
      this.batch = batch;
      for (const w of this.workers) w.postMessage(data);
      this.runHereNext(batch);
    });
  }

  /** The main thread's share: one job, then back to the event loop (the workers' results, a signal), then the next. */
  private runHereNext(b: RunningBatch): void {
    setImmediate(() => {
      if (this.batch !== b) return;
      const k = takeJob(b.data);
      if (k < 0) return;
      const job = b.data.jobs[k]!;
      let output: JobOutput;
      try {
        output = runJob(b.data.scenarios[job.point]!, b.data.seed, job, b.data.traceLimit, b.data.series);
      } catch (e) {
        this.fail(e);
        return;
      }
      this.finished(b, k, output);
      this.runHereNext(b);
    });
  }

  /** Job k of the batch is done, here or in a worker. */
  private finished(b: RunningBatch, k: number, output: JobOutput): void {
    if (this.batch !== b || this.failure !== null) return;
    b.outputs[k] = output;
    b.done++;
    b.options.onProgress?.(b.done, b.outputs.length);
    if (b.done === b.outputs.length) {
      this.batch = null;
      b.resolve(b.outputs);
    }
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
    const w = takeWorker();
    this.workers.push(w);
    w.on("message", ({ k, output }: JobDone) => {
      if (this.batch !== null) this.finished(this.batch, k, output);
    });
    w.on("error", (e) => this.fail(e));
    w.on("exit", (code) => this.fail(new Error(`a worker thread stopped (exit code ${code}) before its job was done`)));
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
