// Limits on what a scenario file (and the other files ccsim reads) may be, so that a hostile or broken file fails at
// once with a clear message instead of exhausting memory or the stack: its size, how deep it nests, and how far its
// YAML aliases may expand.
//
// A real scenario is a few kilobytes, nests about seven levels deep (traffic[0].handleTime.values[0]) and rarely uses
// an alias; the limits sit far above that.

/** bytes; recorded arrivals, the only bulky data a planner has, belong in a trace CSV */
export const MAX_SCENARIO_BYTES = 4 << 20;
/** bytes of a merge partial: the longest text V8 holds (2^29 - 24 characters), which JSON.parse needs it to be */
export const MAX_PARTIAL_BYTES = (1 << 29) - 24;
/** bytes of a trace CSV: a year of a large center (20 million arrivals of ~50 bytes) fits */
export const MAX_TRACE_BYTES = 2 ** 30;
/** arrivals a trace may hold: each costs ~40 bytes however short its row, and a call replayed in every replication */
export const MAX_TRACE_ROWS = 20_000_000;
/** nesting levels of mappings and lists */
export const MAX_DEPTH = 64;
/** the yaml package's maxAliasCount: alias uses times the aliases inside what they name (an alias bomb squares it) */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Where the text nests deeper than MAX_DEPTH, found by scanning, before the YAML parser (which recurses, and would run
 * out of stack at a depth that depends on the machine) ever sees it. The depth counted is an upper bound of the real
 * one: block levels by indentation (each `- ` or `? ` indicator, and each more-indented line, opens one), plus open
 * flow brackets outside quotes and comments. Returns the offset where the limit is passed, or -1.
 */
export function tooDeepAt(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // one line: its indentation opens a block level unless a flow collection is open
    const lineStart = i;
    while (i < n && text[i] === " ") i++;
    if (i < n && text[i] !== "\n" && text[i] !== "\r" && text[i] !== "#" && flow === 0) {
      const col = i - lineStart;
      while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
      // compact nested sequences and explicit keys on one line: `- - - x`, `? - x`
      while ((text[i] === "-" || text[i] === "?") && (text[i + 1] === " " || text[i + 1] === "\t")) {
        i += 2;
        while (text[i] === " " || text[i] === "\t") i++;
        indents.push(i - lineStart);
        if (indents.length + flow > MAX_DEPTH) return i;
      }
      if (indents.length + flow > MAX_DEPTH) return i;
    }
    // the rest of the line: flow brackets outside quoted scalars and comments
    while (i < n && text[i] !== "\n") {
      const c = text[i]!;
      if (c === "#" && (i === lineStart || text[i - 1] === " " || text[i - 1] === "\t")) {
        while (i < n && text[i] !== "\n") i++;
        break;
      }
      // a quote opens a quoted scalar only where a scalar can start; inside a plain scalar (don't) it is a character
      const starts = i === lineStart || " \t[{,".includes(text[i - 1]!);
      if (c === '"' && starts) {
        i++;
        while (i < n && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      } else if (c === "'" && starts) {
        i++;
        while (i < n && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      } else if (c === "[" || c === "{") {
        flow++;
        if (indents.length + flow > MAX_DEPTH) return i;
      } else if ((c === "]" || c === "}") && flow > 0) {
        flow--;
      }
      i++;
    }
    i++;
  }
  return -1;
}
