// The metrics of the per-media breakdown (summary.json `byMedia`, media.csv), apart from the design's list so that a
// voice-only scenario reports exactly what it always did.

export const MEDIA_METRIC_NAMES = [
  "offered", "answered", "abandoned", "serviceLevel", "asa", "abandonRate", "occupancy", "concurrency",
  "reservationRequests", "reservationConflicts", "conflictRate", "conflictsPerCall", "imMessages",
] as const;

export type MediaMetricName = (typeof MEDIA_METRIC_NAMES)[number];
export type MediaRecord = Partial<Record<MediaMetricName, number>>;

/** One media's breakdown in one replication: the whole center, and each agent group that can take it. */
export interface MediaResult {
  readonly metrics: MediaRecord;
  readonly byGroup: Record<string, MediaRecord>;
}
