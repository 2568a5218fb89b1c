// Asterisk voicemail and MWI across replications: each count and delay of the replications' VoicemailRecord with its
// mean, sd and 95% confidence interval, and the per-interval MWI counts as means (the interval rows' order).

import type { MetricSummary, ReplicationResult, VoicemailRecord, VoicemailSummary } from "../observe/results.js";

const NAMES = [
  "calls", "voicemailHangups", "messagesLeft", "messagesHandled", "messageDelay", "messageDelayP50", "messageDelayP90",
  "messageBacklog", "mwiSubscriptions", "mwiRefreshes", "mwiEnds", "mwiNotifies", "mwiPeakSubscriptions",
] as const satisfies readonly Exclude<keyof VoicemailRecord, "intervals">[];

export function voicemailSummary(results: readonly ReplicationResult[], summaryOf: (xs: number[]) => MetricSummary): VoicemailSummary {
  const records = results.map((r) => r.voicemail!);
  const metrics = Object.fromEntries(NAMES.map((n) => [n, summaryOf(records.map((v) => v[n]))])) as VoicemailSummary["metrics"];
  const mean = (pick: (v: VoicemailRecord) => readonly number[]) =>
    pick(records[0]!).map((_, k) => records.reduce((s, v) => s + pick(v)[k]!, 0) / records.length);
  return {
    metrics,
    intervals: { mwiSubscriptions: mean((v) => v.intervals.mwiSubscriptions), mwiMessages: mean((v) => v.intervals.mwiMessages) },
  };
}
