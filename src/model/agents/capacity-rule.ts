// Capacity rules: a list of alternatives, each media -> maximum; one more interaction fits if it fits one alternative.

import { MEDIA, type CapacityRuleSpec, type Media } from "../../scenario/types.js";

export const MEDIA_INDEX: Readonly<Record<Media, number>> = { voice: 0, chat: 1, email: 2, im: 3 };

export class CapacityRule {
  /** alternatives as rows of maxima indexed by MEDIA_INDEX */
  private readonly rows: Int32Array[];
  /** maskFor an agent holding nothing */
  readonly idleMask: number;
  /** no alternative allows more than one interaction at once (the built-in voice rule): a busy agent takes nothing */
  readonly single: boolean;

  constructor(readonly spec: CapacityRuleSpec) {
    this.rows = spec.alternatives.map((alt) => Int32Array.from(MEDIA, (m) => alt[m] ?? 0));
    this.idleMask = this.maskFor(new Int32Array(MEDIA.length));
    this.single = this.rows.every((row) => row.reduce((a, b) => a + b, 0) <= 1);
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

  /** The media an agent holding `load` can take one more of, as bits (1 << media index): media m is in it exactly
   *  when allows(load, m). One pass per alternative: load + one m fits a row iff load fits it and load[m] < row[m]. */
  maskFor(load: ArrayLike<number>): number {
    let mask = 0;
    for (const row of this.rows) {
      let fits = true;
      for (let k = 0; k < row.length; k++) {
        if (load[k]! > row[k]!) {
          fits = false;
          break;
        }
      }
      if (!fits) continue;
      for (let k = 0; k < row.length; k++) if (load[k]! < row[k]!) mask |= 1 << k;
    }
    return mask;
  }

  /** Could an idle agent ever take media m under this rule? */
  serves(m: number): boolean {
    return this.rows.some((row) => row[m]! >= 1);
  }
}
