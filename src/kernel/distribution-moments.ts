// The exact moments of what a sampler draws (the truncated moments for the normal), for tests, sizing and documentation.

import { checkDistribution, unknownDistribution } from "./distribution-checks.js";
import type { DistributionSpec } from "./distribution-spec.js";

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
