// report.html of `ccsim sweep`: each metric against the varied value, one line per value of a second varied field,
// with the 95% confidence interval of every point as a band.

import type { StudyMetricName } from "../../experiment/study-metrics.js";
import type { SweepData } from "../comparison.js";
import { bandChart, type BandSeries } from "./band-chart.js";
import { figure, type Cell, type DataTable } from "./figure.js";
import { axisTitle, estimateOf, labelOf, shownUnit } from "./format.js";
import { el } from "./markup.js";
import { sweepMediaSection } from "./media-study.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";

export interface SweepReportInput {
  /** what sweep.json holds */
  readonly data: SweepData;
  readonly focus: readonly StudyMetricName[];
  readonly provenance: Provenance;
}

const distinct = (xs: readonly string[]) => [...new Set(xs)];

function metricFigure(d: SweepData, n: StudyMetricName): string {
  const xValues = distinct(d.points.map((p) => p.values[0]!));
  const groups = d.vary.length > 1 ? distinct(d.points.map((p) => p.values[1]!)) : [""];
  const pointAt = (x: string, g: string) => d.points.find((p) => p.values[0] === x && (d.vary.length === 1 || p.values[1] === g));
  const series: BandSeries[] = groups.map((g) => ({
    name: d.vary.length > 1 ? `${d.vary[1]} = ${g}` : labelOf(n),
    points: xValues.map((x) => estimateOf(n, pointAt(x, g)?.metrics[n])),
  }));
  const unit = shownUnit(n);
  const table: DataTable = {
    columns: [...d.vary, `${labelOf(n)} (${unit})`, "95% CI low", "95% CI high"],
    rows: d.points.map((p): Cell[] => {
      const e = estimateOf(n, p.metrics[n]);
      return [...p.values, e?.mean ?? null, e?.lo ?? null, e?.hi ?? null];
    }),
  };
  return figure({
    id: `metric-${n}`,
    title: labelOf(n),
    kind: "bands",
    chart: bandChart({ label: `${labelOf(n)} against ${d.vary[0]}`, xValues, xTitle: d.vary[0]!, yTitle: axisTitle(n), series }),
    table,
  });
}

export function sweepReport(input: SweepReportInput): string {
  const { data: d, focus } = input;
  const media = sweepMediaSection(d);
  return page({
    kind: "sweep",
    title: `ccsim sweep: ${d.scenario}, ${d.vary.join(" × ")}`,
    facts: [
      ...d.vary.map((v, i) => `${v} = ${distinct(d.points.map((p) => p.values[i]!)).join(", ")}`),
      `seed ${d.seed}`,
      `${d.replications} replication${d.replications === 1 ? "" : "s"} a point`,
      `ccsim ${d.ccsim}`,
    ],
    sections: [
      {
        id: "metrics",
        title: "Each metric",
        body:
          el("p", { class: "note" }, "Each point: the mean over its replications; the band: its 95% confidence interval. Every point ran on the same random streams.") +
          el("div", { class: "grid" }, ...focus.map((n) => metricFigure(d, n))),
      },
      ...(media ? [media] : []),
      ...provenanceSections(input.provenance),
    ],
  });
}
