// The report's "Component load" section: a bar chart of utilization per component instance (with its busiest
// interval), and the table of utilization and queueing delay behind it.

import { barChart } from "./bar-chart.js";
import type { Estimate } from "./chart-frame.js";
import { csvLink, figure, tableHtml, type DataTable } from "./figure.js";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";
import type { ComponentsSummary, MetricSummary } from "../../observe/results.js";

const percent = (m: MetricSummary): Estimate => ({
  mean: m.mean * 100,
  lo: m.ci95 ? m.ci95[0] * 100 : null,
  hi: m.ci95 ? m.ci95[1] * 100 : null,
});

export function componentsSection(c: ComponentsSummary): Section {
  const ids = Object.keys(c.instances);
  const x = (id: string) => c.instances[id]!;
  const chart = figure({
    id: "component-utilization",
    title: "Utilization per component instance",
    kind: "bars",
    chart: barChart({
      label: "Utilization per component instance",
      categories: ids,
      xTitle: "component instance",
      yTitle: "utilization (%)",
      series: [
        { name: "mean over the run", values: ids.map((id) => percent(x(id).utilization)) },
        { name: "busiest interval", values: ids.map((id) => percent(x(id).peakUtilization)) },
      ],
      suffix: "%",
    }),
    table: {
      columns: ["component", "utilization %", "low", "high", "busiest interval %"],
      rows: ids.map((id) => {
        const u = percent(x(id).utilization);
        return [id, u.mean, u.lo, u.hi, x(id).peakUtilization.mean * 100];
      }),
    },
  });
  const table: DataTable = {
    columns: ["component", "kind", "utilization %", "busiest interval %", "queueing mean (ms)", "queueing p95 (ms)", "first interval (ms)", "last interval (ms)", "messages/s"],
    rows: ids.map((id) => {
      const s = x(id);
      return [
        id,
        s.kind + (c.busiestOfKind[s.kind] === id ? " (busiest)" : ""),
        s.utilization.mean * 100,
        s.peakUtilization.mean * 100,
        s.meanDelay.mean * 1000,
        s.p95Delay.mean * 1000,
        s.firstIntervalDelay.mean * 1000,
        s.lastIntervalDelay.mean * 1000,
        s.messagesPerSecond.mean,
      ];
    }),
  };
  const busiest = x(c.busiest);
  return {
    id: "components",
    title: "Component load",
    body:
      el(
        "p",
        { class: "note" },
        esc(`Each component instance is one server with a CPU cost per message (the scenario's components:). Busiest: ` +
          `${c.busiest} at ${(busiest.utilization.mean * 100).toFixed(1)}%. ` +
          (c.sustained
            ? "Every instance keeps up with its load."
            : "Not sustained: an instance is busy a whole interval or its queueing delay grows.") +
          " Whiskers: 95% confidence intervals. "),
        csvLink(table, "components.csv"),
      ) +
      el("div", { class: "grid" }, chart) +
      el("div", { class: "wide" }, tableHtml(table, "components")),
  };
}
