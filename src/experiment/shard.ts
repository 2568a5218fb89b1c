// Shards: `--shard i/n` runs the i-th of n deterministic slices of a study's jobs, so that a CI matrix or a cluster's
// indexed jobs can share one study and `ccsim merge` can put it back together.

import { InputError } from "../scenario/errors.js";
import type { Job } from "./study.js";

export interface Shard {
  /** 1-based */
  readonly index: number;
  readonly count: number;
}

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new InputError("--shard", undefined, `expected i/n with 1 <= i <= n (e.g. 2/4), got ${JSON.stringify(spec)}`);
  }
  return { index, count };
}

/**
 * The shard's jobs: every n-th job of the study's list, starting at the i-th. The list runs point by point, so each
 * shard gets every point's replications in equal measure (to within one a point), and points that cost more (more
 * nodes, more agents) do not pile up on one shard; with fewer jobs than shards, the last shards are empty.
 */
export function shardJobs(jobs: readonly Job[], shard: Shard): Job[] {
  return jobs.filter((_, k) => k % shard.count === shard.index - 1);
}
