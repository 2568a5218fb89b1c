// The callers table of the run table on the terminal (scenarios whose callers call again only): attempts apart from
// unique callers, and the service level per attempt and per unique caller, each with its confidence interval.

import { isShare } from "../metrics/metric-domain.js";
import type { CallersSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { summaryRowAs } from "./units.js";

export function callersTable(c: CallersSummary): string {
  const rows = [["retrials", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(c.retrials)) rows.push(summaryRowAs(name, isShare(name) ? "%" : "count", s));
  return grid(rows);
}
