// The life of a call as a transition table: for each CallState (call.ts), the states it may move to and the method
// that moves it there. It is the code's own account, not a wish: test/properties.test.ts drives calls through every
// shipped scenario (faults, IM, chat and email among them) and random ones, and checks that every change of state it
// sees is listed here. A call is born Routing (SipServer.admit, admitMultimedia, lost) and Done is final.
// See docs/design.md, The life of a call.

import { CallState, type CallStateValue } from "./call.js";

export type CallStateName = keyof typeof CallState;

/** One way out of a state: where to, and the method (file under src/model/, class and method) that moves it. */
export interface CallTransition {
  readonly to: CallStateName;
  readonly by: string;
}

const URS_START = "routing/urs.ts Urs.startAttempt";
const STRAND = "sip/default-route.ts DefaultRouting.strand";
const ABANDON = "sip/sip-server.ts SipServer.abandon";
const DROP = "sip/sip-server.ts SipServer.dropCall";
/** a chat or email its Interaction Server keeps while down (interaction-server-down) */
const KEEP = "multimedia/interaction-server.ts InteractionServer.hold";
const DEFAULT_ROUTE = "sip/default-route.ts DefaultRouting.timeout";
/** SIP Server sends the call to an Asterisk voicemail box and is done with it */
const VOICEMAIL = "asterisk/voicemail.ts Voicemail.reach";

export const CALL_TRANSITIONS: { readonly [S in CallStateName]: readonly CallTransition[] } = {
  Routing: [
    { to: "Waiting", by: "routing/urs.ts Urs.attempt" },
    { to: "Reserving", by: "routing/urs.ts Urs.reserve" },
    { to: "Treatment", by: "multimedia/im-session.ts ImSessions.open" },
    // a voice call's treatment on an Asterisk media port, before routing
    { to: "Treatment", by: "asterisk/media-ports.ts MediaPorts.treat" },
    // an IM session's voice escalation reaches the session's agent with no routing (Skype for Business)
    { to: "Ringing", by: "skype/im-escalation.ts ImEscalation.connect" },
    // no URS up (routeRequest, Interaction Server's forwardRouteRequest), or its URS or node failed
    { to: "Stranded", by: STRAND },
    // the caller's patience ran out while the network was failing over (admit), or it had nowhere to go (lost), or
    // its Interaction Server was down (refuses)
    { to: "Done", by: `${ABANDON}; sip/sip-server.ts SipServer.lost; multimedia/interaction-server.ts InteractionServer.refuses` },
    { to: "Done", by: DROP },
    { to: "Stranded", by: KEEP },
    // the strategy found no agent and its voicemail branch takes the call at once (or its wait is over)
    { to: "Done", by: `${VOICEMAIL} (from Urs.attempt)` },
  ],
  Waiting: [
    { to: "Reserving", by: "routing/urs.ts Urs.reserve (from agentAvailable)" },
    // its target widened (a step of a target that widens) and an agent of the wider one is available
    { to: "Reserving", by: "routing/urs.ts Urs.reserve (from widen)" },
    // the strategy's wait for an agent is over: the group's box
    { to: "Done", by: `${VOICEMAIL} (from Voicemail.waitOver)` },
    { to: "Stranded", by: STRAND },
    { to: "Stranded", by: KEEP },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
  Reserving: [
    { to: "Delivering", by: "sip/sip-server.ts SipServer.routeCall" },
    // a conflict, or a TReserveAgent lost with its VQ SIP Server: the strategy runs again
    { to: "Routing", by: URS_START },
    { to: "Stranded", by: STRAND },
    { to: "Stranded", by: KEEP },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
  Delivering: [
    { to: "Ringing", by: "sip/sip-server.ts SipServer.deliver" },
    // reroute: back to the Routing Point; next-candidate: EventError reaches the URS, whose strategy runs again
    { to: "Routing", by: "sip/sip-server.ts SipServer.deliver" },
    { to: "Routing", by: URS_START },
    { to: "Stranded", by: STRAND },
    { to: "Stranded", by: KEEP },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
  Ringing: [
    { to: "Talking", by: "sip/sip-server.ts SipServer.answer" },
    { to: "Routing", by: "sip/sip-server.ts SipServer.noAnswer" },
    // no-answer-overflow voicemail
    { to: "Done", by: `${VOICEMAIL} (from SipServer.noAnswer)` },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
  Talking: [
    { to: "Done", by: "sip/sip-server.ts SipServer.release" },
    { to: "Done", by: DROP },
  ],
  Done: [],
  Stranded: [
    // router-timeout: the default DN (a call on a node): released at reject and external; routed on by a Routing
    // Point's default strategy (and offered again while no URS is up to run it), as chat and email are by the next
    // URS up; treated at a Trunk Group
    { to: "Done", by: DEFAULT_ROUTE },
    { to: "Routing", by: DEFAULT_ROUTE },
    { to: "Treatment", by: DEFAULT_ROUTE },
    // its Interaction Server is back and sends what it kept to routing again
    { to: "Routing", by: "faults/interaction-server-failure.ts InteractionServerFailures.recovers" },
    // an EventError for a TRouteCall (implicit reservation) reaching the URS after a switchover stranded the call:
    // Urs.deliveryFailed checks only for Done, so the strategy runs again and router-timeout finds it no longer Stranded
    { to: "Routing", by: URS_START },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
  Treatment: [
    // the treatments are done: the session's route request reaches its URS
    { to: "Routing", by: URS_START },
    // the Asterisk treatment has played: the call goes on to routing
    { to: "Routing", by: "asterisk/media-ports.ts MediaPorts.fire" },
    // the default DN's treatment (a Trunk Group) played to its end: the call is released
    { to: "Done", by: "sip/default-route.ts DefaultRouting.treatmentEnds" },
    { to: "Stranded", by: STRAND },
    { to: "Done", by: ABANDON },
    { to: "Done", by: DROP },
  ],
};

const NAME_OF = Object.fromEntries(Object.entries(CallState).map(([k, v]) => [v, k])) as Record<CallStateValue, CallStateName>;

/** the state's name, as the table and messages give it */
export function callStateName(s: CallStateValue): CallStateName {
  return NAME_OF[s];
}

/** Whether the table lets a call move from one state to another (a state "moving" to itself is no move). */
export function mayMove(from: CallStateValue, to: CallStateValue): boolean {
  if (from === to) return true;
  const name = NAME_OF[to];
  return CALL_TRANSITIONS[NAME_OF[from]].some((t) => t.to === name);
}
