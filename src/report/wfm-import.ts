// `ccsim import`: an interval export's fit as a scenario block a planner pastes: per traffic type the arrival
// profile, the handle time, the patience fitted from abandonment, and per type a group staffed as the export was.
// The counts and the assumptions behind each number are YAML comments, so the whole output pastes.

import type { ImportFit, TypeFit } from "../experiment/wfm-fit.js";
import { formatDuration } from "../scenario/duration.js";
import { formatTimestamp } from "../scenario/timestamp.js";
import { thousands } from "../util/thousands.js";
import { clock, plain } from "./trace-stats.js";

export interface ImportRenderOptions {
  /** the command line, for the first comment */
  readonly command: string;
  /** the handle time's coefficient of variation (--handle-cv): a gamma; absent, an exponential */
  readonly handleCv?: number;
}

/** a tenth of a second: finer than any AHT an export gives, coarse enough to read */
const tenth = (s: number) => formatDuration(Math.round(s * 10) / 10);

function handleLines(t: TypeFit, cv: number | undefined): { comment: string[]; yaml: string } {
  if (Number.isNaN(t.aht)) return { comment: ["#   handle time: no call was handled"], yaml: "    # handleTime: the export handled no call of this type" };
  const spec = cv === undefined || cv === 1 ? `{ dist: exponential, mean: ${tenth(t.aht)} }` : `{ dist: gamma, mean: ${tenth(t.aht)}, cv: ${plain(cv)} }`;
  return {
    comment: [
      `#   handle time: the intervals' AHT weighted by the ${thousands(t.handled)} calls handled: ${tenth(t.aht)}; an export gives only`,
      `#     means, so the spread is assumed: ${cv === undefined ? "exponential (cv 1; --handle-cv sets another)" : `gamma with cv ${plain(cv)} (--handle-cv)`}; the mean's standard error is`,
      `#     ${tenth(((cv ?? 1) * t.aht) / Math.sqrt(t.handled))} at that cv. AHT counts after-call work: the groups below have no wrapUp`,
    ],
    yaml: `    handleTime: ${spec}`,
  };
}

function patienceLines(t: TypeFit, folded: boolean): { comment: string[]; yaml: string | null } {
  const p = t.patience;
  if (p.mean === null) return { comment: [`#   patience: not fitted: ${p.reason}`], yaml: null };
  return {
    comment: [
      `#   patience: the exponential mean at which Erlang A, at each interval's rate above, the AHT above and its staffed`,
      `#     agents, gives the ${thousands(t.abandoned)} abandoned calls of ${thousands(p.intervals)} intervals: ${tenth(p.mean)}` +
        (Number.isNaN(p.se) ? "" : ` (standard error ${tenth(p.se)}, from the intervals' residuals)`) +
        (p.skipped > 0 ? `; ${p.skipped} intervals with calls and no agent staffed left out` : ""),
      ...(p.note === undefined ? [] : [`#     ${p.note}`]),
      ...(folded ? [] : ["#     without --fold each interval's own count is its rate, whose noise reads as load and biases this up: --fold 24h averages it out"]),
    ],
    yaml: `    patience: { dist: exponential, mean: ${tenth(p.mean)} }`,
  };
}

export function importYaml(fit: ImportFit, opts: ImportRenderOptions): string {
  const { interval, periods, days } = fit;
  const out: string[] = [`# ${opts.command}`];
  const from = fit.timestamps ? ` from ${formatTimestamp(fit.origin)}` : "";
  out.push(
    `# ${fit.types.length} traffic type${fit.types.length === 1 ? "" : "s"}, ${formatDuration(interval)} intervals${from}` +
      (fit.fold === undefined ? `, ${periods} of them` : `, ${days} period${days === 1 ? "" : "s"} of ${formatDuration(fit.fold)} averaged into one of ${periods} intervals`),
  );
  out.push(
    `# the profiles cover ${formatDuration(periods * interval)} from time 0: give the scenario horizon: ${formatDuration(periods * interval)}, ` +
      `interval: ${formatDuration(interval)}` + (fit.timestamps ? `, start: ${formatTimestamp(fit.origin)}` : ""),
  );
  out.push(fit.fold === undefined ? `# offered per ${formatDuration(interval)}:` : `# offered per ${formatDuration(interval)}, mean of ${days}:`);
  const header = ["start", ...fit.types.map((t) => t.type), ...(fit.types.length > 1 ? ["all"] : [])];
  const rows = Array.from({ length: periods }, (_, k) => {
    const cells = fit.types.map((t) => t.counts.offered[k]! / days);
    return [clock(fit.clockOffset + k * interval), ...cells.map(plain), ...(fit.types.length > 1 ? [plain(cells.reduce((a, b) => a + b, 0))] : [])];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => `#   ${cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  ")}`;
  out.push(line(header), ...rows.map(line));

  out.push("traffic:");
  for (const t of fit.types) {
    const handle = handleLines(t, opts.handleCv);
    const patience = patienceLines(t, fit.fold !== undefined);
    out.push(
      `# ${t.type} (queue${t.queues.length === 1 ? "" : "s"} ${t.queues.join(", ")}): ${thousands(t.offered)} offered, ${thousands(t.handled)} handled, ${thousands(t.abandoned)} abandoned`,
      ...handle.comment,
      ...patience.comment,
      `  - type: ${t.type}`,
      `    arrivals: { period: ${formatDuration(interval)}, rates: [${t.rates.map((r) => `${plain(r * 3600)}/h`).join(", ")}] }`,
      handle.yaml,
      ...(patience.yaml === null ? [] : [patience.yaml]),
      `    target: ${t.type}`,
    );
  }
  if (!fit.hasStaffed) {
    out.push("# agents: the export has no staffed column; give each type a group with its skill, e.g.");
    for (const t of fit.types) out.push(`#   - { group: ${t.type}, skills: { ${t.type}: 1 }, count: 10 }`);
  } else {
    out.push(`# agents: one group a type, staffed as the export's mean staffed agents of each interval, rounded`);
    out.push("agents:");
    for (const t of fit.types) {
      out.push(`  - group: ${t.type}`, `    skills: { ${t.type}: 1 }`, `    staffing: { period: ${formatDuration(interval)}, counts: [${t.staffing!.join(", ")}] }`);
    }
  }
  return out.join("\n") + "\n";
}
