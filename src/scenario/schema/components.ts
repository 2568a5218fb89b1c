// The schema of the component load model (CPU cost per message, defaults from defaults.ts) and of the targets.
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { METRIC_NAMES, PORT_METRIC_NAMES } from "../metric-names.js";
import { COMPONENT_KINDS } from "../types.js";
import { durationSchema, expected, obj, shown } from "./builders.js";

type CostKind = Exclude<keyof typeof D.components, "smartProxy">;

/** a component's costs, each described with its default from defaults.ts */
function costs<const C extends CostKind, const K extends readonly (keyof (typeof D.components)[C] & string)[]>(
  kind: C,
  keys: K,
  what: string,
  descriptions: Record<K[number], string>,
) {
  const dflt = D.components[kind] as Readonly<Record<string, number>>;
  return obj(
    Object.fromEntries(keys.map((k) => [k, durationSchema(`${descriptions[k as K[number]]} (default ${shown(dflt[k]!)})`).optional()])),
    `a {${keys.join(", ")}} mapping of CPU costs`,
    what,
    "message kind",
  ).optional();
}

export const Components = obj(
  {
    sipProxy: costs("sipProxy", ["call"], "a site's SIP Proxies", { call: "each inbound INVITE" }),
    sessionController: costs("sessionController", ["call", "routeCall", "mwi"], "a node's Session Controller", {
      call: "a call's set-up: INVITE, Routing Point, EventRouteRequest",
      routeCall: "each TRouteCall",
      mwi: "each MWI message: a SUBSCRIBE to Asterisk, a NOTIFY from it",
    }),
    tController: costs("tController", ["event", "peer", "client"], "a node's T-Controller", {
      event: "each state change of a DN it owns",
      peer: "each event sent to or received from another T-Controller, at both ends",
      client: "each event sent to a client registered on all DNs: a legacy Stat Server or a Smart Proxy",
    }),
    smartProxy: z
      .union(
        [
          z.boolean({ error: expected("true or false") }),
          obj(
            {
              enabled: z.boolean({ error: expected("true or false") }).optional().meta({ description: `default ${D.components.smartProxy.enabledWhenGiven} when the mapping is given` }),
              event: durationSchema(`each event a T-Controller sends it (default ${shown(D.components.smartProxy.event)})`).optional(),
              client: durationSchema(`each event it forwards to a Stat Server (default ${shown(D.components.smartProxy.client)})`).optional(),
            },
            "true, false or an {enabled, event, client} mapping",
            "the Smart Proxy module",
            "key",
          ),
        ],
        { error: expected("true, false or an {enabled, event, client} mapping") },
      )
      .optional()
      .meta({ description: `Stat Servers connect to the Smart Proxy port (true) or to the T-Controller port as legacy clients (default ${D.components.smartProxy.enabled})` }),
    statServer: costs("statServer", ["event"], "a routing Stat Server", { event: "each agent state change it applies" }),
    urs: costs("urs", ["attempt"], "a URS pair", { attempt: "each strategy run: a routing attempt" }),
    vqServer: costs("vqServer", ["reserve"], "a site's VQ SIP Server", { reserve: "each TReserveAgent" }),
    interactionServer: costs("interactionServer", ["route", "deliver"], "a site's Interaction Server (chat, email)", {
      route: "each routing request it sends a URS",
      deliver: "each route from a URS it carries out to an agent desktop",
    }),
    asterisk: costs("asterisk", ["leg", "notify"], "an Asterisk site's PBX, in place of its SIP Proxies", {
      leg: "each call leg: a customer's to SIP Server, each agent leg SIP Server opens back",
      notify: "each presence NOTIFY it sends SIP Server",
    }),
  },
  `a components mapping with any of ${COMPONENT_KINDS.join(", ")}`,
  "the component load model: CPU cost per message; absent: off",
  "component",
);

const TargetComparison = (m: string) =>
  z.string({ error: expected('a comparison like ">= 0.80"') }).optional().meta({ description: `target on ${m}, e.g. ">= 0.80"` });

export const Targets = obj(
  {
    ...Object.fromEntries(METRIC_NAMES.map((m) => [m, TargetComparison(m === "cost" ? "the day's cost in money (needs costs: or agents[].costPerHour)" : m)])),
    ...Object.fromEntries(PORT_METRIC_NAMES.map((m) => [m, TargetComparison(`${m} of the Asterisk media ports (needs sites[].mediaPorts)`)])),
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
