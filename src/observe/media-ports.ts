// What the Asterisk media ports did in one replication (only for scenarios whose sites have them): the requests made
// in [warmup, horizon), treatments and recordings, and how many found no port (a treatment skipped, a recording
// lost; a call landing in a site with no media server is refused too, counted in the totals); the busy ports'
// time-average over that window as a share of capacity; the most ports busy at once inside it.

import type { MediaPortPool } from "../model/asterisk/media-ports.js";
import type { Scenario } from "../scenario/types.js";
import type { MediaPortRecord, MediaPortSiteRecord } from "./results.js";

export class MediaPortMeter {
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly ids: readonly string[];
  private readonly capacity: readonly number[];
  /** per site: ports busy now, since when, busy port-seconds inside the window, the most busy inside it */
  private readonly busy: Int32Array;
  private readonly last: Float64Array;
  private readonly area: Float64Array;
  private readonly peak: Int32Array;
  /** per site, inside the window: requests, refused, by use */
  private readonly requests: Int32Array;
  private readonly refused: Int32Array;
  private treatments = 0;
  private skipped = 0;
  private recordings = 0;
  private lost = 0;

  constructor(scenario: Scenario) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.ids = scenario.sites.map((s) => s.id);
    this.capacity = scenario.sites.map((s) => s.mediaPorts?.capacity ?? 0);
    const n = scenario.sites.length;
    this.busy = new Int32Array(n);
    this.last = new Float64Array(n);
    this.area = new Float64Array(n);
    this.peak = new Int32Array(n);
    this.requests = new Int32Array(n);
    this.refused = new Int32Array(n);
  }

  taken(pool: MediaPortPool, recording: boolean, now: number): void {
    this.change(pool.site, pool.busy, now);
    if (!this.inWindow(now)) return;
    this.requests[pool.site]!++;
    if (recording) this.recordings++;
    else this.treatments++;
  }

  freed(pool: MediaPortPool, now: number): void {
    this.change(pool.site, pool.busy, now);
  }

  refusedAt(site: number, recording: boolean, now: number): void {
    if (!this.inWindow(now)) return;
    this.requests[site]!++;
    this.refused[site]!++;
    if (recording) this.lost++;
    else this.skipped++;
  }

  private inWindow(now: number): boolean {
    return now >= this.warmup && now < this.horizon;
  }

  /** The site's busy count turns `busy` at `now`: the time at the old count is added up (clipped to the window). */
  private change(site: number, busy: number, now: number): void {
    this.advance(site, now);
    this.busy[site] = busy;
    if (this.inWindow(now) && busy > this.peak[site]!) this.peak[site] = busy;
  }

  private advance(site: number, now: number): void {
    const from = Math.max(this.last[site]!, this.warmup);
    const to = Math.min(now, this.horizon);
    const held = this.busy[site]!;
    // the ports already busy when the window opens
    if (this.last[site]! < this.warmup && now >= this.warmup && held > this.peak[site]!) this.peak[site] = held;
    if (to > from) this.area[site]! += held * (to - from);
    this.last[site] = now;
  }

  result(): MediaPortRecord {
    const window = this.horizon - this.warmup;
    let requests = 0;
    let refused = 0;
    let area = 0;
    let capacity = 0;
    let peak = 0;
    const bySite: Record<string, MediaPortSiteRecord> = {};
    this.ids.forEach((id, i) => {
      this.advance(i, this.horizon);
      requests += this.requests[i]!;
      refused += this.refused[i]!;
      const c = this.capacity[i]!;
      if (c === 0) return;
      area += this.area[i]!;
      capacity += c;
      peak = Math.max(peak, this.peak[i]!);
      bySite[id] = {
        capacity: c,
        portBlocking: share(this.refused[i]!, this.requests[i]!),
        portUtilization: this.area[i]! / (c * window),
        portsPeak: this.peak[i]!,
      };
    });
    return {
      requests,
      portBlocking: share(refused, requests),
      portUtilization: area / (capacity * window),
      portsPeak: peak,
      treatments: this.treatments,
      treatmentsSkipped: this.skipped,
      recordings: this.recordings,
      recordingsLost: this.lost,
      bySite,
    };
  }
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
