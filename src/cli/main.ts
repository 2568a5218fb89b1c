// The ccsim command line: commander wiring only; each command is a thin function in its own file.

// Each command imports what it needs when it runs (the scenario loader, the experiment, the reports), so that a
// command pays start-up only for its own modules.

import { Command, CommanderError, Option } from "commander";
import { Interrupted } from "../experiment/interrupted.js";
import { InputError, inputErrorText } from "../scenario/errors.js";
import { CCSIM_VERSION } from "../report/version.js";
import { exitCodeAfterStdio, guardStdio } from "./stdio.js";

const collect = (v: string, prev: string[] = []) => [...prev, v];

function program(): Command {
  const p = new Command("ccsim")
    .description("Deterministic discrete-event simulator of Genesys SIP Server and SIP Cluster contact centers")
    .version(CCSIM_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  // check and size take --shard only to refuse it with the reason (they judge all replications, or search in
  // sequence), so their help does not offer it
  const scenarioOptions = (c: Command, shards = true) =>
    c
      .option("--seed <n>", "random seed (default: the scenario's)")
      .option("--replications <n>", "number of replications (default: the scenario's)")
      .option("--set <path=value>", "override a scenario field, e.g. agents[0].count=13 (repeatable)", collect)
      .option("--workers <n>", "threads the replications are spread over, this one and N - 1 workers (default: the machine's cores, or 1 for a run estimated under 2 s)")
      .addOption(
        new Option("--shard <i/n>", "run only the i-th of n slices of the replications; write a partial result into --out").hideHelp(!shards),
      );

  scenarioOptions(p.command("run").argument("[scenario]", "scenario file (YAML or JSON); none runs the embedded demo"))
    .description("run a scenario's replications and report")
    .option("--out <dir>", "write summary.json, intervals.csv, groups.csv, nodes.csv, urs.csv, media.csv (with chat, email or IM) and report.html into this folder")
    .option("--json", "print the summary JSON on stdout and nothing else there")
    .option("--trace <file>", "write T-Library-style events (JSON lines) of the first interactions of replication 1 (a FIFO or a device is written through; - writes them on stdout, and then nothing else goes there)")
    .option("--trace-limit <n>", "how many interactions --trace follows (default 100)")
    .option("--force", "write into an --out folder that holds files (replacing only ccsim's), and run a scenario estimated to need more memory than there is")
    .addOption(new Option("--quiet", "print nothing but errors"))
    .action(async (file: string | undefined, opts) => {
      const { runCommand } = await import("./run.js");
      exitCode = await runCommand(file, opts);
    });

  const varyOptions = (c: Command, what: string) =>
    scenarioOptions(c)
      .option("--vary <path=v1,v2,...>", what, collect)
      .option("--metrics <names>", "comma-separated metrics for the table (default: a routing-focused set)")
      .option("--out <dir>", "write JSON, CSV and report.html into this folder")
      .option("--force", "write into an --out folder that holds files (replacing only ccsim's), and run despite the memory estimate")
      .option("--json", "print the result JSON on stdout and nothing else there")
      .option("--wide", "print the table whole, however wide (default: folded into blocks of 120 columns)")
      .option("--quiet", "print nothing but errors");

  varyOptions(p.command("compare").argument("<scenario>", "scenario file"), "the field and the values to compare")
    .description("run variants on common random numbers; each metric with its CI and the paired differences")
    .action(async (file: string, opts) => {
      const { compareCommand } = await import("./compare.js");
      exitCode = await compareCommand(file, opts);
    });

  varyOptions(
    p.command("sweep").argument("<scenario>", "scenario file"),
    "a field and its values (one or two --vary); sites[*].nodes sets every site's",
  )
    .description("metrics against one or two varied fields, each point with its CI")
    .action(async (file: string, opts) => {
      const { sweepCommand } = await import("./sweep.js");
      exitCode = await sweepCommand(file, opts);
    });

  p.command("merge")
    .argument("<partials...>", "folders holding partial-I-of-N.json files (or the files themselves)")
    .description("combine the partial results of every --shard of one run, compare or sweep into its output")
    .option("--out <dir>", "write the files the single run would have written into this folder")
    .option("--json", "print the summary (or result) JSON on stdout and nothing else there")
    .option("--metrics <names>", "comma-separated metrics for a compare or sweep table")
    .option("--wide", "print a compare or sweep table whole, however wide (default: folded into blocks of 120 columns)")
    .option("--quiet", "print nothing but errors")
    .action(async (partials: string[], opts) => {
      const { mergeCommand } = await import("./merge.js");
      exitCode = await mergeCommand(partials, opts);
    });

  scenarioOptions(p.command("check").argument("<scenario>", "scenario file"), false)
    .description("run a scenario and judge its targets: exit 1 when any is missed (a CI gate)")
    .option("--target <metric=comparison>", 'add or replace a target, e.g. serviceLevel=">= 0.80" (repeatable)', collect)
    .option("--out <dir>", "write check.json, check.md (a Markdown table for a CI step summary), check.xml (JUnit XML), summary.json and report.html into this folder")
    .addOption(new Option("--annotations <kind>", "print an annotation for each missed target on stdout: github (workflow commands ::error)").choices(["github"]))
    .option("--force", "write into an --out folder that holds files (replacing only ccsim's), and run despite the memory estimate")
    .option("--json", "print the verdicts as JSON on stdout and nothing else there")
    .option("--quiet", "print nothing but errors, and one line on stderr when a target is missed")
    .action(async (file: string, opts) => {
      const { checkCommand } = await import("./check.js");
      exitCode = await checkCommand(file, opts);
    });

  scenarioOptions(p.command("size").argument("<scenario>", "scenario file"), false)
    .description("the smallest agent count of a group meeting every target: Erlang start, then simulated tries")
    .option("--for <what>", "agents[:GROUP] (default agents, when there is one group), staffing (every group at least cost), nodes[:SITE], urs, throughput, ports[:SITE] (Asterisk media ports) or connectors (a Skype for Business site)")
    .option("--calls <n>", "--for connectors: maxCalls, the simultaneous calls to size the conference pools for (default: the simulated peak)")
    .option("--max <n>", "the largest count to try (default: agents 3 x the Erlang start + 20; nodes 4 x the utilization start, at least 8); throughput: the most tries (14)")
    .option("--target <metric=comparison>", 'add or replace a target, e.g. serviceLevel=">= 0.80" (repeatable)', collect)
    .option("--out <dir>", "write sizing.md, sizing.csv, sizing.json and report.html into this folder")
    .option("--force", "write into an --out folder that holds files (replacing only ccsim's), and run despite the memory estimate")
    .option("--json", "print the sizing JSON on stdout and nothing else there")
    .option("--quiet", "print nothing but errors")
    .action(async (file: string, opts) => {
      const { sizeCommand } = await import("./size.js");
      exitCode = await sizeCommand(file, opts);
    });

  p.command("validate")
    .argument("<scenario>", "scenario file")
    .option("--set <path=value>", "override a scenario field (repeatable)", collect)
    .description("check a scenario file and print what it describes")
    .action(async (file: string, opts: { set?: string[] }) => {
      const { validateCommand } = await import("./validate.js");
      exitCode = validateCommand(file, opts);
    });

  p.command("trace-stats")
    .argument("<trace>", "CSV of recorded arrivals (header: time, and any of type, site, media, handleTime, patience, priority)")
    .option("--interval <duration>", "length of each interval of the arrival profile (default 30m)")
    .option("--fold <duration>", "average the intervals over periods this long, e.g. 24h for a typical day")
    .option("--start <timestamp>", "time 0 for ISO timestamps (default: midnight UTC of the first row's day)")
    .description("summarise a trace as a scenario snippet: arrivals per interval, handle time fitted by maximum likelihood")
    .action(async (file: string, opts) => {
      const { traceStatsCommand } = await import("./trace-stats.js");
      exitCode = traceStatsCommand(file, opts);
    });

  p.command("import")
    .argument("<export>", "CSV interval export of a WFM or ACD system (header: start, queue, offered, handled, aht, abandoned, and any of answered_within, staffed)")
    .option("--interval <duration>", "the intervals' length (default: the shortest step between the starts)")
    .option("--fold <duration>", "average the intervals over periods this long, e.g. 24h for a typical day")
    .option("--map <queue=type,...>", "the traffic type of each queue (repeatable; default: a type named after the queue)", collect)
    .option("--handle-cv <cv>", "the handle time's coefficient of variation: a gamma (default: an exponential, cv 1)")
    .option("--threshold <duration>", "the threshold answered_within counted calls against (default: the scenario's serviceLevel)")
    .option("--calibrate <scenario>", "run this scenario and show it beside the export, interval by interval")
    .option("--seed <n>", "with --calibrate: random seed (default: the scenario's)")
    .option("--replications <n>", "with --calibrate: number of replications (default: the scenario's)")
    .option("--workers <n>", "with --calibrate: worker threads (default: the machine's cores, or 1 for a short run)")
    .option("--out <dir>", "write scenario-block.yaml (and with --calibrate calibration.csv) into this folder")
    .option("--force", "write into an --out folder that holds files (replacing only ccsim's)")
    .option("--quiet", "print nothing on stderr but errors")
    .description("turn an interval export into a scenario block (arrival profiles, AHT, patience fitted from abandonment, staffing); --calibrate sets a scenario beside it")
    .action(async (file: string, opts) => {
      const { importCommand } = await import("./import.js");
      exitCode = await importCommand(file, opts);
    });

  p.command("erlang")
    .argument("<model>", "b (lines and blocking), c (waiting, no abandonment) or a (waiting with exponential patience)")
    .description("the Erlang calculator: measures at a head count, or the fewest agents meeting targets, per interval")
    .option("--rate <rate[,rate...]>", "arrivals, e.g. 200/h; several (comma-separated) give a table, a row an interval")
    .option("--aht <duration>", "mean handle time, e.g. 3m")
    .option("--patience <duration>", "erlang a: the callers' mean patience")
    .option("--agents <n>", "evaluate this head count (lines for erlang b)")
    .option("--target <metric=comparison>", 'find the fewest agents meeting it, e.g. serviceLevel=">= 0.80", asa="<= 20s", blocking="<= 1%" (repeatable)', collect)
    .option("--sl-time <duration>", "the service-level threshold (default 20s)")
    .option("--shrinkage <share>", "share of scheduled agents unavailable, e.g. 30%: the agents to schedule (default 0)")
    .option("--max-occupancy <share>", "the highest occupancy allowed when finding a head count, e.g. 85% (default 100%)")
    .option("--interval <duration>", "with several rates: the interval length, to show each row's start")
    .option("--json", "print the answers as JSON")
    .action(async (model: string, opts) => {
      const { erlangCommand } = await import("./erlang.js");
      exitCode = erlangCommand(model, opts);
    });

  p.command("defaults")
    .description("print every scenario default, its value and where it comes from (a guide's option or an assumption)")
    .option("--json", "print the table as JSON")
    .action(async (opts: { json?: boolean }) => {
      const { defaultsCommand } = await import("./defaults.js");
      exitCode = defaultsCommand(opts);
    });

  p.command("calibrate")
    .argument("<measurements>", "CSV of your load-test points: component, callsPerSecond, cpuPercent (two or more a component)")
    .option("--component <kind>", "fit only this component kind")
    .option("--json", "print the fit as JSON")
    .description("fit CPU seconds per call of each component to your measurements; print the components: block to paste")
    .action(async (file: string, opts: { component?: string; json?: boolean }) => {
      const { calibrateCommand } = await import("./calibrate.js");
      exitCode = calibrateCommand(file, opts);
    });

  p.command("schema")
    .description("print the JSON Schema of scenario files (for editors)")
    .action(async () => {
      const { scenarioJsonSchema } = await import("../scenario/schema.js");
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
      exitCode = 0;
    });
  return p;
}

let exitCode = 0;

/** Runs the command line; resolves to the exit code (0 ok, 1 targets missed, 2 bad input or usage, 130 or 143
 *  interrupted by SIGINT or SIGTERM); 2 also when stdout cannot be written (a full disk; a closed pipe is no error). */
export async function main(argv: readonly string[]): Promise<number> {
  guardStdio();
  return exitCodeAfterStdio(await command(argv));
}

async function command(argv: readonly string[]): Promise<number> {
  exitCode = 0;
  try {
    await program().parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are exits with code 0; usage errors were already printed by commander
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof Interrupted) {
      process.stderr.write(`ccsim: ${e.message}; nothing written\n`);
      return e.exitCode;
    }
    if (e instanceof InputError) {
      process.stderr.write(`${inputErrorText(e)}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`ccsim: internal error: ${err.message} (set CCSIM_DEBUG=1 for details)\n`);
    if (process.env.CCSIM_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
