// The report's "Media" section (scenarios with chat, email or IM only): service level per media, each on its own
// threshold; each agent group's time split between the media; and the per-media table of the terminal.

import type { MediaMetricName } from "../../metrics/media-metrics.js";
import { mediaColumns } from "../media.js";
import type { MetricName } from "../../metrics/tally.js";
import { barChart, type BarSeries } from "./bar-chart.js";
import { seriesClass, type Estimate } from "./chart-frame.js";
import { dotChart } from "./dot-chart.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { FEW_OBSERVATIONS, isFew } from "./few-observations.js";
import { shown, shownValue, span } from "./format.js";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";
import type { MediaSummary, MetricSummary } from "../../observe/results.js";

/** the media table's column titles, with the unit each is shown in */
export const MEDIA_COLUMN: Readonly<Record<MediaMetricName, string>> = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  serviceLevel: "service level %",
  asa: "ASA (s)",
  abandonRate: "abandonment %",
  occupancy: "occupancy %",
  concurrency: "concurrency",
  reservationRequests: "reservation requests",
  reservationConflicts: "reservation conflicts",
  conflictRate: "conflict rate %",
  conflictsPerCall: "conflicts per call",
  imMessages: "IM messages",
};

// the media metrics share the design's units (concurrency and IM messages are counts)
export const mediaValue = (n: MediaMetricName, x: number) => shownValue(n as MetricName, x);

export function mediaEstimate(n: MediaMetricName, m: MetricSummary | undefined): Estimate | null {
  if (!m) return null;
  return { mean: mediaValue(n, m.mean), lo: m.ci95 ? mediaValue(n, m.ci95[0]) : null, hi: m.ci95 ? mediaValue(n, m.ci95[1]) : null };
}

const thresholdText = (ts: readonly number[] | undefined) => (ts && ts.length > 0 ? ts.map(span).join(", ") : "");

export function mediaSection(byMedia: Readonly<Record<string, MediaSummary>>, thresholds: Readonly<Record<string, readonly number[]>>): Section {
  const media = Object.keys(byMedia);
  const labelOf = (m: string) => (thresholds[m]?.length ? `${m} (within ${thresholdText(thresholds[m])})` : m);

  const levels = media.map((m) => mediaEstimate("serviceLevel", byMedia[m]!.metrics.serviceLevel));
  const offered = media.map((m) => byMedia[m]!.metrics.offered?.mean);
  const few = media.filter((_, i) => levels[i] && isFew(offered[i]));
  const serviceLevel = figure({
    id: "media-service-level",
    title: "Service level per media",
    kind: "dots",
    note:
      "Each media is judged on its own threshold (its traffic types' serviceLevel, else the scenario's): the share answered within it." +
      (few.length > 0
        ? ` Hollow grey: ${few.join(", ")} had fewer than ${FEW_OBSERVATIONS} interaction offered a replication, too few for a service level to mean anything (no interval drawn).`
        : ""),
    chart: dotChart({
      label: "Service level per media",
      xTitle: "answered within the media's threshold (%)",
      rows: media.flatMap((m, i) => {
        const est = levels[i];
        if (!est) return [];
        if (!isFew(offered[i])) return [{ label: labelOf(m), est, cls: `dotrow ${seriesClass(i + 1)}` }];
        return [{ label: labelOf(m), est: { mean: est.mean, lo: null, hi: null }, cls: "dotrow ns", note: `${shown(offered[i] ?? 0)} offered`, noInterval: "too few offered" }];
      }),
    }),
    table: {
      columns: ["media", "threshold", "service level %", "low", "high"],
      rows: media.map((m, i): Cell[] => [m, thresholdText(thresholds[m]), levels[i]?.mean ?? null, levels[i]?.lo ?? null, levels[i]?.hi ?? null]),
    },
  });

  // each group that can take a media, first met in the order of the media
  const groups = [...new Set(media.flatMap((m) => Object.keys(byMedia[m]!.byGroup)))];
  const series: BarSeries[] = media.map((m) => ({
    name: m,
    values: groups.map((g) => mediaEstimate("occupancy", byMedia[m]!.byGroup[g]?.occupancy)),
  }));
  const occupancy = figure({
    id: "media-occupancy",
    title: "Agent time per media, per agent group",
    kind: "bars",
    note:
      "Occupancy: the share of a group's logged-in time holding at least one interaction of the media. A blended " +
      "group's bars show how its time is split: time on one media is time the others cannot have.",
    chart: barChart({
      label: "Agent time per media, per agent group",
      categories: groups,
      xTitle: "agent group",
      yTitle: "occupancy (%)",
      series,
      firstClass: 1,
      suffix: "%",
    }),
    table: {
      columns: ["agent group", ...media.flatMap((m) => [`${m} occupancy %`, `${m} low`, `${m} high`])],
      rows: groups.map((g, k): Cell[] => [g, ...series.flatMap((s) => { const v = s.values[k]; return v ? [v.mean, v.lo, v.hi] : [null, null, null]; })]),
    },
  });

  const names = mediaColumns(byMedia);
  const table: DataTable = {
    columns: ["media", ...names.map((n) => MEDIA_COLUMN[n])],
    rows: media.map((m) => [m, ...names.map((n) => { const s = byMedia[m]!.metrics[n]; return s ? mediaValue(n, s.mean) : null; })]),
  };
  const whisker = media.some((m) => byMedia[m]!.metrics.serviceLevel?.ci95) ? " Whiskers: 95% confidence intervals." : "";
  return {
    id: "media",
    title: "Media",
    body:
      el(
        "p",
        { class: "note" },
        esc(
          `Each media on its own: ${media.join(", ")}. Occupancy counts the time an agent holds at least one ` +
            "interaction of the media; concurrency, how many it holds at once meanwhile; conflicts are those of the " +
            `media's reservations. Means over replications.${whisker} `,
        ),
        csvLink(table, "media.csv"),
      ) +
      el("div", { class: "grid" }, serviceLevel, occupancy) +
      el("div", { class: "wide" }, tableHtml(table, "media")),
  };
}
