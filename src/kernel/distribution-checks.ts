// Distribution checks: what a DistributionSpec's parameters may be, and how far its draws may reach, as one rule per
// distribution shared by the samplers (which trust them afterwards) and the loader (which reports them at the
// field's line:col).
//
// Parameters are validated here (as d3-random's gamma.js does) so the hot path can trust them.

import type { DistributionSpec } from "./distribution-spec.js";

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
      // the draws' own mean lies between the mean and the mean + 0.8 sd (the mean is >= 0, checkNormal): when even
      // the mean + 1 sd is below the clock's resolution, so is nearly every draw
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
  // the positive means first, by the one list the loader also asks
  if (meanMustBePositive(spec.dist)) positive(spec.dist, "mean", (spec as Extract<DistributionSpec, { mean: number }>).mean);
  switch (spec.dist) {
    case "constant":
      nonNegative("constant", "value", spec.value);
      return;
    case "exponential":
      return;
    case "uniform":
      nonNegative("uniform", "min", spec.min);
      nonNegative("uniform", "max", spec.max);
      if (spec.max < spec.min) throw new RangeError(`uniform: max (${spec.max}) is below min (${spec.min})`);
      return;
    case "normal":
      checkNormal(spec.mean, spec.sd);
      return;
    case "lognormal":
      nonNegative("lognormal", "sd", spec.sd);
      return;
    case "gamma":
      nonNegative("gamma", "cv", spec.cv);
      return;
    case "erlang":
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

/**
 * The distributions whose mean must be above 0: the loader asks this list before it parses the mean (so that its
 * "expected a duration > 0" names the field), checkParameters after, so the two cannot disagree. A constant, a
 * uniform, a normal and an empirical may be 0 (no time at all); these four divide by their mean or draw it scaled.
 */
export function meanMustBePositive(dist: DistributionSpec["dist"]): boolean {
  return dist === "exponential" || dist === "lognormal" || dist === "gamma" || dist === "erlang";
}

/**
 * The one rule for a normal's parameters, which the loader applies through checkDistribution: a finite mean >= 0
 * and an sd >= 0. The normal is truncated at 0 by rejection, and a mean >= 0 keeps at least half the draws (all but
 * the half-normal's other half), so a draw costs at most two on average; below 0 the share kept falls fast (16% at
 * -1 sd, 0.13% at -3 sd) and sampling crawls. It is also the loader's own bound: a duration is never negative, so a
 * scenario cannot give a negative mean. (The kernel used to accept a mean down to -3 sd, which only code calling
 * the kernel directly could reach; the stricter rule is the one both now share.)
 */
function checkNormal(mean: number, sd: number): void {
  nonNegative("normal", "mean", mean);
  nonNegative("normal", "sd", sd);
}

/** mu and sigma of ln(X) for a lognormal X with the given mean and sd. */
export function lognormalParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
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

export function unknownDistribution(spec: never): never {
  throw new RangeError(`unknown distribution: ${(spec as { dist?: unknown }).dist}`);
}
