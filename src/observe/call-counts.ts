// What each observation of a call adds to the tallies: to every slice the call reports to (Slices.of), and to its
// URS's and its agent group's. A call outside the measured window (not counted) adds nothing here. A transferred call
// ended, for its slices, when it was first answered, and a call whose caller accepted a callback when it did: what
// becomes of it after is its next agent group's (answered, with the wait since the transfer or the acceptance) and
// otherwise only the routing's, so that every counted call still ends once (offered = answered + abandoned + ...);
// one a fault ends after was cut off, not dropped.

import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import type { Urs } from "../model/routing/urs.js";
import type { DefaultDnKind, Scenario } from "../scenario/types.js";
import type { MediaBreakdown } from "./media-breakdown.js";
import type { Slices } from "./slices.js";

/** the call ended for its slices' counts already: answered, then transferred; or its caller accepted a callback */
function endedBefore(call: Call): boolean {
  return call.transfers > 0 || call.callbackAt >= 0;
}

export class CallCounts {
  /** the service level threshold of each traffic type */
  private readonly thresholds: Float64Array;

  constructor(
    private readonly slices: Slices,
    scenario: Scenario,
    /** null when every traffic type is voice */
    private readonly media: MediaBreakdown | null,
  ) {
    this.thresholds = Float64Array.from(scenario.traffic, (t) => t.serviceLevel ?? scenario.serviceLevel);
  }

  arrival(call: Call): void {
    const s = this.slices.of(call);
    if (s) for (const t of s) t.offered++;
  }

  routeRequest(call: Call, urs: Urs): void {
    const s = this.slices.of(call);
    if (!s) return;
    for (const t of s) t.routeRequests++;
    this.slices.urs[urs.index]!.routeRequests++;
  }

  firstAttempt(call: Call, found: boolean): void {
    if (found) return;
    const s = this.slices.of(call);
    if (s) for (const t of s) t.waitedAtFirstAttempt++;
  }

  reservationRequest(call: Call, urs: Urs): void {
    const s = this.slices.of(call);
    if (!s) return;
    for (const t of s) t.reservationRequests++;
    this.slices.urs[urs.index]!.reservationRequests++;
  }

  reservationGrant(call: Call, urs: Urs): void {
    const s = this.slices.of(call);
    if (!s) return;
    for (const t of s) t.reservationGrants++;
    this.slices.urs[urs.index]!.reservationGrants++;
  }

  reservationConflict(call: Call, urs: Urs): void {
    const s = this.slices.of(call);
    if (!s) return;
    for (const t of s) t.reservationConflicts++;
    this.slices.urs[urs.index]!.reservationConflicts++;
  }

  routeCall(call: Call, urs: Urs): void {
    const s = this.slices.of(call);
    if (!s) return;
    const first = !call.routed;
    for (const t of s) {
      t.routingAttempts++;
      if (first) t.routed++;
    }
    const u = this.slices.urs[urs.index]!;
    u.routingAttempts++;
    if (first) u.routed++;
  }

  /** `fault` >= 0: the failure is blamed on a fault (the DN out of service or unreachable) */
  routeFailure(call: Call, fault: number): void {
    const s = this.slices.of(call);
    if (!s) return;
    const oos = fault >= 0 ? 1 : 0;
    for (const t of s) {
      t.routingFailures++;
      t.oosFailures += oos;
    }
    this.slices.urs[call.urs!.index]!.routingFailures++;
  }

  noAnswer(call: Call, agent: Agent): void {
    this.slices.groups[agent.group.index]!.noAnswers++;
    const s = this.slices.of(call);
    if (s) for (const t of s) t.noAnswers++;
  }

  answered(call: Call, agent: Agent, now: number): void {
    const s = this.slices.of(call);
    if (!s) return;
    if (call.transfers > 0) return this.answeredAgain(call, agent, now - call.transferredAt);
    if (call.callbackAt >= 0) return this.answeredAgain(call, agent, now - call.callbackAt);
    const wait = now - call.arrival;
    const within = wait <= this.thresholds[call.type.index]! ? 1 : 0;
    const viaDefault = call.defaulted ? 1 : 0;
    for (const t of s) {
      t.answered++;
      t.defaultAnswered += viaDefault;
      t.waitAnswered += wait;
      t.waitAll += wait;
      t.withinServiceLevel += within;
    }
    const g = this.slices.groups[agent.group.index]!;
    g.answered++;
    g.defaultAnswered += viaDefault;
    g.waitAnswered += wait;
    if (this.media !== null) {
      const gm = this.media.groupTally(agent, call.type.media);
      gm.answered++;
      gm.waitAnswered += wait;
    }
  }

  /** the next agent answers a transferred call, or an agent takes a callback: its group's answer, not another of the
   *  call's slices' */
  private answeredAgain(call: Call, agent: Agent, wait: number): void {
    const g = this.slices.groups[agent.group.index]!;
    g.answered++;
    g.waitAnswered += wait;
    if (this.media === null) return;
    const gm = this.media.groupTally(agent, call.type.media);
    gm.answered++;
    gm.waitAnswered += wait;
  }

  imMessage(call: Call): void {
    const s = this.slices.of(call);
    if (s) for (const t of s) t.imMessages++;
  }

  abandoned(call: Call, now: number): void {
    const s = this.slices.of(call);
    if (!s) return;
    const wait = now - call.arrival;
    const viaDefault = call.defaulted ? 1 : 0;
    for (const t of s) {
      t.abandoned++;
      t.defaultAbandoned += viaDefault;
      t.waitAll += wait;
    }
  }

  /** sent to the default DN; it ends there at reject and external (its wait then ends too) */
  defaultRouted(call: Call, dn: DefaultDnKind, now: number): void {
    const s = this.slices.of(call);
    if (!s) return;
    const ends = (dn === "reject" || dn === "external") && !endedBefore(call);
    const wait = now - call.arrival;
    for (const t of s) {
      t.defaultRouted++;
      if (!ends) continue;
      t.defaultEnded++;
      if (dn === "external") t.defaultExternal++;
      t.waitAll += wait;
    }
  }

  /** the Trunk Group's treatment played to its end: the call ends at the default DN */
  treated(call: Call, now: number): void {
    const s = this.slices.of(call);
    if (!s || endedBefore(call)) return;
    const wait = now - call.arrival;
    for (const t of s) {
      t.defaultEnded++;
      t.defaultTreated++;
      t.waitAll += wait;
    }
  }

  /** sent to a voicemail box: the call ends there */
  voicemail(call: Call): void {
    const s = this.slices.of(call);
    if (s && !endedBefore(call)) for (const t of s) t.voicemailEnded++;
  }

  /** the caller accepted a callback and hung up: the call ends here for its slices */
  callbackAccepted(call: Call): void {
    const s = this.slices.of(call);
    if (s) for (const t of s) t.callbackEnded++;
  }

  /** `served`: answered already (established, or transferred on), so cut off rather than dropped */
  dropped(call: Call, served: boolean): void {
    // an accepted callback ended for its slices when its caller accepted it (callbackEnded), dialled or not
    const s = this.slices.of(call);
    if (!s || call.callbackAt >= 0) return;
    if (served) for (const t of s) t.cutOff++;
    else for (const t of s) t.dropped++;
  }

  lostRequest(call: Call): void {
    const s = this.slices.of(call);
    if (s) for (const t of s) t.lostRequests++;
  }
}
