// A shard's partial result, partial-I-of-N.json: the ccsim version, the study it belongs to (its source and hash),
// which shard, and the raw result of each of its replications, exact to the last bit so that merging them gives the
// bytes a single run gives. JSON keeps every finite double exactly; NaN, the infinities and -0 it cannot hold are
// written as {"$number": "NaN"} and so on.

import { readdirSync, statSync } from "node:fs";
import { readBounded } from "../scenario/bounded-read.js";
import { MAX_PARTIAL_BYTES } from "../scenario/input-limits.js";
import { join } from "node:path";
import type { JobOutput } from "../experiment/job.js";
import type { Shard } from "../experiment/shard.js";
import type { StudySource } from "../experiment/study-source.js";
import type { Job } from "../experiment/study.js";
import { InputError } from "../scenario/errors.js";
import { partialProblem, partialSchema } from "./partial-schema.js";
import { CCSIM_VERSION } from "./version.js";
import type { ReplicationResult } from "../observe/results.js";

export const PARTIAL_FORMAT = "ccsim-partial/1";

export interface PartialFile {
  readonly format: typeof PARTIAL_FORMAT;
  readonly ccsim: string;
  readonly shard: Shard;
  /** studyHash of the study the source rebuilds */
  readonly hash: string;
  readonly source: StudySource;
  readonly results: readonly { readonly point: number; readonly replication: number; readonly result: ReplicationResult }[];
}

export function partialFileName(shard: Shard): string {
  return `partial-${shard.index}-of-${shard.count}.json`;
}

const PARTIAL_NAME = /^partial-\d+-of-\d+\.json$/;

function encodeNumber(_key: string, v: unknown): unknown {
  if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) return { $number: Object.is(v, -0) ? "-0" : String(v) };
  return v;
}

/** the only texts encodeNumber writes: any other {"$number": ...} stays a mapping, and the schema refuses it */
const ENCODED = new Map([["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity], ["-0", -0]]);

function decodeNumber(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const n = keys.length === 1 && keys[0] === "$number" ? ENCODED.get((v as { $number: unknown }).$number as string) : undefined;
    if (n !== undefined) return n;
  }
  return v;
}

export function partialJson(source: StudySource, hash: string, shard: Shard, jobs: readonly Job[], outputs: readonly JobOutput[]): string {
  const file: PartialFile = {
    format: PARTIAL_FORMAT,
    ccsim: CCSIM_VERSION,
    shard,
    hash,
    source,
    results: jobs.map((job, k) => ({ point: job.point, replication: job.replication, result: outputs[k]!.result })),
  };
  return JSON.stringify(file, encodeNumber) + "\n";
}

/** The partial files named on the command line: files as given, folders for every partial-I-of-N.json they hold. */
export function partialPaths(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new InputError(arg, undefined, "no such file or folder");
    }
    if (!isDir) return [arg];
    const names = readdirSync(arg).filter((n) => PARTIAL_NAME.test(n)).sort();
    if (names.length === 0) throw new InputError(arg, undefined, "holds no partial-I-of-N.json (what run, compare and sweep write with --shard)");
    return names.map((n) => join(arg, n));
  });
}

export function readPartial(path: string): PartialFile {
  let value: unknown;
  try {
    // bounded, whatever the path is (a device, a FIFO): a longer file could not be held as one string anyway
    const read = readBounded(path, MAX_PARTIAL_BYTES);
    if (read.more) throw Object.assign(new Error("too long"), { code: `longer than ${Math.round(MAX_PARTIAL_BYTES / 2 ** 20)} MiB` });
    value = JSON.parse(read.bytes.toString("utf8"), decodeNumber);
  } catch (e) {
    throw new InputError(path, undefined, `not a ccsim partial result (${(e as NodeJS.ErrnoException).code ?? "not JSON"})`);
  }
  const p = value as Partial<PartialFile> | null;
  if (p === null || typeof p !== "object" || p.format !== PARTIAL_FORMAT) {
    throw new InputError(path, undefined, `not a ccsim partial result (expected "format": "${PARTIAL_FORMAT}")`);
  }
  // another version may lay its partials out otherwise: say so before the schema names a field it does not know
  if (typeof p.ccsim === "string" && p.ccsim !== CCSIM_VERSION) {
    throw new InputError(path, undefined, `made by ccsim ${p.ccsim}, and this is ccsim ${CCSIM_VERSION}: merge with the version that ran the shards`);
  }
  const checked = partialSchema.safeParse(p);
  if (!checked.success) throw partialProblem(path, p, checked.error);
  return p as PartialFile;
}
