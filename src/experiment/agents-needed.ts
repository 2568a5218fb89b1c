// Agents needed per interval: Erlang C at each interval's own offered load and the scenario's waiting targets, a
// reference line for the run report's agents chart, beside the agents the staffing plan put on shift.
//
// It speaks only where one formula describes the center: voice traffic served by one pool (every group can take
// every type). There it is what a planner's Erlang sheet would say for that interval as if it were a steady state;
// Erlang C lets nobody abandon, so with patience it asks for at least as many as the simulation needs.

import { erlangCMeasures } from "../metrics/erlang.js";
import { smallestAgents, type MeasureTarget } from "../metrics/erlang-calculator.js";
import type { IntervalMeans } from "../observe/results.js";
import type { Scenario } from "../scenario/types.js";
import { analyticStart } from "./sizing.js";

/** the targets Erlang C can be asked about */
const WAITING = ["serviceLevel", "asa", "meanWait", "probWait"];

export type AgentsNeeded =
  | {
      /** per whole-center interval row, in order: the smallest head count that meets the targets at its load */
      readonly needed: readonly number[];
      /** the agent time a call the formula used (handle time, ring time, wrap-up), seconds */
      readonly serviceTime: number;
      readonly targets: readonly string[];
    }
  | { readonly omitted: string };

/** Erlang C per interval for the whole center's rows (`site` and `type` "*"), or why it does not apply. */
export function agentsNeeded(scenario: Scenario, whole: readonly IntervalMeans[]): AgentsNeeded {
  if (scenario.traffic.some((t) => t.media !== "voice")) return { omitted: "not drawn: Erlang C speaks of voice alone, and this center also takes other media" };
  const targets = scenario.targets.filter((t) => WAITING.includes(t.metric));
  if (targets.length === 0) return { omitted: "not drawn: the scenario has no service-level or waiting target to size for" };
  const start = analyticStart(scenario, scenario.agents[0]!.group);
  if (start.pool.length !== scenario.agents.length || start.traffic.length !== scenario.traffic.length) {
    return { omitted: "not drawn: the agent groups do not form one pool serving every call type, which Erlang C needs" };
  }
  const service = start.meanServiceTime;
  const needed = whole.map((r) => {
    const seconds = r.end - Math.max(r.start, scenario.warmup);
    const rate = (r.metrics.offered ?? 0) / seconds;
    if (!(rate > 0)) return 0;
    const load = rate * service;
    return smallestAgents((c) => erlangCMeasures(c, rate, 1 / service, scenario.serviceLevel), targets as readonly MeasureTarget[], Math.floor(load) + 1);
  });
  return { needed, serviceTime: service, targets: targets.map((t) => `${t.metric} ${t.source}`) };
}
