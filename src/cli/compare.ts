// `ccsim compare` and `ccsim sweep`: variants of one scenario on common random numbers, as tables, JSON and CSV.

import { compareVariants } from "../experiment/compare.js";
import { sweepPoints } from "../experiment/sweep.js";
import { parseVary, variantGrid } from "../experiment/variants.js";
import { METRIC_NAMES, type MetricName } from "../metrics/tally.js";
import {
  DEFAULT_FOCUS,
  FAULT_FOCUS,
  comparisonCsv,
  comparisonJson,
  comparisonOf,
  comparisonTable,
  sweepCsv,
  sweepJson,
  sweepOf,
  sweepTable,
} from "../report/comparison.js";
import { compareReport } from "../report/html/compare-report.js";
import { sweepReport } from "../report/html/sweep-report.js";
import { checkOutDir, writeOutputs } from "../report/output-dir.js";
import { progressBar } from "../report/progress.js";
import { InputError } from "../scenario/errors.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { provenanceOf } from "./command-line.js";
import { guardRun } from "./guard.js";
import { loadScenarioFromCli, type CommonOptions } from "./options.js";

export interface VaryOptions extends CommonOptions {
  readonly vary?: readonly string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly metrics?: string;
  readonly force?: boolean;
}

function focusOf(opts: VaryOptions, faults: boolean): MetricName[] {
  if (!opts.metrics) return faults ? FAULT_FOCUS : DEFAULT_FOCUS;
  return opts.metrics.split(",").map((m) => {
    const name = m.trim();
    if (!(METRIC_NAMES as readonly string[]).includes(name)) {
      throw new InputError("--metrics", undefined, `unknown metric "${name}"${suggestion(name, METRIC_NAMES)}`);
    }
    return name as MetricName;
  });
}

/** Loads every variant first, so that a bad value (or --out, or a run too big) stops the command before anything runs. */
function load(file: string, opts: VaryOptions, maxVaries: number, outFiles: readonly string[]) {
  const varies = (opts.vary ?? []).map(parseVary);
  if (varies.length === 0 || varies.length > maxVaries) {
    throw new InputError("--vary", undefined, maxVaries === 1 ? "give exactly one --vary path=v1,v2,..." : "give one or two --vary path=v1,v2,...");
  }
  const base = loadScenarioFromCli(file, opts);
  const lengthOf = (list: string) => {
    const value = (base.scenario as unknown as Record<string, unknown>)[list];
    if (!Array.isArray(value)) throw new InputError("--vary", undefined, `${list}[*]: ${list} is not a list of the scenario`);
    return value.length;
  };
  const variants = variantGrid(varies, lengthOf).map((g) => ({
    values: g.label,
    scenario: loadScenarioFromCli(file, opts, g.overrides).scenario,
  }));
  if (opts.out) checkOutDir(opts.out, outFiles, opts.force === true);
  guardRun(file, variants.map((v) => v.scenario), base.replications, opts);
  return { varies, base, variants };
}

export function compareCommand(file: string, opts: VaryOptions): number {
  const { varies, base, variants } = load(file, opts, 1, ["compare.json", "compare.csv", "report.html"]);
  const focus = focusOf(opts, variants.some((v) => v.scenario.faults.length > 0));
  if (variants.length < 2) throw new InputError("--vary", undefined, "compare needs at least two values");
  const bar = progressBar("ccsim compare", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  const c = compareVariants(
    varies[0]!.path,
    variants.map((v) => ({ value: v.values[0]!, scenario: v.scenario })),
    base.seed,
    base.replications,
    bar.update,
  );
  bar.done();
  const data = comparisonOf(c);
  const json = comparisonJson(data);
  if (opts.out) {
    const provenance = provenanceOf("compare", file, opts, base.seed, base.replications);
    writeOutputs(opts.out, {
      "compare.json": json,
      "compare.csv": comparisonCsv(c),
      "report.html": compareReport({ data, focus, provenance }),
    });
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) process.stdout.write(comparisonTable(c, focus) + (opts.out ? `\nwrote ${opts.out}/\n` : ""));
  return 0;
}

export function sweepCommand(file: string, opts: VaryOptions): number {
  const { varies, base, variants } = load(file, opts, 2, ["sweep.json", "sweep.csv", "report.html"]);
  const focus = focusOf(opts, variants.some((v) => v.scenario.faults.length > 0));
  const bar = progressBar("ccsim sweep", !opts.quiet && !opts.json && process.stderr.isTTY === true);
  const s = sweepPoints(
    varies.map((v) => v.path),
    variants,
    base.seed,
    base.replications,
    bar.update,
  );
  bar.done();
  const data = sweepOf(s);
  const json = sweepJson(data);
  if (opts.out) {
    const provenance = provenanceOf("sweep", file, opts, base.seed, base.replications);
    writeOutputs(opts.out, { "sweep.json": json, "sweep.csv": sweepCsv(s), "report.html": sweepReport({ data, focus, provenance }) });
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) process.stdout.write(sweepTable(s, focus) + (opts.out ? `\nwrote ${opts.out}/\n` : ""));
  return 0;
}
