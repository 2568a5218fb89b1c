// What the model does not implement yet: one row per feature, checked after validation. Delete a row when it lands.
import type { Path } from "./errors.js";
import type { Scenario } from "./types.js";

export interface Unsupported {
  /** where it is written (the loader turns this into file:line:col) */
  readonly path: Path;
  /** shown as "not supported yet (<what>)" */
  readonly what: string;
}

interface Row {
  readonly find: (s: Scenario) => Unsupported[];
}

// (chat, email, IM and the standalone topology have landed: nothing is missing today)
const ROWS: readonly Row[] = [];

/** Every use of a feature the model lacks; the loader reports the first in document order. */
export function unsupportedFeatures(s: Scenario): Unsupported[] {
  return ROWS.flatMap((r) => r.find(s));
}

export function unsupportedMessage(u: Unsupported): string {
  return `not supported yet (${u.what})`;
}
