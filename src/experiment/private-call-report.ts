// Asterisk private calls across replications: each count and share of the replications' PrivateCallRecord, with its
// mean, sd and 95% confidence interval, for the whole center and each agent group with private calls.

import type { MetricSummary, PrivateCallRecord, PrivateCallSummary, ReplicationResult } from "../observe/results.js";

export function privateCallSummary(results: readonly ReplicationResult[], summaryOf: (xs: number[]) => MetricSummary): PrivateCallSummary {
  const records = results.map((r) => r.privateCalls!);
  const pick = (f: (p: PrivateCallRecord) => number) => summaryOf(records.map(f));
  return {
    metrics: {
      inbound: pick((p) => p.inbound),
      outbound: pick((p) => p.outbound),
      timeShare: pick((p) => p.timeShare),
      waitedDuringPrivate: pick((p) => p.waitedDuringPrivate),
      waitedDuringPrivateRate: pick((p) => p.waitedDuringPrivateRate),
    },
    byGroup: Object.fromEntries(
      Object.keys(records[0]!.byGroup).map((g) => [
        g,
        {
          inbound: pick((p) => p.byGroup[g]!.inbound),
          outbound: pick((p) => p.byGroup[g]!.outbound),
          timeShare: pick((p) => p.byGroup[g]!.timeShare),
        },
      ]),
    ),
  };
}
