// The distributions a duration (or a count) may be drawn from, as the scenario gives them and the samplers take them.

/** A distribution of a non-negative quantity (seconds for durations). Parameters are checked by checkDistribution. */
export type DistributionSpec =
  | { readonly dist: "constant"; readonly value: number }
  | { readonly dist: "exponential"; readonly mean: number }
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  /** truncated at 0 by rejection: draws below 0 are drawn again */
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number }
  /** mean and sd of the lognormal variable itself (not of its logarithm) */
  | { readonly dist: "lognormal"; readonly mean: number; readonly sd: number }
  /** mean and coefficient of variation */
  | { readonly dist: "gamma"; readonly mean: number; readonly cv: number }
  | { readonly dist: "erlang"; readonly k: number; readonly mean: number }
  /** weights default to equal; they need not sum to 1 */
  | { readonly dist: "empirical"; readonly values: readonly number[]; readonly weights: readonly number[] };
