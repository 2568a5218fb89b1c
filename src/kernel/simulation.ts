// The kernel: a clock and a future event list. Pop the earliest (time, priority, sequence), set the clock, fire it.

import { EventQueue } from "./event-queue.js";

/** Whatever reacts to an event. One method, so that an event costs no closure: the target and a small code say it all. */
export interface EventTarget {
  fire(ev: SimEvent): void;
}

export class SimEvent {
  /** set by cancel(); a cancelled event stays in the heap and is skipped when it comes up */
  cancelled = false;
  constructor(
    readonly time: number,
    readonly priority: number,
    readonly seq: number,
    readonly target: EventTarget,
    /** what kind of event this is for its target */
    readonly code: number,
    /** the thing it is about (a call, an agent, a message) */
    readonly subject: unknown,
  ) {}
}

export class Simulation {
  now = 0;
  /** events fired so far (cancelled ones not counted) */
  fired = 0;
  private seq = 0;
  private readonly queue = new EventQueue();

  /** Schedules at an absolute time; the returned event is the handle that cancels it. */
  at(time: number, priority: number, target: EventTarget, code: number, subject: unknown = null): SimEvent {
    if (!(time >= this.now)) throw new RangeError(`cannot schedule at ${time}, the clock is at ${this.now}`);
    const ev = new SimEvent(time, priority, this.seq++, target, code, subject);
    this.queue.push(ev);
    return ev;
  }

  after(delay: number, priority: number, target: EventTarget, code: number, subject: unknown = null): SimEvent {
    return this.at(this.now + delay, priority, target, code, subject);
  }

  cancel(ev: SimEvent | null | undefined): void {
    if (ev) ev.cancelled = true;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Runs until the event list is empty or the next event is later than `until`; the clock ends at the last event. */
  run(until = Infinity): void {
    const queue = this.queue;
    for (;;) {
      const ev = queue.peek();
      if (ev === undefined || ev.time > until) return;
      queue.pop();
      if (ev.cancelled) continue;
      this.now = ev.time;
      this.fired++;
      ev.target.fire(ev);
    }
  }
}
