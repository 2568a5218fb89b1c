// A growable list of numbers in a Float64Array: how trace columns are read without an object per row.

export class FloatList {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  /** the numbers pushed, in a typed array of exactly their length */
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
