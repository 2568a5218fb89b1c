// What callers did around their calls in one replication (scenarios with traffic[].retrial only): attempts apart from
// unique callers. An attempt is counted like offered (its own arrival in [warmup, horizon)); a caller is counted by
// its first call's arrival, and followed through every attempt it makes, inside the window or after it (the run
// drains). A caller is answered on the attempt an agent answers, and within the service level when that attempt's own
// wait is within its type's threshold (the wait the caller hears on the call that got through).

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

  constructor(scenario: Scenario) {
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

  result(): CallersRecord {
    const attempts = this.firstAttempts + this.retrialAttempts;
    return {
      retrials: {
        uniqueCallers: this.firstAttempts,
        attempts,
        retrialAttempts: this.retrialAttempts,
        retrialsPlanned: this.retrialsPlanned,
        attemptsPerCaller: ratio(attempts, this.firstAttempts),
        attemptServiceLevel: ratio(this.attemptsWithin, attempts),
        callersAnswered: this.callersAnswered,
        callerAnswerRate: ratio(this.callersAnswered, this.firstAttempts),
        callerServiceLevel: ratio(this.callersWithin, this.firstAttempts),
      },
    };
  }
}
