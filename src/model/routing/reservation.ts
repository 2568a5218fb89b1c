// Agent reservation: the VQ SIP Servers' arbitration (explicit), and the two ways of routing without it (implicit, none).

import { FifoTimers } from "../../kernel/fifo-timers.js";
import type { Rng } from "../../kernel/random-stream.js";
import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import type { Connectivity } from "../sip/connectivity.js";
import type { Step } from "../cpu/component-load.js";
import type { Call } from "../sip/call.js";
import type { Observer } from "../observer.js";
import type { Site, Topology } from "../sip/topology.js";
import type { Urs } from "./urs.js";

/** A TReserveAgent in flight, and later the reservation it became. */
export class ReservationRequest {
  constructor(
    readonly urs: Urs,
    readonly call: Call,
    readonly agent: Agent,
    readonly priority: number,
    readonly sentAt: number,
  ) {}
}

/**
 * How a URS gets from "this is my candidate" to "send TRouteCall". The URS calls request(); the protocol answers with
 * urs.granted() or urs.rejected(), now or later.
 */
export interface ReservationProtocol {
  request(urs: Urs, call: Call, agent: Agent): void;
  /** the call reached the agent: the reservation is used up */
  delivered(agent: Agent): void;
  /** when TRouteCall finds the agent unable to take the call: implicit reservation fails back to the URS, which tries
   *  its next candidate; otherwise the call goes back to its Routing Point and is routed anew */
  readonly onDeliveryFailure: "next-candidate" | "reroute";
  /** the VQ SIP Servers that arbitrate, one a site (explicit reservation); empty for the other protocols */
  readonly vqServers: readonly VqServer[];
}

/** No reservation: the URS routes straight away; two calls can reach one agent and the later one bounces. */
export class NoReservation implements ReservationProtocol {
  readonly onDeliveryFailure = "reroute" as const;
  readonly vqServers: readonly VqServer[] = [];
  request(urs: Urs, call: Call, agent: Agent): void {
    urs.granted(call, agent);
  }
  delivered(): void {}
}

/** Implicit reservation: no arbitration; the owner SIP Server takes the first TRouteCall to reach the DN and answers
 *  later ones with EventError. */
export class ImplicitReservation implements ReservationProtocol {
  readonly onDeliveryFailure = "next-candidate" as const;
  readonly vqServers: readonly VqServer[] = [];
  request(urs: Urs, call: Call, agent: Agent): void {
    urs.granted(call, agent);
  }
  delivered(): void {}
}

const VQ_RECEIVE = 0;
const VQ_CLOSE = 1;
/** a TReserveAgent the VQ SIP Server has finished processing (component load model only) */
const VQ_PROCESSED = 2;
const URS_REPLY_GRANT = 0;
const URS_REPLY_REJECT = 1;
const URS_REQUEST_TIMEOUT = 2;

/** A VQ SIP Server (one HA pair a site, non-cluster mode) arbitrating TReserveAgent requests. */
export class VqServer implements EventTarget {
  up = true;
  /** the fault that took it down, -1 when up */
  downBy = -1;
  /** requests collected per agent during the open collection window, null when no window is open */
  private readonly windows: (ReservationRequest[] | null)[];
  /** with the component load model: the server as a FIFO, and what a TReserveAgent costs it (wired by the builder) */
  load: Step | null = null;
  /** the granted, not yet used or expired reservation per agent */
  private readonly reserved: (ReservationRequest | null)[];
  /** each grant's expiry: a reservation released or replaced before its time is dead and fires nothing */
  private readonly expiries: FifoTimers<ReservationRequest>;

  constructor(
    readonly site: Site,
    agentCount: number,
    private readonly protocol: ExplicitReservation,
    /** the `vq:<site>` stream that picks among equal-priority requests */
    private readonly rng: Rng,
  ) {
    this.windows = new Array<ReservationRequest[] | null>(agentCount).fill(null);
    this.reserved = new Array<ReservationRequest | null>(agentCount).fill(null);
    this.expiries = new FifoTimers<ReservationRequest>(
      protocol.sim,
      protocol.reservationTime,
      Priority.TIMER,
      (req) => this.reserved[req.agent.index] === req,
      (req) => {
        this.reserved[req.agent.index] = null;
      },
    );
  }

  get priority(): number {
    return this.site.vqPriority;
  }

  fire(ev: SimEvent): void {
    switch (ev.code) {
      case VQ_RECEIVE:
        if (this.load !== null) {
          this.protocol.sim.postAfter(this.load.delay(this.protocol.sim.now), Priority.MESSAGE, this, VQ_PROCESSED, ev.subject);
          return;
        }
        return this.receive(ev.subject as ReservationRequest);
      case VQ_PROCESSED:
        return this.receive(ev.subject as ReservationRequest);
      case VQ_CLOSE:
        return this.close(ev.subject as Agent);
    }
  }

  /** A TReserveAgent arrives. */
  receive(req: ReservationRequest): void {
    if (!this.up || !this.protocol.reaches(req.urs, this)) {
      this.protocol.lose(req, this.up ? this.protocol.cutBlame(req.urs, this) : this.downBy);
      return;
    }
    const a = req.agent.index;
    if (this.reserved[a] !== null) {
      this.protocol.reply(this, req, false, "already-reserved");
      return;
    }
    const window = this.windows[a];
    if (window) {
      window.push(req);
      return;
    }
    this.windows[a] = [req];
    this.protocol.sim.postAfter(this.protocol.collectionTime, Priority.MESSAGE, this, VQ_CLOSE, req.agent);
  }

  /** The collection window closes: one of the highest-priority requests wins, at random; the rest are conflicts. */
  private close(agent: Agent): void {
    const reqs = this.windows[agent.index];
    if (!reqs) return; // the server failed with this window open

    this.windows[agent.index] = null;
    let top = -Infinity;
    let ties = 0;
    for (const r of reqs) {
      if (r.priority > top) {
        top = r.priority;
        ties = 1;
      } else if (r.priority === top) ties++;
    }
    // draw only when there is a choice, so that uncontested grants use no random numbers
    let pick = ties > 1 ? Math.floor(this.rng() * ties) : 0;
    let winner: ReservationRequest | null = null;
    for (const r of reqs) {
      if (r.priority === top && winner === null && pick-- === 0) winner = r;
    }
    this.reserved[agent.index] = winner;
    this.expiries.set(winner!, 0);
    for (const r of reqs) this.protocol.reply(this, r, r === winner, "collision");
  }

  /** The pair fails: requests it was collecting are lost, and so are the reservations it held. */
  fail(fault: number): void {
    this.up = false;
    this.downBy = fault;
    for (let a = 0; a < this.windows.length; a++) {
      const reqs = this.windows[a];
      if (reqs) for (const r of reqs) this.protocol.lose(r, fault);
      this.windows[a] = null;
      this.reserved[a] = null;
    }
  }

  recover(): void {
    this.up = true;
    this.downBy = -1;
  }

  /** The reservation is used up (its expiry, now dead, fires nothing). */
  release(agent: Agent): void {
    this.reserved[agent.index] = null;
  }
}

/** What an explicit reservation is built from. */
export interface ExplicitReservationOptions {
  readonly sim: Simulation;
  readonly topology: Topology;
  readonly observer: Observer;
  /** how long a VQ SIP Server collects requests for one agent before it arbitrates */
  readonly collectionTime: number;
  /** how long a granted reservation stands unused */
  readonly reservationTime: number;
  /** environment=sitex: reserve on the VQ SIP Server of the agent's site */
  readonly sitex: boolean;
  readonly agentCount: number;
  /** each site's `vq:<site>` stream, asked for in site order */
  readonly rngFor: (site: Site) => Rng;
  readonly connectivity: Connectivity;
  /** how long a URS waits for the reply to a lost TReserveAgent */
  readonly requestTimeout: number;
}

/** Explicit reservation: TReserveAgent to a VQ SIP Server, which collects, arbitrates and replies. */
export class ExplicitReservation implements ReservationProtocol, EventTarget {
  readonly onDeliveryFailure = "reroute" as const;
  readonly vqServers: VqServer[];
  readonly sim: Simulation;
  readonly collectionTime: number;
  readonly reservationTime: number;
  private readonly topology: Topology;
  private readonly observer: Observer;
  private readonly sitex: boolean;
  private readonly connectivity: Connectivity;
  private readonly requestTimeout: number;

  constructor(o: ExplicitReservationOptions) {
    this.sim = o.sim;
    this.topology = o.topology;
    this.observer = o.observer;
    this.collectionTime = o.collectionTime;
    this.reservationTime = o.reservationTime;
    this.sitex = o.sitex;
    this.connectivity = o.connectivity;
    this.requestTimeout = o.requestTimeout;
    this.vqServers = o.topology.sites.map((s) => new VqServer(s, o.agentCount, this, o.rngFor(s)));
  }

  /** the URS's connection to this VQ SIP Server is up (no site-level cut between them) */
  reaches(urs: Urs, vq: VqServer): boolean {
    return this.connectivity.sitesLinked(urs.node.site.index, vq.site.index);
  }

  cutBlame(urs: Urs, vq: VqServer): number {
    return this.connectivity.siteBlameFor(urs.node.site.index, vq.site.index);
  }

  /** With sitex, the server of the site whose node owns the agent's DN; otherwise (or when that one is down or cut
   *  off) the highest agent_reservation priority that is up and reachable (the first listed among equals).
   *  Interactions through Interaction Server (chat, email) always take the highest priority: "agents handling
   *  multimedia interactions don't have DN ownership assigned. Interaction Server doesn't report the agent location"
   *  (SIP Cluster Solution Guide, Agent Reservation in SIP Cluster). */
  serverFor(agent: Agent, urs: Urs, multimedia = false): VqServer | null {
    if (this.sitex && !multimedia) {
      const own = this.vqServers[agent.owner!.site.index]!;
      if (own.up && this.reaches(urs, own)) return own;
    }
    let best: VqServer | null = null;
    for (const s of this.vqServers) {
      if (s.up && (best === null || s.priority > best.priority) && this.reaches(urs, s)) best = s;
    }
    return best;
  }

  /** A request got lost with its VQ SIP Server: the URS hears nothing and tries again after its timeout. */
  lose(req: ReservationRequest, fault: number): void {
    this.observer.lostRequest(req.call, fault);
    const at = Math.max(this.sim.now, req.sentAt + this.requestTimeout);
    this.sim.post(at, Priority.TIMER, this, URS_REQUEST_TIMEOUT, req);
  }

  request(urs: Urs, call: Call, agent: Agent): void {
    const req = new ReservationRequest(urs, call, agent, call.priority, this.sim.now);
    this.observer.reservationRequest(call, urs, agent);
    const vq = this.serverFor(agent, urs, call.type.viaInteractionServer);
    if (vq === null) {
      // no VQ SIP Server is up: nothing can be reserved (the URS leaves the agent alone until its state changes)
      this.sim.postAfter(0, Priority.MESSAGE, this, URS_REPLY_REJECT, req);
      return;
    }
    this.sim.postAfter(this.topology.siteDelay(urs.node, vq.site), Priority.MESSAGE, vq, VQ_RECEIVE, req);
  }

  reply(vq: VqServer, req: ReservationRequest, granted: boolean, reason: "collision" | "already-reserved"): void {
    if (granted) this.observer.reservationGrant(req.call, req.urs, req.agent);
    else this.observer.reservationConflict(req.call, req.urs, req.agent, reason);
    const delay = this.topology.siteDelay(req.urs.node, vq.site);
    this.sim.postAfter(delay, Priority.MESSAGE, this, granted ? URS_REPLY_GRANT : URS_REPLY_REJECT, req);
  }

  /** a reply reaches the URS */
  fire(ev: SimEvent): void {
    const req = ev.subject as ReservationRequest;
    if (ev.code === URS_REPLY_GRANT) req.urs.granted(req.call, req.agent);
    else if (ev.code === URS_REPLY_REJECT) req.urs.rejected(req.call, req.agent);
    else req.urs.requestLost(req.call, req.agent);
  }

  delivered(agent: Agent): void {
    for (const s of this.vqServers) s.release(agent);
  }
}
