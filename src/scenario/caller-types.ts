// The specs of what callers and agents do around a call besides waiting and talking: retrials (a caller who gave up
// calls again: traffic[].retrial), callbacks (virtual hold: traffic[].callback) and transfers (an agent sends the call
// on to another target: traffic[].transfer).

import type { DistributionSpec } from "../kernel/distribution-spec.js";

/** traffic[].retrial: a caller who abandoned, or whose call was blocked (nowhere to go, or released by the default
 *  DN at reject), calls again with `probability`, after a delay drawn from `delay`, up to `maxAttempts` attempts in
 *  all (the first included). */
export interface RetrialSpec {
  readonly probability: number;
  readonly delay: DistributionSpec;
  readonly maxAttempts: number;
}

/** traffic[].transfer: `share` of the answered calls are transferred at the end of their talk to the agents `target`
 *  picks, blind, or after a consultation of `consult` that holds both agents. */
export interface TransferSpec {
  readonly share: number;
  /** a skill expression, like traffic[].target */
  readonly target: string;
  /** absent: blind transfers */
  readonly consult?: DistributionSpec;
}

/** traffic[].callback: a caller still waiting `offerAfter` after arriving is offered a callback and accepts with
 *  `accept`; the agent that takes the callback dials for `dialTime`, and the customer answers with
 *  `answerProbability`. */
export interface CallbackSpec {
  readonly offerAfter: number;
  readonly accept: number;
  readonly dialTime: number;
  readonly answerProbability: number;
}
