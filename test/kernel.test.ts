import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation, type EventTarget, type SimEvent } from "../src/kernel/simulation.js";

function recorder() {
  const fired: string[] = [];
  const target: EventTarget = { fire: (ev: SimEvent) => fired.push(`${ev.time}:${ev.subject as string}`) };
  return { fired, target };
}

describe("the kernel", () => {
  it("fires events in time order, whatever order they were scheduled in", () => {
    const sim = new Simulation();
    const { fired, target } = recorder();
    sim.at(3, 0, target, 0, "c");
    sim.at(1, 0, target, 0, "a");
    sim.at(2, 0, target, 0, "b");
    sim.run();
    expect(fired).toEqual(["1:a", "2:b", "3:c"]);
    expect(sim.now).toBe(3);
  });

  it("at the same instant, a lower priority number runs first", () => {
    const sim = new Simulation();
    const { fired, target } = recorder();
    sim.at(5, 4, target, 0, "arrival");
    sim.at(5, 2, target, 0, "release");
    sim.run();
    expect(fired).toEqual(["5:release", "5:arrival"]);
  });

  it("breaks remaining ties by insertion order, never by chance", () => {
    const sim = new Simulation();
    const { fired, target } = recorder();
    for (const x of ["a", "b", "c", "d", "e", "f", "g", "h"]) sim.at(1, 3, target, 0, x);
    sim.run();
    expect(fired.join("")).toBe("1:a1:b1:c1:d1:e1:f1:g1:h");
  });

  it("a cancelled event never fires (a patience timer cancelled by the answer)", () => {
    const sim = new Simulation();
    const { fired, target } = recorder();
    const patience = sim.at(10, 5, target, 0, "abandon");
    sim.at(4, 3, { fire: () => sim.cancel(patience) }, 0, null);
    sim.run();
    expect(fired).toEqual([]);
    expect(sim.fired).toBe(1);
  });

  it("events scheduled while running take their place; run(until) stops before later events", () => {
    const sim = new Simulation();
    const { fired, target } = recorder();
    sim.at(1, 0, { fire: () => sim.after(1, 0, target, 0, "child") }, 0, null);
    sim.at(5, 0, target, 0, "late");
    sim.run(3);
    expect(fired).toEqual(["2:child"]);
    sim.run();
    expect(fired).toEqual(["2:child", "5:late"]);
  });

  it("refuses to schedule in the past", () => {
    const sim = new Simulation();
    sim.at(2, 0, { fire: () => expect(() => sim.at(1, 0, { fire() {} }, 0)).toThrow(RangeError) }, 0);
    sim.run();
  });

  it("keeps order in a large random schedule (heap property under many pushes and pops)", () => {
    const sim = new Simulation();
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      sim.at(x % 1000, x % 3, { fire: (ev) => times.push(ev.time * 10 + ev.priority) }, 0);
    }
    sim.run();
    expect(times.length).toBe(5000);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  });

  it("fires exactly in (time, priority, insertion) order when events schedule others as they fire, ties and all", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), p: fc.integer({ min: 0, max: 3 }), kids: fc.integer({ min: 0, max: 3 }) }), {
          minLength: 1,
          maxLength: 200,
        }),
        (plan) => {
          // event i of the plan fires `kids` more (the next ones of the plan), each t/2 after the instant it fires: delays
          // below and above the kernel's near horizon (1 s), so events of both its heaps tie on time
          const delay = (i: number) => plan[i]!.t / 2;
          const kidsOf = (i: number) => plan[i % plan.length]!.kids;

          const sim = new Simulation();
          const fired: number[] = [];
          let k = 1;
          const target = {
            fire: (ev: SimEvent) => {
              fired.push(ev.subject as number);
              for (let c = 0; c < kidsOf(ev.subject as number) && k < plan.length; c++, k++) sim.after(delay(k), plan[k]!.p, target, 0, k);
            },
          };
          sim.after(delay(0), plan[0]!.p, target, 0, 0);
          sim.run();

          // the reference: pending events in a plain list, the next one found by scanning it
          const pending: { t: number; p: number; i: number }[] = [{ t: delay(0), p: plan[0]!.p, i: 0 }];
          const expected: number[] = [];
          let j = 1;
          while (pending.length > 0) {
            let best = 0;
            for (let q = 1; q < pending.length; q++) {
              const a = pending[q]!;
              const b = pending[best]!;
              if (a.t < b.t || (a.t === b.t && (a.p < b.p || (a.p === b.p && a.i < b.i)))) best = q;
            }
            const e = pending.splice(best, 1)[0]!;
            expected.push(e.i);
            for (let c = 0; c < kidsOf(e.i) && j < plan.length; c++, j++) pending.push({ t: e.t + delay(j), p: plan[j]!.p, i: j });
          }
          expect(fired).toEqual(expected);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
