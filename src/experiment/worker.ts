// The worker thread of the pool: gets the study's scenarios once, then runs the jobs it is sent, one at a time.

import { parentPort, workerData } from "node:worker_threads";
import type { Scenario } from "../scenario/types.js";
import { runJob } from "./job.js";
import type { Job } from "./study.js";

export interface WorkerData {
  readonly scenarios: readonly Scenario[];
  readonly seed: number;
  readonly traceLimit: number | undefined;
}

export interface JobMessage {
  /** the job's place in the list the pool was given */
  readonly k: number;
  readonly job: Job;
}

const data = workerData as WorkerData;
// an exception here ends the thread with an "error" event in the pool, which stops the run
parentPort!.on("message", ({ k, job }: JobMessage) => {
  parentPort!.postMessage({ k, output: runJob(data.scenarios[job.point]!, data.seed, job, data.traceLimit) });
});
