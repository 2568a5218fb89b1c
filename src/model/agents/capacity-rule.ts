// Capacity rules: a list of alternatives, each media -> maximum; one more interaction fits if it fits one alternative.
// IM has no capacity of its own: it takes chat's ("The name of the capacity rule mediatype for handling IM is chat",
// Instant Messaging Solution Guide, Delivering and Handling Instant Messages), so IM sessions and chats share it.

import { MEDIA, capacityMedia, type CapacityRuleSpec, type Media } from "../../scenario/types.js";

export const MEDIA_INDEX: Readonly<Record<Media, number>> = { voice: 0, chat: 1, email: 2, im: 3 };
const CHAT = MEDIA_INDEX.chat;
const IM = MEDIA_INDEX.im;

export class CapacityRule {
  /** alternatives as rows of maxima indexed by MEDIA_INDEX */
  private readonly rows: Int32Array[];
  /** maskFor an agent holding nothing */
  readonly idleMask: number;
  /** no alternative allows more than one interaction at once (the built-in voice rule): a busy agent takes nothing */
  readonly single: boolean;

  constructor(readonly spec: CapacityRuleSpec) {
    // the im column repeats chat's maximum, and im loads count against chat (see `held`)
    this.rows = spec.alternatives.map((alt) => Int32Array.from(MEDIA, (m) => alt[capacityMedia(m)] ?? 0));
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
        if (held(load, k) + (k === m || (k === CHAT && m === IM) || (k === IM && m === CHAT) ? 1 : 0) > row[k]!) {
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
        if (held(load, k) > row[k]!) {
          fits = false;
          break;
        }
      }
      if (!fits) continue;
      for (let k = 0; k < row.length; k++) if (held(load, k) < row[k]!) mask |= 1 << k;
    }
    return mask;
  }

  /** Could an idle agent ever take media m under this rule? */
  serves(m: number): boolean {
    return this.rows.some((row) => row[m]! >= 1);
  }
}

/** what an agent holding `load` holds against media k's maximum: chats and IM sessions together for either */
function held(load: ArrayLike<number>, k: number): number {
  return k === CHAT || k === IM ? (load[CHAT] ?? 0) + (load[IM] ?? 0) : (load[k] ?? 0);
}
