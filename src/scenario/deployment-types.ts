// The scenario's parts for the deployments beyond SIP Server with SIP phones: an Asterisk PBX's private calls,
// voicemail boxes, MWI and media ports, and a Skype for Business site's T-Server and connectors (types.ts re-exports
// them with the rest of the Scenario).

import type { DistributionSpec } from "../kernel/distribution-spec.js";

/** A Skype for Business site's T-Server and UCMA connectors (Multimedia Connector for Skype for Business Deployment
 *  Guide; src/model/skype/). */
export interface SkypeSpec {
  /** UCMA connectors in the Trusted Application pool, sharing the calls by DNS load balancing */
  readonly connectors: number;
  /** connectors that may be stopped at any time: what the pool's guideline sizes for */
  readonly stopped: number;
  /** conference-pool-size: the ready conferences each connector keeps */
  readonly conferencePoolSize: number;
  /** Trusted Application Endpoints the connectors spread their conferences over */
  readonly taes: number;
  /** caching-enabled: a call's conference is reused for later calls until it expires */
  readonly cachingEnabled: boolean;
  /** the T-Server's scheduling of one new call's conference (one at a time) */
  readonly schedulingTime: number;
  /** creating one conference for a pool (one at a time, on the same T-Server scheduler) */
  readonly creationTime: number;
  /** how long Skype for Business keeps a conference before it expires */
  readonly lifetime: number;
  /** Front End servers of the DNS-balanced pool, each managing its share of the calls (frontend-down stops one) */
  readonly frontEnds: number;
  /** remote treatments and recording over ISCC: the SIP Server site whose media ports serve them, and the delay of
   *  the transaction setting up a treatment's leg; absent: none */
  readonly iscc?: { readonly site: string; readonly delay: number };
  /** no-answer-timeout ([TServer] of the Application): how long an emulated ringing lasts before T-Server cancels it;
   *  the site's agent groups ring this long */
  readonly noAnswerTimeout: number;
  /** no-answer-action at the Application level: what the site's groups do on a no-answer unless they give their own
   *  (the Agent Login level) */
  readonly noAnswerAction: "notready" | "logout" | "none";
  /** wrap-up-time: timed emulated ACW of this many seconds (T-Server returns the agent to Ready at its end), or
   *  "untimed" (the agent returns itself, after its group's wrapUp) */
  readonly wrapUpTime: number | "untimed";
  /** pull presence mode (map-presence-to-dnd=true); absent: T-Server does not map presence to DND */
  readonly presence?: SkypePresenceSpec;
}

/** Pull presence mode: the users' Skype for Business availability mapped to DND (Multimedia Connector for Skype for
 *  Business Deployment Guide, Presence, Pull Presence Mode). */
export interface SkypePresenceSpec {
  /** presence-availability-range: the availability values T-Server takes as available (EventDNDOff), inclusive */
  readonly availabilityRange: readonly (readonly [number, number])[];
  /** from a user's presence change to T-Server hearing it through its connector's subscription */
  readonly delay: number;
}

/** A site's Asterisk media ports (SIP Server and Asterisk Integration Reference, Asterisk as a Media Server): each
 *  announcement, digit collection or recording holds one for as long as it lasts. */
export interface MediaPortsSpec {
  readonly capacity: number;
}

/** SIP Server's MWI (message-summary) subscriptions at an Asterisk site (SIP Server and Asterisk Integration
 *  Reference, MWI Subscription Scope). */
export interface MwiSpec {
  /** mwi-extension-enable: every extension's box is subscribed at start-up */
  readonly extensionEnable: boolean;
  /** the Expires a SUBSCRIBE asks for */
  readonly expires: number;
  /** how long before it expires a subscription is refreshed */
  readonly refreshBefore: number;
}

/** A group's voicemail boxes on Asterisk (SIP Server and Asterisk Integration Reference, Asterisk as a Voicemail
 *  Server): one per extension, one per agent login, or one for the group. */
export interface VoicemailSpec {
  readonly box: "extension" | "login" | "group";
  /** the probability that a caller sent to the box leaves a message (the others hang up) */
  readonly leaveMessage: number;
  /** how long a caller takes to record a message */
  readonly recording: DistributionSpec;
  /** how long an agent takes with one message (listening, and what it asks for) */
  readonly handleTime: DistributionSpec;
}

/** One direction of an agent's private calls: a Poisson rate per agent, a duration, and the agent states a call can
 *  start in (an attempt in any other state finds the agent busy and is not made). */
export interface PrivateCallSpec {
  readonly rate: number;
  readonly duration: DistributionSpec;
  readonly when: "ready" | "wrap-up" | "both";
}

export interface PrivateCallsSpec {
  readonly inbound?: PrivateCallSpec;
  readonly outbound?: PrivateCallSpec;
}

/** A URS strategy's voicemail branch: "if a call is routed to an agent group that does not have any currently
 *  available agents, URS can send a call to the voicemail box associated with the Agent Group". */
export interface TrafficVoicemailSpec {
  /** the agent group whose box takes the call (its voicemail.box is group) */
  readonly group: string;
  /** how long the call waits for an agent first (0: at once) */
  readonly after: number;
}
