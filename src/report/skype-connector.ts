// A Skype for Business site in the run table on the terminal (scenarios with a Skype site only): the T-Server's
// conference numbers with their confidence intervals, then the guide's limits with the value the run reached.

import type { SkypeSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { human } from "./numbers.js";
import { summaryRowAs, unitOf } from "./units.js";
import type { Verdict } from "./verdicts.js";

export function skypeTables(k: SkypeSummary): string {
  const rows = [["skype for business", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(k.metrics)) rows.push(summaryRowAs(name, unitOf(name as keyof SkypeSummary["metrics"]), s));
  const limits = [["guide's limit", "reached", "limit", "verdict"]];
  for (const l of k.limits) {
    const pool = l.check === "conferencePoolSize";
    limits.push([l.check, human(l.value, 0), `${pool ? ">=" : "<="} ${human(l.limit, 0)}`, l.exceeded ? (pool ? "BELOW GUIDELINE" : "EXCEEDED") : "within"]);
  }
  return `${grid(rows)}\n\n${grid(limits)}`;
}

/** the warning lines of the limits a run went past */
export function skypeWarnings(k: SkypeSummary | undefined): string[] {
  return k === undefined ? [] : k.limits.flatMap((l) => (l.warning === undefined ? [] : [l.warning]));
}

/** The limits as `ccsim check` verdicts, judged on the worst replication's peak (the configured pool for the pool). */
export function skypeVerdicts(k: SkypeSummary | undefined): Verdict[] {
  if (k === undefined) return [];
  return k.limits.map((l) => {
    const pool = l.check === "conferencePoolSize";
    const peak = pool ? null : k.metrics[l.check === "registeredAgents" ? "peakRegisteredAgents" : "peakSimultaneousCalls"];
    return {
      metric: `skype.${l.check}`,
      target: `${pool ? ">=" : "<="} ${l.limit}`,
      mean: peak === null ? l.value : peak.mean,
      ci95: peak === null ? null : peak.ci95,
      judgedOn: l.value,
      margin: pool ? l.value - l.limit : l.limit - l.value,
      met: !l.exceeded,
    };
  });
}
