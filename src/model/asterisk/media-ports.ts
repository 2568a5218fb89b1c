// Asterisk as SIP Server's media server: "SIP Server can utilize the following services provided by Asterisk: Play
// announcements. Collect DTMF digits. Organize conferences. Recording calls." (SIP Server and Asterisk Integration
// Reference, Asterisk as a Media Server). Each site's Asterisk has a pool of media ports; an announcement or digit
// collection (a traffic type's treatment, before routing) and a recording (the whole talk) each hold one. A treatment
// that finds every port busy is skipped and the call goes on to routing at once: a caller is not kept from an agent
// for a prompt, so the pool is a pure loss system. A recording that finds none is lost. ccsim has no conferences
// (no transfers or consultations), so none is modelled.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";

const TREATMENT_END = 0;

/** One site's Asterisk media ports. */
export class MediaPortPool {
  /** ports in use now */
  busy = 0;
  constructor(
    /** the site's index (Topology.sites) */
    readonly site: number,
    readonly capacity: number,
  ) {}
}

/** What a traffic type asks of the media ports: per call, a treatment's duration (null: none) and whether it is
 *  recorded (null: never). */
export interface MediaPortUse {
  readonly treatment: (() => number) | null;
  readonly recorded: (() => boolean) | null;
}

/** Where a call goes after its treatment: on to routing (SipServer.afterTreatment). */
export interface MediaPortHost {
  afterTreatment(call: Call): void;
}

export class MediaPorts implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    /** per site, its pool; null: the site has no media server */
    private readonly pools: readonly (MediaPortPool | null)[],
    /** per traffic type (TrafficType.index) */
    private readonly uses: readonly MediaPortUse[],
    private readonly host: MediaPortHost,
  ) {}

  /** The call reaches its Routing Point: its type's treatment on a free port of its node's site, true when it plays
   *  (the call then waits for it); false when there is none to play or it is skipped for want of a port. */
  treat(call: Call): boolean {
    const duration = this.uses[call.type.index]!.treatment;
    if (duration === null) return false;
    if (!this.take(call, false)) return false;
    call.state = CallState.Treatment;
    call.ringTimer = this.sim.after(duration(), Priority.TIMER, this, TREATMENT_END, call);
    return true;
  }

  /** The call is answered: recorded (when its type records this one) on a port for the whole talk, or lost. */
  record(call: Call): void {
    const recorded = this.uses[call.type.index]!.recorded;
    if (recorded !== null && recorded()) this.take(call, true);
  }

  /** The call leaves SIP Server, or its treatment ends: its port is free again. */
  free(call: Call): void {
    const pool = call.port!;
    call.port = null;
    pool.busy--;
    this.observer.mediaPortFreed(pool);
  }

  fire(ev: SimEvent): void {
    if (ev.code !== TREATMENT_END) return;
    const call = ev.subject as Call;
    call.ringTimer = null;
    this.free(call);
    call.state = CallState.Routing;
    this.host.afterTreatment(call);
  }

  /** A port of the call's site for it, or refused (every port busy, or no media server in the site it landed in). */
  private take(call: Call, recording: boolean): boolean {
    const site = call.node!.site.index;
    const pool = this.pools[site]!;
    if (pool === null || pool.busy >= pool.capacity) {
      this.observer.mediaPortRefused(site, recording);
      return false;
    }
    pool.busy++;
    call.port = pool;
    this.observer.mediaPortTaken(pool, recording);
    return true;
  }
}
