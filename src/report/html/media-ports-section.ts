// The report's "Asterisk media ports" section (scenarios whose sites have media ports): the pools' requests,
// blocking, utilization, peak, and what became of treatments and recordings, then each site's pool.

import type { MediaPortSummary, MetricSummary } from "../../observe/results.js";
import { isShare } from "../../metrics/metric-domain.js";
import { csvLink, tableHtml, type DataTable } from "./figure.js";
import { el } from "./markup.js";
import type { Section } from "./page.js";

/** shares as percentages, counts as they are */
const shown = (name: string, x: number) => (isShare(name) ? x * 100 : x);
const unit = (name: string) => (isShare(name) ? "%" : name === "portsPeak" ? "ports at once" : "per run");
const row = (name: string, m: MetricSummary) => [name, unit(name), shown(name, m.mean), m.ci95 ? shown(name, m.ci95[0]) : null, m.ci95 ? shown(name, m.ci95[1]) : null];

export function mediaPortsSection(p: MediaPortSummary): Section {
  const all: DataTable = {
    columns: ["summary.json name", "unit", "mean", "95% CI low", "95% CI high"],
    rows: Object.entries(p.metrics).map(([name, m]) => row(name, m)),
  };
  const sites: DataTable = {
    columns: ["site", "capacity", "portBlocking %", "portUtilization %", "portsPeak"],
    rows: Object.entries(p.bySite).map(([id, s]) => [id, s.capacity, s.portBlocking.mean * 100, s.portUtilization.mean * 100, s.portsPeak.mean]),
  };
  return {
    id: "media-ports",
    title: "Asterisk media ports",
    body:
      el("p", { class: "note" }, "A treatment that finds no free port is skipped, a recording that finds none is lost; counts are per run, means over replications.") +
      el("h3", {}, "All pools ", csvLink(all, "media-ports.csv")) +
      tableHtml(all, "media-ports") +
      el("h3", {}, "Per site ", csvLink(sites, "media-ports-sites.csv")) +
      tableHtml(sites, "media-ports-sites"),
  };
}
