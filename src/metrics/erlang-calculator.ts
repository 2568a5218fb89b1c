// The Erlang calculator behind `ccsim erlang`: Erlang B, C or A at a given head count, or the smallest head count that
// meets targets, then the agents to schedule once shrinkage and a maximum occupancy are allowed for.

import { erlangAMeasures, erlangB, erlangCMeasures, type QueueMeasures } from "./erlang.js";

export type ErlangModel = "B" | "C" | "A";

/** A comparison on one measure, e.g. serviceLevel >= 0.80 or blocking <= 0.01. */
export interface MeasureTarget {
  readonly metric: keyof ErlangMeasures;
  readonly op: ">=" | "<=" | ">" | "<";
  readonly value: number;
}

export interface ErlangMeasures extends QueueMeasures {
  /** Erlang B: the share of arrivals that find every line busy and are lost (0 for C and A, which queue them) */
  readonly blocking: number;
}

export interface ErlangQuestion {
  readonly model: ErlangModel;
  /** arrivals per second */
  readonly rate: number;
  /** mean handle time, seconds */
  readonly handleTime: number;
  /** Erlang A: mean patience, seconds */
  readonly patience?: number;
  /** the service-level threshold T, seconds */
  readonly slTime: number;
  /** a head count to evaluate; without it, the smallest that meets every target */
  readonly agents?: number;
  readonly targets: readonly MeasureTarget[];
  /** share of scheduled agents unavailable (breaks, training, absence), in [0, 1) */
  readonly shrinkage: number;
  /** the highest occupancy allowed, in (0, 1] */
  readonly maxOccupancy: number;
}

export interface ErlangAnswer {
  readonly model: ErlangModel;
  readonly rate: number;
  readonly handleTime: number;
  /** offered load in erlangs: rate x handle time */
  readonly load: number;
  /** the agents on the phones (lines, for Erlang B) the measures are for */
  readonly agents: number;
  /** what decided the count: "given", "targets", or "max occupancy" when the occupancy cap asked for more */
  readonly decidedBy: "given" | "targets" | "max occupancy";
  /** agents to schedule so that `agents` are available after shrinkage: ceil(agents / (1 - shrinkage)) */
  readonly scheduled: number;
  readonly measures: ErlangMeasures;
}

/** The measures of the model at c agents. */
export function erlangMeasuresAt(q: Pick<ErlangQuestion, "model" | "rate" | "handleTime" | "patience" | "slTime">, c: number): ErlangMeasures {
  const mu = 1 / q.handleTime;
  const a = q.rate * q.handleTime;
  if (q.model === "B") {
    const blocking = erlangB(c, a);
    // a loss system: nobody waits; an arrival is served at once unless blocked
    return { probWait: 0, serviceLevel: 1 - blocking, asa: 0, meanWait: 0, abandonRate: 0, occupancy: (a * (1 - blocking)) / c, blocking };
  }
  const m = q.model === "A" ? erlangAMeasures(c, q.rate, mu, 1 / q.patience!, q.slTime) : erlangCMeasures(c, q.rate, mu, q.slTime);
  return { ...m, blocking: 0 };
}

export function meets(m: ErlangMeasures, t: MeasureTarget): boolean {
  const v = m[t.metric];
  return t.op === ">=" ? v >= t.value : t.op === ">" ? v > t.value : t.op === "<=" ? v <= t.value : v < t.value;
}

/** The smallest c from `from` up whose measures meet every target (`limit` when none below it does). */
export function smallestAgents(measuresAt: (c: number) => ErlangMeasures | QueueMeasures, targets: readonly MeasureTarget[], from: number, limit = 100_000): number {
  let c = Math.max(1, from);
  const ok = (x: number) => targets.every((t) => meets({ blocking: 0, ...measuresAt(x) } as ErlangMeasures, t));
  while (c < limit && !ok(c)) c++;
  return c;
}

export function answerErlang(q: ErlangQuestion): ErlangAnswer {
  const load = q.rate * q.handleTime;
  let agents: number;
  let decidedBy: ErlangAnswer["decidedBy"];
  if (q.agents !== undefined) {
    agents = q.agents;
    decidedBy = "given";
  } else {
    // Erlang C is unstable at or below the load: start just above it; B and A are stable at any count
    const from = q.model === "C" ? Math.floor(load) + 1 : 1;
    agents = smallestAgents((c) => erlangMeasuresAt(q, c), q.targets, from);
    decidedBy = "targets";
    // the occupancy cap: the carried load spread over enough agents that none is busier than allowed
    while (q.maxOccupancy < 1 && erlangMeasuresAt(q, agents).occupancy > q.maxOccupancy + 1e-12) {
      agents++;
      decidedBy = "max occupancy";
    }
  }
  return {
    model: q.model,
    rate: q.rate,
    handleTime: q.handleTime,
    load,
    agents,
    decidedBy,
    scheduled: Math.ceil(agents / (1 - q.shrinkage) - 1e-9),
    measures: erlangMeasuresAt(q, agents),
  };
}
