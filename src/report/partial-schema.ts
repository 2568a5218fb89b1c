// The zod schema of a partial-I-of-N.json's envelope (format, version, shard, hash, study source, where each result
// belongs), and the one-line "file: json.path: expected ..., got ..." a partial that breaks it is refused with.

import * as z from "zod";
import { describeValue, formatPath, InputError, type PathSegment } from "../scenario/errors.js";

const strings = z.array(z.string());
const whole = (min: number) => z.number().int().min(min).max(Number.MAX_SAFE_INTEGER);

const sourceSchema = z
  .strictObject({
    kind: z.enum(["run", "compare", "sweep"]),
    file: z.string(),
    text: z.string(),
    set: strings,
    paths: strings,
    points: z.array(z.strictObject({ values: strings, overrides: strings })).min(1),
    seed: whole(0).optional(),
    replications: whole(1).optional(),
  })
  // what run, compare and sweep write; a source that breaks it was edited and would make merge's report inconsistent
  .superRefine((s, ctx) => {
    const paths = s.kind === "run" ? [0, 0] : s.kind === "compare" ? [1, 1] : [1, 2];
    if (s.paths.length < paths[0]! || s.paths.length > paths[1]!) {
      ctx.addIssue({ code: "custom", path: ["paths"], message: `expected ${paths[0] === paths[1] ? paths[0] : `${paths[0]} or ${paths[1]}`} varied paths for a ${s.kind}` });
    }
    if (s.kind === "run" && s.points.length !== 1) ctx.addIssue({ code: "custom", path: ["points"], message: "expected exactly one point for a run" });
    if (s.kind === "compare" && s.points.length < 2) ctx.addIssue({ code: "custom", path: ["points"], message: "expected at least two points for a compare" });
    s.points.forEach((p, i) => {
      if (p.values.length !== s.paths.length) {
        ctx.addIssue({ code: "custom", path: ["points", i, "values"], message: `expected one value per varied path (${s.paths.length})` });
      }
    });
  });

export const partialSchema = z
  .strictObject({
    format: z.literal("ccsim-partial/1"),
    ccsim: z.string(),
    shard: z.strictObject({ index: whole(1), count: whole(1) }),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    source: sourceSchema,
    // each result's own fields are checked against its scenario's shape (result-check.ts), not here
    results: z.array(z.strictObject({ point: whole(0), replication: whole(0), result: z.record(z.string(), z.unknown()) })),
  })
  .superRefine((p, ctx) => {
    if (p.shard.index > p.shard.count) ctx.addIssue({ code: "custom", path: ["shard", "index"], message: `expected a shard index from 1 to ${p.shard.count}` });
  });

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  boolean: "true or false",
};

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

/** The first problem of a partial against the schema, in the words of the scenario loader (never zod's). */
export function partialProblem(file: string, value: unknown, error: z.ZodError): InputError {
  const iss = error.issues[0]!;
  const path = iss.path as PathSegment[];
  const got = describeValue(valueAt(value, path));
  let at = path;
  let detail: string;
  switch (iss.code) {
    case "invalid_type":
      detail = `expected ${TYPE_NAMES[iss.expected] ?? iss.expected}, got ${got}`;
      break;
    case "unrecognized_keys":
      at = [...path, iss.keys[0]!];
      detail = "not a field of a ccsim partial result (edited by hand, or made by another build)";
      break;
    case "too_small":
      detail = iss.origin === "array" ? `expected at least ${iss.minimum} entries, got ${got}` : `expected at least ${iss.minimum}, got ${got}`;
      break;
    case "too_big":
      detail = `expected at most ${iss.maximum}, got ${got}`;
      break;
    case "invalid_value":
      detail = `expected ${iss.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${got}`;
      break;
    case "invalid_format":
      detail = `expected a sha-256 in hex, got ${got}`;
      break;
    default:
      detail = `${iss.message}, got ${got}`;
  }
  return new InputError(file, formatPath(at), detail);
}
