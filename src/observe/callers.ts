// What callers and agents did around calls in one replication (scenarios with traffic[].retrial, transfer or callback only).
// Retrials: attempts apart from unique callers. An attempt is counted like offered (its own arrival in [warmup, horizon)); a caller is counted by
// its first call's arrival, and followed through every attempt it makes, inside the window or after it (the run
// drains). A caller is answered on the attempt an agent answers, and within the service level when that attempt's own
// wait is within its type's threshold (the wait the caller hears on the call that got through). Transfers: counted
// by the call's arrival, like offered; a transferred call's agent time is every agent's talk, the consultation counted
// for both agents it holds. Callbacks: counted by the call's arrival; a callback's wait runs from its acceptance to
// the agent's taking it, its agent time from there to the agent's letting go.

import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import type { Scenario } from "../scenario/types.js";
import type { CallersRecord } from "./results.js";

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

export class CallerMeter {
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly thresholds: Float64Array;
  private firstAttempts = 0;
  private retrialAttempts = 0;
  private attemptsWithin = 0;
  private callersAnswered = 0;
  private callersWithin = 0;
  private retrialsPlanned = 0;
  private readonly withRetrials: boolean;
  private readonly withTransfers: boolean;
  private transfers = 0;
  private consults = 0;
  private completed = 0;
  /** agent-seconds of the counted transferred calls, and of those completed; waits from transfer to answer */
  private readonly agentTime = new Map<Call, number>();
  private completedTime = 0;
  private waitSum = 0;
  private answeredAfter = 0;
  private readonly withCallbacks: boolean;
  private readonly cb = { offered: 0, accepted: 0, dialled: 0, reached: 0, wait: 0, handled: 0, handleTime: 0 };

  constructor(scenario: Scenario) {
    this.withRetrials = scenario.traffic.some((t) => t.retrial !== undefined);
    this.withTransfers = scenario.traffic.some((t) => t.transfer !== undefined);
    this.withCallbacks = scenario.traffic.some((t) => t.callback !== undefined);
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.thresholds = Float64Array.from(scenario.traffic, (t) => t.serviceLevel ?? scenario.serviceLevel);
  }

  private callerCounted(call: Call): boolean {
    return call.firstArrival >= this.warmup && call.firstArrival < this.horizon;
  }

  arrival(call: Call): void {
    if (!call.counted) return;
    if (call.attempt === 1) this.firstAttempts++;
    else this.retrialAttempts++;
  }

  answered(call: Call, now: number): void {
    if (call.callbackAt >= 0) return;
    if (call.transfers > 0) {
      if (!call.counted) return;
      this.answeredAfter++;
      this.waitSum += now - call.transferredAt;
      return;
    }
    const within = now - call.arrival <= this.thresholds[call.type.index]!;
    if (call.counted && within) this.attemptsWithin++;
    if (!this.callerCounted(call)) return;
    this.callersAnswered++;
    if (within) this.callersWithin++;
  }

  /** a counted caller gave up on an attempt and will call again */
  retrial(call: Call): void {
    if (this.callerCounted(call)) this.retrialsPlanned++;
  }

  /** the call's talk with `agent` ended in a transfer (the agent stays for a consultation when `consult`) */
  transferred(call: Call, consult: boolean, now: number): void {
    if (!call.counted) return;
    this.transfers++;
    if (consult) this.consults++;
    this.agentTime.set(call, now - call.answeredAt);
  }

  /** the first agent let go after the consultation (or when the call ended before it) */
  consultEnded(call: Call, now: number): void {
    // held from the transfer on: while the call was routed, then the consultation
    const t = this.agentTime.get(call);
    if (t !== undefined) this.agentTime.set(call, t + now - call.transferredAt);
  }

  callbackOffered(call: Call, accepted: boolean): void {
    if (!call.counted) return;
    this.cb.offered++;
    if (accepted) this.cb.accepted++;
  }

  /** the agent took the callback (its wait ends) and dialled */
  callbackDialled(call: Call, reached: boolean, now: number): void {
    // a caller reached by its callback is served (outside any service level: it hung up to be called back)
    if (reached && this.callerCounted(call)) this.callersAnswered++;
    if (!call.counted) return;
    this.cb.dialled++;
    if (reached) this.cb.reached++;
    this.cb.wait += now - call.callbackAt;
  }

  /** an agent released the call: a callback it dialled, or a transferred call the next agent completed */
  released(call: Call, _agent: Agent, now: number): void {
    if (call.callbackAt >= 0) {
      if (!call.counted) return;
      this.cb.handled++;
      this.cb.handleTime += now - call.answeredAt;
      return;
    }
    if (call.transfers === 0) return;
    const t = this.agentTime.get(call);
    if (t === undefined) return;
    this.agentTime.delete(call);
    this.completed++;
    this.completedTime += t + now - call.answeredAt;
  }

  result(): CallersRecord {
    return {
      ...(this.withRetrials ? { retrials: this.retrialRecord() } : {}),
      ...(this.withCallbacks ? { callbacks: this.callbackRecord() } : {}),
      ...(this.withTransfers
        ? {
            transfers: {
              transfers: this.transfers,
              consults: this.consults,
              transfersCompleted: this.completed,
              transferredHandleTime: ratio(this.completedTime, this.completed),
              transferWait: ratio(this.waitSum, this.answeredAfter),
            },
          }
        : {}),
    };
  }

  private callbackRecord(): NonNullable<CallersRecord["callbacks"]> {
    const c = this.cb;
    return {
      offered: c.offered,
      accepted: c.accepted,
      acceptRate: ratio(c.accepted, c.offered),
      dialled: c.dialled,
      reached: c.reached,
      callbackWait: ratio(c.wait, c.dialled),
      callbackHandleTime: ratio(c.handleTime, c.handled),
    };
  }

  private retrialRecord(): NonNullable<CallersRecord["retrials"]> {
    const attempts = this.firstAttempts + this.retrialAttempts;
    return {
      uniqueCallers: this.firstAttempts,
      attempts,
      retrialAttempts: this.retrialAttempts,
      retrialsPlanned: this.retrialsPlanned,
      attemptsPerCaller: ratio(attempts, this.firstAttempts),
      attemptServiceLevel: ratio(this.attemptsWithin, attempts),
      callersAnswered: this.callersAnswered,
      callerAnswerRate: ratio(this.callersAnswered, this.firstAttempts),
      callerServiceLevel: ratio(this.callersWithin, this.firstAttempts),
    };
  }
}
