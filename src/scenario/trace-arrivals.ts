// From a read trace to the arrivals of each traffic type that replays it: which type each row belongs to, its time
// from the scenario's start, and the columns that override the type's draws.
//
// A row belongs to the one traffic type, among those whose arrivals name this trace, that its type, site and media
// cells (where the trace has them and they are not empty) agree with; none or several is an error at the row. So one
// export can feed several types, told apart by a type column, or by a site column when there is a type per site.

import { suggestion } from "./did-you-mean.js";
import { describeValue } from "./errors.js";
import { formatDuration } from "./duration.js";
import { formatTimestamp } from "./timestamp.js";
import { FloatList } from "./float-list.js";
import { traceError, type NameColumn, type RawTrace, type TraceColumn } from "./trace-columns.js";
import { MEDIA, type Media } from "./types.js";

/** A traffic type whose arrivals come from the trace. */
export interface TraceUser {
  readonly type: string;
  readonly site: string;
  readonly media: Media;
}

export interface TypeArrivals {
  readonly times: Float64Array;
  readonly handleTime: Float64Array | null;
  readonly patience: Float64Array | null;
  readonly priority: Float64Array | null;
}

export interface TraceContext {
  readonly horizon: number;
  /** seconds since the epoch of time 0, when the scenario gives `start` */
  readonly start: number | undefined;
  readonly types: readonly string[];
  readonly sites: readonly string[];
}

const nameOf = (col: NameColumn | null, row: number): string | undefined => {
  if (col === null) return undefined;
  const code = col.codes[row]!;
  return code === 0 ? undefined : col.names[code];
};

/** Each user's arrivals in [0, horizon), in the order of `users`. Throws InputError at the first row that fits none. */
export function traceArrivals(raw: RawTrace, users: readonly TraceUser[], ctx: TraceContext): TypeArrivals[] {
  const at = (row: number, column: TraceColumn, detail: string) =>
    traceError(raw.file, raw.line[row]!, raw.columns[column] ?? 1, column, detail);

  let offset = 0;
  if (raw.timestamps) {
    if (ctx.start === undefined) {
      const midnight = Math.floor(raw.time[0]! / 86400) * 86400;
      throw at(0, "time", `ISO timestamps count from the scenario's start: add start: ${formatTimestamp(midnight)} (or when time 0 is) to the scenario`);
    }
    offset = ctx.start;
    if (raw.rows > 0 && raw.time[0]! < offset) {
      throw at(0, "time", `${formatTimestamp(raw.time[0]!)} is before the scenario's start (${formatTimestamp(offset)})`);
    }
  }

  const knownMedia = MEDIA as readonly string[];
  /** (type, site, media codes) -> user index */
  const resolved = new Map<number, number>();
  const resolve = (row: number): number => {
    const type = nameOf(raw.type, row);
    const site = nameOf(raw.site, row);
    const media = nameOf(raw.media, row);
    if (type !== undefined && !ctx.types.includes(type)) {
      const hint = suggestion(type, ctx.types);
      throw at(row, "type", `unknown traffic type ${describeValue(type)}${hint}${hint === "" ? `; types are ${ctx.types.join(", ")}` : ""}`);
    }
    if (site !== undefined && !ctx.sites.includes(site)) {
      const hint = suggestion(site, ctx.sites);
      throw at(row, "site", `unknown site ${describeValue(site)}${hint}${hint === "" ? `; sites are ${ctx.sites.join(", ")}` : ""}`);
    }
    if (media !== undefined && !knownMedia.includes(media)) {
      throw at(row, "media", `expected one of ${MEDIA.join(", ")}, got ${describeValue(media)}${suggestion(media, MEDIA)}`);
    }
    const fits = users.flatMap((u, i) =>
      (type === undefined || u.type === type) && (site === undefined || u.site === site) && (media === undefined || u.media === media) ? [i] : [],
    );
    if (fits.length === 1) return fits[0]!;
    if (fits.length > 1) {
      const names = fits.map((i) => users[i]!.type).join(", ");
      throw at(row, raw.type !== null ? "type" : raw.site !== null ? "site" : "time",
        `this row fits traffic types ${names}, which all take arrivals from this trace: add a type column (or a site column that tells them apart)`);
    }
    if (type !== undefined) {
      const user = users.find((u) => u.type === type);
      if (user === undefined) throw at(row, "type", `traffic type ${describeValue(type)} does not take its arrivals from this trace`);
      if (site !== undefined && user.site !== site) {
        throw at(row, "site", `traffic type ${describeValue(type)} arrives at site ${user.site}, not ${describeValue(site)} (a type per entry site can share the trace)`);
      }
      throw at(row, "media", `traffic type ${describeValue(type)} is ${user.media}, not ${describeValue(media)}`);
    }
    const listed = users.map((u) => `${u.type} (${u.site}, ${u.media})`).join(", ");
    const what = [site === undefined ? "" : `site ${site}`, media === undefined ? "" : `media ${media}`].filter((x) => x).join(" and ");
    throw at(row, site !== undefined ? "site" : "media", `no traffic type taking arrivals from this trace has ${what}; those that do: ${listed}`);
  };

  const n = raw.rows;
  const estimate = Math.ceil(n / users.length);
  const out = users.map(() => ({
    times: new FloatList(estimate),
    handleTime: raw.handleTime === null ? null : new FloatList(estimate),
    patience: raw.patience === null ? null : new FloatList(estimate),
    priority: raw.priority === null ? null : new FloatList(estimate),
  }));
  const typeCodes = raw.type?.codes;
  const siteCodes = raw.site?.codes;
  const mediaCodes = raw.media?.codes;
  const single = users.length === 1 && typeCodes === undefined && siteCodes === undefined && mediaCodes === undefined;
  for (let row = 0; row < n; row++) {
    // every row is checked, also those past the horizon: a wrong name is wrong data wherever it is
    let user = 0;
    if (!single) {
      const key = (typeCodes?.[row] ?? 0) + (siteCodes?.[row] ?? 0) * 0x10000 + (mediaCodes?.[row] ?? 0) * 0x100000000;
      let u = resolved.get(key);
      if (u === undefined) resolved.set(key, (u = resolve(row)));
      user = u;
    }
    const t = raw.time[row]! - offset;
    if (t >= ctx.horizon) continue;
    const o = out[user]!;
    o.times.push(t);
    o.handleTime?.push(raw.handleTime![row]!);
    o.patience?.push(raw.patience![row]!);
    o.priority?.push(raw.priority![row]!);
  }
  return out.map((o) => ({
    times: o.times.done(),
    handleTime: o.handleTime?.done() ?? null,
    patience: o.patience?.done() ?? null,
    priority: o.priority?.done() ?? null,
  }));
}

/** at most this many periods in a trace's equivalent profile; past it, periods are whole multiples of the interval */
const MAX_PERIODS = 100_000;

/** The trace's arrivals per interval as rates: the Poisson profile with the same counts (for estimates and stats). */
export function equivalentProfile(times: Float64Array, interval: number, horizon: number): { period: number; rates: number[] } {
  interval *= Math.max(1, Math.ceil(horizon / interval / MAX_PERIODS));
  const counts = new Array<number>(Math.max(1, Math.ceil(horizon / interval))).fill(0);
  for (let i = 0; i < times.length; i++) counts[Math.min(counts.length - 1, Math.floor(times[i]! / interval))]!++;
  return { period: interval, rates: counts.map((c) => c / interval) };
}

/** "no arrivals before the horizon" in words the planner can act on. */
export function noArrivalsMessage(type: string, horizon: number, rows: number): string {
  return rows === 0
    ? "the trace has no rows"
    : `the trace has no arrivals of ${type} before the horizon (${formatDuration(horizon)})`;
}
