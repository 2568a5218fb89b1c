// `ccsim size <scenario> --for ports:SITE` (or `--for ports` with one site that has media ports): the smallest
// capacity of the site's Asterisk media ports that meets every target, a portBlocking target among them; a table (or
// JSON) on stdout, sizing.md, sizing.csv, sizing.json and report.html in --out.

import { sizePorts } from "../experiment/port-sizing.js";
import { writeOutputs } from "../report/output-dir.js";
import { portSizingCsv, portSizingJson, portSizingMarkdown } from "../report/port-sizing-report.js";
import { grid } from "../report/grid.js";
import { formatMetric } from "../report/units.js";
import { verdictsOf } from "../report/verdicts.js";
import { suggestion } from "../scenario/did-you-mean.js";
import { InputError } from "../scenario/errors.js";
import { wholeNumber, wroteOut } from "./options.js";
import { onPool, usedLine, type Sizing } from "./sizing-plan.js";

export async function sizePortsCommand(file: string, sizing: Sizing, name: string | undefined): Promise<number> {
  const { opts, workers, scenario, seed, replications, ctx, provenance } = sizing;
  const where = `--for ${opts.for}`;
  const pools = scenario.sites.filter((s) => s.mediaPorts !== undefined).map((s) => s.id);
  if (pools.length === 0) throw new InputError(file, "sites", "sizing ports needs Asterisk media ports: give a site mediaPorts: {capacity: N}");
  let site: string;
  if (name === undefined) {
    if (pools.length !== 1) throw new InputError(where, undefined, `${pools.length} sites have media ports; name one: ports:SITE (${pools.join(", ")})`);
    site = pools[0]!;
  } else {
    if (!pools.includes(name)) throw new InputError(where, undefined, `no site ${JSON.stringify(name)} with media ports${suggestion(name, pools)}; sites with media ports: ${pools.join(", ")}`);
    site = name;
  }
  if (!scenario.targets.some((t) => t.metric === "portBlocking")) {
    throw new InputError(file, "targets", 'sizing ports needs a portBlocking target: add one to the scenario or give --target portBlocking="<= 1%"');
  }
  const max = wholeNumber("--max", opts.max, 1);
  const chatty = !opts.quiet && !opts.json && process.stderr.isTTY;
  const result = await onPool(workers, (run) => sizePorts(scenario, site, {
    seed,
    replications,
    run,
    ...(max !== undefined ? { max } : {}),
    onTry: chatty ? (t) => process.stderr.write(`  tried ${t.count}: ${t.met ? "met" : "missed"}\n`) : undefined,
  }));
  const json = portSizingJson(result, ctx);
  if (opts.out) {
    // the report's module (its charts load d3) is loaded only when it is written
    const { portSizeReport } = await import("../report/html/port-size-report.js");
    const html = portSizeReport({ result, context: ctx, version: provenance.version, provenance });
    writeOutputs(opts.out, { "sizing.md": portSizingMarkdown(result, ctx), "sizing.csv": portSizingCsv(result), "sizing.json": json, "report.html": html });
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    const st = result.start;
    const rows = [["try", "ports", "verdict", "replications", "blocking", "utilization", ...scenario.targets.map((t) => `${t.metric} ${t.source}`)]];
    result.tries.forEach((t, i) => {
      const p = t.result.mediaPorts!.bySite[site]!;
      rows.push([
        String(i + 1), String(t.count), t.met ? "met" : "missed", String(t.replications), formatMetric("portBlocking", p.portBlocking.mean),
        formatMetric("portUtilization", p.portUtilization.mean), ...verdictsOf(t.result).map((v) => formatMetric(v.metric, v.judgedOn)),
      ]);
    });
    const answer = result.recommended === null ? `no capacity up to ${result.max} met every target` : `recommended: ${result.recommended} media ports in ${site}`;
    process.stdout.write(
      `${scenario.name}: sizing the Asterisk media ports of ${site}; seed ${seed}, at most ${replications} replications a try\n` +
        `start: Erlang B, ${st.offeredLoad.toFixed(2)} Erlangs of port load -> ${st.capacity} ports` +
        (st.blockingTarget === null ? "\n\n" : ` (blocking ${formatMetric("portBlocking", st.blocking)})\n\n`) +
        `${grid(rows, 1)}\n(blocking and utilization: the site's pool, means; each target's value as judged: its safe 95% bound)\n\n${answer}\n` +
        `${usedLine(result.replications, result.tries.length, replications)}\n`,
    );
    if (opts.out) wroteOut(opts.out);
  }
  return result.recommended === null ? 1 : 0;
}
