// The day's cost table of the run table on the terminal (priced scenarios only): what each part of the day cost, what
// it paid for, each with its confidence interval; the total is the `cost` row of the headline.

import type { DayCostSummary } from "../observe/day-cost.js";
import { grid } from "./grid.js";
import { fourDigits, summaryRowAs } from "./units.js";
import { thousands } from "../util/thousands.js";

/** a price, an hour count or an amount as written in a scenario: whole with separators, else up to two decimals */
const plain = (x: number) => (Number.isInteger(x) ? thousands(x) : String(Number(x.toFixed(2))));

/** what each part pays for, as a reader checks it: hours and counts from the schedule and the deployment */
function paidFor(c: DayCostSummary): Record<keyof DayCostSummary["parts"], string> {
  const hours = plain(c.hours);
  const agentHours = Object.values(c.groups).reduce((n, g) => n + g.agentHours, 0);
  const p = c.prices;
  return {
    agents: `${plain(agentHours)} agent-hours (by group below)`,
    nodes: `${thousands(c.nodes)} nodes x ${hours} h x ${plain(p.nodeHour)}`,
    ursPairs: `${thousands(c.ursPairs)} URS pairs x ${hours} h x ${plain(p.ursPairHour)}`,
    abandoned: `abandoned calls x ${plain(p.abandoned)}`,
    waiting: `minutes waited x ${plain(p.waitingMinute)}`,
  };
}

export function dayCostTable(c: DayCostSummary): string {
  const paid = paidFor(c);
  const rows = [[`day's cost${c.currency === undefined ? "" : ` (${c.currency})`}`, "paid for", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(c.parts) as [keyof DayCostSummary["parts"], DayCostSummary["parts"]["agents"]][]) {
    const [, mean, ci] = summaryRowAs(name, "count", s);
    rows.push([name, paid[name], mean!, ci!]);
  }
  const groups = [["agent group", "costPerHour", "agent-hours", "cost"]];
  for (const [id, g] of Object.entries(c.groups)) groups.push([id, plain(g.costPerHour), plain(g.agentHours), fourDigits(g.cost)]);
  return `${grid(rows, 2)}\n\n${grid(groups)}`;
}
