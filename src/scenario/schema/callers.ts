// The schema of what callers and agents do around a call besides waiting and talking: retrials (traffic[].retrial),
// callbacks (traffic[].callback) and transfers (traffic[].transfer).
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { durationSchema, expected, obj, probability, shown, whole } from "./builders.js";
import { Distribution } from "./distribution.js";

export const Retrial = obj(
  {
    probability: probability("probability that a caller who abandoned or was blocked calls again"),
    delay: Distribution.meta({ description: "how long after giving up the caller calls again" }),
    maxAttempts: whole(2, `attempts a caller makes at most, the first included (default ${D.retrial.maxAttempts})`).optional(),
  },
  "a {probability, delay, maxAttempts} mapping",
  "voice: a caller who abandons, or whose call is blocked (nowhere to go, or released at the default DN reject), calls again (default: never)",
);

export const Transfer = obj(
  {
    share: probability("the share of answered calls the agent transfers at the end of its talk"),
    target: z.string({ error: expected('a skill expression like "billing > 0"') })
      .meta({ description: "the skill expression the transferred call is routed to, on the node it is on" }),
    consult: Distribution.optional().meta({ description: "how long the consultation lasts that holds both agents before the first lets go (default: blind transfers, the first agent lets go at once)" }),
  },
  "a {share, target, consult} mapping",
  "voice: a share of answered calls is transferred at the end of their talk to another target, blind or after a consultation (default: none)",
);

export const Callback = obj(
  {
    offerAfter: durationSchema("how long a caller waits in the queue before it is offered a callback"),
    accept: probability("probability that a caller offered a callback accepts it (and hangs up, the call keeping its place in the queue)"),
    dialTime: durationSchema(`how long the agent that takes the callback dials until the customer answers (default ${shown(D.callback.dialTime)})`).optional(),
    answerProbability: probability(`probability that the customer answers the callback (default ${D.callback.answerProbability})`).optional(),
  },
  "a {offerAfter, accept, dialTime, answerProbability} mapping",
  "voice: virtual hold, a callback offered to callers still waiting after offerAfter, dialled by the agent it is routed to (default: none)",
);
