// `ccsim size <scenario> --for connectors [--calls N]`: a Skype for Business site's connector pool by the guide's
// formulas, beside the simulated day with the pool as given and with the guideline's (experiment/connector-sizing.ts);
// sizing.md, sizing.json and report.html in --out.

import { sizeConnectors } from "../experiment/connector-sizing.js";
import { withPool } from "../experiment/pool.js";
import { experimentRunner } from "../experiment/pooled-experiment.js";
import { connectorSizingJson, connectorSizingMarkdown, connectorSizingText } from "../report/connector-sizing-report.js";
import { writeOutputs } from "../report/output-dir.js";
import { InputError } from "../scenario/errors.js";
import type { Scenario } from "../scenario/types.js";
import type { Provenance } from "../report/html/provenance.js";
import { wholeNumber, wroteOut } from "./options.js";

export interface ConnectorCommand {
  readonly file: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly replications: number;
  readonly workers: number;
  readonly command: string;
  /** what report.html says ran */
  readonly provenance: Provenance;
  readonly opts: { readonly calls?: string; readonly out?: string; readonly json?: boolean; readonly quiet?: boolean; readonly max?: string };
}

export async function sizeConnectorsCommand(c: ConnectorCommand): Promise<number> {
  const { file, scenario, seed, replications, opts } = c;
  if (!scenario.sites.some((s) => s.skype !== undefined)) {
    throw new InputError(file, "sites", "sizing connectors needs a Skype for Business site: give one site skype: {connectors: ..., conferencePoolSize: ...}");
  }
  if (opts.max !== undefined) throw new InputError("--max", undefined, "bounds a search; --for connectors computes the guideline and simulates it (give --calls for maxCalls)");
  const maxCalls = wholeNumber("--calls", opts.calls, 1);
  const z = await withPool(c.workers, (pool) =>
    sizeConnectors(scenario, { seed, replications, run: experimentRunner(pool, { series: true }), ...(maxCalls === undefined ? {} : { maxCalls }) }),
  );
  const head = `${scenario.name}: sizing the Skype for Business connectors of site ${z.site}; seed ${seed}, ${replications} replications a try`;
  const json = connectorSizingJson(z, { scenario: scenario.name, seed, replications, command: c.command });
  if (opts.out !== undefined) {
    // the report's module (its charts load d3) is loaded only when it is written; its command names --calls too
    const { connectorSizeReport } = await import("../report/html/connector-size-report.js");
    const provenance = maxCalls === undefined ? c.provenance : { ...c.provenance, command: `${c.provenance.command} --calls ${maxCalls}` };
    const html = connectorSizeReport({ result: z, context: { scenario: scenario.name, seed, replications, command: provenance.command }, version: provenance.version, provenance });
    writeOutputs(opts.out, { "sizing.md": connectorSizingMarkdown(z, head), "sizing.json": json, "report.html": html });
  }
  if (opts.json) process.stdout.write(json);
  else if (!opts.quiet) {
    process.stdout.write(connectorSizingText(z, head));
    if (opts.out) wroteOut(opts.out);
  }
  return 0;
}
