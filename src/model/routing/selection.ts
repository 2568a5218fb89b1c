// Selection rules: how a URS orders the available candidates of a target. Each is a pair of heap keys (lowest first),
// ties broken by agent index, so the order never depends on the random seed unless the rule is `random`.

import type { SelectionRule as SelectionRuleName } from "../../scenario/types.js";
import type { Rng } from "../../kernel/random-stream.js";
import type { TargetClass } from "./target-class.js";

export interface SelectionRule {
  /** keys for a member (local index) that became available at `since` */
  key1(cls: TargetClass, local: number, since: number): number;
  key2(cls: TargetClass, local: number, since: number): number;
  /** the URS picked this member */
  picked(cls: TargetClass, local: number): void;
  /** the keys of members becoming available mostly come in increasing order (a sorted list serves them best) */
  readonly keysInOrder: boolean;
}

/** Longest idle first: every URS with the same view picks the same agent, which is why conflicts happen. */
const longestIdle: SelectionRule = {
  key1: (_c, _l, since) => since,
  key2: () => 0,
  picked: () => {},
  keysInOrder: true,
};

/** Highest score on the target's skills first, then longest idle. */
const mostSkilled: SelectionRule = {
  key1: (cls, local) => -cls.scores[local]!,
  key2: (_c, _l, since) => since,
  picked: () => {},
  keysInOrder: false,
};

/** Uniformly at random among the available: each gets an independent uniform key when it becomes available, and the
 *  smallest key of a set of independent uniforms is equally likely to be any member's. */
function random(rng: Rng): SelectionRule {
  return { key1: () => rng(), key2: () => 0, picked: () => {}, keysInOrder: false };
}

/** Fixed cyclic order: a member is picked once per round; one picked k times orders after all picked fewer times. */
function roundRobin(): SelectionRule {
  const rounds = new Map<TargetClass, Float64Array>();
  const of = (cls: TargetClass) => {
    let r = rounds.get(cls);
    if (!r) rounds.set(cls, (r = new Float64Array(cls.members.length)));
    return r;
  };
  return {
    key1: (cls, local) => of(cls)[local]!,
    key2: (_c, local) => local,
    picked: (cls, local) => {
      of(cls)[local]! += 1;
    },
    keysInOrder: false,
  };
}

/** One rule object per URS view, since random and round-robin keep state of their own. */
export function selectionRule(name: SelectionRuleName, rng: Rng): SelectionRule {
  switch (name) {
    case "longest-idle":
      return longestIdle;
    case "most-skilled":
      return mostSkilled;
    case "random":
      return random(rng);
    case "round-robin":
      return roundRobin();
  }
}
