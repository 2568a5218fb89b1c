// Timers that all run for the same duration: they fall due in the order they were set, so one kernel event serves
// them all, and a timer that is dead before it falls due costs no event at all.
//
// Why: a URS holds an agent for up to reservationTime after every conflict and delivery, and a VQ SIP Server keeps
// every grant for reservationTime; almost all of these end long before their time (the agent's new state arrives,
// the call reaches the agent). As one kernel event each they were about 15% of the cluster bench's events, nearly all
// of them fired, or popped cancelled, for nothing.
//
// A timer is a (subject, stamp) pair; `live(subject, stamp)` says whether it still matters. It is asked when the timer
// reaches the front, which may be before it falls due: a timer must never come back to life once dead (stamp every
// timer uniquely, so that a newer timer for the same subject does not revive an older one).
//
// Each timer takes its kernel sequence number when it is set, and a live one fires under it: it runs exactly where an
// event of its own would have, among everything else at that instant, so the outputs are those of one event a timer
// (only the count of events fired changes).

import type { EventTarget, Simulation } from "./simulation.js";

export class FifoTimers<T> implements EventTarget {
  private subjects: (T | undefined)[] = new Array(16).fill(undefined);
  private stamps = new Float64Array(16);
  private dues = new Float64Array(16);
  /** the kernel sequence number each timer took when set: its firing runs where its own event would have */
  private seqs = new Float64Array(16);
  /** ring buffer: first entry and count */
  private head = 0;
  private count = 0;
  /** a kernel event is pending (or the queue is being worked through, which schedules one at its end) */
  private armed = false;

  constructor(
    private readonly sim: Simulation,
    readonly duration: number,
    private readonly priority: number,
    private readonly live: (subject: T, stamp: number) => boolean,
    private readonly expire: (subject: T, stamp: number) => void,
  ) {}

  /** Sets a timer that falls due `duration` from now. */
  set(subject: T, stamp: number): void {
    if (this.count === this.dues.length) this.grow();
    const k = (this.head + this.count++) & (this.dues.length - 1);
    this.subjects[k] = subject;
    this.stamps[k] = stamp;
    this.dues[k] = this.sim.now + this.duration;
    this.seqs[k] = this.sim.takeSeq();
    if (!this.armed) this.arm();
  }

  /** Timers set and not yet due or dropped (dead ones included until they reach the front). */
  get size(): number {
    return this.count;
  }

  fire(): void {
    const now = this.sim.now;
    // (expire() may set new timers: they go behind, and `armed` stays true so that they schedule nothing meanwhile)
    let expired = false;
    while (this.count > 0) {
      const k = this.head;
      const subject = this.subjects[k]!;
      const stamp = this.stamps[k]!;
      if (!this.live(subject, stamp)) {
        this.drop();
        continue;
      }
      // one timer a firing: the next live one runs at its own place in the kernel's order, even at this instant
      if (expired || this.dues[k]! > now) break;
      this.drop();
      expired = true;
      this.expire(subject, stamp);
    }
    this.armed = false;
    if (this.count > 0) this.arm();
  }

  /** schedules the kernel event for the front timer */
  private arm(): void {
    this.armed = true;
    this.sim.postTaken(this.dues[this.head]!, this.priority, this.seqs[this.head]!, this, 0);
  }

  private drop(): void {
    this.subjects[this.head] = undefined;
    this.head = (this.head + 1) & (this.dues.length - 1);
    this.count--;
  }

  private grow(): void {
    const n = this.dues.length;
    const subjects: (T | undefined)[] = new Array(n * 2).fill(undefined);
    const stamps = new Float64Array(n * 2);
    const dues = new Float64Array(n * 2);
    const seqs = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const k = (this.head + i) & (n - 1);
      subjects[i] = this.subjects[k];
      stamps[i] = this.stamps[k]!;
      dues[i] = this.dues[k]!;
      seqs[i] = this.seqs[k]!;
    }
    this.subjects = subjects;
    this.stamps = stamps;
    this.dues = dues;
    this.seqs = seqs;
    this.head = 0;
  }
}
