// The readable result on a terminal: headline metrics with their confidence intervals, then slices worth a look.

import { judgeTargets } from "../experiment/targets.js";
import type { MetricName } from "../metrics/tally.js";
import { componentsTable } from "./components.js";
import { grid } from "./grid.js";
import { mediaHeader, mediaRows } from "./media.js";
import { mediaPortTables } from "./media-ports.js";
import { privateCallTables } from "./private-calls.js";
import { skypeTables } from "./skype-connector.js";
import { voicemailTable } from "./voicemail.js";
import { dayCostTable } from "./day-cost.js";
import { formatInterval, formatMetric } from "./units.js";
import type { ExperimentResult, MetricSummaries } from "../observe/results.js";

const HEADLINE: MetricName[] = [
  "offered", "answered", "abandoned", "defaultRouted", "defaultTreated", "defaultExternal", "defaultAnswered", "defaultAbandoned",
  "serviceLevel", "asa", "meanWait", "probWait", "abandonRate",
  "occupancy", "throughputPerHour", "reservationRequests", "reservationConflicts", "conflictRate", "conflictsPerCall",
  "routingAttempts", "routingFailures", "noAnswers", "routingDelay", "cost",
];

function sliceTable(title: string, slices: Record<string, MetricSummaries>, names: MetricName[]): string {
  const rows = [[title, ...names]];
  for (const [id, m] of Object.entries(slices)) rows.push([id, ...names.map((n) => (m[n] ? formatMetric(n, m[n]!.mean) : ""))]);
  return grid(rows);
}

export function resultTable(r: ExperimentResult): string {
  const s = r.scenario;
  const out: string[] = [];
  out.push(
    `${s.name}: seed ${r.seed}, ${r.replications} replication${r.replications === 1 ? "" : "s"}, ` +
      `horizon ${s.horizon / 3600} h, warm-up ${s.warmup / 60} min, ${s.routing.mode} routing, ` +
      `reservation ${s.routing.reservation.mode}`,
    "",
  );
  const rows = [["metric", "mean", "95% CI"]];
  for (const n of HEADLINE) {
    const m = r.metrics[n];
    if (m) rows.push([n, formatMetric(n, m.mean), formatInterval(n, m)]);
  }
  out.push(grid(rows));
  const verdicts = judgeTargets(s.targets, r);
  if (verdicts.length > 0) {
    const t = [["target", "", "judged on", "verdict"]];
    for (const v of verdicts) {
      t.push([v.metric, v.target, formatMetric(v.metric, v.judgedOn), v.met ? "met" : "MISSED"]);
    }
    out.push("", grid(t, 2), "(each judged on the 95% bound that makes the claim safe: the lower for a minimum, the upper for a maximum)");
  }
  if (Object.keys(r.byNode).length > 1) {
    out.push("", sliceTable("node", r.byNode, ["offered", "serviceLevel", "reservationConflicts", "conflictRate", "routingFailures"]));
  }
  if (Object.keys(r.byType).length > 1) {
    out.push("", sliceTable("type", r.byType, ["offered", "serviceLevel", "asa", "abandonRate"]));
  }
  if (Object.keys(r.byGroup).length > 1) {
    out.push("", sliceTable("group", r.byGroup, ["answered", "occupancy", "asa"]));
  }
  if (r.components) out.push("", componentsTable(r.components));
  if (r.byMedia) out.push("", grid([mediaHeader(r), ...mediaRows(r)]));
  if (r.privateCalls) out.push("", privateCallTables(r.privateCalls));
  if (r.skype) out.push("", skypeTables(r.skype));
  if (r.mediaPorts) out.push("", mediaPortTables(r.mediaPorts));
  if (r.voicemail) out.push("", voicemailTable(r.voicemail));
  if (r.cost) out.push("", dayCostTable(r.cost));
  return out.join("\n") + "\n";
}
