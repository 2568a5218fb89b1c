// The schema of what callers do around a call besides waiting and talking: retrials (traffic[].retrial).
import { DEFAULTS as D } from "../defaults.js";
import { obj, probability, whole } from "./builders.js";
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
