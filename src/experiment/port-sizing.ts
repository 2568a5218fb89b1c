// Media-port sizing: the smallest capacity of one site's Asterisk media ports that meets every target of the scenario,
// a portBlocking target among them. The search starts at the Erlang B minimum for the port load the site's traffic
// offers (a prompt skipped or a recording lost when every port is busy is a loss system: Erlang B is exact for
// Poisson requests, whatever the holding times), then steps and bisects as agent sizing does, every try on the same
// seed (common random numbers), so neighbouring capacities differ by the ports alone.

import { meanOf } from "../kernel/distributions.js";
import { erlangB } from "../metrics/erlang.js";
import { meanRate, type Scenario } from "../scenario/types.js";
import type { ExperimentResult } from "../observe/results.js";
import type { ExperimentRunner } from "./pooled-experiment.js";
import { firstPassing } from "./search.js";
import { replicationsOf, sequentialTry } from "./sequential-try.js";

/** The Erlang B start, and what it rests on. */
export interface PortStart {
  /** port requests per second over [warmup, horizon): treatments, and the answered calls recorded */
  readonly requestRate: number;
  /** Erlangs: port-seconds offered per second (treatment time, and the recorded share of handle time) */
  readonly offeredLoad: number;
  /** the blocking the portBlocking target allows (null: the target is not a maximum, so no formula applies) */
  readonly blockingTarget: number | null;
  /** the smallest capacity with Erlang B at or under blockingTarget */
  readonly capacity: number;
  /** Erlang B at that capacity */
  readonly blocking: number;
}

export interface PortSizingTry {
  readonly count: number;
  readonly met: boolean;
  readonly result: ExperimentResult;
  /** the replications it ran: fewer than the maximum when its verdict was clear at an earlier look (sequential-try.ts) */
  readonly replications: number;
  /** of those, simulated for this try (all of them: a sizing of agents or ports keeps none from before) */
  readonly simulated: number;
}

export interface PortSizingResult {
  readonly site: string;
  readonly start: PortStart;
  /** the smallest capacity that met every target, with the one below it tried and missed; null: none up to max */
  readonly recommended: number | null;
  readonly tries: readonly PortSizingTry[];
  readonly max: number;
  /** the replications every try simulated together */
  readonly replications: number;
}

export interface PortSizingOptions {
  readonly seed: number;
  readonly replications: number;
  readonly run: ExperimentRunner;
  /** the largest capacity to try (default: 2 x the Erlang B start + 20) */
  readonly max?: number;
  readonly onTry?: (t: PortSizingTry) => void;
}

/** Erlang B's smallest pool for the site's port load (every offered call taken as answered: an upper bound). */
export function portStart(scenario: Scenario, site: string): PortStart {
  let rate = 0;
  let load = 0;
  for (const t of scenario.traffic) {
    if (t.site !== site) continue;
    const lambda = meanRate(t.arrivals, scenario.warmup, scenario.horizon);
    if (t.treatment !== undefined) {
      rate += lambda;
      load += lambda * meanOf(t.treatment.duration);
    }
    const share = t.recording ?? 0;
    rate += lambda * share;
    load += lambda * share * meanOf(t.handleTime);
  }
  const target = scenario.targets.find((t) => t.metric === "portBlocking" && (t.op === "<=" || t.op === "<"));
  const allowed = target?.value ?? null;
  let c = 1;
  if (allowed !== null) {
    const meets = (n: number) => (target!.op === "<=" ? erlangB(n, load) <= allowed : erlangB(n, load) < allowed);
    while (!meets(c) && c < 100_000) c++;
  } else c = Math.max(1, Math.ceil(load));
  return { requestRate: rate, offeredLoad: load, blockingTarget: allowed, capacity: c, blocking: erlangB(c, load) };
}

/** The scenario with the site's media-port capacity set. */
function withPorts(scenario: Scenario, site: string, capacity: number): Scenario {
  return { ...scenario, sites: scenario.sites.map((s) => (s.id === site ? { ...s, mediaPorts: { capacity } } : s)) };
}

export async function sizePorts(scenario: Scenario, site: string, opts: PortSizingOptions): Promise<PortSizingResult> {
  const start = portStart(scenario, site);
  const max = opts.max ?? start.capacity * 2 + 20;
  const tries: PortSizingTry[] = [];
  // candidate i is the capacity i + 1
  const found = await firstPassing(max, Math.min(start.capacity, max) - 1, async (i) => {
    const count = i + 1;
    const t = { count, ...(await sequentialTry(opts.run, withPorts(scenario, site, count), opts)) };
    tries.push(t);
    opts.onTry?.(t);
    return t.met;
  });
  return { site, start, recommended: found < 0 ? null : found + 1, tries, max, replications: replicationsOf(tries) };
}
