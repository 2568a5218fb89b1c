// A fixed-size log-linear histogram of non-negative durations (seconds), for percentiles in flat memory.
//
// Layout (HdrHistogram-like), counted in units of 10 µs so that 1 ms is already resolved to 1%:
// - values below 256 units (2.56 ms) fall in 256 linear bins of one unit each;
// - above, every power of two [2^e, 2^(e+1)) units is split into 128 equal bins, so a bin is at most 1/128 (0.78%)
//   of its values wide, up to 2^40 units (~1.1e7 s, 127 days); anything larger lands in the last bin.
// That is 4,352 bins in one Float64Array (34 KB; float64 so merged counts cannot overflow). Count, sum, min and max
// are kept exactly beside the bins, so the mean is exact and quantiles never leave [min, max].

const UNIT = 1e-5;
const INV_UNIT = 1e5;
const LINEAR_BINS = 256;
const SUB_BINS = 128;
const FIRST_EXP = 8; // 2^8 = LINEAR_BINS units: where the log-linear part starts
const LAST_EXP = 39; // the last power of two with its own bins
const BIN_COUNT = LINEAR_BINS + (LAST_EXP - FIRST_EXP + 1) * SUB_BINS;

// Exponent and top mantissa bits read straight from the float's bits: exact, and no Math.log2 per sample.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bin holding `units` (a finite value >= 0, in 10 µs units). */
function binOf(units: number): number {
  if (units < LINEAR_BINS) return Math.floor(units);
  bits[0] = units;
  const high = words[HIGH_WORD]!;
  const exp = (high >>> 20) - 1023;
  if (exp > LAST_EXP) return BIN_COUNT - 1;
  return LINEAR_BINS + (exp - FIRST_EXP) * SUB_BINS + ((high >>> 13) & (SUB_BINS - 1));
}

/** [lower, upper) bounds of a bin, in 10 µs units. */
function binLower(bin: number): number {
  if (bin < LINEAR_BINS) return bin;
  const octave = Math.floor((bin - LINEAR_BINS) / SUB_BINS);
  const sub = bin - LINEAR_BINS - octave * SUB_BINS;
  return 2 ** (octave + FIRST_EXP) * (1 + sub / SUB_BINS);
}

function binUpper(bin: number): number {
  if (bin < LINEAR_BINS) return bin + 1;
  const octave = Math.floor((bin - LINEAR_BINS) / SUB_BINS);
  const sub = bin - LINEAR_BINS - octave * SUB_BINS;
  return 2 ** (octave + FIRST_EXP) * (1 + (sub + 1) / SUB_BINS);
}

/** The compact form: exact count, sum, min and max, and the non-empty bins as [bin, count, bin, count, ...]. */
export interface HistogramJSON {
  readonly count: number;
  readonly sum: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly bins: readonly number[];
}

export class Histogram {
  private readonly counts = new Float64Array(BIN_COUNT);
  private total = 0;
  private sumOfValues = 0;
  private smallest = Infinity;
  private largest = -Infinity;

  /** Records one duration in seconds. Throws RangeError on a negative, infinite or NaN value. */
  add(x: number): void {
    if (!(x >= 0 && x < Infinity)) throw new RangeError(`histogram: cannot record ${x}`);
    this.counts[binOf(x * INV_UNIT)]! += 1;
    this.total += 1;
    this.sumOfValues += x;
    if (x < this.smallest) this.smallest = x;
    if (x > this.largest) this.largest = x;
  }

  get count(): number {
    return this.total;
  }

  get sum(): number {
    return this.sumOfValues;
  }

  /** Exact mean of the recorded values; NaN when empty. */
  get mean(): number {
    return this.total === 0 ? NaN : this.sumOfValues / this.total;
  }

  /** Smallest recorded value; NaN when empty. */
  get min(): number {
    return this.total === 0 ? NaN : this.smallest;
  }

  /** Largest recorded value; NaN when empty. */
  get max(): number {
    return this.total === 0 ? NaN : this.largest;
  }

  /**
   * The q-quantile (q in [0, 1]) within a bin's width (<= 0.78% relative, or 10 µs below 2.56 ms): the value below
   * which a share q of the samples lie, interpolated linearly inside its bin and clamped to [min, max]. NaN when empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`histogram: quantile must be in [0, 1], got ${q}`);
    if (this.total === 0) return NaN;
    if (q === 0) return this.smallest;
    if (q === 1) return this.largest;
    const rank = q * this.total;
    let seen = 0;
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      const c = this.counts[bin]!;
      if (c === 0) continue;
      if (seen + c >= rank) {
        const lower = binLower(bin) * UNIT;
        const upper = bin === BIN_COUNT - 1 ? this.largest : binUpper(bin) * UNIT;
        const value = lower + ((upper - lower) * (rank - seen)) / c;
        return Math.min(Math.max(value, this.smallest), this.largest);
      }
      seen += c;
    }
    return this.largest;
  }

  /** Adds another histogram's samples to this one (the float sum then depends on merge order: merge in a fixed order). */
  merge(other: Histogram): void {
    const mine = this.counts;
    const theirs = other.counts;
    for (let bin = 0; bin < BIN_COUNT; bin++) mine[bin]! += theirs[bin]!;
    this.total += other.total;
    this.sumOfValues += other.sumOfValues;
    if (other.smallest < this.smallest) this.smallest = other.smallest;
    if (other.largest > this.largest) this.largest = other.largest;
  }

  /** Forgets every sample, keeping the allocated bins. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sumOfValues = 0;
    this.smallest = Infinity;
    this.largest = -Infinity;
  }

  toJSON(): HistogramJSON {
    const bins: number[] = [];
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      const c = this.counts[bin]!;
      if (c !== 0) bins.push(bin, c);
    }
    return {
      count: this.total,
      sum: this.sumOfValues,
      min: this.total === 0 ? null : this.smallest,
      max: this.total === 0 ? null : this.largest,
      bins,
    };
  }

  /** Rebuilds a histogram from toJSON() (e.g. sent back by a worker thread). */
  static fromJSON(json: HistogramJSON): Histogram {
    const h = new Histogram();
    const { bins } = json;
    if (bins.length % 2 !== 0) throw new RangeError("histogram: bins must be [bin, count] pairs");
    let total = 0;
    for (let i = 0; i < bins.length; i += 2) {
      const bin = bins[i]!;
      const c = bins[i + 1]!;
      if (!Number.isInteger(bin) || bin < 0 || bin >= BIN_COUNT) throw new RangeError(`histogram: no bin ${bin}`);
      if (!(c >= 0)) throw new RangeError(`histogram: bin ${bin} has count ${c}`);
      h.counts[bin] = c;
      total += c;
    }
    if (total !== json.count) throw new RangeError(`histogram: bins hold ${total} samples, count says ${json.count}`);
    h.total = json.count;
    h.sumOfValues = json.sum;
    h.smallest = json.min ?? Infinity;
    h.largest = json.max ?? -Infinity;
    return h;
  }
}
