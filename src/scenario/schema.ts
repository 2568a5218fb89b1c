// The zod schema of the RAW scenario file (what users write, before defaults), and its JSON Schema for editors.
// Strict objects everywhere so a misspelt key is an error; no transforms, so z.toJSONSchema can render it all.
// Every leaf carries its own "expected ..., got ..." message so the loader never shows zod's generic wording; every
// "(default ...)" text is rendered from defaults.ts. The parts are in schema/, one file per part of the scenario.
import * as z from "zod";
import { DEFAULTS as D } from "./defaults.js";
import { TIMESTAMP_EXPECTED } from "./timestamp.js";
import { durationSchema, positiveDurationSchema, expected, obj, oneOf, shown, whole } from "./schema/builders.js";
import { AgentGroup, CapacityRules } from "./schema/agents.js";
import { Components, Targets } from "./schema/components.js";
import { Costs } from "./schema/costs.js";
import { Ha, Network, Routing, Site } from "./schema/deployment.js";
import type { Distribution } from "./schema/distribution.js";
import { Fault } from "./schema/faults.js";
import { Traffic } from "./schema/traffic.js";
export { METRIC_NAMES, type MetricName } from "./metric-names.js";
export { NAME_PATTERN, SITE_ID_PATTERN, unknownKeysInfo, type UnknownKeysInfo } from "./schema/builders.js";
export { DIST_NAMES } from "./schema/distribution.js";
export { FAULT_KINDS } from "./schema/faults.js";

export const ScenarioSchema = obj(
  {
    $schema: z.string({ error: expected("the address of a JSON Schema (text)") }).optional().meta({ description: "ignored by ccsim: lets editors find this JSON Schema" }),
    version: z.literal(1, { error: expected("1 (the only scenario format version)") }).optional().meta({ description: "format version (default 1)" }),
    name: z.string({ error: expected("a name") }).min(1, { error: expected("a non-empty name") }).optional()
      .meta({ description: "scenario name (default: the file name without extension)" }),
    seed: whole(0, `random seed (default ${D.seed})`).optional(),
    replications: whole(1, `independent replications (default ${D.replications})`).optional(),
    start: z.string({ error: expected(TIMESTAMP_EXPECTED) })
      .optional()
      .meta({ description: "the wall-clock time of time 0, for traces whose times are ISO timestamps (e.g. 2024-03-04T08:00:00Z)" }),
    horizon: positiveDurationSchema(`arrivals are generated in [0, horizon), then the system drains (default ${shown(D.horizon)})`).optional(),
    warmup: durationSchema(`interactions arriving before this are not counted (default ${shown(D.warmup)})`).optional(),
    interval: positiveDurationSchema(`time-series interval (default ${shown(D.interval)})`).optional(),
    serviceLevel: durationSchema(`service level threshold T (default ${shown(D.serviceLevel)})`).optional(),
    topology: oneOf(["cluster", "standalone"], `SIP Cluster nodes, or one SIP Server HA pair a site (default ${D.topology})`).optional(),
    sites: z.array(Site, { error: expected("a list of sites like [{id: dc1, nodes: 4}]") })
      .min(1, { error: expected("a list of at least one site") })
      .meta({ description: "data centers" }),
    network: Network.optional(),
    routing: Routing.optional(),
    capacityRules: CapacityRules.optional(),
    agents: z.array(AgentGroup, { error: expected("a list of agent groups") })
      .min(1, { error: expected("a list of at least one agent group") })
      .meta({ description: "agent groups" }),
    traffic: z.array(Traffic, { error: expected("a list of interaction types") })
      .min(1, { error: expected("a list of at least one interaction type") })
      .meta({ description: "interaction types" }),
    ha: Ha.optional(),
    faults: z.array(Fault, { error: expected("a list of faults") }).optional().meta({ description: "injected failures (default none)" }),
    targets: Targets.optional(),
    components: Components.optional(),
    costs: Costs.optional(),
  },
  "a scenario mapping with version, sites, agents and traffic",
  "a ccsim scenario (format version 1)",
);

export type RawScenario = z.infer<typeof ScenarioSchema>;
export type RawDistribution = z.infer<typeof Distribution>;

/** JSON Schema (draft-07, which editors' YAML support reads) of the scenario format, for editors and `ccsim schema`. */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(ScenarioSchema, { target: "draft-7" }) as Record<string, unknown>;
  return { ...schema, title: "ccsim scenario" };
}
