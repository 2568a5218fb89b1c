// A URS's virtual queue for one target class: waiting calls by priority (highest first), then arrival, then ConnID.

import type { Call } from "../sip/call.js";

function before(a: Call, b: Call): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.arrival !== b.arrival) return a.arrival < b.arrival;
  return a.id < b.id;
}

export class CallQueue {
  private readonly heap: Call[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Call | undefined {
    return this.heap[0];
  }

  push(call: Call): void {
    this.heap.push(call);
    call.queuePos = this.heap.length - 1;
    this.up(call.queuePos);
  }

  /** Empties the queue; the calls come out in ConnID order. */
  drain(): Call[] {
    const calls = this.heap.splice(0).sort((a, b) => a.id - b.id);
    for (const c of calls) c.queuePos = -1;
    return calls;
  }

  remove(call: Call): void {
    const i = call.queuePos;
    if (i < 0) return;
    call.queuePos = -1;
    const last = this.heap.pop()!;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    last.queuePos = i;
    this.up(i);
    this.down(last.queuePos);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) return;
      const r = l + 1;
      const c = r < h.length && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, h[i]!)) return;
      this.swap(i, c);
      i = c;
    }
  }

  private swap(a: number, b: number): void {
    const h = this.heap;
    const x = h[a]!;
    const y = h[b]!;
    h[a] = y;
    h[b] = x;
    y.queuePos = a;
    x.queuePos = b;
  }
}
