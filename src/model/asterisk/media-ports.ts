// Asterisk as SIP Server's media server: "SIP Server can utilize the following services provided by Asterisk: Play
// announcements. Collect DTMF digits. Organize conferences. Recording calls." (SIP Server and Asterisk Integration
// Reference, Asterisk as a Media Server). Each site's Asterisk has a pool of media ports; an announcement or digit
// collection (a traffic type's treatment, before routing) and a recording (the whole talk) each hold one. A treatment
// that finds every port busy is skipped and the call goes on to routing at once: a caller is not kept from an agent
// for a prompt, so the pool is a pure loss system. A recording that finds none is lost. The loader refuses recording
// with transfers (scenario/normalize/callers.ts), so no consultation's conference leg needs a port.
//
// A Skype for Business site with an ISCC leg (sites[].skype.iscc) uses the ports of its SIP Server site: "T-Server
// creates a leg to SIP Server for a routed call on a dedicated Routing Point, and then proxies all treatment requests
// to SIP Server" (Multimedia Connector for Skype for Business Deployment Guide, Remote Treatments), and "When
// recording is requested, T-Server initiates an additional leg to SIP Server on a dedicated resource" (Configuring
// remote recording). A treatment waits for its leg's ISCC transaction before it asks for a port; a recording's leg is
// set up while the call talks, so it delays nothing and takes its port at the answer.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "../sip/call.js";

const TREATMENT_END = 0;
const LEG_UP = 1;

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

/** Per site, whose media ports its calls use and after what leg set-up: its own (delay 0), or over ISCC a SIP Server
 *  site's. */
export interface PortSite {
  readonly pool: number;
  readonly legDelay: number;
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
    /** per site (Topology.sites) */
    private readonly portSites: readonly PortSite[],
  ) {}

  /** The call reaches its Routing Point: its type's treatment on a free port of its node's site, true when it plays
   *  (the call then waits for it); false when there is none to play or it is skipped for want of a port. */
  treat(call: Call): boolean {
    const duration = this.uses[call.type.index]!.treatment;
    if (duration === null) return false;
    const leg = this.portSites[call.node!.site.index]!.legDelay;
    if (leg > 0) {
      // (the timer an abandonment or a lost node cancels, as for the treatment itself)
      call.state = CallState.Treatment;
      call.ringTimer = this.sim.after(leg, Priority.MESSAGE, this, LEG_UP, call);
      return true;
    }
    return this.play(call);
  }

  /** The treatment on a free port, true when it plays; false when it is skipped for want of one. */
  private play(call: Call): boolean {
    if (!this.take(call, false)) return false;
    call.state = CallState.Treatment;
    call.ringTimer = this.sim.after(this.uses[call.type.index]!.treatment!(), Priority.TIMER, this, TREATMENT_END, call);
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
    const call = ev.subject as Call;
    call.ringTimer = null;
    if (ev.code === LEG_UP) {
      if (!this.play(call)) {
        call.state = CallState.Routing;
        this.host.afterTreatment(call);
      }
      return;
    }
    if (ev.code !== TREATMENT_END) return;
    this.free(call);
    call.state = CallState.Routing;
    this.host.afterTreatment(call);
  }

  /** A port of the call's site for it, or refused (every port busy, or no media server in the site it landed in). */
  private take(call: Call, recording: boolean): boolean {
    const site = this.portSites[call.node!.site.index]!.pool;
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
