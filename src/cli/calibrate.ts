// `ccsim calibrate <measurements.csv> [--component kind] [--json]`: the component costs of a planner's own load test,
// as the `components:` block to paste into the scenario (the defaults are assumptions until then: ccsim defaults).

import { calibrate } from "../experiment/calibration.js";
import { calibrationJson, calibrationYaml } from "../report/calibration-report.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";
import { COMPONENT_KINDS, readMeasurements, type ComponentKind } from "../scenario/measurements.js";

export function calibrateCommand(file: string, opts: { readonly component?: string; readonly json?: boolean }): number {
  const only = opts.component;
  if (only !== undefined && !(COMPONENT_KINDS as readonly string[]).includes(only)) {
    throw new InputError(`--component ${only}`, undefined, `expected a component kind (${COMPONENT_KINDS.join(", ")})${suggestion(only, COMPONENT_KINDS)}`);
  }
  const fits = calibrate(file, readMeasurements(file), only as ComponentKind | undefined);
  process.stdout.write(opts.json ? calibrationJson(fits) : calibrationYaml(file, fits));
  return 0;
}
