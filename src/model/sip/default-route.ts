// SIP Server default routing (SIP Cluster Solution Guide, Default routing in SIP Cluster): a call whose routing
// dialogue is gone waits on its Routing Point until router-timeout, then SIP Server sends it to the default DN
// (default-dn). Chat and email have no default DN: Interaction Server offers them to the next URS up.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Observer } from "../observer.js";
import { CallState, type Call } from "./call.js";

const ROUTER_TIMEOUT = 0;

/** What default routing asks of the SIP Server side. */
export interface DefaultRouteHost {
  /** EventRouteRequest from the call's node (or Interaction Server) to the URS serving it */
  sendRouteRequest(call: Call, extra: number): void;
  /** the call leaves SIP Server: Done, off its node's count and the calls in progress */
  leave(call: Call): void;
}

export class DefaultRouting implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    private readonly routerTimeout: number,
    private readonly host: DefaultRouteHost,
  ) {}

  fire(ev: SimEvent): void {
    if (ev.code === ROUTER_TIMEOUT) this.timeout(ev.subject as Call);
  }

  /** The call's routing dialogue is gone (`lost`: it was in progress when a component failed): it waits on its
   *  Routing Point until router-timeout, counted from now but not before `notBefore`, then is default-routed. */
  strand(call: Call, lost: boolean, fault: number, notBefore = this.sim.now): void {
    if (call.state === CallState.Done || call.state === CallState.Stranded) return;
    if (call.state === CallState.Waiting) call.urs!.removeWaiting(call);
    if (lost) this.observer.lostRequest(call, fault);
    call.state = CallState.Stranded;
    call.agent = null;
    call.blame = fault;
    const at = Math.max(this.sim.now + this.routerTimeout, notBefore);
    call.routerTimer = this.sim.at(at, Priority.TIMER, this, ROUTER_TIMEOUT, call);
  }

  /** router-timeout: SIP Server sends the call to the default DN. */
  private timeout(call: Call): void {
    call.routerTimer = null;
    if (call.state !== CallState.Stranded) return;
    if (call.node === null) {
      // Interaction Server has no default DN: it sends the interaction to the next URS up
      call.state = CallState.Routing;
      call.blame = -1;
      this.host.sendRouteRequest(call, 0);
      return;
    }
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    this.host.leave(call);
    this.observer.defaultRouted(call);
  }
}
