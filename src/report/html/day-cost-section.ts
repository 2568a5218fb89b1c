// The report's "The day's cost" section (priced scenarios only): each part of the day's cost with its interval and
// what it pays for, and each agent group's scheduled hours; the total is the headline's `cost` card, beside service.

import type { DayCostSummary } from "../../observe/day-cost.js";
import { csvLink, tableHtml, type DataTable } from "./figure.js";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";

export function dayCostSection(c: DayCostSummary): Section {
  const unit = c.currency ?? "money";
  const parts: DataTable = {
    columns: ["summary.json name", "unit", "mean", "95% CI low", "95% CI high"],
    rows: Object.entries(c.parts).map(([name, m]) => [name, unit, m.mean, m.ci95 ? m.ci95[0] : null, m.ci95 ? m.ci95[1] : null]),
  };
  const groups: DataTable = {
    columns: ["agent group", "cost per agent-hour", "scheduled agent-hours", `cost (${unit})`],
    rows: Object.entries(c.groups).map(([id, g]) => [id, g.costPerHour, g.agentHours, g.cost]),
  };
  const p = c.prices;
  return {
    id: "cost",
    title: "The day's cost",
    body:
      el(
        "p",
        { class: "note" },
        esc(
          `Over the measured window (${c.hours} h): scheduled agent-hours at each group's price, ${c.nodes} nodes at ${p.nodeHour} an hour, ` +
            `${c.ursPairs} URS pairs at ${p.ursPairHour} an hour, ${p.abandoned} an abandoned call and ${p.waitingMinute} a minute of waiting; ` +
            "means over replications.",
        ),
      ) +
      el("h3", {}, "By part ", csvLink(parts, "cost.csv")) +
      tableHtml(parts, "cost") +
      el("h3", {}, "Agent groups ", csvLink(groups, "cost-groups.csv")) +
      tableHtml(groups, "cost-groups"),
  };
}
