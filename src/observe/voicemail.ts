// What Asterisk voicemail and MWI did in one replication (only for scenarios with voicemail boxes or mwi): the counted
// calls sent to a box and those whose caller hung up there (like offered: arrived in [warmup, horizon)); the messages
// left, those agents took, how long a message waited for one (mean, p50, p90), and the backlog at the horizon, over
// the whole day [0, horizon), warmup included, so that the backlog is exactly the messages left minus those handled; and SIP Server's MWI messages in
// the measured window [warmup, horizon), with the new subscriptions and all MWI messages per interval, where a
// start-up's and a shift's login peak show.

import { Histogram } from "../metrics/histogram.js";
import type { Voicemail } from "../model/asterisk/voicemail.js";
import type { Scenario } from "../scenario/types.js";
import type { VoicemailRecord } from "./results.js";

export class VoicemailMeter {
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly interval: number;
  /** the first interval after warmup: the interval rows' first */
  private readonly firstInterval: number;
  private calls = 0;
  private left = 0;
  private hangups = 0;
  private handled = 0;
  /** messages left before the horizon that an agent took at or after it (still backlog at the horizon) */
  private takenLate = 0;
  private readonly delay = new Histogram();
  private subscriptions = 0;
  private refreshes = 0;
  private ends = 0;
  private notifies = 0;
  /** per interval row: new subscriptions, and every MWI message (SUBSCRIBE and NOTIFY) */
  private readonly started: number[];
  private readonly messages: number[];

  constructor(scenario: Scenario) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.interval = scenario.interval;
    this.firstInterval = Math.floor(scenario.warmup / scenario.interval);
    const rows = Math.ceil(scenario.horizon / scenario.interval) - this.firstInterval;
    this.started = new Array<number>(rows).fill(0);
    this.messages = new Array<number>(rows).fill(0);
  }

  /** a counted call (arrived in [warmup, horizon), like offered) reached a box */
  reached(counted: boolean, leaves: boolean): void {
    if (!counted) return;
    this.calls++;
    if (!leaves) this.hangups++;
  }

  messageLeft(now: number): void {
    if (now < this.horizon) this.left++;
  }

  messageTaken(leftAt: number, now: number): void {
    if (now >= this.horizon) {
      if (leftAt < this.horizon) this.takenLate++;
      return;
    }
    this.handled++;
    this.delay.add(now - leftAt);
  }

  mwiSubscribe(kind: "start" | "refresh" | "end", now: number): void {
    const k = this.row(now);
    if (k < 0) return;
    if (kind === "start") {
      this.subscriptions++;
      this.started[k]!++;
    } else if (kind === "refresh") this.refreshes++;
    else this.ends++;
    this.messages[k]!++;
  }

  mwiNotify(now: number): void {
    const k = this.row(now);
    if (k < 0) return;
    this.notifies++;
    this.messages[k]!++;
  }

  /** the interval row of `now`, -1 outside [warmup, horizon) */
  private row(now: number): number {
    if (now < this.warmup || now >= this.horizon) return -1;
    return Math.floor(now / this.interval) - this.firstInterval;
  }

  /** The replication's record; the backlog is read from the boxes themselves (null: no group has a box). */
  result(voicemail: Voicemail | null): VoicemailRecord {
    const d = this.delay;
    const q = (p: number) => (d.count > 0 ? d.quantile(p) : 0);
    return {
      calls: this.calls,
      messagesLeft: this.left,
      voicemailHangups: this.hangups,
      messagesHandled: this.handled,
      messageDelay: d.count > 0 ? d.mean : 0,
      messageDelayP50: q(0.5),
      messageDelayP90: q(0.9),
      messageBacklog: (voicemail?.waitingLeftBefore(this.horizon) ?? 0) + this.takenLate,
      mwiSubscriptions: this.subscriptions,
      mwiRefreshes: this.refreshes,
      mwiEnds: this.ends,
      mwiNotifies: this.notifies,
      mwiPeakSubscriptions: Math.max(0, ...this.started),
      intervals: { mwiSubscriptions: this.started.slice(), mwiMessages: this.messages.slice() },
    };
  }
}
