// The Asterisk media ports across replications: each count and share of the replications' MediaPortRecord, with its
// mean, sd and 95% confidence interval (shares kept in [0, 1]), for all the pools together and each site's.

import type { MediaPortRecord, MediaPortSummary, MetricSummary, ReplicationResult } from "../observe/results.js";

type Totals = Exclude<keyof MediaPortRecord, "bySite">;
const TOTALS: readonly Totals[] = [
  "requests", "portBlocking", "portUtilization", "portsPeak", "treatments", "treatmentsSkipped", "recordings", "recordingsLost",
];

export function mediaPortSummary(results: readonly ReplicationResult[], summaryOf: (xs: number[], metric: string) => MetricSummary): MediaPortSummary {
  const records = results.map((r) => r.mediaPorts!);
  const metrics = Object.fromEntries(TOTALS.map((k) => [k, summaryOf(records.map((p) => p[k]), k)])) as MediaPortSummary["metrics"];
  const bySite = Object.fromEntries(
    Object.entries(records[0]!.bySite).map(([site, first]) => {
      const pick = (k: "portBlocking" | "portUtilization" | "portsPeak") => summaryOf(records.map((p) => p.bySite[site]![k]), k);
      return [site, { capacity: first.capacity, portBlocking: pick("portBlocking"), portUtilization: pick("portUtilization"), portsPeak: pick("portsPeak") }];
    }),
  );
  return { metrics, bySite };
}
