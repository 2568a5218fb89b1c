// A Skype for Business site in the run table on the terminal (scenarios with a Skype site only): the T-Server's
// conference numbers with their confidence intervals, then the guide's limits with the value the run reached.

import type { MetricSummary, SkypeSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { human } from "./numbers.js";

const SECONDS: readonly string[] = ["meanAllocationTime", "maxAllocationTime"];

function shown(name: string, x: number): string {
  if (name === "conferenceWaitRate") return `${(x * 100).toFixed(2)}%`;
  if (SECONDS.includes(name)) return `${x.toFixed(3)} s`;
  return human(x, Number.isInteger(x) ? 0 : 2);
}

function ci(name: string, s: MetricSummary): string {
  return s.ci95 ? `[${shown(name, s.ci95[0])}, ${shown(name, s.ci95[1])}]` : "";
}

export function skypeTables(k: SkypeSummary): string {
  const rows = [["skype for business", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(k.metrics)) rows.push([name, shown(name, s.mean), ci(name, s)]);
  const limits = [["guide's limit", "reached", "limit", "verdict"]];
  for (const l of k.limits) {
    const pool = l.check === "conferencePoolSize";
    limits.push([l.check, human(l.value, 0), `${pool ? ">=" : "<="} ${human(l.limit, 0)}`, l.exceeded ? (pool ? "BELOW GUIDELINE" : "EXCEEDED") : "within"]);
  }
  return `${grid(rows)}\n\n${grid(limits)}`;
}

/** the warning lines of the limits a run went past */
export function skypeWarnings(k: SkypeSummary | undefined): string[] {
  return k === undefined ? [] : k.limits.filter((l) => l.exceeded).map((l) => l.line);
}
