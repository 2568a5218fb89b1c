// The answer of `ccsim size --for connectors`: the guide's formulas with the figures they were given, the simulated
// tries beside them (conference waits, the time to a conference, the rate served), and whether one T-Server suffices;
// as text for the terminal, Markdown for sizing.md, and JSON.

import type { ConnectorSizing } from "../experiment/connector-sizing.js";
import { grid } from "./grid.js";
import { human, tidyDeep } from "./numbers.js";

const GUIDE = "Multimedia Connector for Skype for Business Deployment Guide";

export function formulas(z: ConnectorSizing): string[] {
  const from = z.maxCallsFrom === "given" ? "given" : "the worst replication's peak of simultaneous calls";
  return [
    `maxCalls ${z.maxCalls} (${from}), numConn ${z.connectors}, numStopped ${z.stopped}`,
    `conference-pool-size = 1.2 x ${z.maxCalls} / (${z.connectors} - ${z.stopped}) = ${z.poolSize} a connector, ${z.totalConferences} in all with every connector running`,
    `Trusted Application Endpoints = ${z.poolSize} / 10 = ${z.taes}`,
    `(${GUIDE}, Conference Resource Pools, Calculating Resources for Conference Pooling)`,
  ];
}

export function tServer(z: ConnectorSizing): string {
  const rate = `${human(z.peakCallsPerSecond, 2)} calls/s offered in the busiest interval against ${human(z.sustainedCallsPerSecond, 2)} the conference scheduling sustains`;
  return (
    `one T-Server: ${z.oneTServer ? "suffices" : "does not suffice"} (${z.peakRegisteredAgents} registered agents, limit 1000; ` +
    `${z.maxCalls} simultaneous calls, limit 1200; ${rate})`
  );
}

function rows(z: ConnectorSizing): string[][] {
  const out = [["try", "connectors live", "conferencePoolSize", "taes", "conferenceWaits", "meanAllocationTime", "callsPerSecond", "peakSimultaneousCalls", "abandonRate"]];
  for (const t of z.tries) {
    const m = t.result.skype!.metrics;
    out.push([
      t.label, String(t.live), String(t.poolSize), String(t.taes), human(m.conferenceWaits.mean, 1), `${m.meanAllocationTime.mean.toFixed(3)} s`,
      human(m.callsPerSecond.mean, 2), human(m.peakSimultaneousCalls.mean, 1), `${((t.result.metrics.abandonRate?.mean ?? 0) * 100).toFixed(2)}%`,
    ]);
  }
  return out;
}

export function answer(z: ConnectorSizing): string {
  return `recommended: ${z.connectors} connectors (${z.stopped} may be stopped), conference-pool-size ${z.poolSize}, ${z.taes} Trusted Application Endpoints`;
}

export function connectorSizingText(z: ConnectorSizing, head: string): string {
  return `${head}\n\n${formulas(z).join("\n")}\n\n${grid(rows(z), 1)}\n(means over the replications of each try)\n\n${tServer(z)}\n${answer(z)}\n`;
}

export function connectorSizingMarkdown(z: ConnectorSizing, head: string): string {
  const r = rows(z);
  const table = [`| ${r[0]!.join(" | ")} |`, `|${r[0]!.map(() => "---").join("|")}|`, ...r.slice(1).map((x) => `| ${x.join(" | ")} |`)];
  return `# ${head}\n\n${formulas(z).map((l) => `- ${l}`).join("\n")}\n\n${table.join("\n")}\n\n${tServer(z)}\n\n**${answer(z)}**\n`;
}

export function connectorSizingJson(z: ConnectorSizing, context: Record<string, unknown>): string {
  const { tries, ...rest } = z;
  return (
    JSON.stringify(
      tidyDeep({ ...context, for: "connectors", ...rest, tries: tries.map((t) => ({ label: t.label, live: t.live, poolSize: t.poolSize, taes: t.taes, skype: t.result.skype!.metrics })) }),
      null,
      2,
    ) + "\n"
  );
}
