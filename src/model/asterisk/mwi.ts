// SIP Server's MWI subscriptions to Asterisk's voicemail boxes (SIP Server and Asterisk Integration Reference, MWI
// Subscription Scope): a message-summary SUBSCRIBE per box it monitors, answered by a NOTIFY, refreshed before its
// Expires, and a NOTIFY to every subscription of a box each time its messages change. "Individual voicemail boxes
// created for Extensions or Agent Logins are monitored by a single MWI subscription per box. The number of MWI
// subscriptions activated per Agent Group voicemail box is equal to the number of agents currently logged in to this
// Agent Group." With mwi-extension-enable SIP Server subscribes to every extension at start-up; a login's box is
// subscribed while its agent is logged in, a group's once per logged-in member. Every SUBSCRIBE SIP Server sends
// (activation, refresh, the Expires: 0 that ends one) and every NOTIFY it takes costs its Session Controller (and
// the PBX) work in the component load model.
//
// Not modelled: "If, for some reason, a subscription request for any voicemail box type is rejected or times out, SIP
// Server attempts to activate this subscription again in one minute" -- nothing in the model rejects a SUBSCRIBE or
// loses one (no fault takes an Asterisk PBX down), so no retry ever happens.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { MwiSpec } from "../../scenario/types.js";
import type { Agent } from "../agents/agent.js";
import type { ComponentLoad } from "../cpu/component-load.js";
import type { Observer } from "../observer.js";
import type { ClusterNode, Site } from "../sip/topology.js";
import type { VoicemailBox } from "./voicemail-box.js";

const REFRESH = 0;

/** One message-summary subscription of SIP Server's to a box (null: an extension whose box nothing in the model
 *  sends calls to; it is subscribed all the same). */
export class Subscription {
  active = false;
  timer: SimEvent | null = null;

  constructor(
    readonly node: ClusterNode,
    readonly box: VoicemailBox | null,
  ) {}
}

export interface MwiOptions {
  readonly sim: Simulation;
  readonly observer: Observer;
  /** per site (index order): its MWI options */
  readonly specs: readonly MwiSpec[];
  /** null without the component load model */
  readonly load: ComponentLoad | null;
  /** refreshes stop at the horizon, like arrivals: nothing after it is measured, and the run can drain */
  readonly horizon: number;
  /** subscribed at start-up and kept all day: the extensions of sites with mwi-extension-enable */
  readonly extensions: readonly Subscription[];
  /** per agent: the subscription its login activates (a login box's, or one of its group's box; null: none) */
  readonly onLogin: readonly (Subscription | null)[];
}

export class Mwi implements EventTarget {
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly specs: readonly MwiSpec[];
  private readonly load: ComponentLoad | null;
  private readonly horizon: number;
  private readonly extensions: readonly Subscription[];
  private readonly onLogin: readonly (Subscription | null)[];
  /** per box index: its subscriptions */
  private readonly ofBox: Subscription[][] = [];

  constructor(o: MwiOptions) {
    this.sim = o.sim;
    this.observer = o.observer;
    this.specs = o.specs;
    this.load = o.load;
    this.horizon = o.horizon;
    this.extensions = o.extensions;
    this.onLogin = o.onLogin;
    for (const s of [...o.extensions, ...o.onLogin]) {
      if (s === null || s.box === null) continue;
      (this.ofBox[s.box.index] ??= []).push(s);
    }
  }

  /** SIP Server starts: with mwi-extension-enable, every extension's box is subscribed. */
  start(): void {
    for (const s of this.extensions) this.activate(s);
  }

  /** The agent logged in or out: its login's (or its group's) subscription starts or ends with it. */
  loggedIn(agent: Agent, inNow: boolean): void {
    const s = this.onLogin[agent.index];
    if (s === null || s === undefined || s.active === inNow) return;
    if (inNow) this.activate(s);
    else this.deactivate(s);
  }

  /** A message came into the box or was taken: Asterisk NOTIFYs each subscription of the box (new and old counts). */
  boxChanged(box: VoicemailBox): void {
    const subs = this.ofBox[box.index];
    if (subs === undefined) return;
    for (const s of subs) if (s.active) this.notify(s);
  }

  fire(ev: SimEvent): void {
    const s = ev.subject as Subscription;
    s.timer = null;
    if (!s.active) return;
    this.subscribe(s, "refresh");
    this.notify(s);
    this.schedule(s);
  }

  private activate(s: Subscription): void {
    s.active = true;
    this.subscribe(s, "start");
    // the notifier answers every accepted SUBSCRIBE with a NOTIFY of the box's state
    this.notify(s);
    this.schedule(s);
  }

  private deactivate(s: Subscription): void {
    s.active = false;
    this.sim.cancel(s.timer);
    s.timer = null;
    // SUBSCRIBE with Expires: 0, and the NOTIFY that ends the subscription
    this.subscribe(s, "end");
    this.notify(s);
  }

  private schedule(s: Subscription): void {
    const spec = this.specs[s.node.site.index]!;
    const at = this.sim.now + spec.expires - spec.refreshBefore;
    if (at < this.horizon) s.timer = this.sim.at(at, Priority.TIMER, this, REFRESH, s);
  }

  private subscribe(s: Subscription, kind: "start" | "refresh" | "end"): void {
    this.observer.mwiSubscribe(s.node.site, kind);
    this.load?.mwiMessage(s.node);
  }

  private notify(s: Subscription): void {
    this.observer.mwiNotify(s.node.site);
    this.load?.mwiMessage(s.node);
  }
}

/** the node whose SIP Server subscribes for a site: a standalone site is one SIP Server HA pair */
export function siteNode(site: Site): ClusterNode {
  return site.nodes[0]!;
}
