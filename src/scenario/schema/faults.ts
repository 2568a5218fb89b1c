// The schema of an injected failure: when, what kind, which node, site or link, for how long.
import * as z from "zod";
import { durationSchema, positiveDurationSchema, expected, obj, oneOf, whole } from "./builders.js";

export const FAULT_KINDS = [
  "node-down", "node-lost", "link-down", "urs-down", "urs-switchover", "proxy-down", "vq-down", "site-down",
  "statserver-down", "interaction-server-down", "connector-down", "frontend-down",
] as const;

export const Fault = obj(
  {
    at: durationSchema("when the fault starts"),
    kind: oneOf(FAULT_KINDS, "what fails"),
    target: z.string({ error: expected("a node id like dc1.n2 or a site id") })
      .optional()
      .meta({ description: "node id (<site>.n<k>) for node-down, node-lost, urs-down, urs-switchover, statserver-down (a node a URS pair and its routing Stat Server are placed on); site id for proxy-down, vq-down, site-down, interaction-server-down (a site with chat or email traffic)" }),
    between: z
      .tuple([z.string({ error: expected("a node id or a site id") }), z.string({ error: expected("a node id or a site id") })], {
        error: expected("two ids like [dc1.n1, dc1.n2] or [dc1, dc2]"),
      })
      .optional()
      .meta({ description: "link-down: two node ids or two site ids" }),
    site: z.string({ error: expected("the id of the Skype for Business site") })
      .optional()
      .meta({ description: "connector-down, frontend-down: the Skype for Business site whose connector or Front End server stops" }),
    frontEnd: whole(1, "frontend-down: which Front End server of the site's pool (sites[].skype.frontEnds) stops, 1-based").optional(),
    connector: whole(1, "connector-down: which UCMA connector of the site stops, 1-based").optional(),
    graceful: z.boolean({ error: expected("true or false") }).optional()
      .meta({ description: "connector-down: a graceful shutdown (the connector takes no new calls and its calls finish: it drains) instead of a normal stop (its IM calls are lost, its other calls wait for its restart); default false" }),
    duration: positiveDurationSchema("how long it lasts (default: until the end)").optional(),
  },
  "a fault mapping {at, kind, target | between | site and connector | site and frontEnd, duration}",
  "an injected failure",
);
