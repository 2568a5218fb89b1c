// The plain records of what callers did in one replication (retrials, callbacks, transfers) and of what its day cost:
// numbers only, in a file of their own so that results.ts stays a page; results.ts re-exports them.

/** One replication's callers (observe/callers.ts says how each is counted); each part present when some type has it. */
export interface CallersRecord {
  readonly retrials?: RetrialRecord;
  readonly callbacks?: CallbackRecord;
  readonly transfers?: TransferRecord;
}

/** Callbacks offered to counted calls (by their arrival, like offered), and what became of them. */
export interface CallbackRecord {
  /** offers made, and those the caller accepted (hanging up: these calls end there, like abandoned ones) */
  readonly offered: number;
  readonly accepted: number;
  readonly acceptRate: number;
  /** accepted callbacks an agent took and dialled, and those the customer answered */
  readonly dialled: number;
  readonly reached: number;
  /** means over dialled callbacks: from the acceptance to the agent's taking it, and the agent's time from taking it
   *  to letting go (the dial, and the talk when answered; wrap-up apart) */
  readonly callbackWait: number;
  readonly callbackHandleTime: number;
}

/** Calls transferred at the end of talk, counted by their own arrival, like offered. */
export interface TransferRecord {
  /** transfers made (consults: those with a consultation), and the transferred calls the next agent answered and
   *  released (completed) */
  readonly transfers: number;
  readonly consults: number;
  readonly transfersCompleted: number;
  /** mean over completed transferred calls: agent time (every agent's talk, the consultation counted for both),
   *  and the wait from the transfer to the next agent's answer */
  readonly transferredHandleTime: number;
  readonly transferWait: number;
}

/** Attempts (counted by their own arrival, like offered) and unique callers (by their first call's). */
export interface RetrialRecord {
  readonly uniqueCallers: number;
  /** first attempts and retrials; retrialAttempts are those after the first */
  readonly attempts: number;
  readonly retrialAttempts: number;
  /** times a counted caller gave up and was to call again */
  readonly retrialsPlanned: number;
  readonly attemptsPerCaller: number;
  /** answered within the threshold, per attempt and per unique caller; callers answered on any attempt */
  readonly attemptServiceLevel: number;
  readonly callersAnswered: number;
  readonly callerAnswerRate: number;
  readonly callerServiceLevel: number;
}

/** One replication's cost, by what it pays for (the total is the `cost` metric). */
export interface DayCostRecord {
  readonly agents: number;
  readonly nodes: number;
  readonly ursPairs: number;
  readonly abandoned: number;
  readonly waiting: number;
}
