// The per-media part of a replication's tallies (only for scenarios with chat, email or IM): each media's calls,
// conflicts and service level, and its agent time: time with at least one interaction of the media (occupancy) and
// mean interactions held at once while holding any (concurrency), for the whole center and per agent group.

import { Tally, metricsOf, ratio } from "../metrics/tally.js";
import type { MediaRecord, MediaResult } from "../metrics/media-metrics.js";
import type { Agent } from "../model/agents/agent.js";
import { MEDIA_INDEX } from "../model/agents/capacity-rule.js";
import { MEDIA_COUNT } from "../model/agents/agent-load.js";
import { MEDIA, type Scenario } from "../scenario/types.js";

export class MediaBreakdown {
  /** per media index */
  readonly tallies: Tally[];
  /** per group, per media index */
  private readonly groupTallies: Tally[][];
  /** per agent and media: the count held since `since` */
  private readonly held: Int32Array;
  private readonly since: Float64Array;
  /** per group: the media its capacity rule can take, as bits */
  private readonly serves: number[];

  constructor(
    private readonly scenario: Scenario,
    agentCount: number,
    servesOfGroup: readonly number[],
    private readonly warmup: number,
    private readonly horizon: number,
  ) {
    this.tallies = Array.from({ length: MEDIA_COUNT }, () => new Tally());
    this.groupTallies = scenario.agents.map(() => Array.from({ length: MEDIA_COUNT }, () => new Tally()));
    this.held = new Int32Array(agentCount * MEDIA_COUNT);
    this.since = new Float64Array(agentCount * MEDIA_COUNT);
    this.serves = [...servesOfGroup];
  }

  /** the tally an answer by this agent's group on this media goes to */
  groupTally(agent: Agent, media: number): Tally {
    return this.groupTallies[agent.group.index]![media]!;
  }

  /** `d` seconds of an agent's logged-in time (already clipped to the measured window), for each media it can take */
  loggedIn(agent: Agent, d: number): void {
    const serves = this.serves[agent.group.index]!;
    const row = this.groupTallies[agent.group.index]!;
    for (let m = 0; m < MEDIA_COUNT; m++) {
      if (((serves >> m) & 1) === 0) continue;
      this.tallies[m]!.loggedInTime += d;
      row[m]!.loggedInTime += d;
    }
  }

  /** The agent holds `count` of media m from now. */
  load(agent: Agent, m: number, count: number, now: number): void {
    const k = agent.index * MEDIA_COUNT + m;
    this.close(agent, m, k, now);
    this.held[k] = count;
    this.since[k] = now;
  }

  private close(agent: Agent, m: number, k: number, now: number): void {
    const n = this.held[k]!;
    if (n === 0) return;
    const a = Math.max(this.since[k]!, this.warmup);
    const b = Math.min(now, this.horizon);
    if (!(b > a)) return;
    const d = b - a;
    const whole = this.tallies[m]!;
    whole.handlingTime += d;
    whole.loadTime += d * n;
    const group = this.groupTallies[agent.group.index]![m]!;
    group.handlingTime += d;
    group.loadTime += d * n;
  }

  /** Closes every agent's loads at the horizon and computes each media's metrics (those the traffic uses). */
  result(agents: readonly Agent[], hours: number): Record<string, MediaResult> {
    for (const agent of agents) {
      for (let m = 0; m < MEDIA_COUNT; m++) this.close(agent, m, agent.index * MEDIA_COUNT + m, this.horizon);
    }
    const used = MEDIA.filter((m) => this.scenario.traffic.some((t) => t.media === m));
    return Object.fromEntries(
      used.map((name) => {
        const m = MEDIA_INDEX[name];
        const byGroup: Record<string, MediaRecord> = {};
        this.scenario.agents.forEach((g, i) => {
          if (((this.serves[i]! >> m) & 1) === 0) return;
          const t = this.groupTallies[i]![m]!;
          byGroup[g.group] = { answered: t.answered, asa: ratio(t.waitAnswered, t.answered), ...agentTime(t) };
        });
        return [name, { metrics: recordOf(this.tallies[m]!, hours, name === "im"), byGroup }];
      }),
    );
  }
}

function agentTime(t: Tally): MediaRecord {
  return { occupancy: ratio(t.handlingTime, t.loggedInTime), concurrency: ratio(t.loadTime, t.handlingTime) };
}

function recordOf(t: Tally, hours: number, im: boolean): MediaRecord {
  const m = metricsOf(t, hours, true);
  return {
    offered: m.offered!,
    answered: m.answered!,
    abandoned: m.abandoned!,
    serviceLevel: m.serviceLevel!,
    asa: m.asa!,
    abandonRate: m.abandonRate!,
    ...agentTime(t),
    reservationRequests: m.reservationRequests!,
    reservationConflicts: m.reservationConflicts!,
    conflictRate: m.conflictRate!,
    conflictsPerCall: m.conflictsPerCall!,
    ...(im ? { imMessages: t.imMessages } : {}),
  };
}
