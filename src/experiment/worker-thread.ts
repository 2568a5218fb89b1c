// The file a pool's worker thread runs when ccsim runs from dist/ unbundled; the bundle writes its own beside itself.

import { parentPort } from "node:worker_threads";
import { serveJobs } from "./worker.js";

serveJobs(parentPort!);
