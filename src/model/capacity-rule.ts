// Capacity rules: a list of alternatives, each media -> maximum; one more interaction fits if it fits one alternative.

import { MEDIA, type CapacityRuleSpec, type Media } from "../scenario/types.js";

export const MEDIA_INDEX: Readonly<Record<Media, number>> = { voice: 0, chat: 1, email: 2, im: 3 };

export class CapacityRule {
  /** alternatives as rows of maxima indexed by MEDIA_INDEX */
  private readonly rows: Int32Array[];

  constructor(readonly spec: CapacityRuleSpec) {
    this.rows = spec.alternatives.map((alt) => Int32Array.from(MEDIA, (m) => alt[m] ?? 0));
  }

  get name(): string {
    return this.spec.name;
  }

  /** Can an agent holding `load` (counts by media index) take one more interaction of media `m`? */
  allows(load: ArrayLike<number>, m: number): boolean {
    for (const row of this.rows) {
      let fits = true;
      for (let k = 0; k < row.length; k++) {
        if ((load[k] ?? 0) + (k === m ? 1 : 0) > row[k]!) {
          fits = false;
          break;
        }
      }
      if (fits) return true;
    }
    return false;
  }

  /** Could an idle agent ever take media m under this rule? */
  serves(m: number): boolean {
    return this.rows.some((row) => row[m]! >= 1);
  }
}
