// Variants of a scenario for compare and sweep: `--vary path=v1,v2,...` becomes one override list per variant.

import { InputError } from "../scenario/errors.js";

export interface Vary {
  readonly path: string;
  readonly values: readonly string[];
}

/** Splits on commas that are not inside brackets, braces or quotes, so `{mode: none, collectionTime: 0}` is one value. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export function parseVary(spec: string): Vary {
  const eq = spec.indexOf("=");
  const path = eq > 0 ? spec.slice(0, eq).trim() : "";
  const values = eq > 0 ? splitTopLevel(spec.slice(eq + 1)) : [];
  if (!path || values.length === 0 || values.some((v) => v === "")) {
    throw new InputError(`--vary ${spec}`, undefined, "expected path=value1,value2,... (e.g. routing.mode=node-based,centralized)");
  }
  return { path, values };
}

/**
 * Every combination of the varied values, first path slowest. A path with `[*]` (e.g. `sites[*].nodes`) sets that
 * field in every element of the list at once; `lengthOf` tells how many elements the list before `[*]` has.
 */
export function variantGrid(
  varies: readonly Vary[],
  lengthOf: (list: string) => number,
): { label: string[]; overrides: string[] }[] {
  let grid: { label: string[]; overrides: string[] }[] = [{ label: [], overrides: [] }];
  for (const v of varies) {
    const star = v.path.indexOf("[*]");
    const paths =
      star < 0
        ? [v.path]
        : Array.from({ length: lengthOf(v.path.slice(0, star)) }, (_, i) => v.path.replace("[*]", `[${i}]`));
    grid = grid.flatMap((g) =>
      v.values.map((value) => ({
        label: [...g.label, value],
        overrides: [...g.overrides, ...paths.map((p) => `${p}=${value}`)],
      })),
    );
  }
  return grid;
}
