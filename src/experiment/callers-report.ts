// Callers across replications: each number of each part of the replications' CallersRecord (retrials, callbacks, transfers)
// with its mean, sd and 95% confidence interval, shares clipped to [0, 1].

import type { CallersRecord, CallersSummary, MetricSummary, ReplicationResult } from "../observe/results.js";

const PARTS = ["retrials", "callbacks", "transfers"] as const satisfies readonly (keyof CallersRecord)[];

export function callersSummary(results: readonly ReplicationResult[], summaryOf: (xs: number[], metric: string) => MetricSummary): CallersSummary {
  const records = results.map((r) => r.callers!);
  const out: Record<string, Record<string, MetricSummary>> = {};
  for (const p of PARTS) {
    const first = records[0]![p];
    if (first === undefined) continue;
    const numbers = (r: CallersRecord) => r[p] as unknown as Readonly<Record<string, number>>;
    out[p] = Object.fromEntries(Object.keys(first).map((n) => [n, summaryOf(records.map((r) => numbers(r)[n]!), n)]));
  }
  return out as CallersSummary;
}
