// --trace FILE and --trace-limit N of `ccsim run`: checked before the run (where the trace can go, and that it
// neither shares stdout with --json nor lands on a file of --out), so a run never ends in a refusal of its trace.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { canonicalPath, planOutputFile, type OutputTarget } from "../report/output-path.js";
import { InputError } from "../scenario/errors.js";
import { wholeNumber } from "./options.js";

/** --trace-limit as given, or 100; refused without --trace, where it would count nothing. */
export function traceLimitOf(trace: string | undefined, limit: string | undefined): number {
  if (limit !== undefined && trace === undefined) {
    throw new InputError("--trace-limit", undefined, "counts the interactions --trace FILE follows: give --trace FILE too, or leave it out");
  }
  return wholeNumber("--trace-limit", limit, 1) ?? 100;
}

/**
 * Where the trace goes. `-` (or /dev/stdout) makes the trace all there is on stdout, so it is refused with --json;
 * without --json the table is left out as with --quiet. A file that is one of --out's (`outNames`) or the --out folder
 * itself is refused: one run would write it twice.
 */
export function traceTarget(
  path: string,
  opts: { readonly json?: boolean; readonly out?: string },
  outNames: readonly string[],
): OutputTarget {
  const where = `--trace ${path}`;
  if (opts.out && path !== "" && path !== "-") {
    const mine = canonicalPath(path);
    const out = canonicalPath(opts.out);
    if (mine === out) throw new InputError(where, undefined, "is the --out folder: give the trace a file of its own");
    const clash = outNames.find((n) => join(out, n) === mine);
    if (clash !== undefined) {
      throw new InputError(where, undefined, `is ${clash} of --out ${opts.out}, which the run writes too: give the trace a file of its own`);
    }
    // a trace inside an --out folder not made yet: the folder comes with the --out files, whose check covered it
    if (dirname(mine) === out && !existsSync(out)) return { kind: "file", where, target: mine };
  }
  const target = planOutputFile("--trace", path);
  if (target.kind === "stdout" && opts.json) {
    throw new InputError(where, undefined, "writes the trace on stdout, where --json writes the summary: give --trace a file, or leave out --json");
  }
  return target;
}
