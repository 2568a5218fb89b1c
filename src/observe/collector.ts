// Turns one replication's observations into tallies: the whole center, each site, node, type, group and URS, and each
// interval (whole center, per site, per type). Interactions are counted in the interval they arrived in.

import type { Simulation } from "../kernel/simulation.js";
import { Histogram } from "../metrics/histogram.js";
import { Tally, metricsOf, type MetricRecord } from "../metrics/tally.js";
import { AgentState, isHandling, type AgentStateValue } from "../model/agents/agent-state.js";
import type { Agent } from "../model/agents/agent.js";
import type { Call } from "../model/sip/call.js";
import type { FailureReason, Observer } from "../model/observer.js";
import type { ClusterNode } from "../model/sip/topology.js";
import type { Urs } from "../model/routing/urs.js";
import type { ContactCenter as World } from "../model/contact-center.js";
import { componentRecords, type ComponentRecord } from "../experiment/component-report.js";
import type { MediaResult } from "../metrics/media-metrics.js";
import { MediaBreakdown } from "./media-breakdown.js";

export interface IntervalRow {
  readonly start: number;
  readonly end: number;
  /** "*" for all sites */
  readonly site: string;
  /** "*" for all types */
  readonly type: string;
  readonly metrics: MetricRecord;
}

export interface ReplicationResult {
  readonly events: number;
  readonly metrics: MetricRecord;
  readonly bySite: Record<string, MetricRecord>;
  readonly byNode: Record<string, MetricRecord>;
  readonly byType: Record<string, MetricRecord>;
  readonly byGroup: Record<string, MetricRecord>;
  readonly byUrs: Record<string, MetricRecord>;
  readonly intervals: readonly IntervalRow[];
  /** agents whose DN each node owns */
  readonly agentsPerNode: Record<string, number>;
  readonly routingDelayP95: number;
  /** what each fault cost (absent when the scenario has none) */
  readonly faults?: readonly FaultCost[];
  /** each component instance's load (absent without the component load model) */
  readonly components?: readonly ComponentRecord[];
  /** per media the traffic uses (absent when all of it is voice) */
  readonly byMedia?: Record<string, MediaResult>;
  /** calls still in the system when the drain limit stopped the run (absent when it drained before) */
  readonly cutAtDrainLimit?: number;
}

/** What one fault cost in one replication, counting everything it caused whenever it happened (warmup included). */
export interface FaultCost {
  /** calls lost before they were answered */
  dropped: number;
  /** established calls cut off */
  cutOff: number;
  defaultRouted: number;
  lostRequests: number;
  routingFailures: number;
}

/** the distinct tallies of a list, in order (aliased slices appear once) */
function unique(tallies: Tally[]): Tally[] {
  return [...new Set(tallies)];
}

function addTime(t: Tally, d: number, handling: number): void {
  t.loggedInTime += d;
  t.handlingTime += d * handling;
}

export class Collector implements Observer {
  private readonly total = new Tally();
  private readonly sites: Tally[];
  private readonly nodes: Tally[];
  private readonly types: Tally[];
  private readonly groups: Tally[];
  private readonly ursTallies: Tally[];
  /** per interval: [whole, ...sites, ...types] */
  private readonly intervals: Tally[][];
  private readonly routingDelays = new Histogram();
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly interval: number;
  /** the service level threshold of each traffic type */
  private readonly thresholds: Float64Array;
  private world: World | null = null;
  /** null when every traffic type is voice */
  private media: MediaBreakdown | null = null;
  private readonly scenario: World["scenario"];
  /** the tallies a counted call reports to, by (arrival interval, type, node), built on first use so that observing
   *  allocates nothing per call */
  private readonly sliceCache: (Tally[] | undefined)[] = [];
  /** the last call observed (by ConnID, unique within a replication) and its slices */
  private lastCallId = -1;
  private lastSlices: Tally[] | null = null;
  /** per agent, the distinct whole-run tallies its time goes to: the whole center, its site, node and group */
  private readonly agentTallies: Tally[][] = [];
  /** per agent, logged-in and handling time not yet added to its whole-run tallies: one sum a state change instead of
   *  one per tally, added to them when the agent changes owner and at the end */
  private loggedIn = new Float64Array(0);
  private handling = new Float64Array(0);
  /** per fault, null when the scenario has none */
  private readonly faultCosts: FaultCost[] | null;
  private readonly withFaults: boolean;

  constructor(
    private readonly sim: Simulation,
    scenario: World["scenario"],
  ) {
    this.warmup = scenario.warmup;
    this.horizon = scenario.horizon;
    this.interval = scenario.interval;
    this.scenario = scenario;
    this.thresholds = Float64Array.from(scenario.traffic, (t) => t.serviceLevel ?? scenario.serviceLevel);
    this.withFaults = scenario.faults.length > 0;
    this.faultCosts = this.withFaults
      ? scenario.faults.map(() => ({ dropped: 0, cutOff: 0, defaultRouted: 0, lostRequests: 0, routingFailures: 0 }))
      : null;
    // A slice that would see exactly what another sees is that other tally, so each observation is added once: the
    // only site or node sees everything the whole center sees; the only type sees every call (a type shows no
    // occupancy, so the agent time the whole center also sees does not matter); the only interval is the whole run.
    const make = (n: number, whole: Tally[]) => (n === 1 ? whole : Array.from({ length: n }, () => new Tally()));
    this.sites = make(scenario.sites.length, [this.total]);
    this.nodes = make(scenario.sites.reduce((n, s) => n + s.nodes, 0), [this.total]);
    this.types = make(scenario.traffic.length, [this.total]);
    this.groups = Array.from({ length: scenario.agents.length }, () => new Tally());
    this.ursTallies = [];
    const intervals = Math.ceil(scenario.horizon / scenario.interval);
    this.intervals =
      intervals === 1
        ? [[this.total, ...this.sites, ...this.types]]
        : Array.from({ length: intervals }, () => {
            const whole = new Tally();
            return [whole, ...make(scenario.sites.length, [whole]), ...make(scenario.traffic.length, [whole])];
          });
  }

  /** The world must be known for URS count and names; it is built after the collector it reports to. */
  attach(world: World): void {
    this.world = world;
    for (let i = 0; i < world.urs.length; i++) this.ursTallies.push(new Tally());
    for (const agent of world.agents) this.agentTallies.push(this.listOf(agent));
    this.loggedIn = new Float64Array(world.agents.length);
    this.handling = new Float64Array(world.agents.length);
    if (this.scenario.traffic.some((t) => t.media !== "voice")) {
      const serves = world.groups.map((g) => g.rule.idleMask);
      this.media = new MediaBreakdown(this.scenario, world.agents.length, serves, this.warmup, this.horizon);
    }
  }

  /** one list per (group, owner node), shared by the agents it fits: a few lists that stay in cache */
  private readonly lists = new Map<string, Tally[]>();
  private listOf(agent: Agent): Tally[] {
    const key = `${agent.group.index}/${agent.owner.index}`;
    let list = this.lists.get(key);
    if (!list) {
      const { site, owner, group } = agent;
      list = unique([this.total, this.sites[site.index]!, this.nodes[owner.index]!, this.groups[group.index]!]);
      this.lists.set(key, list);
    }
    return list;
  }

  // ---- the tallies a call's observation goes to ----
  private callSlices(call: Call): Tally[] | null {
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
      const row = this.intervals[k]!;
      const site = call.type.site.index;
      slices = unique([
        this.total,
        this.sites[site]!,
        ...(call.node === null ? [] : [this.nodes[node]!]),
        this.types[call.type.index]!,
        row[0]!,
        row[1 + site]!,
        row[1 + this.sites.length + call.type.index]!,
        ...(this.media === null ? [] : [this.media.tallies[call.type.media]!]),
      ]);
      this.sliceCache[key] = slices;
    }
    return slices;
  }

  arrival(call: Call): void {
    const s = this.callSlices(call);
    if (s) for (const t of s) t.offered++;
  }

  routeRequest(call: Call, urs: Urs): void {
    const s = this.callSlices(call);
    if (!s) return;
    for (const t of s) t.routeRequests++;
    this.ursTallies[urs.index]!.routeRequests++;
  }

  firstAttempt(call: Call, found: boolean): void {
    if (found) return;
    const s = this.callSlices(call);
    if (s) for (const t of s) t.waitedAtFirstAttempt++;
  }

  queued(): void {}

  reservationRequest(call: Call, urs: Urs): void {
    const s = this.callSlices(call);
    if (!s) return;
    for (const t of s) t.reservationRequests++;
    this.ursTallies[urs.index]!.reservationRequests++;
  }

  reservationGrant(call: Call, urs: Urs): void {
    const s = this.callSlices(call);
    if (!s) return;
    for (const t of s) t.reservationGrants++;
    this.ursTallies[urs.index]!.reservationGrants++;
  }

  reservationConflict(call: Call, urs: Urs): void {
    const s = this.callSlices(call);
    if (!s) return;
    for (const t of s) t.reservationConflicts++;
    this.ursTallies[urs.index]!.reservationConflicts++;
  }

  routeCall(call: Call, urs: Urs): void {
    const s = this.callSlices(call);
    if (!s) return;
    const first = !call.routed;
    for (const t of s) {
      t.routingAttempts++;
      if (first) t.routed++;
    }
    const u = this.ursTallies[urs.index]!;
    u.routingAttempts++;
    if (first) u.routed++;
  }

  routeFailure(call: Call, _agent: Agent, _reason: FailureReason, fault: number): void {
    if (fault >= 0) this.faultCosts![fault]!.routingFailures++;
    const s = this.callSlices(call);
    if (!s) return;
    const oos = fault >= 0 ? 1 : 0;
    for (const t of s) {
      t.routingFailures++;
      t.oosFailures += oos;
    }
    this.ursTallies[call.urs!.index]!.routingFailures++;
  }

  ringing(call: Call): void {
    const s = this.callSlices(call);
    if (!s || call.firstReserveAt < 0) return;
    const d = this.sim.now - call.firstReserveAt;
    call.firstReserveAt = -1;
    this.routingDelays.add(d);
    for (const t of s) {
      t.routingDelaySum += d;
      t.routingDelayCount++;
    }
  }

  noAnswer(call: Call, agent: Agent): void {
    this.groups[agent.group.index]!.noAnswers++;
    const s = this.callSlices(call);
    if (s) for (const t of s) t.noAnswers++;
  }

  answered(call: Call, agent: Agent): void {
    const s = this.callSlices(call);
    if (!s) return;
    const wait = this.sim.now - call.arrival;
    const within = wait <= this.thresholds[call.type.index]! ? 1 : 0;
    for (const t of s) {
      t.answered++;
      t.waitAnswered += wait;
      t.waitAll += wait;
      t.withinServiceLevel += within;
    }
    const g = this.groups[agent.group.index]!;
    g.answered++;
    g.waitAnswered += wait;
    if (this.media !== null) {
      const gm = this.media.groupTally(agent, call.type.media);
      gm.answered++;
      gm.waitAnswered += wait;
    }
  }

  released(): void {}

  imMessage(call: Call): void {
    const s = this.callSlices(call);
    if (s) for (const t of s) t.imMessages++;
  }

  abandoned(call: Call): void {
    const s = this.callSlices(call);
    if (!s) return;
    const wait = this.sim.now - call.arrival;
    for (const t of s) {
      t.abandoned++;
      t.waitAll += wait;
    }
  }

  defaultRouted(call: Call): void {
    if (call.blame >= 0) this.faultCosts![call.blame]!.defaultRouted++;
    const s = this.callSlices(call);
    if (!s) return;
    const wait = this.sim.now - call.arrival;
    for (const t of s) {
      t.defaultRouted++;
      t.waitAll += wait;
    }
  }

  dropped(call: Call, fault: number, established: boolean): void {
    if (fault >= 0) {
      if (established) this.faultCosts![fault]!.cutOff++;
      else this.faultCosts![fault]!.dropped++;
    }
    // an established call that is cut off was answered already and stays so
    const s = this.callSlices(call);
    if (!s) return;
    if (established) for (const t of s) t.cutOff++;
    else for (const t of s) t.dropped++;
  }

  lostRequest(call: Call, fault: number): void {
    if (fault >= 0) this.faultCosts![fault]!.lostRequests++;
    const s = this.callSlices(call);
    if (s) for (const t of s) t.lostRequests++;
  }

  fault(): void {}
  dnService(_statServer: string, _owner: ClusterNode): void {}

  /** The agent's time goes to its new owner node from now on: close what it spent in its state under the old one. */
  ownerChanged(agent: Agent): void {
    const now = this.sim.now;
    this.account(agent, agent.state, this.openSince(agent), now);
    (this.accountedUntil ??= new Float64Array(this.agentTallies.length))[agent.index] = now;
    this.flush(agent.index);
    this.agentTallies[agent.index] = this.listOf(agent);
  }

  /** Adds the agent's time so far to its whole-run tallies. */
  private flush(a: number): void {
    const whole = this.agentTallies[a]!;
    for (let i = 0; i < whole.length; i++) {
      whole[i]!.loggedInTime += this.loggedIn[a]!;
      whole[i]!.handlingTime += this.handling[a]!;
    }
    this.loggedIn[a] = 0;
    this.handling[a] = 0;
  }

  /** per agent, the time up to which its current state is already accounted (set only by an owner change) */
  private accountedUntil: Float64Array | null = null;

  private openSince(agent: Agent): number {
    const until = this.accountedUntil?.[agent.index] ?? 0;
    return until > agent.stateSince ? until : agent.stateSince;
  }

  agentLoad(agent: Agent, media: number, count: number): void {
    this.media?.load(agent, media, count, this.sim.now);
  }

  agentState(agent: Agent, from: AgentStateValue): void {
    this.account(agent, from, this.accountedUntil === null ? agent.stateSince : this.openSince(agent), this.sim.now);
  }

  /** Adds [t0, t1) spent in `state` to logged-in and handling time, clipped to [warmup, horizon), split by interval. */
  private account(agent: Agent, state: AgentStateValue, t0: number, t1: number): void {
    if (state === AgentState.LoggedOut) return;
    const a = Math.max(t0, this.warmup);
    const b = Math.min(t1, this.horizon);
    if (!(b > a)) return;
    const h = isHandling(state) ? 1 : 0;
    const d = b - a;
    this.loggedIn[agent.index]! += d;
    this.handling[agent.index]! += d * h;
    this.media?.loggedIn(agent, d);
    // per interval, whole center and the agent's site (with one interval, its rows are the whole-run tallies)
    if (this.intervals.length === 1) return;
    const w = this.interval;
    for (let k = Math.floor(a / w); k * w < b; k++) {
      const row = this.intervals[k];
      if (!row) break;
      const part = Math.min(b, (k + 1) * w) - Math.max(a, k * w);
      if (part <= 0) continue;
      addTime(row[0]!, part, h);
      const site = row[1 + agent.site.index]!;
      if (site !== row[0]) addTime(site, part, h);
    }
  }

  /** Closes every agent's current state at the horizon and computes the replication's metrics. */
  result(): ReplicationResult {
    const world = this.world!;
    for (const agent of world.agents) {
      this.account(agent, agent.state, this.openSince(agent), this.horizon);
      this.flush(agent.index);
    }
    const hours = (this.horizon - this.warmup) / 3600;
    const sc = world.scenario;
    const f = this.withFaults;
    const byId = <T extends { id: string }>(items: readonly T[], tallies: Tally[], occ: boolean) =>
      Object.fromEntries(items.map((x, i) => [x.id, metricsOf(tallies[i]!, hours, occ, f)]));
    const intervals: IntervalRow[] = [];
    this.intervals.forEach((row, k) => {
      const start = k * this.interval;
      const end = Math.min(this.horizon, start + this.interval);
      const h = (end - Math.max(start, this.warmup)) / 3600;
      if (end <= this.warmup) return;
      intervals.push({ start, end, site: "*", type: "*", metrics: metricsOf(row[0]!, h, true, f) });
      sc.sites.forEach((s, i) => intervals.push({ start, end, site: s.id, type: "*", metrics: metricsOf(row[1 + i]!, h, true, f) }));
      sc.traffic.forEach((t, i) =>
        intervals.push({ start, end, site: t.site, type: t.type, metrics: metricsOf(row[1 + sc.sites.length + i]!, h, false, f) }),
      );
    });
    return {
      events: this.sim.fired,
      metrics: metricsOf(this.total, hours, true, f),
      bySite: byId(world.topology.sites, this.sites, true),
      byNode: byId(world.topology.nodes, this.nodes, true),
      byType: byId(world.traffic, this.types, false),
      byGroup: byId(world.groups, this.groups, true),
      byUrs: byId(world.urs, this.ursTallies, false),
      intervals,
      agentsPerNode: Object.fromEntries(world.topology.nodes.map((n) => [n.id, n.ownedAgents])),
      routingDelayP95: this.routingDelays.count > 0 ? this.routingDelays.quantile(0.95) : 0,
      ...(this.faultCosts ? { faults: this.faultCosts } : {}),
      ...(world.load ? { components: componentRecords(world.load, this.warmup, this.horizon, this.interval) } : {}),
      ...(this.media ? { byMedia: this.media.result(world.agents, hours) } : {}),
    };
  }
}
