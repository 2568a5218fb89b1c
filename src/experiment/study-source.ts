// Where a study comes from: the scenario text as read, --set, each point's --vary overrides, seed and replications.
// A shard's partial result keeps it, so that `ccsim merge` rebuilds exactly the study the shards ran; plan.ts loads it.

import type { StudyKind } from "./study.js";

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
  /** check's and size's --target flags as overrides, applied after --set (never in a partial: neither shards) */
  readonly targets?: readonly string[];
}
