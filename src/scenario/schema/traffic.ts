// The schema of the traffic: interaction types with their arrivals (rate, profile or trace), times and IM sessions.
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { MEDIA_NAMES, NAME_PATTERN, SITE_ID_PATTERN, durationSchema, positiveDurationSchema, expected, num, obj, oneOf, pattern, positiveRateSchema, rateSchema, shown } from "./builders.js";
import { Distribution } from "./distribution.js";

/** a share of interactions, from 0 to 1 */
function share() {
  const e = expected("a share between 0 and 1");
  return z.number({ error: e }).min(0, { error: e }).max(1, { error: e });
}

const Treatment = obj(
  {
    playAnnouncement: durationSchema("PlayAnnouncement: how long the announcement takes").optional(),
    collectDigits: obj(
      {
        totalTimeout: positiveDurationSchema("TOTAL_TIMEOUT: how long the strategy waits for the customer's reply (required on a SIP Server site; on the Skype for Business site absent means T-Server waits indefinitely, until Skype's idle release)").optional(),
        reply: Distribution.meta({ description: "how long the customer takes to reply" }),
        onTimeout: oneOf(["proceed", "end"], `what happens when TOTAL_TIMEOUT passes first: route anyway, or end the session (default ${D.im.onTimeout})`).optional(),
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
    messages: Distribution.optional().meta({ description: `messages the customer sends once an agent has the session, drawn and rounded, at least 1 (default ${D.im.messages})` }),
    gap: Distribution.optional().meta({ description: `time between messages, and after the last until the customer closes (default exponential, mean ${shown(D.im.gapMean)})` }),
    idleTimeout: positiveDurationSchema(`a session with no message for this long is released (default ${shown(D.im.idleTimeout)}: an unused IM session; not configurable on the Skype for Business site)`).optional(),
    treatments: z.array(Treatment, { error: expected("a list of treatments") }).optional()
      .meta({ description: "treatments on the Routing Point before routing, in order (default none)" }),
    escalation: obj(
      {
        share: share().meta({ description: "the share of answered sessions the customer escalates to voice" }),
        type: pattern(NAME_PATTERN, "a traffic type name", "the voice traffic type (same site) the escalated call is counted as and takes its talk time from"),
      },
      "an escalation mapping {share, type}",
      "the Skype for Business site only: IM sessions escalated to voice, each a new call to the same agent (default: none)",
    ).optional(),
  },
  "an im mapping {messages, gap, idleTimeout, treatments, escalation}",
  "media im: the conversation and the treatments before routing",
);

const Arrivals = obj(
  {
    rate: positiveRateSchema("constant Poisson rate").optional(),
    period: positiveDurationSchema("profile: length of each period").optional(),
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
      .meta({ description: `trace only: each replication replays days drawn at random from the trace's days (default ${D.arrivals.resample})` }),
  },
  "{rate: 20/min}, {period: 1h, rates: [...]} or {trace: calls.csv}",
  "arrivals: a constant Poisson rate, a profile, or a recorded trace",
);

const TargetStep = obj(
  {
    target: z.string({ error: expected('a skill expression like "sales > 3 & english > 0"') })
      .meta({ description: "the skill expression of this step" }),
    after: durationSchema("how long after the strategy started on the call this step's target replaces the one before (the first step: none, at once)").optional(),
  },
  'a step mapping {target, after}, e.g. {target: "sales > 0", after: 30s}',
  "one step of a target that widens",
);

export const Traffic = obj(
  {
    type: pattern(NAME_PATTERN, "a type name (a letter or _, then letters, digits, _ . -)", "unique interaction type name"),
    site: pattern(SITE_ID_PATTERN, "a site id", "site where these interactions arrive (default: the only site)").optional(),
    media: oneOf(MEDIA_NAMES, `media (default ${D.traffic.media})`).optional(),
    arrivals: Arrivals,
    handleTime: Distribution.optional().meta({ description: "talk time (required except for media im, whose conversation sets it)" }),
    patience: Distribution.optional().meta({ description: "time until the caller abandons (default: never)" }),
    target: z
      .union(
        [
          z.string().meta({ description: 'target skill expression, e.g. "sales > 3 & english > 0" or "sitex(GEO_LOCATION) & sales"' }),
          z.array(TargetStep, { error: expected("a list of steps like [{target: \"sales > 5\"}, {target: \"sales > 0\", after: 30s}]") })
            .min(1, { error: expected("a non-empty list of steps") })
            .meta({ description: "a target that widens: the strategy's target, then wider ones after a wait (docs/behaviours.md)" }),
        ],
        { error: expected('a skill expression like "sales > 3 & english > 0", or a list of steps like [{target: "sales > 5"}, {target: "sales > 0", after: 30s}]') },
      )
      .meta({ description: 'target skill expression, e.g. "sales > 3 & english > 0", or a list of steps that widen it over time' }),
    priority: num(`higher is served first (default ${D.traffic.priority})`).optional(),
    serviceLevel: durationSchema("this type's service level threshold T (default: the scenario's serviceLevel)").optional(),
    im: Im.optional(),
    treatment: obj(
      { duration: Distribution.meta({ description: "how long the announcement or digit collection holds its media port" }) },
      "a {duration: <duration or distribution>} mapping",
      "voice: an announcement or DTMF digit collection Asterisk plays on one of its site's media ports before routing; skipped when no port is free (default: none)",
    ).optional(),
    recording: share()
      .optional()
      .meta({ description: "voice: the share of answered calls Asterisk records, one media port for the whole talk; a recording that finds no port is lost (default: none)" }),
    voicemail: obj(
      {
        group: pattern(NAME_PATTERN, "an agent group name", "the agent group whose box (voicemail.box: group) takes the call"),
        after: durationSchema(`how long the call waits for an agent before it goes to the box (default ${shown(D.trafficVoicemail.after)}: at once)`).optional(),
      },
      "a {group, after} mapping",
      "voice on an Asterisk site: a call that finds no agent available goes to an agent group's voicemail box (default: it waits)",
    ).optional(),
  },
  "a traffic mapping {type, site, arrivals, handleTime, target, ...}",
  "one interaction type",
);
