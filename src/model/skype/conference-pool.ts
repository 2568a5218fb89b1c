// A UCMA connector's pool of Skype for Business conferences (Multimedia Connector for Skype for Business Deployment
// Guide, Conference Resource Pools; Performance, Conference pooling): every call needs one. "The option
// conference-pool-size sets the number of conferences the pool maintains at one time", sized "20% higher than the
// maximum number of simultaneous calls handled by the connector": the pool is every conference the connector keeps,
// ready or in a call. The connector "creates conferences one at a time until it reaches the configured pool size,
// then creates new ones whenever a conference is used or expires". With caching-enabled a call's conference serves
// later calls "until they are expired by Skype for Business"; without it a used conference is gone. A call that
// finds no conference ready waits for one, which the connector then creates on demand (and lets go after the call
// when the pool already holds its size).

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { SkypeSpec } from "../../scenario/types.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";

const EXPIRE = 0;

/** One conference resource: it expires at `expiresAt` whoever holds it. */
export class Conference {
  /** its place in its connector's ready list; -1 while a call holds it */
  readyAt = -1;
  constructor(readonly connector: ConferencePool, readonly expiresAt: number) {}
}

/** Where a pool's conferences are created (the T-Server's one-at-a-time scheduler) and where a call goes on once it
 *  has its conference. */
export interface PoolHost {
  requestCreation(pool: ConferencePool): void;
  allocated(call: Call, pool: ConferencePool, waited: boolean): void;
}

export class ConferencePool implements EventTarget {
  /** conferences ready for a call; the last one back is the first reused (a cache) */
  readonly ready: Conference[] = [];
  /** conferences the pool keeps: ready, or in a call and coming back to it (with caching) */
  owned = 0;
  /** calls its conferences serve now */
  inUse = 0;
  /** a creation for this pool is queued or running at the scheduler (the connector creates one at a time) */
  creating = false;
  /** calls that found no conference ready, first come first served (a call gone meanwhile is skipped) */
  private readonly waiting: Call[] = [];
  private waitHead = 0;
  /** DNS sends it calls (the T-Server's round robin skips a connector that is stopped or shutting down) */
  live = true;
  /** stopped (a normal stop): it creates nothing, its conferences are freed as their calls end, and the calls that
   *  still want one of its conferences wait for its restart (the connector "can only recover calls on the Connector
   *  where they were originally created, after the Connector restarts") */
  down = false;
  /** shutting down gracefully: it creates a conference only for a call of its own still waiting, lets each one go
   *  when its call ends, and takes no new calls */
  draining = false;
  host: PoolHost | null = null;

  constructor(
    readonly index: number,
    private readonly sim: Simulation,
    private readonly observer: Observer,
    private readonly spec: SkypeSpec,
    /** the day's end: past it a pool creates only for a call still waiting, and no conference's expiry is watched,
     *  so that a replication ends when its calls do */
    private readonly horizon: number,
  ) {}

  fire(ev: SimEvent): void {
    if (ev.code === EXPIRE) this.expire(ev.subject as Conference);
  }

  /** A conference the startup phase created before the day, expiring at `expiresAt` ("it will guarantee that there
   *  are conference resources available for call handling, starting from the very first call"). */
  preCreated(expiresAt: number): void {
    const c = new Conference(this, expiresAt);
    this.owned++;
    this.watch(c);
    this.putReady(c);
  }

  /** The scheduler has finished scheduling `call`: it takes a ready conference, or waits for the next one (until
   *  the restart when the connector is stopped). */
  take(call: Call): void {
    const c = this.down ? undefined : this.ready.pop();
    if (c === undefined) {
      this.waiting.push(call);
      this.refill();
      return;
    }
    c.readyAt = -1;
    this.give(call, c, false);
  }

  /** The scheduler created one conference for this pool. */
  created(): void {
    this.creating = false;
    // a creation the scheduler finished after a normal stop came to nothing
    if (this.down) return;
    const c = new Conference(this, this.sim.now + this.spec.lifetime);
    this.owned++;
    this.watch(c);
    this.observer.conferenceCreated(this.index);
    this.offer(c);
    this.refill();
  }

  /** The call that held its conference has ended: with caching the conference serves again (a call waiting for one
   *  first), unless it expired, or nobody waits and the pool holds more than its size (one made on demand); without
   *  caching it was used up when taken. */
  release(call: Call): void {
    const c = call.conference!;
    call.conference = null;
    this.inUse--;
    if (!this.spec.cachingEnabled) return;
    const kept = !this.down && (!this.draining || this.hasWaiting());
    if (kept && c.expiresAt > this.sim.now && (this.owned <= this.spec.conferencePoolSize || this.hasWaiting())) {
      this.offer(c);
      return;
    }
    this.owned--;
    this.refill();
  }

  /** A normal stop: "all resources allocated to that Connector are immediately freed" (Graceful Shutdown, Normal
   *  Stop): its ready conferences are gone; those in a call are let go when the call ends. */
  stop(): void {
    this.live = false;
    this.down = true;
    for (const c of this.ready) c.readyAt = -1;
    this.owned -= this.ready.length;
    this.ready.length = 0;
  }

  /** A graceful shutdown: no new calls; its own calls finish on it. */
  drain(): void {
    this.live = false;
    this.draining = true;
  }

  /** The connector is back: DNS sends it calls again, and it fills its pool one conference at a time, the calls
   *  waiting for its restart first. */
  restart(): void {
    this.live = true;
    this.down = false;
    this.draining = false;
    this.refill();
  }

  /** whether a call still waits; the calls gone from the head of the line are dropped on the way, so that asking
   *  costs nothing per call however long the line */
  private hasWaiting(): boolean {
    while (this.waitHead < this.waiting.length) {
      if (this.waiting[this.waitHead]!.state !== CallState.Done) return true;
      this.waitHead++;
    }
    this.waiting.length = 0;
    this.waitHead = 0;
    return false;
  }

  /** a call that wanted a conference and left first (abandoned, dropped) is skipped when its turn comes */
  private nextWaiting(): Call | null {
    while (this.waitHead < this.waiting.length) {
      const call = this.waiting[this.waitHead++]!;
      if (call.state !== CallState.Done) return call;
    }
    this.waiting.length = 0;
    this.waitHead = 0;
    return null;
  }

  /** a conference for the first call waiting, or back into the ready list */
  private offer(c: Conference): void {
    const call = this.nextWaiting();
    if (call === null) this.putReady(c);
    else this.give(call, c, true);
  }

  private give(call: Call, c: Conference, waited: boolean): void {
    this.inUse++;
    // without caching the conference is used up: the pool makes another
    if (!this.spec.cachingEnabled) this.owned--;
    call.conference = c;
    this.host!.allocated(call, this, waited);
    this.refill();
  }

  private watch(c: Conference): void {
    if (c.expiresAt < this.horizon) this.sim.postAfter(Math.max(0, c.expiresAt - this.sim.now), Priority.MESSAGE, this, EXPIRE, c);
  }

  private putReady(c: Conference): void {
    c.readyAt = this.ready.length;
    this.ready.push(c);
  }

  /** one creation at a time, while the pool is short of its size or a call waits */
  private refill(): void {
    if (this.creating || this.down) return;
    if ((this.draining || this.owned >= this.spec.conferencePoolSize || this.sim.now >= this.horizon) && !this.hasWaiting()) return;
    this.creating = true;
    this.host!.requestCreation(this);
  }

  private expire(c: Conference): void {
    // a conference a call holds is let go when the call ends (release sees it expired)
    if (c.readyAt < 0) return;
    const last = this.ready.pop()!;
    if (last !== c) {
      last.readyAt = c.readyAt;
      this.ready[c.readyAt] = last;
    }
    c.readyAt = -1;
    this.owned--;
    this.refill();
  }
}
