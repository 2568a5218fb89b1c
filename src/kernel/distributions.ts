// Distribution samplers: a DistributionSpec and a random stream in, a draw function out, checked once when built.
//
// Parameters are validated here (as d3-random's gamma.js does) so the hot path can trust them; a sampler allocates
// nothing per draw. meanOf and varianceOf give the exact moments of what the sampler draws (the truncated moments
// for the normal), for tests and documentation.

import { randomExponential, randomGamma, randomLogNormal, randomNormal, randomUniform } from "d3-random";
import type { DistributionSpec } from "../scenario/types.js";
import type { Rng } from "./random-stream.js";

/**
 * How far below 0 a truncated normal's mean may sit, in sd. Below it rejection would throw away more than 99.87% of
 * draws, which is never a sensible duration model and would make sampling crawl.
 */
const NORMAL_MIN_MEAN_IN_SD = -3;

/**
 * The longest one draw may be, in seconds (about 31,700 years). The clock is seconds in a double: up to here it still
 * resolves a quarter of a millisecond, so what follows even the longest draw keeps its order, and the heavy tail of a
 * lognormal of cv 60 (a mean of 5s, an sd of 300s: at most 3e10s) fits; past it a draw is a slip (a unit, an
 * exponent) or an overflow to Infinity waiting to happen.
 */
export const MAX_DRAW = 1e12;

/**
 * The shortest positive mean or value, in seconds (1 µs): the clock resolves it up to 2^52 µs (142 years) of
 * simulated time. A duration below the clock's resolution adds nothing to the time it is added to (t + d === t), so
 * what it times would never move the run on.
 */
export const MIN_POSITIVE = 1e-6;

/**
 * How far out the samplers can draw, as d3-random computes them from alea's 32-bit uniforms (a multiple of 2^-32,
 * 0 possible, 1 never): an exponential draw is -ln(1 - u) means, at most ln(2^32) = 22.2; the polar method's normal
 * variate is at most sqrt(-2 ln r) with r >= 2^-62, 9.27 sd.
 */
const EXPONENTIAL_MAX_MEANS = 22.2;
const NORMAL_MAX_SD = 9.3;

/** A parameter that makes a distribution's draws leave what the kernel's clock can hold; `field` is the spec's key. */
export class DistributionRangeError extends RangeError {
  constructor(
    readonly dist: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${dist}: ${field} ${detail}`);
    this.name = "DistributionRangeError";
  }
}

const LONGEST = "longer than any draw may be (1e12s, about 31,700 years)";

function seconds(v: number): string {
  if (!Number.isFinite(v)) return "Infinity";
  return `${Math.abs(v) >= 1e5 ? v.toExponential(2).replace(/\.?0+e/, "e") : String(Number(v.toPrecision(3)))}s`;
}

function tooLong(dist: string, field: string, value: number, reach: number, what: string): DistributionRangeError {
  const detail = reach === value ? `${seconds(value)} is ${LONGEST}` : `${seconds(value)} makes draws reach ${seconds(reach)} (${what}), ${LONGEST}`;
  return new DistributionRangeError(dist, field, detail);
}

function tooShort(dist: string, field: string, value: number): DistributionRangeError {
  return new DistributionRangeError(dist, field, `${value}s is below the clock's resolution (1µs): use 0 or at least 1µs`);
}

/** Upper bound of a Marsaglia-Tsang gamma draw (d3's randomGamma) of shape k, scale theta: d (1 + c z)^3 theta. */
function gammaReach(k: number, theta: number): number {
  const d = (k < 1 ? k + 1 : k) - 1 / 3;
  const v = 1 + NORMAL_MAX_SD / Math.sqrt(9 * d);
  return d * v * v * v * theta;
}

/**
 * Throws DistributionRangeError when what the spec draws (not only its parameters) can leave [0, MAX_DRAW], or when
 * a positive mean sits below the clock's resolution. One rule per distribution, shared by the loader (which reports
 * it at the field's line:col) and the samplers.
 */
function checkDraws(spec: DistributionSpec): void {
  const positiveMean = (dist: string, field: string, v: number) => {
    if (v > 0 && v < MIN_POSITIVE) throw tooShort(dist, field, v);
  };
  switch (spec.dist) {
    case "constant":
      positiveMean("constant", "value", spec.value);
      if (spec.value > MAX_DRAW) throw tooLong("constant", "value", spec.value, spec.value, "");
      return;
    case "exponential": {
      positiveMean("exponential", "mean", spec.mean);
      const reach = spec.mean * EXPONENTIAL_MAX_MEANS;
      if (!(reach <= MAX_DRAW)) throw tooLong("exponential", "mean", spec.mean, reach, `draws go to ${EXPONENTIAL_MAX_MEANS} x the mean`);
      return;
    }
    case "uniform":
      positiveMean("uniform", "max", spec.max);
      if (spec.max > MAX_DRAW) throw tooLong("uniform", "max", spec.max, spec.max, "");
      return;
    case "normal": {
      positiveMean("normal", "mean", spec.mean + spec.sd);
      const reach = spec.mean + NORMAL_MAX_SD * spec.sd;
      if (!(reach <= MAX_DRAW)) {
        const bySd = spec.sd * NORMAL_MAX_SD > spec.mean;
        throw tooLong("normal", bySd ? "sd" : "mean", bySd ? spec.sd : spec.mean, reach, `draws go to the mean + ${NORMAL_MAX_SD} sd`);
      }
      return;
    }
    case "lognormal": {
      positiveMean("lognormal", "mean", spec.mean);
      if (spec.mean > MAX_DRAW) throw tooLong("lognormal", "mean", spec.mean, spec.mean, "");
      if (spec.sd === 0) return;
      // in logs, so that a huge sd is measured rather than overflowed: ln(reach) = mu + 9.3 sigma
      const { mu, sigma } = lognormalParameters(spec.mean, spec.sd);
      const lnReach = mu + NORMAL_MAX_SD * sigma;
      if (!(lnReach <= Math.log(MAX_DRAW))) throw tooLong("lognormal", "sd", spec.sd, Math.exp(lnReach), `draws go to exp(mu + ${NORMAL_MAX_SD} sigma)`);
      return;
    }
    case "gamma": {
      positiveMean("gamma", "mean", spec.mean);
      if (spec.mean > MAX_DRAW) throw tooLong("gamma", "mean", spec.mean, spec.mean, "");
      if (spec.cv === 0) return;
      const k = 1 / (spec.cv * spec.cv);
      const theta = spec.mean * spec.cv * spec.cv;
      if (!Number.isFinite(k) || !(theta > 0)) {
        throw new DistributionRangeError("gamma", "cv", `${spec.cv} is too small to draw from (shape 1/cv^2 = ${k}): use cv 0 for a constant`);
      }
      const reach = gammaReach(k, theta);
      if (!(reach <= MAX_DRAW)) {
        throw spec.cv > 1
          ? new DistributionRangeError("gamma", "cv", `${spec.cv} makes draws reach ${seconds(reach)} (the gamma's upper tail), ${LONGEST}`)
          : tooLong("gamma", "mean", spec.mean, reach, "the gamma's upper tail");
      }
      return;
    }
    case "erlang": {
      positiveMean("erlang", "mean", spec.mean);
      if (spec.mean > MAX_DRAW) throw tooLong("erlang", "mean", spec.mean, spec.mean, "");
      const theta = spec.mean / spec.k;
      if (!(theta > 0) || !Number.isSafeInteger(spec.k)) {
        throw new DistributionRangeError("erlang", "k", `${spec.k} phases of a ${spec.mean}s mean are too many to draw from`);
      }
      const reach = gammaReach(spec.k, theta);
      if (!(reach <= MAX_DRAW)) throw tooLong("erlang", "mean", spec.mean, reach, "the Erlang's upper tail");
      return;
    }
    case "empirical": {
      const { values, weights } = spec;
      for (let i = 0; i < values.length; i++) {
        positiveMean("empirical", `values[${i}]`, values[i]!);
        if (values[i]! > MAX_DRAW) throw tooLong("empirical", `values[${i}]`, values[i]!, values[i]!, "");
      }
      // the alias table scales each weight by n / total: both must stay finite
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i]!;
      if (!Number.isFinite(total * values.length)) {
        const i = weights.findIndex((w) => !Number.isFinite(w * values.length * 2));
        throw new DistributionRangeError("empirical", `weights[${Math.max(i, 0)}]`, "is so large that the weights' sum overflows: give weights in proportion, e.g. 1, 2, 5");
      }
      return;
    }
  }
}

/** Throws RangeError("<dist>: <what is wrong>") when the spec's parameters cannot describe a non-negative quantity,
 *  DistributionRangeError when its draws would leave what the clock can hold. */
export function checkDistribution(spec: DistributionSpec): void {
  checkParameters(spec);
  checkDraws(spec);
}

function checkParameters(spec: DistributionSpec): void {
  switch (spec.dist) {
    case "constant":
      nonNegative("constant", "value", spec.value);
      return;
    case "exponential":
      positive("exponential", "mean", spec.mean);
      return;
    case "uniform":
      nonNegative("uniform", "min", spec.min);
      nonNegative("uniform", "max", spec.max);
      if (spec.max < spec.min) throw new RangeError(`uniform: max (${spec.max}) is below min (${spec.min})`);
      return;
    case "normal":
      finite("normal", "mean", spec.mean);
      nonNegative("normal", "sd", spec.sd);
      if (spec.sd === 0 && spec.mean < 0) {
        throw new RangeError(`normal: mean must be >= 0 when sd is 0, got ${spec.mean}`);
      }
      if (spec.mean < NORMAL_MIN_MEAN_IN_SD * spec.sd) {
        throw new RangeError(
          `normal: mean (${spec.mean}) must be above ${NORMAL_MIN_MEAN_IN_SD} sd (${NORMAL_MIN_MEAN_IN_SD * spec.sd}), ` +
            "or truncation at 0 rejects almost every draw",
        );
      }
      return;
    case "lognormal":
      positive("lognormal", "mean", spec.mean);
      nonNegative("lognormal", "sd", spec.sd);
      return;
    case "gamma":
      positive("gamma", "mean", spec.mean);
      nonNegative("gamma", "cv", spec.cv);
      return;
    case "erlang":
      positive("erlang", "mean", spec.mean);
      if (!Number.isInteger(spec.k) || spec.k < 1) throw new RangeError(`erlang: k must be a whole number >= 1, got ${spec.k}`);
      return;
    case "empirical": {
      const { values, weights } = spec;
      if (values.length === 0) throw new RangeError("empirical: values is empty");
      if (weights.length !== values.length) {
        throw new RangeError(`empirical: ${weights.length} weights for ${values.length} values`);
      }
      let total = 0;
      for (let i = 0; i < values.length; i++) {
        nonNegative("empirical", `values[${i}]`, values[i]!);
        nonNegative("empirical", `weights[${i}]`, weights[i]!);
        total += weights[i]!;
      }
      if (!(total > 0)) throw new RangeError("empirical: all weights are 0");
      if (!Number.isFinite(total)) throw new DistributionRangeError("empirical", "weights", "sum to infinity: give weights in proportion, e.g. 1, 2, 5");
      return;
    }
    default:
      return unknownDistribution(spec);
  }
}

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

/** The exact mean of what sampler(spec) draws (for the normal: of the normal truncated at 0). */
export function meanOf(spec: DistributionSpec): number {
  checkDistribution(spec);
  switch (spec.dist) {
    case "constant":
      return spec.value;
    case "exponential":
    case "lognormal":
    case "gamma":
    case "erlang":
      return spec.mean;
    case "uniform":
      return (spec.min + spec.max) / 2;
    case "normal":
      return truncatedNormalMoments(spec.mean, spec.sd).mean;
    case "empirical":
      return empiricalMoments(spec.values, spec.weights).mean;
    default:
      return unknownDistribution(spec);
  }
}

/** The exact variance of what sampler(spec) draws (for the normal: of the normal truncated at 0). */
export function varianceOf(spec: DistributionSpec): number {
  checkDistribution(spec);
  switch (spec.dist) {
    case "constant":
      return 0;
    case "exponential":
      return spec.mean * spec.mean;
    case "uniform": {
      const width = spec.max - spec.min;
      return (width * width) / 12;
    }
    case "normal":
      return truncatedNormalMoments(spec.mean, spec.sd).variance;
    case "lognormal":
      return spec.sd * spec.sd;
    case "gamma":
      return spec.mean * spec.cv * spec.mean * spec.cv;
    case "erlang":
      return (spec.mean * spec.mean) / spec.k;
    case "empirical":
      return empiricalMoments(spec.values, spec.weights).variance;
    default:
      return unknownDistribution(spec);
  }
}

/** mu and sigma of ln(X) for a lognormal X with the given mean and sd. */
export function lognormalParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
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

function empiricalMoments(values: readonly number[], weights: readonly number[]): { mean: number; variance: number } {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i]!;
    sum += weights[i]! * values[i]!;
  }
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    squares += weights[i]! * d * d;
  }
  return { mean, variance: squares / total };
}

/** Moments of N(mean, sd^2) conditioned on being >= 0. */
function truncatedNormalMoments(mean: number, sd: number): { mean: number; variance: number } {
  if (sd === 0) return { mean, variance: 0 };
  const alpha = -mean / sd;
  const kept = 0.5 * erfc(alpha / Math.SQRT2); // P(X >= 0)
  const density = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
  const lambda = density / kept;
  return {
    mean: mean + sd * lambda,
    variance: sd * sd * (1 + alpha * lambda - lambda * lambda),
  };
}

/**
 * Complementary error function to ~1e-14 relative: the all-positive series erf(x) = 2/sqrt(pi) e^(-x^2)
 * sum 2^n x^(2n+1) / (1*3*...*(2n+1)) below 2, the continued fraction (modified Lentz) above.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum);
  }
  // erfc(x) = e^(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

function finite(dist: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${dist}: ${name} must be a finite number, got ${value}`);
  }
}

function nonNegative(dist: string, name: string, value: number): void {
  finite(dist, name, value);
  if (value < 0) throw new RangeError(`${dist}: ${name} must be >= 0, got ${value}`);
}

function positive(dist: string, name: string, value: number): void {
  finite(dist, name, value);
  if (value <= 0) throw new RangeError(`${dist}: ${name} must be > 0, got ${value}`);
}

function unknownDistribution(spec: never): never {
  throw new RangeError(`unknown distribution: ${(spec as { dist?: unknown }).dist}`);
}
