// A sorted list of small integer ids keyed by (k1, k2, id), with the same interface and order as IndexedHeap, for
// keys that mostly arrive in increasing order: insertion walks back from the tail, removal unlinks in O(1).
//
// Why: longest-idle keys an agent by when it became Ready, which is almost always later than every agent already in
// the pool (a view hears of agents from other nodes a few milliseconds out of order at most). A heap pays log n on
// every removal of its top, the agent a URS just picked; this list pays nothing there, and about one comparison on
// insertion. Keys that arrive in no particular order (random, most-skilled) belong in the heap.

export class SortedList {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** 1 while the id is in the list */
  private readonly present: Uint8Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private head = -1;
  private tail = -1;
  private n = 0;

  constructor(readonly capacity: number) {
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.present = new Uint8Array(capacity);
    this.k1 = new Float64Array(capacity);
    this.k2 = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** the smallest id by (k1, k2, id), or -1 */
  peek(): number {
    return this.head;
  }

  /** Adds id, or moves it if present. */
  set(id: number, k1: number, k2: number): void {
    if (this.present[id] === 1) this.unlink(id);
    this.k1[id] = k1;
    this.k2[id] = k2;
    // the last entry that orders before id: walk back from the tail over those that order after it
    let p = this.tail;
    while (p >= 0 && this.after(p, id, k1, k2)) p = this.prev[p]!;
    const q = p >= 0 ? this.next[p]! : this.head;
    this.prev[id] = p;
    this.next[id] = q;
    if (p >= 0) this.next[p] = id;
    else this.head = id;
    if (q >= 0) this.prev[q] = id;
    else this.tail = id;
    this.present[id] = 1;
    this.n++;
  }

  delete(id: number): void {
    if (this.present[id] === 1) this.unlink(id);
  }

  /** true when entry p orders after (k1, k2, id) */
  private after(p: number, id: number, k1: number, k2: number): boolean {
    const x = this.k1[p]!;
    if (x !== k1) return x > k1;
    const u = this.k2[p]!;
    if (u !== k2) return u > k2;
    return p > id;
  }

  private unlink(id: number): void {
    const p = this.prev[id]!;
    const q = this.next[id]!;
    if (p >= 0) this.next[p] = q;
    else this.head = q;
    if (q >= 0) this.prev[q] = p;
    else this.tail = p;
    this.present[id] = 0;
    this.n--;
  }
}
