// The command line that reproduces a report's numbers, rebuilt from the parsed options: the scenario, --seed,
// --replications, --set and --vary as given, output flags left out (they change where results go, not what they are).

import { DEMO_SCENARIO } from "../scenario/demo.js";
import { readScenarioText } from "../scenario/read-scenario.js";
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

/** Everything a report says about where its numbers came from. `text` is the scenario as it was read; without it the
 *  file (loaded already, so readable) is read again. */
export function provenanceOf(
  command: string,
  file: string | undefined,
  opts: CommonOptions & { readonly vary?: readonly string[]; readonly metrics?: string },
  seed: number,
  replications: number,
  text?: string,
): Provenance {
  return {
    command: commandLine(command, file, opts),
    seed,
    replications,
    version: CCSIM_VERSION,
    scenarioFile: file ?? "<demo>",
    scenarioText: text ?? (file === undefined ? DEMO_SCENARIO : readScenarioText(file)),
    overrides: opts.set ?? [],
  };
}
