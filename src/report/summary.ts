// summary.json: the contract docs/outputs.md gives ("Outputs and metrics"), built from an experiment's aggregate.

import { judgeTargets, type TargetVerdict } from "../experiment/targets.js";
import { tidyDeep } from "./numbers.js";
import { CCSIM_VERSION } from "./version.js";
import type { ExperimentResult, FaultSummary } from "../observe/results.js";
import type { Assumption } from "../scenario/types.js";

/** A fault as summary.json lists it: its window, and (from a run) what it cost and how long service took to recover.
 *  The report draws the window alone, so cost and recovery may be absent. */
export type FaultWindow = Pick<FaultSummary, "at" | "target" | "between" | "duration" | "connector" | "frontEnd"> & { readonly kind: string } &
  Partial<Pick<FaultSummary, "cost" | "recovery">>;

/** summary.json: the experiment's aggregates as they are, plus what identifies the run and the verdicts on targets. */
export type Summary = Pick<
  ExperimentResult,
  "seed" | "replications" | "metrics" | "bySite" | "byNode" | "byType" | "byGroup" | "byUrs" | "agentsPerNode" | "routingDelayP95" |
  "byMedia" | "components" | "privateCalls" | "skype" | "mediaPorts" | "voicemail" | "cost" | "callers"
> & {
  readonly ccsim: string;
  readonly scenario: string;
  readonly horizon: number;
  readonly warmup: number;
  readonly targets: readonly TargetVerdict[];
  /** the defaults from no guide the scenario left to ccsim (defaults.ts), in the table's order: what to calibrate */
  readonly assumptions: readonly Assumption[];
  /** present when the scenario has faults */
  readonly faults?: readonly FaultWindow[];
  /** cutAtDrainLimit: present when the drain limit stopped a replication with calls still in the system */
  readonly simulation: { readonly events: number; readonly cutAtDrainLimit?: ExperimentResult["cutAtDrainLimit"] };
};

export function summaryOf(r: ExperimentResult): Summary {
  return tidyDeep({
    ccsim: CCSIM_VERSION,
    scenario: r.scenario.name,
    seed: r.seed,
    replications: r.replications,
    horizon: r.scenario.horizon,
    warmup: r.scenario.warmup,
    metrics: r.metrics,
    bySite: r.bySite,
    byNode: r.byNode,
    byType: r.byType,
    byGroup: r.byGroup,
    byUrs: r.byUrs,
    ...(r.byMedia ? { byMedia: r.byMedia } : {}),
    agentsPerNode: r.agentsPerNode,
    routingDelayP95: r.routingDelayP95,
    targets: judgeTargets(r.scenario.targets, r),
    assumptions: assumptionsOfRun(r),
    ...(r.faults ? { faults: r.faults } : {}),
    ...(r.components ? { components: r.components } : {}),
    ...(r.privateCalls ? { privateCalls: r.privateCalls } : {}),
    ...(r.skype ? { skype: r.skype } : {}),
    ...(r.mediaPorts ? { mediaPorts: r.mediaPorts } : {}),
    ...(r.voicemail ? { voicemail: r.voicemail } : {}),
    ...(r.cost ? { cost: r.cost } : {}),
    ...(r.callers ? { callers: r.callers } : {}),
    simulation: { events: r.events, ...(r.cutAtDrainLimit ? { cutAtDrainLimit: r.cutAtDrainLimit } : {}) },
  });
}

/** --seed and --replications stand for the scenario's: a seed or count other than the file's was not the default's.
 *  (One given on the command line equal to the default cannot be told from it, and is the same number anyway.) */
function assumptionsOfRun(r: ExperimentResult): readonly Assumption[] {
  return r.scenario.assumptions.filter(
    (a) => !(a.path === "seed" && r.seed !== r.scenario.seed) && !(a.path === "replications" && r.replications !== r.scenario.replications),
  );
}

export function summaryJson(s: Summary): string {
  return JSON.stringify(s, null, 2) + "\n";
}
