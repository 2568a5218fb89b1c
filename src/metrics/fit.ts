// Fitting a duration distribution to observed values: exponential, lognormal and gamma by maximum likelihood, the
// best chosen by AIC (2 parameters - 2 log-likelihood, so the two-parameter forms must earn their extra parameter).

import type { DistributionSpec } from "../scenario/types.js";

export interface Candidate {
  readonly spec: DistributionSpec;
  readonly logLikelihood: number;
  readonly aic: number;
}

export interface DurationFit {
  readonly n: number;
  readonly mean: number;
  /** sample standard deviation (n - 1); 0 with one value */
  readonly sd: number;
  /** sd / mean */
  readonly cv: number;
  /** the forms that could be fitted, best first */
  readonly candidates: readonly Candidate[];
  /** the candidate with the least AIC; a constant when every value is the same */
  readonly best: DistributionSpec;
  /** why some forms were left out, e.g. "values of 0: only the exponential fits" */
  readonly note?: string;
}

const LN_2PI = Math.log(2 * Math.PI);

/** ln Gamma(x) for x > 0: Stirling's series after shifting x above 7. */
export function lnGamma(x: number): number {
  let shift = 0;
  while (x < 7) {
    shift += Math.log(x);
    x += 1;
  }
  const z = 1 / (x * x);
  const series = (1 / x) * (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * LN_2PI + series - shift;
}

/** The digamma function psi(x) = d/dx ln Gamma(x), x > 0. */
export function digamma(x: number): number {
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const z = 1 / (x * x);
  return acc + Math.log(x) - 0.5 / x - z * (1 / 12 - z * (1 / 120 - z * (1 / 252 - z * (1 / 240 - z / 132))));
}

/** The trigamma function psi'(x), x > 0. */
export function trigamma(x: number): number {
  let acc = 0;
  while (x < 10) {
    acc += 1 / (x * x);
    x += 1;
  }
  const z = 1 / (x * x);
  return acc + 1 / x + z / 2 + (z / x) * (1 / 6 - z * (1 / 30 - z * (1 / 42 - z / 30)));
}

/** The maximum-likelihood gamma shape for s = ln(mean) - mean(ln x) > 0 (Minka's start, then Newton). */
function gammaShape(s: number): number {
  let k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    let next = k - step;
    if (!(next > 0)) next = k / 2;
    if (Math.abs(next - k) <= 1e-12 * k) return next;
    k = next;
  }
  return k;
}

/** Fits exponential, lognormal and gamma to non-negative values by maximum likelihood. Throws RangeError when empty. */
export function fitDuration(values: ArrayLike<number>): DurationFit {
  const n = values.length;
  if (n === 0) throw new RangeError("fitDuration: no values");
  let sum = 0;
  let positive = true;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`fitDuration: value ${i} is ${x}`);
    sum += x;
    if (x === 0) positive = false;
    if (x !== values[0]) allEqual = false;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const cv = mean > 0 ? sd / mean : 0;
  if (allEqual || mean === 0) {
    return { n, mean, sd, cv, candidates: [], best: { dist: "constant", value: mean }, note: "every value is the same" };
  }

  const candidates: Candidate[] = [];
  const add = (spec: DistributionSpec, logLikelihood: number, parameters: number) =>
    candidates.push({ spec, logLikelihood, aic: 2 * parameters - 2 * logLikelihood });

  add({ dist: "exponential", mean }, -n * (Math.log(mean) + 1), 1);

  let note: string | undefined;
  if (positive) {
    let sumLog = 0;
    for (let i = 0; i < n; i++) sumLog += Math.log(values[i]!);
    const mu = sumLog / n;
    let ssLog = 0;
    for (let i = 0; i < n; i++) ssLog += (Math.log(values[i]!) - mu) ** 2;
    const sigma2 = ssLog / n;
    if (sigma2 > 0) {
      const lnMean = Math.exp(mu + sigma2 / 2);
      add(
        { dist: "lognormal", mean: lnMean, sd: lnMean * Math.sqrt(Math.expm1(sigma2)) },
        -sumLog - (n / 2) * Math.log(sigma2) - (n / 2) * LN_2PI - n / 2,
        2,
      );
    }
    const s = Math.log(mean) - mu;
    if (s > 0) {
      const k = gammaShape(s);
      const theta = mean / k;
      add(
        { dist: "gamma", mean, cv: 1 / Math.sqrt(k) },
        (k - 1) * sumLog - sum / theta - n * k * Math.log(theta) - n * lnGamma(k),
        2,
      );
    }
  } else {
    note = "values of 0: only the exponential fits (lognormal and gamma give them no chance)";
  }
  candidates.sort((a, b) => a.aic - b.aic);
  return { n, mean, sd, cv, candidates, best: candidates[0]!.spec, ...(note === undefined ? {} : { note }) };
}
