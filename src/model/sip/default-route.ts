// SIP Server default routing (SIP Cluster Solution Guide, Default routing in SIP Cluster): a call whose routing
// dialogue is gone waits on its Routing Point until router-timeout, then SIP Server sends it to the default DN
// (default-dn): none (reject, the call is released), an external number (the call leaves the center), a Routing Point
// whose default strategy a URS runs on it, or a Trunk Group DN that plays it a treatment before the call ends. Chat
// and email have no default DN: Interaction Server offers them to the next URS up.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { DefaultRouteSpec, RoutingSpec } from "../../scenario/types.js";
import type { Observer } from "../observer.js";
import type { TargetClass } from "../routing/target-class.js";
import type { Retrials } from "../traffic/retrials.js";
import { CallState, type Call } from "./call.js";

const ROUTER_TIMEOUT = 0;
/** the Trunk Group's treatment has played to its end */
const TREATMENT_END = 1;

/** What default routing asks of the SIP Server side. */
export interface DefaultRouteHost {
  /** EventRouteRequest from the call's node (or Interaction Server) to the URS serving it */
  sendRouteRequest(call: Call, extra: number): void;
  /** the call leaves SIP Server: Done, off its node's count and the calls in progress */
  leave(call: Call): void;
  /** callers who call again when their call ended without an agent (released at reject); null: none do */
  readonly retrials: Retrials | null;
}

/** What the default DN is built from, besides the scenario's choice. */
export interface DefaultDnParts {
  /** per traffic type, the target class of the default Routing Point's strategy (null for chat and email, and for
   *  every type unless the default DN is a Routing Point) */
  readonly classOf: readonly (TargetClass | null)[];
  /** draws how long the Trunk Group's treatment plays (null unless the default DN is a Trunk Group) */
  readonly treatment: (() => number) | null;
}

export class DefaultRouting implements EventTarget {
  private readonly routerTimeout: number;
  private readonly dn: DefaultRouteSpec;

  constructor(
    private readonly sim: Simulation,
    private readonly observer: Observer,
    routing: RoutingSpec,
    private readonly parts: DefaultDnParts,
    private readonly host: DefaultRouteHost,
  ) {
    this.routerTimeout = routing.routerTimeout;
    this.dn = routing.defaultRoute;
  }

  fire(ev: SimEvent): void {
    const call = ev.subject as Call;
    if (ev.code === ROUTER_TIMEOUT) this.timeout(call);
    else this.treatmentEnds(call);
  }

  /** The call's routing dialogue is gone (`lost`: it was in progress when a component failed): it waits on its
   *  Routing Point until router-timeout, counted from now but not before `notBefore`, then is default-routed. */
  strand(call: Call, lost: boolean, fault: number, notBefore = this.sim.now): void {
    if (call.state === CallState.Done || call.state === CallState.Stranded) return;
    if (call.state === CallState.Waiting) call.urs!.removeWaiting(call);
    if (lost) this.observer.lostRequest(call, fault);
    // a TRouteCall on its way is lost with the dialogue: its URS lets the agent go as it does when a caller hangs up
    // on the way (SipServer.deliver), and the TRouteCall, when it arrives, finds no agent to deliver to
    if (call.state === CallState.Delivering) call.urs!.view.releaseWhenChanged(call.agent!);
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
    if (call.node === null || call.defaulted) {
      // Interaction Server has no default DN: it sends the interaction to the next URS up. A call already on the
      // default Routing Point found no URS up to run its strategy: router-timeout offers it again, and so on until a
      // URS serving its node is up or the caller gives up
      this.offer(call);
      return;
    }
    const kind = this.dn.kind;
    if (kind === "reject" || kind === "external") {
      this.sim.cancel(call.patienceTimer);
      call.patienceTimer = null;
      this.host.leave(call);
      this.observer.defaultRouted(call, kind);
      if (kind === "reject") this.host.retrials?.gaveUp(call);
      return;
    }
    call.defaulted = true;
    this.observer.defaultRouted(call, kind);
    if (kind === "routingPoint") {
      // the default strategy: its own target, routed like any call by the URS serving the node, while the caller
      // waits on the Routing Point, patience running
      call.cls = this.parts.classOf[call.type.index]!;
      this.offer(call);
      return;
    }
    // the Trunk Group's treatment; the caller may still hang up during it (patience runs on). Its timer is the
    // call's ringTimer, which an abandonment or a lost node cancels (SipServer.detach)
    call.state = CallState.Treatment;
    call.agent = null;
    call.ringTimer = this.sim.after(this.parts.treatment!(), Priority.TIMER, this, TREATMENT_END, call);
  }

  /** The call is offered again on its Routing Point: EventRouteRequest to the URS serving its node. */
  private offer(call: Call): void {
    call.state = CallState.Routing;
    call.blame = -1;
    this.host.sendRouteRequest(call, 0);
  }

  /** The treatment has played: the call is released. */
  private treatmentEnds(call: Call): void {
    call.ringTimer = null;
    if (call.state !== CallState.Treatment) return;
    this.sim.cancel(call.patienceTimer);
    call.patienceTimer = null;
    this.host.leave(call);
    this.observer.treated(call);
  }
}
