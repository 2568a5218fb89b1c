// The least-squares straight line through points (x, y): slope, intercept, and how much of y's variance it explains.

export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  /** the coefficient of determination; 1 when every point is on the line (or y does not vary) */
  readonly r2: number;
  readonly n: number;
}

/** needs two or more distinct x */
export function fitLine(xs: readonly number[], ys: readonly number[]): LineFit {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new Error("fitLine needs two or more distinct x");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : Math.min(1, (sxy * sxy) / (sxx * syy));
  return { slope, intercept, r2, n };
}
