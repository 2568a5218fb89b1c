// A distribution as the scenario writes it -> a DistributionSpec, checked by the kernel's own rule for what it draws.
import { formatDuration } from "../duration.js";
import { describeValue, type Path } from "../errors.js";
import type { RawDistribution } from "../schema.js";
import type { DistributionSpec } from "../types.js";
import type { Problem } from "../locations.js";
import { DistributionRangeError, checkDistribution, meanMustBePositive } from "../../kernel/distributions.js";
import { dur, type NormalizeContext } from "./context.js";

/** a distribution, checked by the kernel's own rule for what it draws (kernel/distribution-checks.ts checkDistribution) */
export function dist(ctx: NormalizeContext, v: RawDistribution, path: Path): DistributionSpec {
  const before = ctx.values.length;
  const spec = distSpec(ctx, v, path);
  // a parameter already reported (NaN in its place) would only be reported again
  if (ctx.values.length > before) return spec;
  try {
    checkDistribution(spec);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    ctx.values.push(distributionProblem(e, v, path));
  }
  return spec;
}

function distSpec(ctx: NormalizeContext, v: RawDistribution, path: Path): DistributionSpec {
  if (typeof v === "number" || typeof v === "string") return { dist: "constant", value: dur(ctx, v, path) };
  const at = (k: string): Path => [...path, k];
  // a mean that must be > 0 is said so at the mean, before the kernel's own check would say it of the distribution
  const mean = (x: unknown): number => dur(ctx, x, at("mean"), { positive: meanMustBePositive(v.dist) });
  switch (v.dist) {
    case "constant":
      return { dist: "constant", value: mean(v.mean) };
    case "exponential":
      return { dist: "exponential", mean: mean(v.mean) };
    case "uniform": {
      const min = dur(ctx, v.min, at("min"));
      const max = dur(ctx, v.max, at("max"));
      if (max < min) {
        ctx.values.push({ path: at("max"), message: `expected max >= min (${formatDuration(min)}), got ${describeValue(v.max)}` });
      }
      return { dist: "uniform", min, max };
    }
    case "normal": {
      // a duration is never below 0, which is also the kernel's rule for a normal's mean (checkNormal)
      return { dist: "normal", mean: mean(v.mean), sd: dur(ctx, v.sd, at("sd")) };
    }
    case "lognormal":
      return { dist: "lognormal", mean: mean(v.mean), sd: dur(ctx, v.sd, at("sd")) };
    case "gamma":
      // cv 0 is the constant mean, as the kernel draws it (one rule, checked by dist())
      return { dist: "gamma", mean: mean(v.mean), cv: v.cv };
    case "erlang":
      return { dist: "erlang", k: v.k, mean: mean(v.mean) };
    case "empirical": {
      const values = v.values.map((x, i) => dur(ctx, x, [...path, "values", i]));
      let weights: number[];
      if (v.weights === undefined) {
        weights = values.map(() => 1);
      } else {
        weights = v.weights.slice();
        if (weights.length !== values.length) {
          ctx.values.push({
            path: at("weights"),
            message: `expected ${values.length} weight${values.length === 1 ? "" : "s"} (one per value), got ${weights.length}`,
          });
        } else if (!weights.some((w) => w > 0)) {
          ctx.values.push({ path: at("weights"), message: "expected at least one weight > 0, got all 0" });
        }
      }
      return { dist: "empirical", values, weights };
    }
  }
}

/** The problem a distribution's RangeError is, placed at the field it names (the spec's `value` is the file's `mean`). */
function distributionProblem(e: RangeError, raw: RawDistribution, path: Path): Problem {
  if (!(e instanceof DistributionRangeError)) return { path, message: e.message };
  if (typeof raw !== "object") return { path, message: e.detail };
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(e.field);
  const key = m === null ? undefined : m[1] === "value" ? "mean" : m[1]!;
  const field: Path = key === undefined ? path : m![2] === undefined ? [...path, key] : [...path, key, Number(m![2])];
  return { path: field, message: `${raw.dist}: ${e.field.replace(/^value$/, "mean")} ${e.detail}` };
}
