// An interval export as an ACD would write it, drawn from a scenario: each day one replication, each interval of each
// type a row (offered, handled, AHT, abandoned, answered within the service level threshold, staffed), counted by
// the interval the calls arrived in. The shipped example export and the tests' exports of known parameters come
// from here: what `ccsim import` must recover is then known exactly.

import { formatTimestamp } from "../scenario/timestamp.js";
import type { Scenario } from "../scenario/types.js";
import { NoObserver } from "../model/observer.js";
import type { Call } from "../model/sip/call.js";
import type { Agent } from "../model/agents/agent.js";
import { runReplication } from "./replication.js";

export interface ExportDraw {
  /** days drawn: replications 0 .. days - 1 of this seed (not the scenario's, so that a calibration run of the
   *  scenario draws other days than the export holds) */
  readonly seed: number;
  readonly days: number;
  /** the first day's time 0, seconds since the epoch; day d starts d x 24h later */
  readonly start: number;
  /** the queue name of each traffic type in the export (default: the type's name) */
  readonly queues?: Readonly<Record<string, string>>;
}

/** The handle time of each answered call, summed per (arrival interval, type): what an export's AHT averages. */
class HandleTimes extends NoObserver {
  readonly sum: Float64Array;
  readonly n: Float64Array;
  constructor(private readonly interval: number, private readonly types: number, intervals: number) {
    super();
    this.sum = new Float64Array(intervals * types);
    this.n = new Float64Array(intervals * types);
  }
  override answered(call: Call, _agent: Agent): void {
    const k = Math.floor(call.arrival / this.interval) * this.types + call.type.index;
    this.sum[k]! += call.handleTime;
    this.n[k]!++;
  }
}

/** the agents of the groups having the type's skill, logged in during the interval starting at `t` */
function staffedAt(scenario: Scenario, type: string, t: number): number {
  let n = 0;
  for (const g of scenario.agents) {
    if (g.skills[type] === undefined) continue;
    const s = g.staffing;
    n += s === undefined ? g.count : s.counts[Math.min(s.counts.length - 1, Math.floor(t / s.period + 1e-9))]!;
  }
  return n;
}

export function drawExport(scenario: Scenario, draw: ExportDraw): string {
  const { interval, traffic } = scenario;
  const intervals = Math.ceil(scenario.horizon / interval);
  const lines = ["interval_start,queue,offered,handled,aht,abandoned,answered_within,staffed"];
  for (let day = 0; day < draw.days; day++) {
    const handle = new HandleTimes(interval, traffic.length, intervals);
    const result = runReplication(scenario, draw.seed, day, { series: true, observers: () => [handle] });
    for (const row of result.intervals) {
      if (row.type === "*") continue;
      const index = traffic.findIndex((t) => t.type === row.type);
      const k = Math.floor(row.start / interval) * traffic.length + index;
      const m = row.metrics;
      const offered = m.offered ?? 0;
      const handled = handle.n[k]!;
      if (handled !== m.answered) throw new Error(`${row.type} at ${row.start}: ${handled} handle times for ${m.answered} answered`);
      const aht = handled > 0 ? String(Math.round((handle.sum[k]! / handled) * 10) / 10) : "";
      const within = Math.round((m.serviceLevel ?? 0) * offered);
      const start = formatTimestamp(draw.start + day * 86400 + row.start);
      const queue = draw.queues?.[row.type] ?? row.type;
      lines.push(`${start},${queue},${offered},${handled},${aht},${m.abandoned ?? 0},${within},${staffedAt(scenario, row.type, row.start)}`);
    }
  }
  return lines.join("\n") + "\n";
}
