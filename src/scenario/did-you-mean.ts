// "Did you mean ...?" suggestions for misspelt keys, names and enum values (Levenshtein distance).

/** Edit distance (insertions, deletions, substitutions), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** characters; names and keys are a few dozen */
const MAX_SUGGESTED_LENGTH = 100;

/**
 * The closest candidate when it is close enough to be a likely typo: distance <= 2, or <= a third of the length.
 * Case differences cost nothing extra so `Sales` finds `sales`; a complete rewrite (distance >= both lengths) is
 * never a suggestion, which keeps one-letter inputs from "matching" everything short.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  // the distance costs length x length: a megabyte-long key is no typo of anything, and must not take minutes to say so
  if (input.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === input || c.length > MAX_SUGGESTED_LENGTH) continue;
    const d = levenshtein(lower, c.toLowerCase());
    if (d >= Math.max(input.length, c.length)) continue;
    if (d > Math.max(2, Math.floor(Math.max(input.length, c.length) / 3))) continue;
    // exact-case distance breaks ties, so the suggestion is stable and prefers what differs least as written
    const score = d * 1000 + levenshtein(input, c);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or "" when nothing is close. */
export function suggestion(input: string, candidates: Iterable<string>): string {
  const s = didYouMean(input, candidates);
  return s === undefined ? "" : ` (did you mean ${JSON.stringify(s)}?)`;
}
