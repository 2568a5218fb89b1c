// The two pools a Stat Server view keeps its available agents in (a heap, and for longest-idle a sorted list) give the
// same agent first after any sequence of additions, re-keyings and removals.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedHeap } from "../src/kernel/indexed-heap.js";
import { SortedList } from "../src/kernel/sorted-list.js";

const N = 40;
const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), id: fc.nat(N - 1), k1: fc.integer({ min: 0, max: 8 }), k2: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("delete" as const), id: fc.nat(N - 1) }),
);

describe("agent pools", () => {
  it("a sorted list and a heap pick the same agent after every step, ties broken by key2 then agent", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new IndexedHeap(N);
        const list = new SortedList(N);
        for (const o of ops) {
          if (o.kind === "set") {
            heap.set(o.id, o.k1, o.k2);
            list.set(o.id, o.k1, o.k2);
          } else {
            heap.delete(o.id);
            list.delete(o.id);
          }
          expect(list.peek()).toBe(heap.peek());
          expect(list.size).toBe(heap.size);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("draining the list gives agents in (key1, key2, agent) order", () => {
    const list = new SortedList(5);
    list.set(3, 10, 0);
    list.set(1, 5, 0);
    list.set(4, 5, 0);
    list.set(0, 5, -1);
    list.set(2, 7, 0);
    list.set(1, 12, 0); // re-keyed: it moves to the end
    const order: number[] = [];
    while (list.size > 0) {
      const id = list.peek();
      order.push(id);
      list.delete(id);
    }
    expect(order).toEqual([0, 4, 2, 3, 1]);
    expect(list.peek()).toBe(-1);
  });
});
