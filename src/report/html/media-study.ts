// The "Media" part of the sweep and compare reports (scenarios with chat, email or IM only): service level,
// reservation conflicts and conflict rate of each media across the swept values or the variants, and the media tables.

import type { MediaMetricName } from "../../metrics/media-metrics.js";
import type { ComparisonData, SweepData } from "../comparison.js";
import { mediaColumns } from "../media.js";
import { bandChart, type BandSeries } from "./band-chart.js";
import { seriesClass, type Estimate } from "./chart-frame.js";
import { dotChart, type DotRow } from "./dot-chart.js";
import { FEW_OBSERVATIONS, isFew } from "./few-observations.js";
import { csvLink, figure, tableHtml, type Cell, type DataTable } from "./figure.js";
import { el, esc } from "./markup.js";
import { MEDIA_COLUMN, mediaEstimate, mediaValue } from "./media-section.js";
import type { Section } from "./page.js";
import type { MediaSummaries } from "../../observe/results.js";

interface Charted {
  readonly name: MediaMetricName;
  readonly title: string;
  readonly axis: string;
  readonly unit: string;
  /** the count a share is taken of: when its mean is 0, no replication had any, and the share is 0/0, not 0 */
  readonly of?: MediaMetricName;
}

const CHARTED: readonly Charted[] = [
  { name: "serviceLevel", title: "Service level per media", axis: "answered within the media's threshold (%)", unit: "%", of: "offered" },
  { name: "reservationConflicts", title: "Reservation conflicts per media", axis: "reservation conflicts (per run)", unit: "per run" },
  { name: "conflictRate", title: "Conflict rate per media", axis: "conflicts per reservation request (%)", unit: "%", of: "reservationRequests" },
];

function estimateOf(c: Charted, m: MediaSummaries | undefined): Estimate | null {
  if (!m) return null;
  if (c.of && m[c.of]?.mean === 0) return null;
  return mediaEstimate(c.name, m[c.name]);
}

/** The estimate as charted: a share of too few observations is left off the chart (its table keeps it). */
const chartedOf = (c: Charted, m: MediaSummaries | undefined): Estimate | null => (c.of && m && isFew(m[c.of]?.mean) ? null : estimateOf(c, m));

const FEW_NOTE = `A share of fewer than ${FEW_OBSERVATIONS} interaction offered (or reservation request) a replication is left off the chart, too few to mean anything; the table keeps it.`;

const distinct = (xs: readonly string[]) => [...new Set(xs)];

/** every media met, in the order first met */
const mediaOf = (all: readonly (Record<string, unknown> | undefined)[]) => distinct(all.flatMap((b) => (b ? Object.keys(b) : [])));

const NOTE =
  "Each media on its own, judged on its own service level threshold (its traffic types' serviceLevel, else the " +
  "scenario's); conflicts are those of the media's reservations. A media offered nothing has no service level (nor a " +
  "conflict rate without reservation requests): that point is left out of the chart and blank in its table (the " +
  "media tables show the JSON file's values as they are).";

/** The media table of the terminal as means, one row per `lead`, with a CSV link. */
function meansTable(id: string, file: string, title: string, note: string, lead: readonly string[], rows: readonly { lead: readonly string[]; m: MediaSummaries | undefined }[], media: readonly string[]): string {
  const names = mediaColumns(Object.fromEntries(media.map((m) => [m, true])));
  const table: DataTable = {
    columns: [...lead, ...names.map((n) => MEDIA_COLUMN[n])],
    rows: rows.map((r): Cell[] => [...r.lead, ...names.map((n) => { const s = r.m?.[n]; return s ? mediaValue(n, s.mean) : null; })]),
  };
  return el(
    "div",
    { class: "media-table", id },
    el("h3", {}, esc(title)),
    el("p", { class: "note" }, esc(`${note} `), csvLink(table, file)),
    el("div", { class: "wide" }, tableHtml(table, "media")),
  );
}

export function sweepMediaSection(d: SweepData): Section | null {
  const media = mediaOf(d.points.map((p) => p.byMedia));
  if (media.length === 0) return null;
  const xValues = distinct(d.points.map((p) => p.values[0]!));
  const groups = d.vary.length > 1 ? distinct(d.points.map((p) => p.values[1]!)) : [""];
  const pointAt = (x: string, g: string) => d.points.find((p) => p.values[0] === x && (d.vary.length === 1 || p.values[1] === g));
  const figures = CHARTED.map((c) => {
    const series: BandSeries[] = media.flatMap((m) =>
      groups.map((g) => ({
        name: d.vary.length > 1 ? `${m}, ${d.vary[1]} = ${g}` : m,
        points: xValues.map((x) => chartedOf(c, pointAt(x, g)?.byMedia?.[m]?.metrics)),
      })),
    );
    const table: DataTable = {
      columns: [...d.vary, "media", `${MEDIA_COLUMN[c.name].replace(/ %$/, "")} (${c.unit})`, "95% CI low", "95% CI high"],
      rows: d.points.flatMap((p) =>
        media.map((m): Cell[] => {
          const e = estimateOf(c, p.byMedia?.[m]?.metrics);
          return [...p.values, m, e?.mean ?? null, e?.lo ?? null, e?.hi ?? null];
        }),
      ),
    };
    return figure({
      id: `media-${c.name}`,
      title: c.title,
      kind: "bands",
      ...(c.of ? { note: FEW_NOTE } : {}),
      chart: bandChart({ label: `${c.title} against ${d.vary[0]}`, xValues, xTitle: d.vary[0]!, yTitle: c.axis, series }),
      table,
    });
  });
  const tables = media.map((m) =>
    meansTable(`media-table-${m}`, `media-${m}.csv`, m, `${m} against ${d.vary.join(" × ")}: means over replications.`, d.vary, d.points.map((p) => ({ lead: p.values, m: p.byMedia?.[m]?.metrics })), media),
  );
  return {
    id: "media",
    title: "Media",
    body:
      el("p", { class: "note" }, esc(`${NOTE} Each point: the mean over its replications; the band: its 95% confidence interval.`)) +
      el("div", { class: "grid" }, ...figures) +
      tables.join(""),
  };
}

export function compareMediaSection(d: ComparisonData): Section | null {
  const media = mediaOf(d.variants.map((v) => v.byMedia));
  if (media.length === 0) return null;
  const figures = CHARTED.map((c) => {
    const rows: DotRow[] = media.flatMap((m, i) =>
      d.variants.flatMap((v) => {
        const e = chartedOf(c, v.byMedia?.[m]?.metrics);
        return e ? [{ label: `${m}, ${v.value}`, est: e, cls: `dotrow ${seriesClass(i + 1)}` }] : [];
      }),
    );
    const table: DataTable = {
      columns: ["media", d.vary, `${MEDIA_COLUMN[c.name].replace(/ %$/, "")} (${c.unit})`, "95% CI low", "95% CI high"],
      rows: media.flatMap((m) =>
        d.variants.map((v): Cell[] => {
          const e = estimateOf(c, v.byMedia?.[m]?.metrics);
          return [m, v.value, e?.mean ?? null, e?.lo ?? null, e?.hi ?? null];
        }),
      ),
    };
    return figure({
      id: `media-${c.name}`,
      title: c.title,
      kind: "dots",
      ...(c.of ? { note: FEW_NOTE } : {}),
      chart: rows.length > 0 ? dotChart({ label: `${c.title} of each variant`, xTitle: c.axis, rows }) : "",
      table,
    });
  });
  const table = meansTable(
    "media-table",
    "media.csv",
    "Each media of each variant",
    "Means over replications, as on the terminal.",
    [d.vary, "media"],
    d.variants.flatMap((v) => media.map((m) => ({ lead: [v.value, m], m: v.byMedia?.[m]?.metrics }))),
    media,
  );
  return {
    id: "media",
    title: "Media",
    body:
      el("p", { class: "note" }, esc(`${NOTE} Each variant's mean with its 95% confidence interval, one row per media and variant.`)) +
      el("div", { class: "grid" }, ...figures) +
      table,
  };
}
