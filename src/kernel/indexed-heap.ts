// A min-heap of small integer ids keyed by (k1, k2, id), with removal and update by id in O(log n).

export class IndexedHeap {
  private readonly ids: Int32Array;
  /** position of each id in `ids`, -1 when absent */
  private readonly pos: Int32Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private n = 0;

  constructor(readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.k1 = new Float64Array(capacity);
    this.k2 = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }


  /** the smallest id by (k1, k2, id), or -1 */
  peek(): number {
    return this.n > 0 ? this.ids[0]! : -1;
  }

  /** Adds id, or moves it if present. */
  set(id: number, k1: number, k2: number): void {
    this.k1[id] = k1;
    this.k2[id] = k2;
    const p = this.pos[id]!;
    if (p < 0) {
      const i = this.n++;
      this.ids[i] = id;
      this.pos[id] = i;
      this.up(i);
    } else {
      this.up(p);
      this.down(this.pos[id]!);
    }
  }

  delete(id: number): void {
    const p = this.pos[id]!;
    if (p < 0) return;
    this.pos[id] = -1;
    const last = this.ids[--this.n]!;
    if (p === this.n) return;
    this.ids[p] = last;
    this.pos[last] = p;
    this.up(p);
    this.down(this.pos[last]!);
  }


  /** true when the id at heap position a orders before the one at b */
  private less(a: number, b: number): boolean {
    const ia = this.ids[a]!;
    const ib = this.ids[b]!;
    const x = this.k1[ia]!;
    const y = this.k1[ib]!;
    if (x !== y) return x < y;
    const u = this.k2[ia]!;
    const v = this.k2[ib]!;
    if (u !== v) return u < v;
    return ia < ib;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.n;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && this.less(r, l) ? r : l;
      if (!this.less(c, i)) return;
      this.swap(i, c);
      i = c;
    }
  }

  private swap(a: number, b: number): void {
    const ia = this.ids[a]!;
    const ib = this.ids[b]!;
    this.ids[a] = ib;
    this.ids[b] = ia;
    this.pos[ib] = a;
    this.pos[ia] = b;
  }
}
