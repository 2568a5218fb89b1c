// `ccsim size <scenario> --for agents[:group]|staffing|nodes[:site]|urs|throughput|ports[:site]|connectors`: the smallest
// head count, machine count or media-port pool that meets every target (or the largest load sustained), from an
// analytic start and simulated tries on common random numbers, or a Skype site's connectors and conference pools; a
// table (or JSON) on stdout, a report in --out. The tries run one after another, each try's replications on one pool
// of --workers threads; --shard is refused.

import { sizeNodes, sizeUrs, throughputCapacity, type MachineSizing } from "../experiment/machine-sizing.js";
import { parseTimestamp } from "../scenario/timestamp.js";
import { profileOf, sizePerPeriod } from "../experiment/period-sizing.js";
import { analyticStart, sizeAgents } from "../experiment/sizing.js";
import { machineSizingCsv, machineSizingJson, machineSizingMarkdown } from "../report/machine-sizing-report.js";
import { periodSizingCsv, periodSizingJson, periodSizingMarkdown } from "../report/period-sizing-report.js";
import { checkOutDir, writeOutputs } from "../report/output-dir.js";
import { sizingCsv, sizingJson, sizingMarkdown } from "../report/sizing-report.js";
import { calibrationNote } from "../report/calibration-note.js";
import { grid } from "../report/grid.js";
import { formatMetric } from "../report/units.js";
import { verdictsOf } from "../report/verdicts.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";
import { provenanceOf } from "./command-line.js";
import { sizePortsCommand } from "./size-ports.js";
import { onPool, usedLine, type SizeOptions, type Sizing } from "./sizing-plan.js";
import { guardRun } from "./guard.js";
import { wholeNumber, workerCount, wroteOut } from "./options.js";
import { planGate, requireTargets } from "./target-option.js";

const MACHINES = ["nodes", "urs", "throughput"];

export async function sizeCommand(file: string, opts: SizeOptions): Promise<number> {
  const { plan, workers: flag, scenario } = planGate(
    file,
    opts,
    "a size search cannot be split: each try's count follows from the verdicts before it, so the tries run one after " +
      "another; --workers spreads each try's replications over threads",
  );
  const { seed, replications } = plan.study;
  // a budget is missed by more of anything, so "the fewest that pass" would not hold: check judges it
  if (scenario.targets.some((t) => t.metric === "cost")) {
    throw new InputError(file, "targets.cost", "a cost target is a budget that more agents or machines only miss by more, so size cannot search on it: leave it to ccsim check, and size on the service targets");
  }
  if (opts.out !== undefined) checkOutDir(opts.out, ["sizing.md", "sizing.csv", "sizing.json", "report.html"], opts.force === true);
  // the memory a try needs, as run refuses it; no time warning, since one try's time is not the search's
  const perTry = guardRun(file, [scenario], replications, { force: opts.force, quiet: true });
  // a search makes several tries on the same threads: three at the least (its start and a count either side)
  const workers = workerCount(flag, 3 * perTry);
  const what = opts.for ?? "agents";
  const [kind, name] = what.split(":", 2) as [string, string | undefined];
  const where = `--for ${what}`;
  // "agents:" names no group: refused, not taken for "agents" (which picks the only group, or fails on several)
  if (name === "") throw new InputError(where, undefined, `expected a name after ":" (agents:GROUP, nodes:SITE), or just ${kind}`);
  if (kind === "vq") {
    throw new InputError(where, undefined, "sizing vq is not supported: the guide has one VQ SIP Server HA pair a site; its load is reported (components.csv) and can be a target (utilization.vqServer)");
  }
  const provenance = provenanceOf("size", plan, { for: what, target: opts.target, max: opts.max });
  const sizing: Sizing = { opts, workers, scenario, seed, replications, provenance, ctx: { scenario: scenario.name, seed, replications, command: provenance.command } };
  if (MACHINES.includes(kind)) return sizeMachines(file, sizing, kind as "nodes" | "urs" | "throughput", name);
  if (kind === "connectors") {
    const { sizeConnectorsCommand } = await import("./size-connectors.js");
    return sizeConnectorsCommand({ file, scenario, seed, replications, workers, command: provenance.command, provenance, opts });
  }
  if (opts.calls !== undefined) throw new InputError("--calls", undefined, "gives maxCalls to --for connectors only");
  if (kind === "ports") return sizePortsCommand(file, sizing, name);
  if (kind === "staffing") {
    if (name !== undefined) throw new InputError(where, undefined, "expected staffing (it sizes every agent group together)");
    const { sizeStaffingCommand } = await import("./size-staffing.js");
    return sizeStaffingCommand(file, sizing);
  }
  if (kind !== "agents") throw new InputError(where, undefined, `expected agents[:GROUP], staffing, nodes[:SITE], urs, throughput, ports[:SITE] or connectors${suggestion(kind, ["agents", "staffing", ...MACHINES, "ports", "connectors"])}`);
  const groups = scenario.agents.map((a) => a.group);
  let group: string;
  if (name === undefined || name === "") {
    if (groups.length !== 1) throw new InputError(where, undefined, `the scenario has ${groups.length} agent groups; name one: agents:GROUP (${groups.join(", ")})`);
    group = groups[0]!;
  } else {
    if (!groups.includes(name)) throw new InputError(where, undefined, `no agent group ${JSON.stringify(name)}${suggestion(name, groups)}; groups: ${groups.join(", ")}`);
    group = name;
  }
  requireTargets(file, scenario, "size for");
  const max = wholeNumber("--max", opts.max, 1);
  const chatty = !opts.quiet && !opts.json;
  const types = analyticStart(scenario, group).traffic;
  if (profileOf(scenario, types) !== null) return sizePeriods(sizing, group, types, max);
  const result = await onPool(workers, (run) => sizeAgents(scenario, group, {
    seed,
    replications,
    run,
    ...(max !== undefined ? { max } : {}),
    onTry: chatty && process.stderr.isTTY ? (t) => process.stderr.write(`  tried ${t.count}: ${t.met ? "met" : "missed"}\n`) : undefined,
  }));
  const { ctx } = sizing;
  const json = sizingJson(result, ctx);
  await writeSizing(opts.out, json, () => sizingMarkdown(result, ctx), () => sizingCsv(result), async () => {
    const { sizeReport } = await import("../report/html/size-report.js");
    return sizeReport({ result, context: ctx, version: provenance.version, provenance });
  });
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const st = result.start;
    const rows = [["try", "agents", "verdict", "replications", ...scenario.targets.map((t) => `${t.metric} ${t.source}`)]];
    result.tries.forEach((t, i) =>
      rows.push([String(i + 1), String(t.count), t.met ? "met" : "missed", String(t.replications), ...verdictsOf(t.result).map((v) => formatMetric(v.metric, v.judgedOn))]),
    );
    const answer =
      result.recommended === null
        ? `no count up to ${result.max} met every target`
        : `recommended: ${result.recommended} agents in ${group}`;
    const verdict = `${answer}${calibrationNote(scenario)}\n${usedLine(result.replications, result.tries.length, replications)}`;
    process.stdout.write(
      `${scenario.name}: sizing agents of ${group}; seed ${seed}, at most ${replications} replications a try\n` +
        `start: ${st.model}, ${st.offeredLoad.toFixed(2)} Erlangs on ${st.pool.join(", ")} -> ${st.poolAgents} for the pool, ${st.count} in ${group}\n\n` +
        `${grid(rows, 1)}\n(each target's value as judged: its safe 95% bound)\n\n${verdict}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  }
  return result.recommended === null ? 1 : 0;
}

/** Every sizing's files into --out, when given: the report's module (its charts load d3) is loaded only then. */
async function writeSizing(out: string | undefined, json: string, md: () => string, csv: () => string, html: () => Promise<string>): Promise<void> {
  if (!out) return;
  writeOutputs(out, { "sizing.md": md(), "sizing.csv": csv(), "sizing.json": json, "report.html": await html() });
}

/** --for nodes[:site] | urs | throughput: machines on the component load model. */
async function sizeMachines(file: string, sizing: Sizing, kind: "nodes" | "urs" | "throughput", name: string | undefined): Promise<number> {
  const { opts, workers, scenario, seed, replications, provenance, ctx } = sizing;
  const where = `--for ${opts.for}`;
  if (scenario.components === undefined) {
    throw new InputError(file, "components", `sizing ${kind} needs the component load model: add \`components: {}\` (the default costs) or your own costs`);
  }
  if (kind === "throughput" && scenario.traffic.some((t) => t.trace)) {
    throw new InputError(where, undefined, "throughput capacity scales arrival rates; a replayed trace cannot be scaled");
  }
  if (kind === "urs" && name !== undefined) throw new InputError(where, undefined, "expected urs (it sizes the URS pairs of every site)");
  const sites = scenario.sites.map((s) => s.id);
  if (kind === "nodes" && name !== undefined && name !== "" && !sites.includes(name)) {
    throw new InputError(where, undefined, `no site ${JSON.stringify(name)}${suggestion(name, sites)}; sites: ${sites.join(", ")}`);
  }
  const max = wholeNumber("--max", opts.max, 1);
  if (max !== undefined && kind === "urs") {
    throw new InputError("--max", undefined, "bounds the count of agents or nodes, or the tries of --for throughput: --for urs tries every grouping of the nodes");
  }
  const chatty = !opts.quiet && !opts.json && process.stderr.isTTY;
  const options = {
    seed,
    replications,
    ...(max !== undefined ? { max } : {}),
    onTry: chatty ? (t: { setting: string; met: boolean }) => process.stderr.write(`  tried ${t.setting}: ${t.met ? "met" : "missed"}\n`) : undefined,
  };
  const result: MachineSizing = await onPool(workers, (run) => {
    const o = { ...options, run };
    return kind === "nodes" ? sizeNodes(scenario, name ? [name] : sites, o) : kind === "urs" ? sizeUrs(scenario, o) : throughputCapacity(scenario, o);
  });
  const json = machineSizingJson(result, ctx);
  await writeSizing(opts.out, json, () => machineSizingMarkdown(result, ctx), () => machineSizingCsv(result), async () => {
    const { machineSizeReport } = await import("../report/html/machine-size-report.js");
    return machineSizeReport({ result, context: ctx, version: provenance.version, provenance });
  });
  const found = Object.values(result.recommended).every((v) => v !== null);
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const targets = scenario.targets;
    const rows = [["try", kind === "throughput" ? "scale" : "count", "setting", "verdict", "replications", "busiest", "utilization", ...targets.map((t) => `${t.metric} ${t.source}`)]];
    result.tries.forEach((t, i) => {
      const c = t.result.components!;
      rows.push([
        String(i + 1), String(Number(t.value.toPrecision(4))), t.setting, t.met ? "met" : c.sustained ? "missed" : "not sustained",
        t.simulated === t.replications ? String(t.replications) : `${t.replications} (start run's)`, c.busiest,
        `${(c.instances[c.busiest]!.utilization.mean * 100).toFixed(1)}%`,
        ...verdictsOf(t.result).map((v) => formatMetric(v.metric, v.judgedOn)),
      ]);
    });
    const answer = Object.entries(result.recommended).map(([k, v]) => `${k} ${v ?? "none found"}`).join(", ");
    process.stdout.write(
      `${scenario.name}: sizing ${kind}; seed ${seed}, at most ${replications} replications a try\n` +
        `varied: ${result.varied}\n${result.start.map((l) => `start: ${l}`).join("\n")}\n\n` +
        `${grid(rows, 1)}\n(each target's value as judged: its safe 95% bound; a try is met when every target is and every component keeps up)\n\n` +
        `${kind === "throughput" ? "throughput capacity" : "recommended"}: ${answer}${calibrationNote(scenario)}\n` +
        `${usedLine(result.replications, result.tries.length, replications)}${kind === "throughput" ? "" : ", the start run's included"}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  }
  return found ? 0 : 1;
}

/** --for agents[:group] when the group's traffic has an arrival profile: a count per period. */
async function sizePeriods(sizing: Sizing, group: string, types: readonly string[], max: number | undefined): Promise<number> {
  const { opts, workers, scenario, seed, replications, provenance, ctx } = sizing;
  const chatty = !opts.quiet && !opts.json && process.stderr.isTTY;
  const result = await onPool(workers, (run) => sizePerPeriod(scenario, group, types, {
    seed,
    replications,
    run,
    ...(max !== undefined ? { max } : {}),
    onTry: chatty ? (p, t) => process.stderr.write(`  period ${p + 1}, tried ${t.count}: ${t.met ? "met" : "missed"}\n`) : undefined,
  }));
  const json = periodSizingJson(result, ctx);
  await writeSizing(opts.out, json, () => periodSizingMarkdown(result, ctx), () => periodSizingCsv(result), async () => {
    const { periodSizeReport } = await import("../report/html/period-size-report.js");
    const origin = scenario.start === undefined ? {} : { origin: parseTimestamp(scenario.start) };
    return periodSizeReport({ result, context: ctx, version: provenance.version, provenance, ...origin });
  });
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const rows = [["period", "start", "agents", "tries", "replications"]];
    result.staffing.forEach((c, i) =>
      rows.push([String(i + 1), `${(i * result.period) / 3600} h`, c === null ? "none found" : String(c), String(result.periods[i]?.tries.length ?? 0), String(result.periods[i]?.replications ?? 0)]),
    );
    const tries = result.periods.reduce((n, p) => n + (p?.tries.length ?? 0), 0);
    process.stdout.write(
      `${scenario.name}: sizing agents of ${group} per period of ${result.period / 60} min (each a steady state at its rates); seed ${seed}, at most ${replications} replications a try\n\n` +
        `${grid(rows, 1)}\n\nrecommended staffing for ${group}: [${result.staffing.map((c) => c ?? "?").join(", ")}]${calibrationNote(scenario)}\n` +
        `${usedLine(result.replications, tries, replications)}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  }
  return result.staffing.every((c) => c !== null) ? 0 : 1;
}
