// The Asterisk private-call tables of the run table on the terminal (scenarios whose agent groups have private calls
// only): the whole center's counts and shares with their confidence intervals, then each group's when there are
// several.

import type { MetricSummary, PrivateCallSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { formatAs } from "./units.js";

/** shares in %, counts plain */
const SHARES: readonly string[] = ["timeShare", "waitedDuringPrivateRate"];

function shown(name: string, x: number): string {
  return formatAs(SHARES.includes(name) ? "%" : "count", x);
}

function ci(name: string, s: MetricSummary): string {
  return s.ci95 ? `[${shown(name, s.ci95[0])}, ${shown(name, s.ci95[1])}]` : "";
}

export function privateCallTables(p: PrivateCallSummary): string {
  const rows = [["private calls", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(p.metrics)) rows.push([name, shown(name, s.mean), ci(name, s)]);
  const out = [grid(rows)];
  const groups = Object.entries(p.byGroup);
  if (groups.length > 1) {
    const t = [["group", "inbound", "outbound", "timeShare"]];
    for (const [g, s] of groups) t.push([g, shown("inbound", s.inbound.mean), shown("outbound", s.outbound.mean), shown("timeShare", s.timeShare.mean)]);
    out.push(grid(t));
  }
  return out.join("\n\n");
}
