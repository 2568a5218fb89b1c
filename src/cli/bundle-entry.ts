// The bundle's one entry (scripts/bundle.mjs): the command line, and the loop a pool's worker thread runs, so that a
// worker loads the same file (and code cache) as the command that started it.

import type { MessagePort } from "node:worker_threads";

export { main } from "./main.js";

/** Loaded when a worker thread asks for it, so that the command line does not pay for the model at start-up. */
export async function serveJobs(port: MessagePort): Promise<void> {
  const { serveJobs: serve } = await import("../experiment/worker.js");
  serve(port);
}
