// When an interval of the series closes. Its row holds the interactions that arrived in it (what became of each) and
// the agent time spent in it; that row can no longer change once simulated time has passed the interval's end, every
// interaction counted in it is Done (a call's last state, model/sip/call-states.ts: nothing is told of it after), and
// no agent has time before that end still to add (an agent's time in a state is added when the state ends, so an
// agent idle since before the end holds its interval open). Closing is tried when the first interaction of a new
// interval arrives, oldest interval first, and stops at the first that cannot close (a call waiting with no patience
// holds its interval, and the later ones, open until it is answered); what is open at the end of the run is read as
// it is. Whatever it decides, the numbers are the same: a closed interval keeps every counter (Slices.close), and
// anything still reaching it (a call admitted late, after a fail-over, with the arrival time it had) reopens it.

import type { Agent } from "../model/agents/agent.js";
import { CallState, type Call } from "../model/sip/call.js";
import type { AgentTime } from "./agent-time.js";
import type { Slices } from "./slices.js";

export class IntervalClosing {
  /** per interval not yet closed, the interactions counted in it (Done ones before `seen` in the oldest one's) */
  private readonly calls: (Call[] | undefined)[] = [];
  /** the oldest interval not closed, and how many of its interactions are known to be Done */
  private next = 0;
  private seen = 0;
  /** the interval of the latest arrival */
  private latest = 0;

  constructor(
    private readonly slices: Slices,
    private readonly agentTime: AgentTime,
    private readonly agents: readonly Agent[],
    private readonly interval: number,
  ) {}

  /** An interaction arrives (counted or not) at `now`. */
  arrival(call: Call, now: number): void {
    if (call.counted) {
      const k = Math.floor(call.arrival / this.interval);
      // one of an interval already closed reopens it, for good
      if (k >= this.next) (this.calls[k] ??= []).push(call);
    }
    const k = Math.floor(now / this.interval);
    if (k > this.latest) {
      this.latest = k;
      this.closeBefore(k);
    }
  }

  /** Closes the intervals before k that nothing can change any more, oldest first. */
  private closeBefore(k: number): void {
    if (this.next >= k) return;
    const pending = this.agentTime.pendingFrom(this.agents);
    while (this.next < k && (this.next + 1) * this.interval <= pending && this.allDone(this.calls[this.next])) {
      this.slices.close(this.next);
      this.calls[this.next] = undefined;
      this.next++;
      this.seen = 0;
    }
  }

  private allDone(calls: Call[] | undefined): boolean {
    if (calls === undefined) return true;
    while (this.seen < calls.length && calls[this.seen]!.state === CallState.Done) this.seen++;
    return this.seen === calls.length;
  }
}
