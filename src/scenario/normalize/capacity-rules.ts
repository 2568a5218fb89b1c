// Capacity rules (capacityRules:): the most interactions of each media an agent may hold at once. IM has no media of its
// own here: "The name of the capacity rule mediatype for handling IM is chat" (Instant Messaging Solution Guide).
import { MEDIA, type CapacityAlternative, type CapacityRuleSpec, type Media } from "../types.js";
import { DEFAULTS } from "../defaults.js";
import type { NormalizeContext } from "./context.js";

/** the most interactions of one media a capacity rule may allow: a bound on what a desk can hold, well past any real one */
const MAX_CAPACITY = 1000;

const BUILTIN_RULE: CapacityRuleSpec = DEFAULTS.builtinRule;

export function normalizeCapacityRules(ctx: NormalizeContext): CapacityRuleSpec[] {
  const rules: CapacityRuleSpec[] = [];
  for (const [name, alts] of Object.entries(ctx.raw.capacityRules ?? {})) {
    const alternatives: CapacityAlternative[] = alts.map((alt, i) => {
      const out: Partial<Record<Media, number>> = {};
      for (const m of MEDIA) {
        const max = alt[m];
        if (max === undefined) continue;
        if (m === "im") {
          ctx.values.push({
            path: ["capacityRules", name, i, m],
            key: true,
            message:
              'unknown media im (did you mean "chat"?): IM sessions take the chat capacity, "The name of the capacity ' +
              'rule mediatype for handling IM is chat" (Instant Messaging Solution Guide, Delivering and Handling Instant Messages)',
          });
          continue;
        }
        out[m] = max;
        if (max > MAX_CAPACITY) {
          ctx.values.push({ path: ["capacityRules", name, i, m], message: `expected at most ${MAX_CAPACITY} interactions at once, got ${max}` });
        }
      }
      if (Object.keys(out).length === 0 && alt.im === undefined) {
        ctx.values.push({
          path: ["capacityRules", name, i],
          message: "expected at least one media, e.g. {voice: 1}, got an empty mapping",
        });
      }
      return out;
    });
    rules.push({ name, alternatives });
  }
  if (!rules.some((r) => r.name === BUILTIN_RULE.name)) rules.push(BUILTIN_RULE);
  return rules;
}
