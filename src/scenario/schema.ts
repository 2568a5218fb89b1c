// The zod schema of the RAW scenario file (what users write, before defaults), and its JSON Schema for editors.
// Strict objects everywhere so a misspelt key is an error; no transforms, so z.toJSONSchema can render it all.
// Every leaf carries its own "expected ..., got ..." message so the loader never shows zod's generic wording.
import * as z from "zod";
import { DURATION_EXPECTED, DURATION_PATTERN, parseDuration } from "./duration.js";
import { describeValue } from "./errors.js";
import { RATE_EXPECTED, RATE_PATTERN, parseRate } from "./rate.js";
import { SKILL_NAME_PATTERN } from "./skill-expression.js";
import { TIMESTAMP_EXPECTED } from "./timestamp.js";
import { suggestion } from "./did-you-mean.js";
import { METRIC_NAMES } from "./metric-names.js";
import { COMPONENT_KINDS } from "./types.js";
export { METRIC_NAMES, type MetricName } from "./metric-names.js";

// A run parses one scenario: zod's JIT would compile, for that one parse, code it never runs again (3-6 ms of start-up).
z.config({ jitless: true });

export const FAULT_KINDS = ["node-down", "node-lost", "link-down", "urs-down", "vq-down", "site-down"] as const;
export const DIST_NAMES = ["constant", "exponential", "uniform", "normal", "lognormal", "gamma", "erlang", "empirical"] as const;
export const SITE_ID_PATTERN = "^[A-Za-z0-9_-]+$";
/** names that become JSON keys or labels: no integer-like keys, which JavaScript would reorder */
export const NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_.-]*$";

// zod's error maps return a plain message; an unknown key must also tell the loader which keys were allowed,
// so that one message is tagged and carries them as JSON (decoded by unknownKeysInfo)
const UNKNOWN_KEYS_TAG = "\u0000unknown-keys:";

export interface UnknownKeysInfo {
  /** "key", "metric", "media" */
  readonly what: string;
  readonly allowed: readonly string[];
}

export function unknownKeysInfo(message: string): UnknownKeysInfo | undefined {
  if (!message.startsWith(UNKNOWN_KEYS_TAG)) return undefined;
  return JSON.parse(message.slice(UNKNOWN_KEYS_TAG.length)) as UnknownKeysInfo;
}

type Issue = { readonly code?: string; readonly input?: unknown };

function expected(what: string): (iss: Issue) => string {
  return (iss) => (iss.input === undefined ? `missing (expected ${what})` : `expected ${what}, got ${describeValue(iss.input)}`);
}

/** A parser's own wording ("expected a duration >= 0, got ...") when it has one, else the generic text. */
function viaParser(parse: (v: unknown) => unknown, what: string): (iss: Issue) => string {
  return (iss) => {
    if (iss.input === undefined) return `missing (expected ${what})`;
    try {
      parse(iss.input);
    } catch (e) {
      return (e as Error).message;
    }
    return `expected ${what}, got ${describeValue(iss.input)}`;
  };
}

function obj<S extends z.core.$ZodLooseShape>(shape: S, what: string, description: string, unknownWhat = "key") {
  const allowed = Object.keys(shape);
  const typeError = expected(what);
  return z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? UNKNOWN_KEYS_TAG + JSON.stringify({ what: unknownWhat, allowed } satisfies UnknownKeysInfo)
          : typeError(iss),
    })
    .meta({ description });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const list = values.join(", ");
  return z
    .enum(values, {
      error: (iss) =>
        iss.input === undefined
          ? `missing (expected one of ${list})`
          : `expected one of ${list}, got ${describeValue(iss.input)}` +
            (typeof iss.input === "string" ? suggestion(iss.input, values) : ""),
    })
    .meta({ description });
}

function whole(min: number, description: string) {
  const e = expected(`a whole number >= ${min}`);
  return z.number({ error: e }).int({ error: e }).min(min, { error: e }).meta({ description });
}

function num(description: string, min?: number) {
  const e = expected(min === undefined ? "a number" : `a number >= ${min}`);
  const n = z.number({ error: e });
  return (min === undefined ? n : n.min(min, { error: e })).meta({ description });
}

function pattern(re: string, what: string, description: string) {
  const e = expected(what);
  return z.string({ error: e }).regex(new RegExp(re), { error: e }).meta({ description });
}

// One union each for durations and rates, shared by every field (each field only adds its description): building
// them per field cost 2-3 ms of every command's start-up (15 of the schema's ms).
const DURATION = (() => {
  const e = viaParser(parseDuration, DURATION_EXPECTED);
  return z.union(
    [z.number({ error: e }).min(0, { error: e }), z.string({ error: e }).regex(new RegExp(DURATION_PATTERN), { error: e })],
    { error: e },
  );
})();

const RATE = (() => {
  const e = viaParser(parseRate, RATE_EXPECTED);
  return z.union(
    [z.number({ error: e }).min(0, { error: e }), z.string({ error: e }).regex(new RegExp(RATE_PATTERN, "i"), { error: e })],
    { error: e },
  );
})();

function durationSchema(description: string) {
  return DURATION.meta({ description: `${description} (${DURATION_EXPECTED})` });
}

function rateSchema(description: string) {
  return RATE.meta({ description: `${description} (${RATE_EXPECTED})` });
}

const DIST_EXPECTED = "a distribution: a duration like 30s, or a mapping like {dist: exponential, mean: 30s}";
const DIST_LIST = DIST_NAMES.join(", ");

function distObject<const D extends string, S extends z.core.$ZodLooseShape>(dist: D, shape: S, description: string) {
  return obj({ dist: z.literal(dist), ...shape }, `a {dist: ${dist}, ...} mapping`, description);
}

const Distribution = z
  .union(
    [
      durationSchema("a constant"),
      z.discriminatedUnion(
        "dist",
        [
          distObject("constant", { mean: durationSchema("the value") }, "always the same value"),
          distObject("exponential", { mean: durationSchema("mean, > 0") }, "exponential with this mean"),
          distObject(
            "uniform",
            { min: durationSchema("lower bound"), max: durationSchema("upper bound, >= min") },
            "uniform on [min, max]",
          ),
          distObject(
            "normal",
            { mean: durationSchema("mean"), sd: durationSchema("standard deviation") },
            "normal, truncated at 0 (negative draws are drawn again)",
          ),
          distObject(
            "lognormal",
            { mean: durationSchema("mean of the variable itself, > 0"), sd: durationSchema("standard deviation of the variable itself") },
            "lognormal, given by the mean and sd of the variable (not of its logarithm)",
          ),
          distObject(
            "gamma",
            { mean: durationSchema("mean, > 0"), cv: num("coefficient of variation sd/mean, >= 0 (0: always the mean)", 0) },
            "gamma, given by mean and coefficient of variation",
          ),
          distObject(
            "erlang",
            { k: whole(1, "number of phases"), mean: durationSchema("mean of the sum, > 0") },
            "Erlang-k: the sum of k exponential phases",
          ),
          distObject(
            "empirical",
            {
              values: z.array(durationSchema("a value"), { error: expected("a list of durations") })
                .min(1, { error: expected("a non-empty list of durations") })
                .meta({ description: "the values drawn" }),
              weights: z.array(num("a weight", 0), { error: expected("a list of numbers >= 0") })
                .optional()
                .meta({ description: "relative weights, one per value (default: all equal)" }),
            },
            "draws one of the listed values",
          ),
        ],
        {
          error: (iss) => {
            const input = iss.input as { dist?: unknown } | undefined;
            const d = input?.dist;
            if (d === undefined) return `missing (expected dist: one of ${DIST_LIST})`;
            return `expected one of ${DIST_LIST}, got ${describeValue(d)}` + (typeof d === "string" ? suggestion(d, DIST_NAMES) : "");
          },
        },
      ),
    ],
    { error: expected(DIST_EXPECTED) },
  )
  .meta({ description: DIST_EXPECTED });

const MEDIA = ["voice", "chat", "email", "im"] as const;

const Site = obj(
  {
    id: pattern(SITE_ID_PATTERN, "a site id (letters, digits, _ and -)", "site id (the geo-location), e.g. dc1"),
    nodes: whole(1, "SIP Cluster nodes in this site, named <site>.n1 .. <site>.n<nodes> (default 1)").optional(),
    vq: obj(
      { priority: num("agent_reservation priority of this site's VQ SIP Server: higher wins (default 0)").optional() },
      "a {priority: ...} mapping",
      "the site's VQ SIP Server",
    ).optional(),
    failover: pattern(SITE_ID_PATTERN, "a site id", "site-down: the site the carrier sends this site's inbound calls to (default: none, they are lost)").optional(),
  },
  "a site mapping {id, nodes, vq, failover}",
  "a data center",
);

const Network = obj(
  {
    intraSite: durationSchema("one-way delay between two nodes of one site (default 1ms)").optional(),
    interSite: durationSchema("one-way delay between two sites (default 40ms)").optional(),
    statDelay: durationSchema("Stat Server processing delay on every state change (default 5ms)").optional(),
  },
  "a {intraSite, interSite, statDelay} mapping",
  "network delays",
);

const Ha = obj(
  {
    addpTimeout: durationSchema("node-down: ADDP timeout after which the hot-standby backup takes over (default 7s)").optional(),
    proxyDetection: durationSchema("how long SIP Proxies keep sending calls to a failed node (oos-force; default 2s)").optional(),
    tcReconnectTimeout: durationSchema("tc-reconnect-timeout: a node declares a disconnected node's DNs out of service after this (default 0: at once)").optional(),
    registrationDelay: durationSchema("registrar-default-timeout: phones of a lost node register with another node after this (default 140s)").optional(),
    agentStateAutoRestore: z.boolean({ error: expected("true or false") }).optional()
      .meta({ description: "agent-state-auto-restore: agents keep their state when DN ownership moves (default false: logged out)" }),
    loginDelay: durationSchema("how long an agent logged out by a DN ownership change takes to log in again (default 30s)").optional(),
    requestTimeout: durationSchema("how long URS waits for a TReserveAgent reply lost with a VQ SIP Server before retrying (default 5s)").optional(),
  },
  "an ha mapping {addpTimeout, proxyDetection, tcReconnectTimeout, registrationDelay, agentStateAutoRestore, loginDelay, requestTimeout}",
  "high availability and recovery timings",
);

const Routing = obj(
  {
    mode: oneOf(["node-based", "centralized", "grouped"], "one URS pair per node, per site, or per nodesPerUrs nodes (default node-based)").optional(),
    nodesPerUrs: whole(1, "grouped mode only: nodes served by one URS pair").optional(),
    environment: oneOf(["none", "sitex"], "sitex: reserve through the VQ SIP Server of the agent's site (default none)").optional(),
    selection: oneOf(["longest-idle", "random", "most-skilled", "round-robin"], "how URS picks among available candidates (default longest-idle)").optional(),
    reservation: obj(
      {
        mode: oneOf(["explicit", "implicit", "none"], "explicit: TReserveAgent through a VQ SIP Server (default explicit)").optional(),
        collectionTime: durationSchema("request-collection-time of the VQ SIP Server (default 300ms)").optional(),
        reservationTime: durationSchema("reservation-time: how long a grant holds the agent (default 10s)").optional(),
      },
      "a {mode, collectionTime, reservationTime} mapping",
      "agent reservation",
    ).optional(),
    routerTimeout: durationSchema("router-timeout: SIP Server default-routes a call URS has not routed by then (default 10s)").optional(),
    strategyTime: durationSchema("URS strategy processing time per routing attempt (default 0)").optional(),
    proxy: oneOf(["round-robin", "least-loaded"], "how SIP Proxies spread a site's calls over its nodes (default round-robin)").optional(),
    defaultRoute: oneOf(["reject"], "default-dn: what happens to a call no URS routed within routerTimeout (default reject: released, counted defaultRouted)").optional(),
  },
  "a routing mapping",
  "routing architecture and URS options",
);

const CapacityAlternative = obj(
  Object.fromEntries(MEDIA.map((m) => [m, whole(1, `most ${m} interactions at once`).optional()])),
  "a mapping media -> whole number, e.g. {voice: 1} or {chat: 2, email: 1}",
  "one alternative: the most of each media an agent may hold at once (absent media: 0)",
  "media",
);

const CapacityRules = z
  .record(
    pattern(NAME_PATTERN, "a rule name (a letter or _, then letters, digits, _ . -)", "rule name"),
    z.array(CapacityAlternative, { error: expected("a list of alternatives like [{voice: 1}, {chat: 3}]") })
      .min(1, { error: expected("a non-empty list of alternatives like [{voice: 1}, {chat: 3}]") })
      .meta({ description: "alternatives: an agent can take one more interaction if its load plus one fits any of them" }),
    { error: expected("a mapping rule name -> list of alternatives") },
  )
  .meta({ description: "capacity rules by name; `voice: [{voice: 1}]` exists unless redefined" });

const Staffing = obj(
  {
    period: durationSchema("length of each staffing period"),
    counts: z.array(whole(0, "agents logged in during this period"), { error: expected("a list of whole numbers") })
      .min(1, { error: expected("a non-empty list of whole numbers") })
      .meta({ description: "agents logged in per period, covering the horizon" }),
  },
  "a {period, counts} mapping",
  "staffing over the day",
);

const AgentGroup = obj(
  {
    group: pattern(NAME_PATTERN, "a group name (a letter or _, then letters, digits, _ . -)", "unique group name"),
    site: pattern(SITE_ID_PATTERN, "a site id", "site of these agents (default: the only site)").optional(),
    count: whole(1, "agents logged in all day (or give staffing)").optional(),
    staffing: Staffing.optional(),
    skills: z
      .record(
        pattern(SKILL_NAME_PATTERN, "a skill name (a letter or _, then letters, digits, _ . -)", "skill name"),
        num("skill level", 0),
        { error: expected("a mapping skill -> level, e.g. {sales: 5, english: 1}") },
      )
      .optional()
      .meta({ description: "skill -> level (default none)" }),
    capacity: pattern(NAME_PATTERN, "a capacity rule name", "capacity rule name (default voice)").optional(),
    phone: oneOf(["sip", "pstn"], "phone type (default sip)").optional(),
    answerDelay: Distribution.optional().meta({ description: "ringing to answer (default 0)" }),
    noAnswer: (() => {
      const e = expected("a probability between 0 and 1");
      return z.number({ error: e }).min(0, { error: e }).max(1, { error: e });
    })()
      .optional()
      .meta({ description: "probability that a delivered call is not answered (default 0)" }),
    noAnswerTimeout: durationSchema("agent-no-answer-timeout (default 12s)").optional(),
    noAnswerNotReady: durationSchema("how long a no-answer leaves the agent NotReady (default 60s)").optional(),
    wrapUp: Distribution.optional().meta({ description: "after-call work (default 0)" }),
  },
  "an agent group mapping {group, site, count, skills, ...}",
  "a group of identical agents",
);

const Treatment = obj(
  {
    playAnnouncement: durationSchema("PlayAnnouncement: how long the announcement takes").optional(),
    collectDigits: obj(
      {
        totalTimeout: durationSchema("TOTAL_TIMEOUT: how long the strategy waits for the customer's reply"),
        reply: Distribution.meta({ description: "how long the customer takes to reply" }),
        onTimeout: oneOf(["proceed", "end"], "what happens when TOTAL_TIMEOUT passes first: route anyway, or end the session (default proceed)").optional(),
      },
      "a {totalTimeout, reply, onTimeout} mapping",
      "CollectDigits: the customer's reply, waited for at most TOTAL_TIMEOUT",
    ).optional(),
  },
  "a treatment like {playAnnouncement: 5s} or {collectDigits: {totalTimeout: 30s, reply: 10s}}",
  "one treatment before routing: give playAnnouncement or collectDigits",
);

const Im = obj(
  {
    messages: Distribution.optional().meta({ description: "messages the customer sends once an agent has the session, drawn and rounded, at least 1 (default 5)" }),
    gap: Distribution.optional().meta({ description: "time between messages, and after the last until the customer closes (default exponential, mean 30s)" }),
    idleTimeout: durationSchema("a session with no message for this long is released (default 10m: an unused IM session)").optional(),
    treatments: z.array(Treatment, { error: expected("a list of treatments") }).optional()
      .meta({ description: "treatments on the Routing Point before routing, in order (default none)" }),
  },
  "an im mapping {messages, gap, idleTimeout, treatments}",
  "media im: the conversation and the treatments before routing",
);

const Arrivals = obj(
  {
    rate: rateSchema("constant Poisson rate, > 0").optional(),
    period: durationSchema("profile: length of each period").optional(),
    rates: z.array(rateSchema("Poisson rate in this period"), { error: expected("a list of rates") })
      .min(1, { error: expected("a non-empty list of rates") })
      .optional()
      .meta({ description: "profile: a rate per period, covering the horizon" }),
    trace: z.string({ error: expected("a CSV file of recorded arrivals, e.g. calls.csv") })
      .min(1, { error: expected("a CSV file of recorded arrivals, e.g. calls.csv") })
      .optional()
      .meta({ description: "replay recorded arrivals: a CSV with a time column (path relative to the scenario file)" }),
    resample: z.boolean({ error: expected("true or false") })
      .optional()
      .meta({ description: "trace only: each replication replays days drawn at random from the trace's days (default false)" }),
  },
  "{rate: 20/min}, {period: 1h, rates: [...]} or {trace: calls.csv}",
  "arrivals: a constant Poisson rate, a profile, or a recorded trace",
);

const Traffic = obj(
  {
    type: pattern(NAME_PATTERN, "a type name (a letter or _, then letters, digits, _ . -)", "unique interaction type name"),
    site: pattern(SITE_ID_PATTERN, "a site id", "site where these interactions arrive (default: the only site)").optional(),
    media: oneOf(MEDIA, "media (default voice)").optional(),
    arrivals: Arrivals,
    handleTime: Distribution.optional().meta({ description: "talk time (required except for media im, whose conversation sets it)" }),
    patience: Distribution.optional().meta({ description: "time until the caller abandons (default: never)" }),
    target: z.string({ error: expected('a skill expression like "sales > 3 & english > 0"') })
      .meta({ description: 'target skill expression, e.g. "sales > 3 & english > 0" or "sitex(GEO_LOCATION) & sales"' }),
    priority: num("higher is served first (default 0)").optional(),
    serviceLevel: durationSchema("this type's service level threshold T (default: the scenario's serviceLevel)").optional(),
    im: Im.optional(),
  },
  "a traffic mapping {type, site, arrivals, handleTime, target, ...}",
  "one interaction type",
);

const Fault = obj(
  {
    at: durationSchema("when the fault starts"),
    kind: oneOf(FAULT_KINDS, "what fails"),
    target: z.string({ error: expected("a node id like dc1.n2 or a site id") })
      .optional()
      .meta({ description: "node id (<site>.n<k>) for node-down, node-lost, urs-down; site id for vq-down, site-down" }),
    between: z
      .tuple([z.string({ error: expected("a node id or a site id") }), z.string({ error: expected("a node id or a site id") })], {
        error: expected("two ids like [dc1.n1, dc1.n2] or [dc1, dc2]"),
      })
      .optional()
      .meta({ description: "link-down: two node ids or two site ids" }),
    duration: durationSchema("how long it lasts (default: until the end)").optional(),
  },
  "a fault mapping {at, kind, target | between, duration}",
  "an injected failure",
);

function costs<const K extends readonly string[]>(keys: K, what: string, descriptions: Record<K[number], string>) {
  return obj(
    Object.fromEntries(keys.map((k) => [k, durationSchema(descriptions[k as K[number]]).optional()])),
    `a {${keys.join(", ")}} mapping of CPU costs`,
    what,
    "message kind",
  ).optional();
}

const Components = obj(
  {
    sipProxy: costs(["call"], "a site's SIP Proxies", { call: "each inbound INVITE (default 2ms)" }),
    sessionController: costs(["call", "routeCall"], "a node's Session Controller", {
      call: "a call's set-up: INVITE, Routing Point, EventRouteRequest (default 110ms)",
      routeCall: "each TRouteCall (default 56ms)",
    }),
    tController: costs(["event", "peer", "client"], "a node's T-Controller", {
      event: "each state change of a DN it owns (default 25ms)",
      peer: "each event sent to or received from another T-Controller, at both ends (default 5ms)",
      client: "each event sent to a client registered on all DNs: a legacy Stat Server or a Smart Proxy (default 6ms)",
    }),
    smartProxy: z
      .union(
        [
          z.boolean({ error: expected("true or false") }),
          obj(
            {
              enabled: z.boolean({ error: expected("true or false") }).optional().meta({ description: "default true when the mapping is given" }),
              event: durationSchema("each event a T-Controller sends it (default 5ms)").optional(),
              client: durationSchema("each event it forwards to a Stat Server (default 2ms)").optional(),
            },
            "true, false or an {enabled, event, client} mapping",
            "the Smart Proxy module",
            "key",
          ),
        ],
        { error: expected("true, false or an {enabled, event, client} mapping") },
      )
      .optional()
      .meta({ description: "Stat Servers connect to the Smart Proxy port (true) or to the T-Controller port as legacy clients (default false)" }),
    statServer: costs(["event"], "a routing Stat Server", { event: "each agent state change it applies (default 5ms)" }),
    urs: costs(["attempt"], "a URS pair", { attempt: "each strategy run: a routing attempt (default 80ms)" }),
    vqServer: costs(["reserve"], "a site's VQ SIP Server", { reserve: "each TReserveAgent (default 10ms)" }),
    interactionServer: costs(["route", "deliver"], "a site's Interaction Server (chat, email)", {
      route: "each routing request it sends a URS (default 110ms)",
      deliver: "each route from a URS it carries out to an agent desktop (default 56ms)",
    }),
  },
  `a components mapping with any of ${COMPONENT_KINDS.join(", ")}`,
  "the component load model: CPU cost per message; absent: off",
  "component",
);

const TargetComparison = (m: string) =>
  z.string({ error: expected('a comparison like ">= 0.80"') }).optional().meta({ description: `target on ${m}, e.g. ">= 0.80"` });

const Targets = obj(
  {
    ...Object.fromEntries(METRIC_NAMES.map((m) => [m, TargetComparison(m)])),
    utilization: obj(
      Object.fromEntries(COMPONENT_KINDS.map((k) => [k, TargetComparison(`the utilization of the busiest ${k}`)])),
      'a mapping component kind -> comparison, e.g. {tController: "<= 0.75"}',
      "utilization targets per component kind (needs components:)",
      "component",
    ).optional(),
  },
  'a mapping metric -> comparison, e.g. {serviceLevel: ">= 0.80"}',
  "targets checked by `ccsim size` and `ccsim run`",
  "metric",
);

export const ScenarioSchema = obj(
  {
    $schema: z.string({ error: expected("the address of a JSON Schema (text)") }).optional().meta({ description: "ignored by ccsim: lets editors find this JSON Schema" }),
    version: z.literal(1, { error: expected("1 (the only scenario format version)") }).optional().meta({ description: "format version (default 1)" }),
    name: z.string({ error: expected("a name") }).min(1, { error: expected("a non-empty name") }).optional()
      .meta({ description: "scenario name (default: the file name without extension)" }),
    seed: whole(0, "random seed (default 1)").optional(),
    replications: whole(1, "independent replications (default 10)").optional(),
    start: z.string({ error: expected(TIMESTAMP_EXPECTED) })
      .optional()
      .meta({ description: "the wall-clock time of time 0, for traces whose times are ISO timestamps (e.g. 2024-03-04T08:00:00Z)" }),
    horizon: durationSchema("arrivals are generated in [0, horizon), then the system drains (default 8h)").optional(),
    warmup: durationSchema("interactions arriving before this are not counted (default 0)").optional(),
    interval: durationSchema("time-series interval (default 15m)").optional(),
    serviceLevel: durationSchema("service level threshold T (default 20s)").optional(),
    topology: oneOf(["cluster", "standalone"], "SIP Cluster nodes, or one SIP Server HA pair a site (default cluster)").optional(),
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
  },
  "a scenario mapping with version, sites, agents and traffic",
  "a ccsim scenario (format version 1)",
);

export type RawScenario = z.infer<typeof ScenarioSchema>;
export type RawDistribution = z.infer<typeof Distribution>;

/** JSON Schema (draft 2020-12) of the scenario format, for editors and `ccsim schema`. */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return { ...schema, title: "ccsim scenario" };
}
