// Trace arrivals: each trace a scenario names, read once (types may share one), gives its types their arrivals.
import { isAbsolute, join } from "node:path";
import { InputError, type Path } from "../errors.js";
import type { Locator } from "../locations.js";
import { parseTimestamp } from "../timestamp.js";
import { readTraceCached, type RawTrace } from "../trace.js";
import { equivalentProfile, noArrivalsMessage, traceArrivals } from "../trace-arrivals.js";
import type { Scenario, TraceSpec } from "../types.js";
import type { TraceUse } from "./context.js";

/**
 * Reads each trace once (types may share one) and gives its types their arrivals. Runs last: the types, sites and
 * horizon a trace is checked against are known to be right by then, and reading a big trace is the slowest step.
 */
export function withTraces(scenario: Scenario, traces: readonly TraceUse[], baseDir: string, loc: Locator): Scenario {
  if (traces.length === 0) return scenario;
  const traffic = scenario.traffic.slice();
  const bySource = new Map<string, TraceUse[]>();
  for (const t of traces) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t]);
  const start = scenario.start === undefined ? undefined : parseTimestamp(scenario.start);
  for (const [source, users] of bySource) {
    const where = (i: number): Path => ["traffic", i, "arrivals", "trace"];
    const file = isAbsolute(source) ? source : join(baseDir, source);
    let raw: RawTrace;
    try {
      raw = readTraceCached(file);
    } catch (e) {
      // a file that cannot be opened is the scenario's problem: say where the scenario names it
      if (e instanceof InputError && e.line === undefined) throw loc.place({ path: where(users[0]!.index), message: `${e.detail} (${file})` }).error;
      throw e;
    }
    const arrivals = traceArrivals(
      raw,
      users.map((u) => scenario.traffic[u.index]!),
      { horizon: scenario.horizon, start, types: scenario.traffic.map((t) => t.type), sites: scenario.sites.map((s) => s.id) },
    );
    users.forEach((u, k) => {
      const a = arrivals[k]!;
      const spec = traffic[u.index]!;
      if (a.times.length === 0) {
        throw loc.place({ path: where(u.index), message: `${noArrivalsMessage(spec.type, scenario.horizon, raw.rows)} (${file})` }).error;
      }
      const trace: TraceSpec = { source, ...a, resample: u.resample };
      traffic[u.index] = { ...spec, arrivals: equivalentProfile(a.times, scenario.interval, scenario.horizon), trace };
    });
  }
  return { ...scenario, traffic };
}
