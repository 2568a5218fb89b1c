// Where a study comes from: the scenario text as read, --set, each point's --vary overrides, seed and replications.
// A shard's partial result keeps it, so that `ccsim merge` rebuilds exactly the study the shards ran.

import { loadScenario } from "../scenario/read-scenario.js";
import type { Study, StudyKind } from "./study.js";

export interface StudySource {
  readonly kind: StudyKind;
  /** the scenario file as given on the command line, or "<demo>": it names the scenario and its error messages */
  readonly file: string;
  readonly text: string;
  readonly set: readonly string[];
  /** the varied fields (none for a run) */
  readonly paths: readonly string[];
  readonly points: readonly { readonly values: readonly string[]; readonly overrides: readonly string[] }[];
  /** absent: the scenario's */
  readonly seed?: number;
  /** absent: the scenario's */
  readonly replications?: number;
}

export function studyOf(source: StudySource): Study {
  const points = source.points.map((p) => ({
    values: p.values,
    // a point's overrides come from --vary, and its errors say so
    scenario: loadScenario({
      text: source.text,
      file: source.file,
      overrides: [...source.set, ...p.overrides.map((o) => ({ source: o, flag: "--vary" }))],
    }),
  }));
  return {
    kind: source.kind,
    paths: source.paths,
    seed: source.seed ?? points[0]!.scenario.seed,
    replications: source.replications ?? points[0]!.scenario.replications,
    points,
  };
}
