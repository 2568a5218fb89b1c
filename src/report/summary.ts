// summary.json: the contract of DESIGN.md section 6, built from an experiment's aggregate.

import type { ExperimentResult } from "../experiment/experiment.js";
import { judgeTargets } from "../experiment/targets.js";
import { tidyDeep } from "./numbers.js";
import { CCSIM_VERSION } from "./version.js";

export function summaryOf(r: ExperimentResult): object {
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
    agentsPerNode: r.agentsPerNode,
    routingDelayP95: r.routingDelayP95,
    targets: judgeTargets(r.scenario.targets, r),
    ...(r.faults ? { faults: r.faults } : {}),
    simulation: { events: r.events },
  });
}

export function summaryJson(r: ExperimentResult): string {
  return JSON.stringify(summaryOf(r), null, 2) + "\n";
}
