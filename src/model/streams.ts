// The catalogue of the model's random streams: one function per kind of draw, giving the stream's name. A stream's
// numbers depend on its name only (kernel/random-stream.ts), so these names, byte for byte, are what keeps a
// replication's draws the same across versions and across compared variants; a new kind of draw gets a new entry here.

export const STREAMS = {
  /** an agent group's answer delay (ringing time before the agent picks up) */
  answerDelay: (group: string) => `answerDelay:${group}`,
  /** an agent group's wrap-up time */
  wrapUp: (group: string) => `wrapUp:${group}`,
  /** whether an agent of the group answers at all (agent-no-answer) */
  answer: (group: string) => `answer:${group}`,
  /** a site's VQ SIP Server picking among equal-priority TReserveAgent requests */
  vq: (site: string) => `vq:${site}`,
  /** a URS placement's selection rule (random picks, ties) */
  select: (urs: string) => `select:${urs}`,
  /** a traffic type's arrival process */
  arrivals: (type: string) => `arrivals:${type}`,
  /** a traffic type's handle times */
  handle: (type: string) => `handle:${type}`,
  /** a traffic type's caller patience */
  patience: (type: string) => `patience:${type}`,
  /** whether a caller of the type who gave up calls again, and after how long (traffic[].retrial) */
  retrial: (type: string) => `retrial:${type}`,
  /** a retrial's handle time and patience: its own streams, so that retrials shift none of the first attempts' draws */
  retrialHandle: (type: string) => `retrialHandle:${type}`,
  retrialPatience: (type: string) => `retrialPatience:${type}`,
  /** whether an answered call of the type is transferred (traffic[].transfer), the next agent's talk, the consultation */
  transfer: (type: string) => `transfer:${type}`,
  transferHandle: (type: string) => `transferHandle:${type}`,
  transferConsult: (type: string) => `transferConsult:${type}`,
  /** whether a waiting caller of the type accepts a callback, and whether the customer answers it (traffic[].callback) */
  callback: (type: string) => `callback:${type}`,
  /** the days a resampled trace replays (shared by the types that replay one trace) */
  resample: (trace: string) => `resample:${trace}`,
  /** an IM type's CollectDigits reply times */
  imReply: (type: string) => `im-reply:${type}`,
  /** an IM type's messages per session */
  imMessages: (type: string) => `im-messages:${type}`,
  /** an IM type's gaps between messages */
  imGap: (type: string) => `im-gap:${type}`,
  /** whether an answered session of an IM type on the Skype for Business site escalates to voice */
  imEscalation: (type: string) => `im-escalation:${type}`,
  /** an escalated call's talk, per voice type it is counted as: its own stream, so that turning escalation on shifts
   *  none of that type's own calls' handle times */
  escalationHandle: (type: string) => `escalationHandle:${type}`,
  /** how long the default DN's treatment (a Trunk Group DN) plays, for every call sent there */
  defaultTreatment: () => "treatment:default-dn",
  /** where in the SIP Proxies' oos-check cycle a node fails (how soon their next check finds it silent) */
  proxyCheck: (node: string) => `proxyCheck:${node}`,
  /** where in their registration refresh cycle the phones owned by a node are when it is lost */
  phoneRefresh: (node: string) => `phoneRefresh:${node}`,
  /** an Asterisk group's private-call attempts in one direction (inbound, outbound): when, and to which agent */
  privateCalls: (group: string, direction: string) => `privateCalls:${group}:${direction}`,
  /** how long those private calls last */
  privateDuration: (group: string, direction: string) => `privateDuration:${group}:${direction}`,
  /** how long a voice type's Asterisk treatment (announcement, digit collection) holds its media port */
  mediaTreatment: (type: string) => `mediaTreatment:${type}`,
  /** whether an answered call of a voice type is recorded */
  recording: (type: string) => `recording:${type}`,
  /** whether a caller sent to an agent group's voicemail box leaves a message */
  voicemail: (group: string) => `voicemail:${group}`,
  /** how long those callers take to record their message */
  voicemailRecording: (group: string) => `voicemailRecording:${group}`,
  /** which way a group's shrunk head count rounds in each staffing period, when the share leaves a fraction of an agent */
  shrinkage: (group: string) => `shrinkage:${group}`,
  /** how long an agent of the group takes with one message */
  voicemailHandle: (group: string) => `voicemailHandle:${group}`,
} as const;
