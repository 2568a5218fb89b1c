// The schema of the agents: capacity rules, and agent groups with their staffing, skills and answering behaviour.
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { SKILL_NAME_PATTERN } from "../skill-expression.js";
import { MEDIA_NAMES, NAME_PATTERN, SITE_ID_PATTERN, durationSchema, positiveDurationSchema, expected, num, obj, oneOf, pattern, rateSchema, shown, whole } from "./builders.js";
import { Distribution } from "./distribution.js";

/** the built-in rule as a scenario would write it, e.g. `voice: [{voice: 1}]` */
function builtinRule(): string {
  return `${D.builtinRule.name}: [${D.builtinRule.alternatives.map((a) => `{${Object.entries(a).map(([m, n]) => `${m}: ${n}`).join(", ")}}`).join(", ")}]`;
}

const CapacityAlternative = obj(
  // (im stays a key so that the normalizer can refuse it with the guide's reason and a did-you-mean)
  Object.fromEntries(
    MEDIA_NAMES.map((m) => [
      m,
      whole(1, m === "im" ? "refused: IM takes the chat capacity (Instant Messaging Solution Guide); write chat" : `most ${m} interactions at once`).optional(),
    ]),
  ),
  "a mapping media -> whole number, e.g. {voice: 1} or {chat: 2, email: 1}",
  "one alternative: the most of each media an agent may hold at once (absent media: 0)",
  "media",
);

export const CapacityRules = z
  .record(
    pattern(NAME_PATTERN, "a rule name (a letter or _, then letters, digits, _ . -)", "rule name"),
    z.array(CapacityAlternative, { error: expected("a list of alternatives like [{voice: 1}, {chat: 3}]") })
      .min(1, { error: expected("a non-empty list of alternatives like [{voice: 1}, {chat: 3}]") })
      .meta({ description: "alternatives: an agent can take one more interaction if its load plus one fits any of them" }),
    { error: expected("a mapping rule name -> list of alternatives") },
  )
  .meta({ description: `capacity rules by name; \`${builtinRule()}\` exists unless redefined` });

const PrivateCall = (direction: string) =>
  obj(
    {
      rate: rateSchema(`${direction} private calls per agent, e.g. 2/h (0: none)`),
      duration: Distribution.meta({ description: "how long a private call lasts" }),
      when: oneOf(["ready", "wrap-up", "both"], `the agent states a private call can start in (default ${D.agent.privateCallWhen})`).optional(),
    },
    "a {rate, duration, when} mapping",
    `${direction} private calls, which Asterisk connects without SIP Server`,
  ).optional();

function probability(description: string) {
  const e = expected("a probability between 0 and 1");
  return z.number({ error: e }).min(0, { error: e }).max(1, { error: e }).meta({ description });
}

const Voicemail = obj(
  {
    box: oneOf(["extension", "login", "group"], "the box a message goes to: the agent's extension (DN), the agent's login, or one box for the group"),
    leaveMessage: probability(`probability that a caller sent to the box leaves a message; the others hang up (default ${D.voicemail.leaveMessage})`).optional(),
    recording: Distribution.optional().meta({ description: `how long a caller takes to leave a message (default ${shown(D.voicemail.recording)})` }),
    handleTime: Distribution.optional().meta({ description: `how long an agent takes with one message (default ${shown(D.voicemail.handleTime)})` }),
  },
  "a {box, leaveMessage, recording, handleTime} mapping",
  "an Asterisk site's group: its voicemail boxes on Asterisk (default none)",
).optional();

const Staffing = obj(
  {
    period: positiveDurationSchema("length of each staffing period"),
    counts: z.array(whole(0, "agents logged in during this period"), { error: expected("a list of whole numbers") })
      .min(1, { error: expected("a non-empty list of whole numbers") })
      .meta({ description: "agents logged in per period, covering the horizon" }),
  },
  "a {period, counts} mapping",
  "staffing over the day",
);

export const AgentGroup = obj(
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
    capacity: pattern(NAME_PATTERN, "a capacity rule name", `capacity rule name (default ${D.agent.capacity})`).optional(),
    phone: oneOf(["sip", "pstn"], `phone type (default ${D.agent.phone})`).optional(),
    answerDelay: Distribution.optional().meta({ description: `ringing to answer (default ${shown(D.agent.answerDelay)})` }),
    noAnswer: probability(`probability that a delivered call is not answered (default ${D.agent.noAnswer})`).optional(),
    noAnswerTimeout: positiveDurationSchema(`agent-no-answer-timeout (default ${shown(D.agent.noAnswerTimeout)})`).optional(),
    noAnswerAction: oneOf(
      ["notready", "logout", "none"],
      `agent-no-answer-action: a no-answer sets the agent NotReady, logs it out, or nothing (default ${D.agent.noAnswerAction})`,
    ).optional(),
    noAnswerNotReady: durationSchema(`how long a no-answer leaves the agent NotReady (default ${shown(D.agent.noAnswerNotReady)})`).optional(),
    noAnswerOverflow: oneOf(
      ["recall", "voicemail"],
      `no-answer-overflow: after noAnswerTimeout an unanswered call goes back to routing, or to the group's voicemail box (default ${D.agent.noAnswerOverflow})`,
    ).optional(),
    wrapUp: Distribution.optional().meta({ description: `after-call work (default ${shown(D.agent.wrapUp)})` }),
    costPerHour: num(`this group's cost per scheduled agent-hour: the day's cost and what \`size --for staffing\` minimizes (default costs.agentHour; with no costs:, ${D.agent.costPerHour} in size --for staffing)`, 0).optional(),
    privateCalls: obj(
      { inbound: PrivateCall("inbound"), outbound: PrivateCall("outbound") },
      "an {inbound, outbound} mapping",
      "an Asterisk site's group: private calls, each making the agent NotReady for routing while it lasts (default none)",
    ).optional(),
    voicemail: Voicemail,
    shrinkage: z
      .union([z.number(), z.array(z.number(), { error: expected("a list of shares") }).min(1, { error: expected("a non-empty list of shares") })], {
        error: expected("a share like 0.3, or a list of shares, one per staffing period"),
      })
      .optional()
      .meta({ description: `the share of scheduled agents not on the phones (breaks, training, absence), in [0, 1); a list gives one per staffing period (default ${D.agent.shrinkage})` }),
    maxOccupancy: (() => {
      const e = expected("a share in (0, 1], e.g. 0.85");
      return z.number({ error: e }).gt(0, { error: e }).max(1, { error: e });
    })()
      .optional()
      .meta({ description: `URS routes to one of these agents only while its occupancy since login is at most this (default ${D.agent.maxOccupancy}: no cap)` }),
  },
  "an agent group mapping {group, site, count, skills, ...}",
  "a group of identical agents",
);
