// `ccsim validate <scenario>`: checks a scenario file (with --set) and prints what it describes and what a run of it
// would cost, running nothing; a scenario `ccsim run` would refuse (too much memory, outputs too large) is refused.

import { estimateCost } from "../experiment/cost.js";
import { loadScenario } from "../scenario/read-scenario.js";
import { largeNumber } from "../util/thousands.js";
import { guardRun } from "./guard.js";
import { InputError } from "../scenario/errors.js";

export function validateCommand(file: string, opts: { readonly set?: readonly string[] }): number {
  const s = loadScenario({ file, overrides: opts.set ?? [] });
  const agents = s.agents.reduce((n, g) => n + g.count, 0);
  const nodes = s.sites.reduce((n, x) => n + x.nodes, 0);
  const replayed = s.traffic.reduce((n, t) => n + (t.trace?.times.length ?? 0), 0);
  const traces = [...new Set(s.traffic.flatMap((t) => (t.trace === undefined ? [] : [t.trace.source])))];
  // what run would refuse (memory, outputs no file could hold), validate refuses with the same line and exit 2
  try {
    guardRun(file, [s], s.replications, { quiet: true });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(e.where, e.path, `valid, but ccsim run would refuse it: ${e.detail.replace(/^refusing to run: /, "")}`);
  }
  const cost = estimateCost(s, s.replications);
  // a scenario whose numbers overflow is valid to the schema, but run would refuse it: say so, not "Infinity MB"
  const huge = (x: number) => (x < 1e12 ? String(Math.round(x)) : largeNumber(x));
  const estimate =
    Number.isFinite(cost.bytes) && Number.isFinite(cost.seconds)
      ? `about ${huge(Math.max(1, Math.round(cost.bytes / 1e6)))} MB of memory and ${huge(Math.ceil(cost.seconds))} s`
      : "too large to estimate (run refuses it)";
  process.stdout.write(
    `${file}: ok: ${s.name}: ${s.sites.length} site(s), ${nodes} node(s), ${agents} agent(s) in ` +
      `${s.agents.length} group(s), ${s.traffic.length} traffic type(s)` +
      (traces.length > 0 ? `, ${replayed} arrivals replayed from ${traces.join(", ")}` : "") +
      `\nestimate: ${estimate} ` +
      `for ${s.replications} replication(s) (${huge(cost.callsPerReplication)} calls each)\n`,
  );
  return 0;
}
