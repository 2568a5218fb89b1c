// `ccsim compare` and `ccsim sweep`: variants of one scenario on common random numbers, as tables, JSON and CSV.

import { parseVary, refuseOverlaps, variantGrid } from "../experiment/variants.js";
import type { StudySource } from "../experiment/study-source.js";
import { InputError } from "../scenario/errors.js";
import { executeStudy, type ExecuteOptions } from "./execute.js";
import { focusOf, refuseUnusedMetrics } from "./finish.js";
import { loadScenarioFromCli, scenarioText, type CommonOptions } from "./options.js";

export interface VaryOptions extends CommonOptions, ExecuteOptions {
  readonly vary?: readonly string[];
  readonly metrics?: string;
}

/** The study's source: one point per combination of the varied values, first --vary slowest. */
function sourceOf(kind: "compare" | "sweep", file: string, opts: VaryOptions, maxVaries: number): StudySource {
  const varies = (opts.vary ?? []).map(parseVary);
  if (varies.length === 0 || varies.length > maxVaries) {
    throw new InputError("--vary", undefined, maxVaries === 1 ? "give exactly one --vary path=v1,v2,..." : "give one or two --vary path=v1,v2,...");
  }
  refuseOverlaps(opts.set ?? [], varies);
  const base = loadScenarioFromCli(file, opts);
  const lengthOf = (list: string) => {
    const value = (base.scenario as unknown as Record<string, unknown>)[list];
    if (!Array.isArray(value)) throw new InputError("--vary", undefined, `${list}[*]: ${list} is not a list of the scenario`);
    return value.length;
  };
  return {
    kind,
    file,
    text: scenarioText(file),
    set: opts.set ?? [],
    paths: varies.map((v) => v.path),
    points: variantGrid(varies, lengthOf).map((g) => ({ values: g.label, overrides: g.overrides })),
    seed: base.seed,
    replications: base.replications,
  };
}

export async function compareCommand(file: string, opts: VaryOptions): Promise<number> {
  const focus = focusOf(opts.metrics);
  refuseUnusedMetrics(opts);
  const source = sourceOf("compare", file, opts, 1);
  if (source.points.length < 2) throw new InputError("--vary", undefined, "compare needs at least two values");
  return executeStudy(source, { ...opts, focus });
}

export async function sweepCommand(file: string, opts: VaryOptions): Promise<number> {
  const focus = focusOf(opts.metrics);
  refuseUnusedMetrics(opts);
  return executeStudy(sourceOf("sweep", file, opts, 2), { ...opts, focus });
}
