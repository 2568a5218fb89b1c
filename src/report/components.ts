// The component load model's results as text: components.csv (one row per instance) and the terminal table.

import { stringify } from "csv-stringify/sync";
import { tidy } from "./numbers.js";
import { grid } from "./grid.js";
import type { ComponentSummary, ComponentsSummary, MetricSummary } from "../observe/results.js";

const FIELDS = ["utilization", "peakUtilization", "meanDelay", "p95Delay", "firstIntervalDelay", "lastIntervalDelay", "messagesPerSecond"] as const;

export function componentsCsv(c: ComponentsSummary): string {
  const header = ["component", "kind", "scope", ...FIELDS.flatMap((f) => [f, `${f}_lo`, `${f}_hi`]), "busiest_of_kind"];
  const rows = Object.entries(c.instances).map(([id, x]) => [
    id,
    x.kind,
    x.scope,
    ...FIELDS.flatMap((f) => {
      const s: MetricSummary = x[f];
      return [tidy(s.mean), s.ci95 ? tidy(s.ci95[0]) : "", s.ci95 ? tidy(s.ci95[1]) : ""];
    }),
    String(c.busiestOfKind[x.kind] === id),
  ]);
  return stringify([header, ...rows]);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${(x * 1000).toFixed(2)} ms`;

/** The busiest instance of each kind, and the busiest overall first. */
export function componentsTable(c: ComponentsSummary): string {
  const rows = [["component (busiest of its kind)", "utilization", "95% CI", "peak interval", "queueing mean", "p95", "msgs/s"]];
  const row = (id: string, x: ComponentSummary) =>
    rows.push([
      id,
      pct(x.utilization.mean),
      x.utilization.ci95 ? `[${pct(x.utilization.ci95[0])}, ${pct(x.utilization.ci95[1])}]` : "",
      pct(x.peakUtilization.mean),
      ms(x.meanDelay.mean),
      ms(x.p95Delay.mean),
      x.messagesPerSecond.mean.toFixed(2),
    ]);
  for (const id of Object.values(c.busiestOfKind)) row(id!, c.instances[id!]!);
  const n = Object.keys(c.instances).length;
  return (
    `${grid(rows)}\n` +
    `busiest: ${c.busiest} at ${pct(c.instances[c.busiest]!.utilization.mean)}; ` +
    (c.sustained ? "every component keeps up with its load" : "NOT SUSTAINED: a component is saturated or its queue grows") +
    ` (all ${n} instances in components.csv)`
  );
}
