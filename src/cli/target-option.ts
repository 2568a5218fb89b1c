// What check and size (the gates) take and how they start: `--target metric=">= 0.80"`, a scenario target from the
// command line, added to (or replacing) the file's, and the plan they run. Each --target becomes the override `targets.<metric>=<comparison>`, so it is validated exactly like a target in the file;
// an error it causes is relabelled so the user sees the flag they typed, not the --set it became.

import { InputError } from "../scenario/errors.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { METRIC_NAMES } from "../scenario/schema.js";
import { PORT_METRIC_NAMES } from "../scenario/metric-names.js";
import { COMPONENT_KINDS, type Scenario } from "../scenario/types.js";
import { planStudy, type SourcedPlan } from "../experiment/plan.js";
import type { StudySource } from "../experiment/study-source.js";
import { parseOverride } from "../scenario/overrides.js";
import { checkOutFlag } from "../report/output-dir.js";
import { scenarioText, settleFlags, workersFlag, type CommonOptions } from "./options.js";

/** What check and size take besides --set, --seed and --replications (--shard only to refuse it). */
export interface GateOptions extends CommonOptions {
  /** write into an --out folder that holds files (replacing only ccsim's) */
  readonly force?: boolean;
  readonly target?: readonly string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly workers?: string;
  readonly shard?: string;
}

/** check and size judge targets: a scenario with none, from the file or --target, exits 2 (`what`: "check", "size"). */
export function requireTargets(file: string, scenario: Scenario, what: string): void {
  if (scenario.targets.length > 0) return;
  throw new InputError(file, "targets", `nothing to ${what}: add targets to the scenario or give --target, e.g. --target serviceLevel=">= 0.80"`);
}

/**
 * How check and size start, in this order: --shard refused with `why` (they run whole), --out and --workers checked,
 * then the plan (planWithTargets). `workers` is the --workers flag as given.
 */
export function planGate(file: string, opts: GateOptions, why: string): { plan: SourcedPlan; workers: number | undefined; scenario: Scenario } {
  if (opts.shard !== undefined) throw new InputError("--shard", undefined, why);
  checkOutFlag(opts.out);
  const workers = workersFlag(opts.workers);
  const plan = planWithTargets(file, opts);
  return { plan, workers, scenario: plan.study.points[0]!.scenario };
}

export interface TargetFlag {
  readonly flag: string;
  readonly override: string;
}

const UTILIZATIONS = COMPONENT_KINDS.map((k) => `utilization.${k}`);
const TARGETABLE: readonly string[] = [...METRIC_NAMES, ...PORT_METRIC_NAMES, ...UTILIZATIONS];

function targetFlags(given: readonly string[] | undefined): TargetFlag[] {
  return (given ?? []).map((t) => {
    const flag = `--target ${t}`;
    // metric=comparison (serviceLevel=">= 0.80"), or the comparison written straight after the name
    // (utilization.tController<=0.75)
    const m = /^\s*([A-Za-z.]+)\s*(?:=\s*(.*)|((?:>=|<=|>|<).*))$/s.exec(t);
    if (m === null) throw new InputError(flag, undefined, 'expected metric=comparison or metric<=value, e.g. serviceLevel=">= 0.80" or utilization.tController<=0.75');
    const metric = m[1]!;
    if (!TARGETABLE.includes(metric)) {
      throw new InputError(flag, metric, `unknown metric${suggestion(metric, TARGETABLE)}; expected one of ${[...METRIC_NAMES, ...PORT_METRIC_NAMES].join(", ")} or utilization.<${COMPONENT_KINDS.join("|")}>`);
    }
    return { flag, override: `targets.${metric}=${m[2] ?? m[3]!}` };
  });
}

/**
 * The plan check and size run: the file (read once), --set, then the --target flags as overrides, and --seed and
 * --replications read after it loads; an InputError that blames one of those overrides names the --target flag the
 * user typed instead. Every override is parsed before the file is read, as the loader does, so a bad --set is
 * refused before a missing file.
 */
export function planWithTargets(file: string, opts: CommonOptions & { readonly target?: readonly string[] }): SourcedPlan & { flags: TargetFlag[] } {
  const flags = targetFlags(opts.target);
  const set = opts.set ?? [];
  const targets = flags.map((f) => f.override);
  try {
    for (const o of [...set, ...targets]) parseOverride(o);
    const source: StudySource = { kind: "run", file, text: scenarioText(file), set, targets, paths: [], points: [{ values: [], overrides: [] }] };
    return { ...planStudy(source, () => settleFlags(opts)), flags };
  } catch (e) {
    if (e instanceof InputError) {
      const f = flags.find((x) => e.where === `--set ${x.override}`);
      if (f !== undefined) throw new InputError(f.flag, e.path, e.detail);
    }
    throw e;
  }
}
