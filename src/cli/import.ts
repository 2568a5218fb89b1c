// `ccsim import EXPORT.csv`: a WFM or ACD interval export as a scenario block (arrival profiles, handle times,
// patience fitted from abandonment, staffing), and with --calibrate a scenario replayed against the export.

import { planStudy, runPlan } from "../experiment/plan.js";
import { withPool } from "../experiment/pool.js";
import { calibrateAgainst, checkCalibration } from "../experiment/wfm-calibration.js";
import { fitExport } from "../experiment/wfm-fit.js";
import { checkOutDir, checkOutFlag, writeOutputs } from "../report/output-dir.js";
import { calibrationCsv, calibrationText } from "../report/wfm-calibration-report.js";
import { importYaml } from "../report/wfm-import.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { parseDuration } from "../scenario/duration.js";
import { InputError, ValueError } from "../scenario/errors.js";
import { NAME_PATTERN } from "../scenario/schema.js";
import { readWfmExport } from "../scenario/wfm-export.js";
import { shellWord } from "./command-line.js";
import { guardRun } from "./guard.js";
import { readScenarioText } from "../scenario/read-scenario.js";
import { settleFlags, workerCount, workersFlag, wroteOut } from "./options.js";

export interface ImportCliOptions {
  readonly interval?: string;
  readonly fold?: string;
  readonly map?: readonly string[];
  readonly handleCv?: string;
  readonly threshold?: string;
  readonly calibrate?: string;
  readonly seed?: string;
  readonly replications?: string;
  readonly workers?: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly quiet?: boolean;
}

export const IMPORT_FILES = ["scenario-block.yaml", "calibration.csv"] as const;

function duration(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  let d: number;
  try {
    d = parseDuration(v);
  } catch (e) {
    if (e instanceof ValueError) throw new InputError(name, undefined, e.message);
    throw e;
  }
  if (!(d > 0)) throw new InputError(name, undefined, `expected a duration > 0, got ${JSON.stringify(v)}`);
  return d;
}

/** `--map A=sales,B=service` (repeatable): queue -> type; a queue's name is all before an item's last `=` */
function mapOf(flags: readonly string[], queues: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const flag of flags) {
    for (const item of flag.split(",")) {
      const eq = item.lastIndexOf("=");
      const queue = item.slice(0, eq).trim();
      const type = item.slice(eq + 1).trim();
      if (eq <= 0 || type === "") throw new InputError(`--map ${flag}`, undefined, `expected queue=type, got ${JSON.stringify(item)}`);
      if (!new RegExp(NAME_PATTERN).test(type)) {
        throw new InputError(`--map ${flag}`, undefined, `expected a traffic type name (a letter or _, then letters, digits, _ . -), got ${JSON.stringify(type)}`);
      }
      if (!queues.includes(queue)) {
        throw new InputError(`--map ${flag}`, undefined, `expected a queue of the export (${queues.join(", ")}), got ${JSON.stringify(queue)}${suggestion(queue, queues)}`);
      }
      map.set(queue, type);
    }
  }
  return map;
}

/** the command line that gives this block: the file and the flags the fit reads (where output goes left out) */
function commandOf(file: string, opts: ImportCliOptions): string {
  const words = ["ccsim", "import", file];
  const flags = [["--interval", opts.interval], ["--fold", opts.fold], ["--handle-cv", opts.handleCv]] as const;
  for (const m of opts.map ?? []) words.push("--map", m);
  for (const [flag, v] of flags) if (v !== undefined) words.push(flag, v);
  return words.map((w, i) => (i < 2 ? w : shellWord(w))).join(" ");
}

export async function importCommand(file: string, opts: ImportCliOptions): Promise<number> {
  const interval = duration("--interval", opts.interval);
  const fold = duration("--fold", opts.fold);
  const threshold = duration("--threshold", opts.threshold);
  let handleCv: number | undefined;
  if (opts.handleCv !== undefined) {
    handleCv = Number(opts.handleCv);
    if (opts.handleCv.trim() === "" || !(handleCv > 0) || !Number.isFinite(handleCv)) {
      throw new InputError("--handle-cv", undefined, `expected a coefficient of variation > 0 (sd over mean, e.g. 0.7), got ${JSON.stringify(opts.handleCv)}`);
    }
  }
  const { seed, replications } = settleFlags(opts);
  const workers = workersFlag(opts.workers);
  if (opts.calibrate === undefined) {
    const stray = (["seed", "replications", "workers", "threshold"] as const).find((k) => opts[k] !== undefined);
    if (stray !== undefined) throw new InputError(`--${stray}`, undefined, "applies to the calibration run: give --calibrate SCENARIO too, or leave it out");
  }
  checkOutFlag(opts.out);
  if (opts.out !== undefined) checkOutDir(opts.out, IMPORT_FILES, opts.force === true);

  const wfm = readWfmExport(file);
  if (threshold !== undefined && !wfm.hasAnsweredWithin) {
    throw new InputError("--threshold", undefined, `says what the answered_within column counts, and ${file} has none: leave it out`);
  }
  const fit = fitExport(wfm, { interval, fold, map: mapOf(opts.map ?? [], wfm.queues) });
  const yaml = importYaml(fit, { command: commandOf(file, opts), ...(handleCv === undefined ? {} : { handleCv }) });
  const files: Record<string, string> = { "scenario-block.yaml": yaml };
  let text = yaml;

  if (opts.calibrate !== undefined) {
    const scenarioFile = opts.calibrate;
    const plan = planStudy({
      kind: "run", file: scenarioFile, text: readScenarioText(scenarioFile), set: [], paths: [],
      points: [{ values: [], overrides: [] }], seed, replications,
    });
    const scenario = plan.study.points[0]!.scenario;
    checkCalibration(fit, scenarioFile, scenario, threshold);
    const seconds = guardRun(scenarioFile, [scenario], plan.study.replications, { quiet: opts.quiet === true, force: opts.force === true });
    const outputs = await withPool(workerCount(workers, seconds), (pool) => runPlan(plan, pool, { series: true }));
    const calibration = calibrateAgainst(fit, scenarioFile, scenario, outputs.map((o) => o.result), threshold);
    text += calibrationText(calibration);
    files["calibration.csv"] = calibrationCsv(calibration);
  }
  process.stdout.write(text);
  if (opts.out !== undefined) {
    writeOutputs(opts.out, files);
    if (opts.quiet !== true) wroteOut(opts.out);
  }
  return 0;
}
