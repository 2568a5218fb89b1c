// Distribution samplers: a DistributionSpec and a random stream in, a draw function out, checked once when built.
//
// Parameters are checked by distribution-checks.ts so the hot path can trust them; a sampler allocates nothing per
// draw. meanOf and varianceOf (distribution-moments.ts) give the exact moments of what the sampler draws.

import { randomExponential, randomGamma, randomLogNormal, randomNormal, randomUniform } from "d3-random";
import { checkDistribution, lognormalParameters, unknownDistribution } from "./distribution-checks.js";
import type { DistributionSpec } from "./distribution-spec.js";
import type { Rng } from "./random-stream.js";
export {
  DistributionRangeError,
  MAX_DRAW,
  MIN_POSITIVE,
  checkDistribution,
  lognormalParameters,
  meanMustBePositive,
} from "./distribution-checks.js";
export { meanOf, varianceOf } from "./distribution-moments.js";

/** A function drawing from `spec` with `rng`; built once, it allocates nothing per draw. Throws RangeError on bad parameters. */
export function sampler(spec: DistributionSpec, rng: Rng): () => number {
  checkDistribution(spec);
  switch (spec.dist) {
    case "constant": {
      const value = spec.value;
      return () => value;
    }
    case "exponential":
      return randomExponential.source(rng)(1 / spec.mean);
    case "uniform":
      return randomUniform.source(rng)(spec.min, spec.max);
    case "normal": {
      if (spec.sd === 0) return constant(spec.mean);
      const draw = randomNormal.source(rng)(spec.mean, spec.sd);
      return () => {
        let x = draw();
        while (x < 0) x = draw();
        return x;
      };
    }
    case "lognormal": {
      if (spec.sd === 0) return constant(spec.mean);
      const { mu, sigma } = lognormalParameters(spec.mean, spec.sd);
      return randomLogNormal.source(rng)(mu, sigma);
    }
    case "gamma":
      if (spec.cv === 0) return constant(spec.mean);
      return randomGamma.source(rng)(1 / (spec.cv * spec.cv), spec.mean * spec.cv * spec.cv);
    case "erlang":
      return randomGamma.source(rng)(spec.k, spec.mean / spec.k);
    case "empirical":
      return aliasSampler(spec.values, spec.weights, rng);
    default:
      return unknownDistribution(spec);
  }
}

function constant(value: number): () => number {
  return () => value;
}

/**
 * Walker's alias method (Vose's construction): O(1) per draw. One uniform picks both the column and the coin: with n
 * values the coin keeps 32 - log2(n) bits of alea's 32, which moves any value's probability by at most 2^-32.
 */
function aliasSampler(values: readonly number[], weights: readonly number[], rng: Rng): () => number {
  const n = values.length;
  if (n === 1) return constant(values[0]!);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;

  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i]! * n) / total;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    if (scaled[i]! < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const s = small[--smallCount]!;
    const l = large[--largeCount]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small[smallCount++] = l;
    else large[largeCount++] = l;
  }
  // What is left holds (up to rounding) exactly one column's worth: it always keeps its own value.
  while (largeCount > 0) {
    const l = large[--largeCount]!;
    prob[l] = 1;
    alias[l] = l;
  }
  while (smallCount > 0) {
    const s = small[--smallCount]!;
    prob[s] = 1;
    alias[s] = s;
  }

  const vals = Float64Array.from(values);
  return () => {
    const u = rng() * n;
    const column = u | 0;
    return u - column < prob[column]! ? vals[column]! : vals[alias[column]!]!;
  };
}
