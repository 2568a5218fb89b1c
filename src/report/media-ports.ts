// The Asterisk media-port table of the run table on the terminal (scenarios whose sites have media ports only): the
// pools' requests, blocking, utilization, peak, and what became of treatments and recordings, with their confidence
// intervals; then each site's when there are several.

import type { MediaPortSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { formatInterval, formatMetric } from "./units.js";

export function mediaPortTables(p: MediaPortSummary): string {
  const rows = [["media ports", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(p.metrics)) rows.push([name, formatMetric(name, s.mean), formatInterval(name, s)]);
  const out = [grid(rows)];
  const sites = Object.entries(p.bySite);
  if (sites.length > 1) {
    const t = [["site", "capacity", "portBlocking", "portUtilization", "portsPeak"]];
    for (const [id, s] of sites) {
      t.push([id, String(s.capacity), formatMetric("portBlocking", s.portBlocking.mean), formatMetric("portUtilization", s.portUtilization.mean), formatMetric("portsPeak", s.portsPeak.mean)]);
    }
    out.push(grid(t));
  }
  return out.join("\n\n");
}
