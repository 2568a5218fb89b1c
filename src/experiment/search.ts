// The search every sizing shares: the first of an ordered list of candidates that passes, assuming a candidate that
// passes is followed only by candidates that pass. From a start, step away (1, 2, 4, ...) until the verdict changes,
// then bisect between the last miss and the first pass; each candidate is tried at most once, one after the other
// (each try's verdict picks the next).

/** Index of the first passing candidate, or -1 when even the last one misses. */
export async function firstPassing(count: number, start: number, pass: (index: number) => Promise<boolean>): Promise<number> {
  const seen = new Map<number, boolean>();
  const test = async (i: number) => {
    let v = seen.get(i);
    if (v === undefined) seen.set(i, (v = await pass(i)));
    return v;
  };
  const s = Math.max(0, Math.min(count - 1, start));
  let lo: number; // a miss (-1: none needed below hi)
  let hi: number; // a pass
  if (await test(s)) {
    hi = s;
    lo = -1;
    for (let step = 1; hi > 0; step *= 2) {
      const i = Math.max(0, hi - step);
      if (await test(i)) hi = i;
      else {
        lo = i;
        break;
      }
    }
  } else {
    lo = s;
    hi = -1;
    for (let step = 1; lo < count - 1; step *= 2) {
      const i = Math.min(count - 1, lo + step);
      if (await test(i)) {
        hi = i;
        break;
      }
      lo = i;
    }
    if (hi < 0) return -1;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await test(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
