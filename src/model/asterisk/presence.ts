// Presence from Asterisk (SIP Server and Asterisk Integration Reference, Subscription and Private Calls): SIP Server
// subscribes to the status of each endpoint registered on Asterisk, and Asterisk sends a NOTIFY whenever one turns
// busy (it rings, a private call starts) or idle (it hangs up). SIP Server hears each network.presenceDelay later
// (plus the PBX's queue with the component load model) and only then sets the DN NotReady or Ready
// (TController.notified): "SIP Server uses this status change notification to set the endpoint DN to a busy state
// (EventAgentNotReady)". Until then the T-Controller, and so every Stat Server, shows what it heard last.
// The same subscription carries a Skype for Business site's pull presence mode (Multimedia Connector for Skype for
// Business Deployment Guide, Presence, Pull Presence Mode): a user in a call turns Busy and T-Server, hearing it
// sites[].skype.presence.delay later through its connector, maps it to DND (EventDNDOn) when Busy is outside
// presence-availability-range, and back (EventDNDOff) when the user is Online again: a DND DN is held NotReady as a
// busy Asterisk endpoint is.

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import { MEDIA_INDEX } from "../agents/capacity-rule.js";
import type { Component } from "../cpu/component-load.js";
import type { Observer } from "../observer.js";
import type { TController } from "../sip/t-controller.js";

const NOTIFY_IDLE = 0;
const NOTIFY_BUSY = 1;
const VOICE = MEDIA_INDEX.voice;

/** What Asterisk presence is built from. */
export interface PresenceOptions {
  readonly sim: Simulation;
  readonly observer: Observer;
  /** per site: network.presenceDelay at an Asterisk site, sites[].skype.presence.delay at a Skype one */
  readonly delays: readonly number[];
  /** per agent (index order): its endpoint's busy or idle reaches the T-Controller (an Asterisk phone, or a Skype user
   *  whose Busy maps to DND) */
  readonly onPbx: readonly boolean[];
  /** per site: its Asterisk PBX in the component load model (null: none there, or no load model) */
  readonly pbx: readonly (Component | null)[];
  /** the PBX's costs of an agent leg and of a NOTIFY (0 without the load model) */
  readonly legCost: number;
  readonly notifyCost: number;
}

export class Presence implements EventTarget {
  private readonly sim: Simulation;
  private readonly observer: Observer;
  private readonly delays: readonly number[];
  private readonly onPbx: Uint8Array;
  /** per agent: the endpoint status Asterisk last sent (1 busy) */
  private readonly sent: Uint8Array;
  /** per agent: the status SIP Server last heard (1 busy) */
  private readonly heard: Uint8Array;
  private readonly pbx: readonly (Component | null)[];
  private readonly legCost: number;
  private readonly notifyCost: number;
  /** the T-Controller the NOTIFYs reach (wired by the builder) */
  tc: TController | null = null;

  constructor(o: PresenceOptions) {
    this.sim = o.sim;
    this.observer = o.observer;
    this.delays = o.delays;
    this.onPbx = Uint8Array.from(o.onPbx, (x) => (x ? 1 : 0));
    this.sent = new Uint8Array(o.onPbx.length);
    this.heard = new Uint8Array(o.onPbx.length);
    this.pbx = o.pbx;
    this.legCost = o.legCost;
    this.notifyCost = o.notifyCost;
  }

  /** The agent's endpoint may have changed (the T-Controller announced the DN, or a private call began or ended):
   *  when it turned busy or idle, Asterisk sends the NOTIFY. */
  check(agent: Agent): void {
    const a = agent.index;
    if (this.onPbx[a] === 0) return;
    const busy = endpointBusy(agent) ? 1 : 0;
    if (busy === this.sent[a]) return;
    this.sent[a] = busy;
    const site = agent.site.index;
    let d = this.delays[site]!;
    const pbx = this.pbx[site] ?? null;
    if (pbx !== null) {
      const now = this.sim.now;
      // a contact-center call ringing the endpoint came on the agent leg SIP Server opened to Asterisk: the PBX set
      // it up before it sent the NOTIFY
      if (busy === 1 && !agent.privateCall) pbx.serve(now, this.legCost);
      d += pbx.serve(now, this.notifyCost);
    }
    this.observer.presenceNotify(agent, busy === 1);
    // (no delay: SIP Server hears it now, so that a DN is never NotReady for no time at all)
    if (d === 0) this.hear(agent, busy === 1);
    else this.sim.postAfter(d, Priority.MESSAGE, this, busy === 1 ? NOTIFY_BUSY : NOTIFY_IDLE, agent);
  }

  fire(ev: SimEvent): void {
    this.hear(ev.subject as Agent, ev.code === NOTIFY_BUSY);
  }

  private hear(agent: Agent, busy: boolean): void {
    this.heard[agent.index] = busy ? 1 : 0;
    this.tc!.notified(agent, busy);
  }

  /** SIP Server last heard that the agent's endpoint is busy. */
  busy(agent: Agent): boolean {
    return this.heard[agent.index] === 1;
  }
}

/** The phone is busy: a private call, or a voice call ringing or talking (wrap-up is the desktop's, not the phone's).
 *  (For an agent holding voice and other media at once, any interaction ringing or talking counts.) */
function endpointBusy(agent: Agent): boolean {
  const load = agent.load;
  return agent.privateCall || (load.count[VOICE]! > 0 && load.ringing + load.talking > 0);
}
