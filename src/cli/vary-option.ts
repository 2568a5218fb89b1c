// `--vary path=v1,v2,...` of compare and sweep: the study's source, one point per combination of the varied values.

import type { StudySource } from "../experiment/study-source.js";
import { parseVary, refuseOverlaps, variantGrid } from "../experiment/variants.js";
import { InputError } from "../scenario/errors.js";
import { loadScenario } from "../scenario/read-scenario.js";
import type { ExecuteOptions } from "./execute.js";
import { scenarioText, settleFlags, type CommonOptions } from "./options.js";

export interface VaryOptions extends CommonOptions, ExecuteOptions {
  readonly vary?: readonly string[];
  readonly metrics?: string;
}

/** The study's source: one point per combination of the varied values, first --vary slowest. The file is read
 *  once; the scenario with --set alone tells how long the lists before a `[*]` are. */
export function varySource(kind: "compare" | "sweep", file: string, opts: VaryOptions, maxVaries: number): StudySource {
  const varies = (opts.vary ?? []).map(parseVary);
  if (varies.length === 0 || varies.length > maxVaries) {
    throw new InputError("--vary", undefined, maxVaries === 1 ? "give exactly one --vary path=v1,v2,..." : "give one or two --vary path=v1,v2,...");
  }
  // parses every --set, so that a bad one is refused before the file is read
  refuseOverlaps(opts.set ?? [], varies);
  const text = scenarioText(file);
  const base = loadScenario({ text, file, overrides: opts.set ?? [] });
  const flags = settleFlags(opts);
  const lengthOf = (list: string) => {
    const value = (base as unknown as Record<string, unknown>)[list];
    if (!Array.isArray(value)) throw new InputError("--vary", undefined, `${list}[*]: ${list} is not a list of the scenario`);
    return value.length;
  };
  return {
    kind,
    file,
    text,
    set: opts.set ?? [],
    paths: varies.map((v) => v.path),
    points: variantGrid(varies, lengthOf).map((g) => ({ values: g.label, overrides: g.overrides })),
    seed: flags.seed ?? base.seed,
    replications: flags.replications ?? base.replications,
  };
}
