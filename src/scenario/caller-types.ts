// The specs of what callers and agents do around a call besides waiting and talking: retrials (a caller who gave up
// calls again), and their defaults' places in the scenario (traffic[].retrial).

import type { DistributionSpec } from "../kernel/distribution-spec.js";

/** traffic[].retrial: a caller who abandoned, or whose call was blocked (nowhere to go, or released by the default
 *  DN at reject), calls again with `probability`, after a delay drawn from `delay`, up to `maxAttempts` attempts in
 *  all (the first included). */
export interface RetrialSpec {
  readonly probability: number;
  readonly delay: DistributionSpec;
  readonly maxAttempts: number;
}
