// What `ccsim calibrate` prints: the `components:` block to paste into a scenario (each fit's slope, intercept and r²
// as comments), or the same as JSON.

import type { Calibration } from "../experiment/calibration.js";
import { formatDuration } from "../scenario/duration.js";
import { tidyDeep } from "./numbers.js";

const pct = (x: number) => `${+x.toFixed(2)}%`;

export function calibrationYaml(file: string, fits: readonly Calibration[]): string {
  const lines = [
    `# ccsim calibrate ${file}: CPU seconds per call fitted by least squares to your load-test points`,
    "# (background: the intercept, CPU a component uses at no calls; it is not part of the costs)",
    "components:",
  ];
  for (const f of fits) {
    lines.push(
      `  # ${f.component}: ${formatDuration(f.secondsPerCall)} a call from ${f.points} points (r² ${f.r2.toFixed(4)}), background ${pct(f.backgroundPercent)}`,
    );
    const costs = Object.entries(f.costs).map(([k, v]) => `${k}: ${formatDuration(v)}`);
    lines.push(`  ${f.component}: { ${costs.join(", ")} }`);
  }
  return lines.join("\n") + "\n";
}

export function calibrationJson(fits: readonly Calibration[]): string {
  return JSON.stringify(tidyDeep({ components: fits }), null, 2) + "\n";
}
