// T-Server for Skype for Business in front of its pool of UCMA connectors (Multimedia Connector for Skype for Business
// Deployment Guide): a call reaching the site's Routing Point arrives through one connector, chosen by DNS load
// balancing over the live ones (Provisioning for UCMA Connectors: "DNS-based load balancing", TTL 0: in turn), and
// before it can be routed the T-Server schedules its conference. "Each new call created at the T-Server requires that
// you allocate resources for such activities as conference scheduling. The number of conferences created at the same
// time can be limited ... it is not possible to achieve higher call rates, even taking into account CPU availability"
// (Hardware Sizing Guidelines and Capacity Planning): one scheduler a T-Server, one conference at a time, serving the
// calls' scheduling and the pools' creations in the order they asked. Its service time is the rate limit: 1 /
// schedulingTime calls a second while the pools hold conferences enough. Scheduling is slower when a pool gives a
// Trusted Application Endpoint fewer than 10 conferences ("If the number of conferences per Trusted Application
// Endpoint is less than 10, there might be delays experienced during conference allocation when call volumes are
// high", Conference Resource Pools): schedulingTime x 10 / (conferences a TAE), at most x 10, an assumption of the
// delay's shape; a one-at-a-time server turns it into delays only when the volume is high.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { SkypeSpec } from "../../scenario/types.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";
import { ConferencePool, type PoolHost } from "./conference-pool.js";
import { FrontEndPool } from "./front-end-pool.js";

const DONE = 0;

/** the guideline's conferences a TAE: "at least 10 pre-created conferences should be available per TAE" */
export const CONFERENCES_PER_TAE = 10;

/** How much slower a call's conference allocation is when a pool of `poolSize` spreads over `taes` endpoints: 1 at
 *  10 conferences a TAE or more, 10 / (conferences a TAE) below, at most 10 (an assumption of the delay's shape). */
export function taeSlowdown(poolSize: number, taes: number): number {
  const perTae = poolSize / taes;
  return perTae >= CONFERENCES_PER_TAE ? 1 : Math.min(CONFERENCES_PER_TAE, CONFERENCES_PER_TAE / Math.max(perTae, 1));
}

/** Where a call goes once its conference is scheduled (the SIP Server side's routing). */
export interface ConferencedHost {
  conferenced(call: Call): void;
}

export class SkypeTServer implements EventTarget, PoolHost {
  readonly pools: ConferencePool[];
  /** the Front End servers managing the site's calls */
  readonly frontEnds: FrontEndPool;
  /** the scheduler's queue: calls to schedule, pools to create a conference for */
  private readonly queue: (Call | ConferencePool)[] = [];
  private head = 0;
  private busy = false;
  /** DNS round robin's next connector */
  private next = 0;
  /** conferences the T-Server's calls hold now */
  inUse = 0;
  host: ConferencedHost | null = null;
  /** a call's scheduling, slowed when the pool gives a TAE fewer than 10 conferences */
  private readonly schedulingTime: number;

  constructor(
    /** the Skype site's index */
    readonly site: number,
    private readonly sim: Simulation,
    private readonly observer: Observer,
    private readonly spec: SkypeSpec,
    horizon: number,
  ) {
    this.schedulingTime = spec.schedulingTime * taeSlowdown(spec.conferencePoolSize, spec.taes);
    this.pools = [];
    this.frontEnds = new FrontEndPool(spec.frontEnds);
    for (let k = 0; k < spec.connectors; k++) {
      const p = new ConferencePool(k, sim, observer, spec, horizon);
      p.host = this;
      this.pools.push(p);
    }
    // the startup phase filled every pool before the day, one conference at a time on this scheduler: the last one
    // made at 0, the first connectors * conference-pool-size creations earlier, each expiring a lifetime after
    const total = spec.connectors * spec.conferencePoolSize;
    for (let j = 0; j < total; j++) {
      this.pools[j % spec.connectors]!.preCreated(spec.lifetime - (total - 1 - j) * spec.creationTime);
    }
  }

  fire(ev: SimEvent): void {
    if (ev.code !== DONE) return;
    const job = ev.subject as Call | ConferencePool;
    // (still busy while the finished job's consequences queue new ones: they wait their turn)
    if (job instanceof ConferencePool) job.created();
    else if (job.state !== CallState.Done) job.connector!.take(job);
    this.busy = false;
    this.serve();
  }

  /** A call reaches the site's Routing Point through the next live connector (with none live, through the first,
   *  where it waits for the restart), managed by the next running Front End server; it waits its turn at the
   *  scheduler. */
  admit(call: Call): void {
    const pools = this.pools;
    let pool: ConferencePool | null = null;
    for (let k = 0; k < pools.length; k++) {
      const p = pools[(this.next + k) % pools.length]!;
      if (p.live) {
        pool = p;
        this.next = (p.index + 1) % pools.length;
        break;
      }
    }
    call.connector = pool ?? pools[0]!;
    call.frontEnd = this.frontEnds.assign();
    this.enqueue(call);
  }

  requestCreation(pool: ConferencePool): void {
    this.enqueue(pool);
  }

  allocated(call: Call, pool: ConferencePool, waited: boolean): void {
    this.inUse++;
    this.observer.conferenceAllocated(call, pool.index, waited, pool.ready.length, this.inUse);
    this.host!.conferenced(call);
  }

  /** the call has ended: its conference goes back to its connector (see ConferencePool.release) */
  release(call: Call): void {
    if (call.conference === null) return;
    this.inUse--;
    call.conference.connector.release(call);
  }

  private enqueue(job: Call | ConferencePool): void {
    // under a long overload the served head of the queue is dropped now and then, not kept for the day
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.queue.push(job);
    if (!this.busy) this.serve();
  }

  private serve(): void {
    while (this.head < this.queue.length) {
      const job = this.queue[this.head++]!;
      // a caller who hung up while queued costs the scheduler nothing
      if (!(job instanceof ConferencePool) && job.state === CallState.Done) continue;
      this.busy = true;
      this.sim.postAfter(this.serviceTime(job), Priority.MESSAGE, this, DONE, job);
      return;
    }
    this.queue.length = 0;
    this.head = 0;
  }

  private serviceTime(job: Call | ConferencePool): number {
    return job instanceof ConferencePool ? this.spec.creationTime : this.schedulingTime;
  }
}
