// Where the defaults of what callers do around a call come from (traffic[].retrial, traffic[].callback): no guide
// gives them, so each is an assumption with its reason. SOURCES (default-sources.ts) takes these entries in its table.

import { assumption, type DefaultKey, type DefaultSourceEntry } from "./default-source.js";

type CallerKey = Extract<DefaultKey, `retrial.${string}` | `callback.${string}`>;

export const CALLER_SOURCES: { readonly [K in CallerKey]: DefaultSourceEntry } = {
  "retrial.maxAttempts": {
    path: "traffic[].retrial.maxAttempts",
    unit: "count",
    source: assumption(
      "no Genesys guide ccsim is built from describes callers calling again; 10 attempts (the first included) bounds a caller's persistence while leaving a realistic retrial probability almost unlimited: measure it from repeat-caller data (ANI seen again)",
    ),
  },
  "callback.dialTime": {
    path: "traffic[].callback.dialTime",
    unit: "duration",
    source: assumption(
      "no Genesys guide ccsim is built from describes callbacks; 20 s for the agent's dial to reach the customer's phone and ring until the customer picks up (about four rings): measure it from the callback service's dial records",
    ),
  },
  "callback.answerProbability": {
    path: "traffic[].callback.answerProbability",
    unit: "probability",
    source: assumption(
      "no Genesys guide ccsim is built from describes callbacks; 4 customers in 5 answer the callback they asked for: measure the right-party contact rate of your callbacks",
    ),
  },
};
