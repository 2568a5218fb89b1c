// What values a metric can take: shares lie in [0, 1], counts, times and ratios of counts are never negative. A
// confidence interval is clipped to that domain, since a t interval around a mean near a bound can reach past it
// (an abandonment rate's lower bound of -0.5% says nothing a planner can use).

const SHARES: ReadonlySet<string> = new Set([
  "serviceLevel", "probWait", "abandonRate", "occupancy", "conflictRate", "portBlocking", "portUtilization",
  "attemptServiceLevel", "callerAnswerRate", "callerServiceLevel", "acceptRate",
]);

/** the metric is a share of something (shown in %, between 0 and 1) */
export function isShare(metric: string): boolean {
  return SHARES.has(metric);
}

/** the smallest and largest value the metric can take */
export function domainOf(metric: string): readonly [number, number] {
  return SHARES.has(metric) ? [0, 1] : [0, Infinity];
}

export interface ClippedInterval {
  readonly ci95: readonly [number, number];
  /** true when either bound was moved onto the domain's edge */
  readonly clipped: boolean;
}

export function clipToDomain(metric: string, ci: readonly [number, number]): ClippedInterval {
  const [lo, hi] = domainOf(metric);
  const a = Math.max(lo, Math.min(hi, ci[0]));
  const b = Math.max(lo, Math.min(hi, ci[1]));
  return a === ci[0] && b === ci[1] ? { ci95: ci, clipped: false } : { ci95: [a, b], clipped: true };
}
