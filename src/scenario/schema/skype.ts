// The schema of a Skype for Business site (sites[].skype): the T-Server's UCMA connector pool, its conference pools
// and the T-Server's conference scheduling (Multimedia Connector for Skype for Business Deployment Guide).
import * as z from "zod";
import { DEFAULTS as D } from "../defaults.js";
import { durationOrWord, durationSchema, expected, obj, oneOf, pattern, positiveDurationSchema, shown, whole } from "./builders.js";

const Iscc = obj(
  {
    site: z.string({ error: expected("the id of a SIP Server site with mediaPorts") })
      .meta({ description: "the SIP Server site whose media ports serve this site's remote treatments and recordings over ISCC" }),
    delay: durationSchema(`the ISCC route transaction that sets up a remote treatment's leg to SIP Server, before the treatment (default ${shown(D.skype.isccDelay)})`).optional(),
  },
  "an iscc mapping {site, delay}",
  "remote treatments and recording: the T-Server's ISCC leg to a SIP Server site, whose media ports serve the treatments and recordings of this site's voice calls",
);

export const Skype = obj(
  {
    connectors: whole(1, `UCMA connectors in the Trusted Application pool; DNS load balancing spreads the calls over the live ones (default ${D.skype.connectors})`).optional(),
    stopped: whole(0, `connectors that may be stopped at any time, the guideline's numStopped: the pool checks and size --for connectors size for it (default ${D.skype.stopped})`).optional(),
    conferencePoolSize: whole(1, `conference-pool-size: the ready conferences each connector keeps (default ${D.skype.conferencePoolSize})`).optional(),
    taes: whole(1, `Trusted Application Endpoints the conferences are spread over (default conferencePoolSize / ${D.skype.conferencesPerTae}, rounded down, at least 1)`).optional(),
    cachingEnabled: z.boolean({ error: expected("true or false") }).optional()
      .meta({ description: `caching-enabled: a call's conference is reused for later calls until it expires (default ${D.skype.cachingEnabled})` }),
    schedulingTime: durationSchema(`the T-Server's scheduling of one new call's conference, one at a time (default ${shown(D.skype.schedulingTime)}: 6 calls per second)`).optional(),
    creationTime: durationSchema(`creating one conference for a connector's pool, on the same one-at-a-time scheduler (default ${shown(D.skype.creationTime)})`).optional(),
    lifetime: durationSchema(`how long Skype for Business keeps a conference before it expires (default ${shown(D.skype.lifetime)})`).optional(),
    iscc: Iscc.optional(),
    frontEnds: whole(1, `Front End servers in the DNS-balanced Front End pool, each managing its share of the calls: what a frontend-down fault stops one of (default ${D.skype.frontEnds})`).optional(),
    noAnswerTimeout: positiveDurationSchema(
      `no-answer-timeout: how long T-Server lets an emulated ringing last before it cancels it and the call is routed again; the site's agent groups ring this long (default ${shown(D.skype.noAnswerTimeout)})`,
    ).optional(),
    noAnswerAction: oneOf(
      ["notready", "logout", "none"],
      `no-answer-action at the Application level: a no-answer sets the agent NotReady, logs it out, or nothing; a group's own agents[].noAnswerAction (the Agent Login level) comes first (default ${D.skype.noAnswerAction})`,
    ).optional(),
    wrapUpTime: durationOrWord(
      "untimed",
      `wrap-up-time: timed emulated ACW, after which T-Server returns the agent to Ready, or untimed: the agent returns itself after its group's wrapUp (default ${D.skype.wrapUpTime})`,
    ).optional(),
    presence: obj(
      {
        availabilityRange: pattern(
          String.raw`^\s*\d+\s*-\s*\d+\s*(,\s*\d+\s*-\s*\d+\s*)*$`,
          "ranges of availability values like 3000-5999 or 3000-4999,6000-6999",
          `presence-availability-range: the Skype for Business availability values T-Server takes as available (EventDNDOff); any other is DND (default ${D.skype.presence.availabilityRange})`,
        ).optional(),
        delay: durationSchema(`from a user's presence change to T-Server hearing it through its connector (default ${shown(D.skype.presence.delay)})`).optional(),
      },
      "a presence mapping {availabilityRange, delay}",
      "pull presence mode (map-presence-to-dnd=true): T-Server maps each user's Skype for Business availability to DND; absent, presence is not mapped",
    ).optional(),
  },
  "a skype mapping {connectors, stopped, conferencePoolSize, taes, cachingEnabled, schedulingTime, creationTime, lifetime, noAnswerTimeout, noAnswerAction, wrapUpTime, presence, frontEnds, iscc}",
  "the site's switch is Skype for Business: one T-Server for Skype for Business with its pool of UCMA connectors (topology standalone)",
);
