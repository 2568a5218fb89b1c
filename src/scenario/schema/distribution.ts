// The schema of a distribution: a duration (a constant), or a {dist: ..., ...} mapping of one of eight kinds.
import * as z from "zod";
import { describeValue } from "../errors.js";
import { suggestion } from "../did-you-mean.js";
import { durationSchema, expected, num, obj, whole } from "./builders.js";

export const DIST_NAMES = ["constant", "exponential", "uniform", "normal", "lognormal", "gamma", "erlang", "empirical"] as const;

const DIST_EXPECTED = "a distribution: a duration like 30s, or a mapping like {dist: exponential, mean: 30s}";
const DIST_LIST = DIST_NAMES.join(", ");

function distObject<const D extends string, S extends z.core.$ZodLooseShape>(dist: D, shape: S, description: string) {
  return obj({ dist: z.literal(dist), ...shape }, `a {dist: ${dist}, ...} mapping`, description);
}

export const Distribution = z
  .union(
    [
      durationSchema("a constant"),
      z.discriminatedUnion(
        "dist",
        [
          distObject("constant", { mean: durationSchema("the value") }, "always the same value"),
          distObject("exponential", { mean: durationSchema("mean, > 0") }, "exponential with this mean"),
          distObject(
            "uniform",
            { min: durationSchema("lower bound"), max: durationSchema("upper bound, >= min") },
            "uniform on [min, max]",
          ),
          distObject(
            "normal",
            { mean: durationSchema("mean"), sd: durationSchema("standard deviation") },
            "normal, truncated at 0 (negative draws are drawn again)",
          ),
          distObject(
            "lognormal",
            { mean: durationSchema("mean of the variable itself, > 0"), sd: durationSchema("standard deviation of the variable itself") },
            "lognormal, given by the mean and sd of the variable (not of its logarithm)",
          ),
          distObject(
            "gamma",
            { mean: durationSchema("mean, > 0"), cv: num("coefficient of variation sd/mean, >= 0 (0: always the mean)", 0) },
            "gamma, given by mean and coefficient of variation",
          ),
          distObject(
            "erlang",
            { k: whole(1, "number of phases"), mean: durationSchema("mean of the sum, > 0") },
            "Erlang-k: the sum of k exponential phases",
          ),
          distObject(
            "empirical",
            {
              values: z.array(durationSchema("a value"), { error: expected("a list of durations") })
                .min(1, { error: expected("a non-empty list of durations") })
                .meta({ description: "the values drawn" }),
              weights: z.array(num("a weight", 0), { error: expected("a list of numbers >= 0") })
                .optional()
                .meta({ description: "relative weights, one per value (default: all equal)" }),
            },
            "draws one of the listed values",
          ),
        ],
        {
          error: (iss) => {
            const input = iss.input as { dist?: unknown } | undefined;
            const d = input?.dist;
            if (d === undefined) return `missing (expected dist: one of ${DIST_LIST})`;
            return `expected one of ${DIST_LIST}, got ${describeValue(d)}` + (typeof d === "string" ? suggestion(d, DIST_NAMES) : "");
          },
        },
      ),
    ],
    { error: expected(DIST_EXPECTED) },
  )
  .meta({ description: DIST_EXPECTED });
