// Callers across replications: each number of each part of the replications' CallersRecord (retrials) with its
// mean, sd and 95% confidence interval, shares clipped to [0, 1].

import type { CallersRecord, CallersSummary, MetricSummary, ReplicationResult } from "../observe/results.js";

export function callersSummary(results: readonly ReplicationResult[], summaryOf: (xs: number[], metric: string) => MetricSummary): CallersSummary {
  const records = results.map((r) => r.callers!);
  const part = <P extends keyof CallersRecord>(p: P) => {
    const names = Object.keys(records[0]![p]) as (keyof CallersRecord[P] & string)[];
    return Object.fromEntries(names.map((n) => [n, summaryOf(records.map((r) => r[p][n] as number), n)])) as CallersSummary[P];
  };
  return { retrials: part("retrials") };
}
