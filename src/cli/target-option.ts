// `--target metric=">= 0.80"`: a scenario target from the command line, added to (or replacing) the file's.
// Each becomes the override `targets.<metric>=<comparison>`, so it is validated exactly like a target in the file;
// an error it causes is relabelled so the user sees the flag they typed, not the --set it became.

import { InputError } from "../scenario/errors.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { METRIC_NAMES } from "../scenario/schema.js";

export interface TargetFlag {
  readonly flag: string;
  readonly override: string;
}

export function targetFlags(given: readonly string[] | undefined): TargetFlag[] {
  return (given ?? []).map((t) => {
    const flag = `--target ${t}`;
    const eq = t.indexOf("=");
    if (eq <= 0) throw new InputError(flag, undefined, 'expected metric=comparison, e.g. serviceLevel=">= 0.80"');
    const metric = t.slice(0, eq).trim();
    if (!(METRIC_NAMES as readonly string[]).includes(metric)) {
      throw new InputError(flag, metric, `unknown metric${suggestion(metric, METRIC_NAMES)}; expected one of ${METRIC_NAMES.join(", ")}`);
    }
    return { flag, override: `targets.${metric}=${t.slice(eq + 1)}` };
  });
}

/** Runs `load` and, if an InputError blames one of the target overrides, names the --target flag instead. */
export function withTargetFlags<T>(flags: readonly TargetFlag[], load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) {
      const f = flags.find((x) => e.where === `--set ${x.override}`);
      if (f !== undefined) throw new InputError(f.flag, e.path, e.detail);
    }
    throw e;
  }
}
