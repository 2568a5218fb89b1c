// `ccsim size <scenario> --for agents[:group]`: the smallest head count of a group that meets every target, from an
// Erlang start and simulated tries on common random numbers; a table (or JSON) on stdout, a report in --out.

import { sizeAgents } from "../experiment/sizing.js";
import { checkOutDir, writeOutputs } from "../report/output-dir.js";
import { sizingCsv, sizingJson, sizingMarkdown } from "../report/sizing-report.js";
import { grid } from "../report/table.js";
import { formatMetric, verdictsOf } from "../report/verdicts.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";
import { CCSIM_VERSION } from "../report/version.js";
import { commandLine, provenanceOf, withTargets } from "./command-line.js";
import { loadScenarioFromCli, wholeNumber, type CommonOptions } from "./options.js";
import { targetFlags, withTargetFlags } from "./target-option.js";

export interface SizeOptions extends CommonOptions {
  /** write into an --out folder that holds files (replacing only ccsim's) */
  readonly force?: boolean;
  readonly for?: string;
  readonly max?: string;
  readonly target?: readonly string[];
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const LATER = ["nodes", "urs", "vq"];

export async function sizeCommand(file: string, opts: SizeOptions): Promise<number> {
  const flags = targetFlags(opts.target);
  const { scenario, seed, replications } = withTargetFlags(flags, () =>
    loadScenarioFromCli(file, opts, flags.map((f) => f.override)),
  );
  if (opts.out) checkOutDir(opts.out, ["sizing.md", "sizing.csv", "sizing.json", "report.html"], opts.force === true);
  const what = opts.for ?? "agents";
  const [kind, name] = what.split(":", 2) as [string, string | undefined];
  const where = `--for ${what}`;
  if (LATER.includes(kind)) throw new InputError(where, undefined, `sizing ${kind} is not supported yet (it needs the component load model); use agents[:group]`);
  if (kind !== "agents") throw new InputError(where, undefined, `expected agents or agents:GROUP${suggestion(kind, ["agents", ...LATER])}`);
  const groups = scenario.agents.map((a) => a.group);
  let group: string;
  if (name === undefined || name === "") {
    if (groups.length !== 1) throw new InputError(where, undefined, `the scenario has ${groups.length} agent groups; name one: agents:GROUP (${groups.join(", ")})`);
    group = groups[0]!;
  } else {
    if (!groups.includes(name)) throw new InputError(where, undefined, `no agent group ${JSON.stringify(name)}${suggestion(name, groups)}; groups: ${groups.join(", ")}`);
    group = name;
  }
  if (scenario.targets.length === 0) {
    throw new InputError(file, "targets", 'nothing to size for: add targets to the scenario or give --target, e.g. --target serviceLevel=">= 0.80"');
  }
  const max = wholeNumber("--max", opts.max, 1);
  const chatty = !opts.quiet && !opts.json;
  const result = sizeAgents(scenario, group, {
    seed,
    replications,
    ...(max !== undefined ? { max } : {}),
    onTry: chatty && process.stderr.isTTY ? (t) => process.stderr.write(`  tried ${t.count}: ${t.met ? "met" : "missed"}\n`) : undefined,
  });
  // the seed and replications as settled, so the command makes the same numbers after the file's defaults change
  const settled = { ...opts, seed: String(seed), replications: String(replications) };
  const ctx = { scenario: scenario.name, seed, replications, command: sizeCommandLine(file, settled) };
  const json = sizingJson(result, ctx);
  if (opts.out) {
    // the report's charts load d3: only when there is a report to write
    const { sizeReport } = await import("../report/html/size-report.js");
    const provenance = provenanceOf("size", file, settled, seed, replications);
    const html = sizeReport({
      result,
      context: ctx,
      version: CCSIM_VERSION,
      provenance: { ...provenance, command: ctx.command, overrides: [...provenance.overrides, ...flags.map((f) => f.override)] },
    });
    writeOutputs(opts.out, { "sizing.md": sizingMarkdown(result, ctx), "sizing.csv": sizingCsv(result), "sizing.json": json, "report.html": html });
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const st = result.start;
    const rows = [["try", "agents", "verdict", ...scenario.targets.map((t) => `${t.metric} ${t.source}`)]];
    result.tries.forEach((t, i) =>
      rows.push([String(i + 1), String(t.count), t.met ? "met" : "missed", ...verdictsOf(t.result).map((v) => formatMetric(v.metric, v.judgedOn))]),
    );
    const answer =
      result.recommended === null
        ? `no count up to ${result.max} met every target`
        : `recommended: ${result.recommended} agents in ${group}`;
    process.stdout.write(
      `${scenario.name}: sizing agents of ${group}; seed ${seed}, ${replications} replications a try\n` +
        `start: ${st.model}, ${st.offeredLoad.toFixed(2)} Erlangs on ${st.pool.join(", ")} -> ${st.poolAgents} for the pool, ${st.count} in ${group}\n\n` +
        `${grid(rows, 1)}\n(each target's value as judged: its safe 95% bound)\n\n${answer}\n` +
        (opts.out ? `wrote ${opts.out}/\n` : ""),
    );
  }
  return result.recommended === null ? 1 : 0;
}

function sizeCommandLine(file: string, opts: SizeOptions): string {
  let s = withTargets(commandLine("size", file, opts) + ` --for ${opts.for ?? "agents"}`, opts.target);
  if (opts.max !== undefined) s += ` --max ${opts.max}`;
  return s;
}
