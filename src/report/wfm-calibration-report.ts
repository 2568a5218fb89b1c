// The calibration report of `ccsim import --calibrate`: per type and interval the export beside the simulation
// (offered, service level, abandonment), as YAML comments after the scenario block on the terminal, and as
// calibration.csv with every bound.

import { stringify } from "csv-stringify/sync";
import { CALIBRATION_MEASURES, type CalibrationMeasure, type Side, type WfmCalibration } from "../experiment/wfm-calibration.js";
import { formatDuration } from "../scenario/duration.js";
import { tidy } from "./numbers.js";
import { clock } from "./trace-stats.js";

const LABEL: Record<CalibrationMeasure, string> = { offered: "offered", serviceLevel: "service level", abandonRate: "abandoned" };
const COLUMN: Record<CalibrationMeasure, string> = { offered: "offered", serviceLevel: "service_level", abandonRate: "abandon_rate" };

const share = (x: number) => (Number.isNaN(x) ? "-" : `${(x * 100).toFixed(1)}%`);
const count = (x: number) => (Number.isNaN(x) ? "-" : x.toFixed(1));

function cellText(m: CalibrationMeasure, s: Side | undefined): string[] {
  if (s === undefined) return ["", ""];
  const f = m === "offered" ? count : share;
  const ci = s.ci95 === null ? "" : ` [${f(s.ci95[0])}, ${f(s.ci95[1])}]`;
  return [`${f(s.exported)}${s.outside === true ? " *" : ""}`, `${f(s.mean)}${ci}`];
}

export function calibrationText(c: WfmCalibration): string {
  const measures = CALIBRATION_MEASURES.filter((m) => c.rows.some((r) => r.sides[m] !== undefined));
  const out: string[] = [];
  out.push(
    `# calibration: ${c.scenarioFile}, ${c.replications} replication${c.replications === 1 ? "" : "s"}, beside ${c.days} day${c.days === 1 ? "" : "s"} of the export` +
      (c.threshold === null ? "" : ` (service level: answered within ${formatDuration(c.threshold)} over offered)`),
  );
  out.push(
    c.replications < 2
      ? "# one replication: no interval to judge the export against (give --replications 2 or more)"
      : `# export, then simulation [95% CI of its mean]; * the export lies outside where 95% of exports of ${c.days} day${c.days === 1 ? "" : "s"} would fall were the scenario true`,
  );
  const header = ["type", "start", ...measures.flatMap((m) => [`${LABEL[m]}: export`, "simulated"])];
  const rows = c.rows.map((r) => [r.type, clock(c.clockOffset + r.start), ...measures.flatMap((m) => cellText(m, r.sides[m]))]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => `#   ${cells.map((x, j) => (j < 2 ? x.padEnd(widths[j]!) : x.padStart(widths[j]!))).join("  ")}`;
  out.push(line(header), ...rows.map(line));
  if (c.replications >= 2) {
    const tally = measures.map((m) => {
      const judged = c.rows.filter((r) => r.sides[m]?.outside !== null && r.sides[m]?.outside !== undefined);
      return `${LABEL[m]} ${judged.filter((r) => r.sides[m]!.outside).length} of ${judged.length}`;
    });
    out.push(`# outside (* above): ${tally.join(", ")} intervals; about 5% by chance when the scenario is right`);
  }
  if (c.missing.length > 0) out.push(`# not in the scenario, so not compared: ${c.missing.join(", ")}`);
  return out.join("\n") + "\n";
}

const cell = (x: number | undefined | null) => (x === undefined || x === null || Number.isNaN(x) ? "" : tidy(x));

export function calibrationCsv(c: WfmCalibration): string {
  const measures = CALIBRATION_MEASURES.filter((m) => c.rows.some((r) => r.sides[m] !== undefined));
  const header = ["type", "start_s", "start"];
  for (const m of measures) {
    const n = COLUMN[m];
    header.push(`${n}_export`, `${n}_sim`, `${n}_sim_lo`, `${n}_sim_hi`, `${n}_range_lo`, `${n}_range_hi`, `${n}_outside`);
  }
  const rows = c.rows.map((r) => {
    const row: (string | number)[] = [r.type, r.start, clock(c.clockOffset + r.start)];
    for (const m of measures) {
      const s = r.sides[m];
      row.push(cell(s?.exported), cell(s?.mean), cell(s?.ci95?.[0]), cell(s?.ci95?.[1]), cell(s?.range?.[0]), cell(s?.range?.[1]),
        s?.outside === null || s?.outside === undefined ? "" : String(s.outside));
    }
    return row;
  });
  return stringify([header, ...rows]);
}
