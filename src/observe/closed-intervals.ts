// The counters of the series' closed intervals, packed one after the other in one growing array of numbers: for each
// of an interval's distinct tallies, which of its counters are not 0 (a bit each) and those counters, so that a
// closed interval costs the few numbers its calls and agents made rather than a Tally a slice. Unpacked, every counter
// is exactly the number it was. A closed interval that reopens leaves its packed numbers behind (it happens only to
// one reached late, after a fail-over).

import { Tally } from "../metrics/tally.js";

const FIELDS = Object.keys(new Tally()) as (keyof Tally)[];
/** counters a mask number holds: 30 bits, so that each half stays a small integer */
const BITS = 30;
const MASKS = Math.ceil(FIELDS.length / BITS);

export class ClosedIntervals {
  private numbers = new Float64Array(1024);
  private used = 0;
  /** per interval, where its numbers start; -1 while it is open */
  private readonly at: Int32Array;

  constructor(intervals: number) {
    this.at = new Int32Array(intervals).fill(-1);
  }

  /** Packs interval k's distinct tallies. */
  pack(k: number, tallies: readonly Tally[]): void {
    this.reserve(1 + tallies.length * (MASKS + FIELDS.length));
    this.at[k] = this.used;
    const n = this.numbers;
    n[this.used++] = tallies.length;
    for (const t of tallies) {
      const masks = this.used;
      this.used += MASKS;
      for (let m = 0; m < MASKS; m++) n[masks + m] = 0;
      FIELDS.forEach((f, i) => {
        const x = t[f];
        if (x === 0 && !Object.is(x, -0)) return;
        n[masks + Math.floor(i / BITS)]! |= 1 << i % BITS;
        n[this.used++] = x;
      });
    }
  }

  /** Interval k's tallies as they were packed, in the same order (reading them changes nothing: a reopened interval
   *  that closes again is packed anew). */
  unpack(k: number): Tally[] {
    const n = this.numbers;
    let p = this.at[k]!;
    const out: Tally[] = [];
    for (let count = n[p++]!; count > 0; count--) {
      const masks = p;
      p += MASKS;
      const t = new Tally();
      FIELDS.forEach((f, i) => {
        if ((n[masks + Math.floor(i / BITS)]! & (1 << i % BITS)) === 0) return;
        const x = n[p++]!;
        // a whole count back as a small integer, as counting left it: as a double, every metric read from it would
        // be boxed, 16 bytes more each
        t[f] = (x | 0) === x && !Object.is(x, -0) ? x | 0 : x;
      });
      out.push(t);
    }
    return out;
  }

  private reserve(more: number): void {
    if (this.used + more <= this.numbers.length) return;
    const bigger = new Float64Array(Math.max(this.numbers.length * 2, this.used + more));
    bigger.set(this.numbers.subarray(0, this.used));
    this.numbers = bigger;
  }
}
