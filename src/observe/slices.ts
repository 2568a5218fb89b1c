// The slices of one replication's tallies: the whole center, each site, node, type, agent group and URS, and each
// interval (whole center, per site, per type); which of them a call's or an agent's observations go to; and their
// metrics at the end. Interactions are counted in the interval they arrived in. An interval nothing can change any
// more is closed (interval-closing.ts says when): its tallies packed as plain numbers (closed-intervals.ts), reopened
// exactly as they were should anything still reach it.

import { Tally, metricsOf, type MetricParts } from "../metrics/tally.js";
import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import type { ContactCenter } from "../model/contact-center.js";
import { ClosedIntervals } from "./closed-intervals.js";
import type { IntervalRow } from "./results.js";

/** the distinct tallies of a list, in order (aliased slices appear once) */
function unique(tallies: Tally[]): Tally[] {
  return [...new Set(tallies)];
}

export class Slices {
  readonly total = new Tally();
  readonly sites: Tally[];
  readonly nodes: Tally[];
  readonly types: Tally[];
  readonly groups: Tally[];
  readonly urs: Tally[] = [];
  /** per interval: [whole, ...sites, ...types]; null while it is closed (see row) */
  private readonly intervals: (Tally[] | null)[];
  /** the closed intervals' counters */
  private readonly closed: ClosedIntervals;
  /** for each place of an interval's row, which of its distinct tallies it is (a slice seeing what the whole sees is
   *  the whole's tally): the same for every interval */
  private readonly shape: number[];
  /** per media index, the media breakdown's tallies a call of that media also reports to; null when all is voice */
  private mediaTallies: readonly Tally[] | null = null;
  /** the tallies a counted call reports to, by (arrival interval, type, node), built on first use so that observing
   *  allocates nothing per call */
  private readonly sliceCache: (Tally[] | undefined)[] = [];
  /** the last call observed (by ConnID, unique within a replication) and its slices */
  private lastCallId = -1;
  private lastSlices: Tally[] | null = null;
  /** one list per (group, owner node), shared by the agents it fits: a few lists that stay in cache */
  private readonly lists = new Map<string, Tally[]>();
  /** the length of an interval; without the series, the whole run is one */
  private readonly interval: number;

  /** `series` false: no interval series (nothing will read it), so the run counts as one interval does and has no
   *  interval rows, at no cost per interval */
  constructor(
    private readonly scenario: ContactCenter["scenario"],
    private readonly series = true,
  ) {
    // A slice that would see exactly what another sees is that other tally, so each observation is added once: the
    // only site or node sees everything the whole center sees; the only type sees every call (a type shows no
    // occupancy, so the agent time the whole center also sees does not matter); the only interval is the whole run.
    const make = (n: number, whole: Tally[]) => (n === 1 ? whole : Array.from({ length: n }, () => new Tally()));
    this.sites = make(scenario.sites.length, [this.total]);
    this.nodes = make(scenario.sites.reduce((n, s) => n + s.nodes, 0), [this.total]);
    this.types = make(scenario.traffic.length, [this.total]);
    this.groups = Array.from({ length: scenario.agents.length }, () => new Tally());
    this.interval = series ? scenario.interval : Infinity;
    const intervals = series ? Math.ceil(scenario.horizon / scenario.interval) : 1;
    this.intervals =
      intervals === 1
        ? [[this.total, ...this.sites, ...this.types]]
        : Array.from({ length: intervals }, () => this.newRow());
    const first = this.intervals[0]!;
    const distinct = unique(first);
    this.shape = first.map((t) => distinct.indexOf(t));
    this.closed = new ClosedIntervals(this.intervals.length);
  }

  /** A fresh interval row, aliased as the whole-run slices are. */
  private newRow(): Tally[] {
    const { sites, traffic } = this.scenario;
    const whole = new Tally();
    const make = (n: number) => (n === 1 ? [whole] : Array.from({ length: n }, () => new Tally()));
    return [whole, ...make(sites.length), ...make(traffic.length)];
  }

  /** the number of intervals (1 without the series) */
  get intervalCount(): number {
    return this.intervals.length;
  }

  /** Interval k's row, reopened first if it was closed (undefined past the last interval). */
  row(k: number): Tally[] | undefined {
    const row = this.intervals[k];
    if (row !== null) return row;
    const reopened = this.unfolded(k);
    this.intervals[k] = reopened;
    return reopened;
  }

  /** closed interval k's row, made again from its numbers, aliased as it was */
  private unfolded(k: number): Tally[] {
    const distinct = this.closed.unpack(k);
    return this.shape.map((i) => distinct[i]!);
  }

  /** Closes interval k: its counters become plain numbers and its tallies, and the call slices that held them, go. */
  close(k: number): void {
    const row = this.intervals[k];
    if (row === null || row === undefined || this.intervals.length === 1) return;
    this.closed.pack(k, unique(row));
    this.intervals[k] = null;
    const keys = this.types.length * (this.nodes.length + 1);
    for (let key = k * keys; key < (k + 1) * keys; key++) this.sliceCache[key] = undefined;
    this.lastCallId = -1;
    this.lastSlices = null;
  }

  /** whether interval k is closed */
  isClosed(k: number): boolean {
    return this.intervals[k] === null;
  }

  /** The URSes are known once the center is built; a call of a media other than voice also reports to its media's
   *  tally (`media`, per media index; null when all the traffic is voice). */
  attach(center: ContactCenter, media: readonly Tally[] | null): void {
    for (let i = 0; i < center.urs.length; i++) this.urs.push(new Tally());
    this.mediaTallies = media;
  }

  /** the distinct whole-run tallies an agent's time goes to: the whole center, its site, its owner node and group */
  listOf(agent: Agent): Tally[] {
    // (an agent with no DN owner, a multimedia one, counts at no node)
    const key = `${agent.group.index}/${agent.owner === null ? -1 : agent.owner.index}`;
    let list = this.lists.get(key);
    if (!list) {
      const { site, owner, group } = agent;
      const node = owner === null ? [] : [this.nodes[owner.index]!];
      list = unique([this.total, this.sites[site.index]!, ...node, this.groups[group.index]!]);
      this.lists.set(key, list);
    }
    return list;
  }

  /** the tallies a call's observation goes to; null for a call not counted (outside [warmup, horizon)) */
  of(call: Call): Tally[] | null {
    // a call's observations mostly come in a row (routed, rung and answered at one instant): remember the last call's
    if (call.id === this.lastCallId) return this.lastSlices;
    this.lastCallId = call.id;
    this.lastSlices = call.counted ? this.slicesOf(call) : null;
    return this.lastSlices;
  }

  private slicesOf(call: Call): Tally[] {
    const k = Math.floor(call.arrival / this.interval);
    // chat and email live on no node: their own column of keys, and no node slice
    const node = call.node === null ? this.nodes.length : call.node.index;
    const key = (k * this.types.length + call.type.index) * (this.nodes.length + 1) + node;
    let slices = this.sliceCache[key];
    if (slices === undefined) {
      const row = this.row(k)!;
      const site = call.type.site.index;
      slices = unique([
        this.total,
        this.sites[site]!,
        ...(call.node === null ? [] : [this.nodes[node]!]),
        this.types[call.type.index]!,
        row[0]!,
        row[1 + site]!,
        row[1 + this.sites.length + call.type.index]!,
        ...(this.mediaTallies === null ? [] : [this.mediaTallies[call.type.media]!]),
      ]);
      this.sliceCache[key] = slices;
    }
    return slices;
  }

  /** The metrics of every slice over the measured window (`hours` long); `parts` adds the fault metrics and the
   *  default DN's. */
  metrics(center: ContactCenter, hours: number, parts: MetricParts) {
    const byId = <T extends { id: string }>(items: readonly T[], tallies: Tally[], occ: boolean, arrivals = true) =>
      Object.fromEntries(items.map((x, i) => [x.id, metricsOf(tallies[i]!, hours, occ, parts, arrivals)]));
    return {
      metrics: metricsOf(this.total, hours, true, parts),
      bySite: byId(center.topology.sites, this.sites, true),
      byNode: byId(center.topology.nodes, this.nodes, true),
      byType: byId(center.traffic, this.types, false),
      byGroup: byId(center.groups, this.groups, true, false),
      byUrs: byId(center.urs, this.urs, false, false),
    };
  }

  /** Each interval's rows after warmup: the whole center, each site, each type (none without the series). */
  intervalRows(parts: MetricParts): IntervalRow[] {
    if (!this.series) return [];
    const sc = this.scenario;
    const { warmup, horizon, interval } = sc;
    const rows: IntervalRow[] = [];
    this.intervals.forEach((open, k) => {
      const start = k * interval;
      const end = Math.min(horizon, start + interval);
      const h = (end - Math.max(start, warmup)) / 3600;
      if (end <= warmup) return;
      // a closed interval's tallies, made again from its numbers for as long as its rows take
      const row = open ?? this.unfolded(k);
      // agents on shift: logged-in agent-seconds over the interval's measured seconds, the time-average head count
      const staffed = (t: Tally) => t.loggedInTime / (h * 3600);
      rows.push({ start, end, site: "*", type: "*", metrics: metricsOf(row[0]!, h, true, parts), staffed: staffed(row[0]!) });
      sc.sites.forEach((s, i) =>
        rows.push({ start, end, site: s.id, type: "*", metrics: metricsOf(row[1 + i]!, h, true, parts), staffed: staffed(row[1 + i]!) }),
      );
      sc.traffic.forEach((t, i) =>
        rows.push({ start, end, site: t.site, type: t.type, metrics: metricsOf(row[1 + sc.sites.length + i]!, h, false, parts) }),
      );
    });
    return rows;
  }
}
