// The schema of an injected failure: when, what kind, which node, site or link, for how long.
import * as z from "zod";
import { durationSchema, positiveDurationSchema, expected, obj, oneOf } from "./builders.js";

export const FAULT_KINDS = [
  "node-down", "node-lost", "link-down", "urs-down", "urs-switchover", "proxy-down", "vq-down", "site-down",
  "statserver-down", "interaction-server-down",
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
    duration: positiveDurationSchema("how long it lasts (default: until the end)").optional(),
  },
  "a fault mapping {at, kind, target | between, duration}",
  "an injected failure",
);
