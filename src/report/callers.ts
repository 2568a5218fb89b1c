// The callers tables of the run table on the terminal (scenarios whose callers call again, or whose calls are
// transferred, or who are offered callbacks): attempts apart from unique callers with the service level per attempt
// and per unique caller; the callbacks offered, accepted, dialled and answered; the transfers, with the transferred
// calls' agent time; each number with its confidence interval.

import { isShare } from "../metrics/metric-domain.js";
import type { CallersSummary, MetricSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { summaryRowAs, type MetricUnit } from "./units.js";

const TIMES: readonly string[] = ["transferredHandleTime", "transferWait", "callbackWait", "callbackHandleTime"];

/** the unit each of its numbers is shown in, on the terminal and in report.html */
export function callerUnit(name: string): MetricUnit {
  return isShare(name) ? "%" : TIMES.includes(name) ? "s" : "count";
}

function part(title: string, numbers: Readonly<Record<string, MetricSummary>>): string {
  const rows = [[title, "mean", "95% CI"]];
  for (const [name, s] of Object.entries(numbers)) rows.push(summaryRowAs(name, callerUnit(name), s));
  return grid(rows);
}

export function callersTable(c: CallersSummary): string {
  const out: string[] = [];
  if (c.retrials) out.push(part("retrials", c.retrials));
  if (c.callbacks) out.push(part("callbacks", c.callbacks));
  if (c.transfers) out.push(part("transfers", c.transfers));
  return out.join("\n\n");
}
