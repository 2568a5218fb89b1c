// Values YAML's explicit tags build (!!binary, !!set, !!omap, !!timestamp) replaced by a stand-in every field refuses.
//
// zod takes a Buffer, Map, Set or Date for a mapping (it is an object), so `network: !!timestamp 2001-01-01` would
// pass as an empty mapping and `sites: !!binary ...` be "missing". No field of a scenario takes any of them, so each
// becomes a symbol: every schema type refuses a symbol with its own "expected ..." message, and describeValue reads
// the symbol's description, which says what the value was.
import { describeValue } from "./errors.js";

function exotic(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null;
}

function standIn(v: unknown): symbol {
  return Symbol(describeValue(v));
}

/** Replaces, in place and without recursion, every tagged value in `root`; returns the root (or its stand-in). */
export function replaceTaggedValues(root: unknown): unknown {
  if (exotic(root)) return standIn(root);
  const stack: unknown[] = [root];
  // toJS shares the node an alias names; each object is visited once
  const seen = new Set<object>();
  while (stack.length > 0) {
    const cur = stack.pop();
    if (typeof cur !== "object" || cur === null || seen.has(cur)) continue;
    seen.add(cur);
    const rec = cur as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      if (exotic(v)) rec[k] = standIn(v);
      else if (typeof v === "object" && v !== null) stack.push(v);
    }
  }
  return root;
}
