// The spec of an IM traffic type (traffic[].im): its conversation, its treatments before routing, and on the Skype for
// Business site its escalation to voice; types.ts re-exports it.

import type { DistributionSpec } from "../kernel/distribution-spec.js";

/** A treatment an IM session gets on its Routing Point before routing (IM Solution Guide, "IM treatments"). */
export type TreatmentSpec =
  | { readonly kind: "playAnnouncement"; readonly duration: number }
  /** the customer's reply is the "digits"; TOTAL_TIMEOUT is the only parameter that applies to IM */
  | {
      readonly kind: "collectDigits";
      /** absent (the Skype for Business site only): T-Server waits for the reply indefinitely */
      readonly totalTimeout?: number;
      readonly reply: DistributionSpec;
      readonly onTimeout: "proceed" | "end";
    };

/** An IM type's escalation to voice (the Skype for Business site only): a new call to the session's agent. */
export interface ImEscalationSpec {
  /** the share of answered sessions the customer escalates */
  readonly share: number;
  /** the voice traffic type the new call is counted as, whose handle time is its talk */
  readonly type: string;
}

export interface ImSpec {
  /** messages the customer sends once an agent has the session, the first on answer (drawn, rounded, at least 1) */
  readonly messages: DistributionSpec;
  /** time between two messages, and after the last until the customer closes the session */
  readonly gap: DistributionSpec;
  /** a session with no message for this long is released (an unused IM session: 10 minutes) */
  readonly idleTimeout: number;
  readonly treatments: readonly TreatmentSpec[];
  /** absent: no session escalates */
  readonly escalation?: ImEscalationSpec;
}
