// Where the defaults of what callers do around a call come from (traffic[].retrial): no guide gives them, so each is
// an assumption with its reason. SOURCES (default-sources.ts) takes these entries in its table.

import type { AssumptionSource, DefaultKey, DefaultSourceEntry } from "./default-source.js";

const assumption = (why: string): AssumptionSource => ({ assumption: why });

type CallerKey = Extract<DefaultKey, `retrial.${string}`>;

export const CALLER_SOURCES: { readonly [K in CallerKey]: DefaultSourceEntry } = {
  "retrial.maxAttempts": {
    path: "traffic[].retrial.maxAttempts",
    unit: "count",
    source: assumption(
      "no Genesys guide describes callers calling again; 10 attempts (the first included) bounds a caller's persistence while leaving a realistic retrial probability almost unlimited: measure it from repeat-caller data (ANI seen again)",
    ),
  },
};
