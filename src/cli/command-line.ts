// The command line that reproduces a report's numbers, rebuilt from the parsed options: the scenario, --seed,
// --replications, --set and --vary as given, output flags left out (they change where results go, not what they are).

import type { SourcedPlan } from "../experiment/plan.js";
import { CCSIM_VERSION } from "../report/version.js";
import type { Provenance } from "../report/html/provenance.js";
import type { CommonOptions } from "./options.js";

/** A word for a POSIX shell: as it is when that is safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_\-.,/=:@%+]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(
  command: string,
  file: string | undefined,
  opts: CommonOptions & { readonly vary?: readonly string[]; readonly metrics?: string },
): string {
  const words = ["npx", "ccsim", command];
  if (file !== undefined) words.push(file);
  if (opts.seed !== undefined) words.push("--seed", opts.seed);
  if (opts.replications !== undefined) words.push("--replications", opts.replications);
  for (const s of opts.set ?? []) words.push("--set", s);
  for (const v of opts.vary ?? []) words.push("--vary", v);
  if (opts.metrics !== undefined) words.push("--metrics", opts.metrics);
  return words.map((w, i) => (i < 3 ? w : shellWord(w))).join(" ");
}

/** The command line with the --target flags as given, quoted for a POSIX shell. */
export function withTargets(command: string, targets: readonly string[] | undefined): string {
  return [command, ...(targets ?? []).map((t) => `--target ${shellWord(t)}`)].join(" ");
}

/** What a command adds to the words of its plan: --metrics (compare, sweep), --for (size), --target flags as given
 *  (check, size), --max (size), in the order they are written. */
export interface CommandWords {
  readonly metrics?: string;
  readonly for?: string;
  readonly target?: readonly string[];
  readonly max?: string;
}

/**
 * Everything a report (and a sizing's JSON) says about where its numbers came from, from the plan's source with seed
 * and replications settled, so that the command makes the same numbers after the file's defaults change, and a merged
 * study and the same study run whole say the same. The scenario text is the one the plan was loaded from.
 */
export function provenanceOf(command: string, plan: SourcedPlan, words: CommandWords = {}): Provenance {
  const { source, study } = plan;
  const vary = source.paths.map((path, j) => `${path}=${[...new Set(source.points.map((p) => p.values[j]!))].join(",")}`);
  const file = source.file === "<demo>" ? undefined : source.file;
  const flags = { seed: String(study.seed), replications: String(study.replications), set: [...source.set], vary, metrics: words.metrics };
  let line = commandLine(command, file, flags) + (words.for === undefined ? "" : ` --for ${words.for}`);
  line = withTargets(line, words.target);
  if (words.max !== undefined) line += ` --max ${words.max}`;
  return {
    command: line,
    seed: study.seed,
    replications: study.replications,
    version: CCSIM_VERSION,
    scenarioFile: source.file,
    scenarioText: source.text,
    overrides: [...source.set, ...(source.targets ?? [])],
  };
}
