// The Asterisk private-call tables of the run table on the terminal (scenarios whose agent groups have private calls
// only): the whole center's counts and shares with their confidence intervals, then each group's when there are
// several.

import type { PrivateCallSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { formatAs, summaryRowAs, type MetricUnit } from "./units.js";

/** shares in %, counts plain */
const SHARES: readonly string[] = ["timeShare", "waitedDuringPrivateRate"];

/** the unit each of its numbers is shown in, on the terminal and in report.html */
export function privateCallUnit(name: string): MetricUnit {
  return SHARES.includes(name) ? "%" : "count";
}

function shown(name: string, x: number): string {
  return formatAs(privateCallUnit(name), x);
}

export function privateCallTables(p: PrivateCallSummary): string {
  const rows = [["private calls", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(p.metrics)) rows.push(summaryRowAs(name, privateCallUnit(name), s));
  const out = [grid(rows)];
  const groups = Object.entries(p.byGroup);
  if (groups.length > 1) {
    const t = [["group", "inbound", "outbound", "timeShare"]];
    for (const [g, s] of groups) t.push([g, shown("inbound", s.inbound.mean), shown("outbound", s.outbound.mean), shown("timeShare", s.timeShare.mean)]);
    out.push(grid(t));
  }
  return out.join("\n\n");
}
