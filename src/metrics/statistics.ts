// Statistics over replications: Student t quantiles, mean / sd / 95% confidence interval, paired differences.
//
// Sums run plainly left to right over the array as given, so the same replications in the same order always give
// the same bytes, whatever produced them.

export interface Summary {
  readonly n: number;
  readonly mean: number;
  /** sample standard deviation (n - 1); null when n < 2 */
  readonly sd: number | null;
  /** two-sided 95% Student t interval for the mean; null when n < 2 */
  readonly ci95: readonly [number, number] | null;
}

export interface PairedDifference extends Summary {
  /** the 95% interval of the mean difference excludes 0 (false when there is no interval) */
  readonly significant: boolean;
}

/** n, mean, sample sd and 95% t interval of `xs`. Throws RangeError on an empty array or a non-finite value. */
export function summarize(xs: readonly number[]): Summary {
  const n = xs.length;
  if (n === 0) throw new RangeError("summarize: no observations");
  let sum = 0;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`summarize: observation ${i} is ${x}`);
    sum += x;
    if (x !== xs[0]) allEqual = false;
  }
  // Identical replications (a deterministic metric) should read back exactly, not as 0.8000000000000002 +- 3e-16.
  const mean = allEqual ? xs[0]! : sum / n;
  if (n < 2) return { n, mean, sd: null, ci95: null };
  if (allEqual) return { n, mean, sd: 0, ci95: [mean, mean] };
  // Two passes: the sum of squared deviations from the mean, not sum(x^2) - n*mean^2, which cancels badly.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    squares += d * d;
  }
  const sd = Math.sqrt(squares / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, ci95: [mean - half, mean + half] };
}

/**
 * Summary of b[i] - a[i] (variant b minus baseline a, replication by replication, as common random numbers pair
 * them), and whether its 95% interval excludes 0.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: ${a.length} baseline values against ${b.length} variant values`);
  }
  const diffs = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) diffs[i] = b[i]! - a[i]!;
  const summary = summarize(diffs);
  const ci = summary.ci95;
  return { ...summary, significant: ci !== null && (ci[0] > 0 || ci[1] < 0) };
}

const t975Cache = new Map<number, number>();

function t975(df: number): number {
  let t = t975Cache.get(df);
  if (t === undefined) {
    t = tQuantile(0.975, df);
    t975Cache.set(df, t);
  }
  return t;
}

/**
 * The p-quantile of Student's t with df degrees of freedom (df need not be whole), to ~1e-12: closed forms for
 * df 1 and 2, otherwise Newton's method on the t CDF (via the regularized incomplete beta) kept inside a bracket.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`tQuantile: df must be a finite number > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));

  // Solve upper(t) = q for t > 0, where upper(t) = P(T > t) decreases from 1/2.
  const q = 1 - p;
  let lo = 0;
  let hi = 1;
  while (tUpperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const g = tUpperTail(t, df) - q;
    if (g === 0) return t;
    if (g > 0) lo = t;
    else hi = t;
    // g'(t) = -density(t), so Newton moves t by g / density.
    let next = t + g / tDensity(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * next || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}

/** P(T <= t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`studentTCdf: df must be a finite number > 0, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError("studentTCdf: t is NaN");
  return t >= 0 ? 1 - tUpperTail(t, df) : tUpperTail(-t, df);
}

/** P(T > t) for t >= 0: half the regularized incomplete beta I_x(df/2, 1/2) at x = df / (df + t^2). */
function tUpperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

function tDensity(t: number, df: number): number {
  const logDensity =
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/**
 * I_x(a, b), with y = 1 - x given separately so neither tail loses digits to cancellation; the continued fraction
 * (Numerical Recipes' betacf, modified Lentz) on whichever side converges fast.
 */
function regularizedBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, ~1e-15 relative; reflection below 1/2). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
