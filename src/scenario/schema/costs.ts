// The schema of a day's prices (costs:): what an agent-hour, a node, a URS pair, an abandoned call and a minute of
// waiting cost, so that every report can show the day's cost beside its service.
import * as z from "zod";
import { expected, num, obj } from "./builders.js";

const price = (what: string) => num(`${what} (default 0)`, 0).optional();

export const Costs = obj(
  {
    currency: z.string({ error: expected("a currency label such as EUR or USD") })
      .regex(/^\S{1,12}$/, { error: expected("a currency label of 1 to 12 characters without spaces, such as EUR or USD") })
      .optional()
      .meta({ description: "a label written beside every amount, e.g. EUR (default none)" }),
    agentHour: price("cost of a scheduled agent-hour, for every group that gives no costPerHour"),
    nodeHour: price("cost of a SIP Cluster node (a standalone site's SIP Server HA pair) per hour"),
    ursPairHour: price("cost of a URS HA pair per hour"),
    abandoned: price("cost of an abandoned call"),
    waitingMinute: price("cost of a minute a caller waits (answered calls until answer, the others until they leave)"),
  },
  "a costs mapping {currency, agentHour, nodeHour, ursPairHour, abandoned, waitingMinute}",
  "what the day costs in money: every report shows the cost beside the service (default: no costs)",
);
