// Building the traffic: one arrival process a traffic type (with its per-call draws), and the IM sessions of the IM
// types (treatments and conversations).

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import { MEDIA_INDEX } from "../agents/capacity-rule.js";
import { ImSessions, type ImEscalationHost, type ImHost } from "../multimedia/im-session.js";
import type { TargetClass } from "../routing/target-class.js";
import type { Topology } from "../sip/topology.js";
import { STREAMS } from "../streams.js";
import { TrafficType } from "../traffic/traffic.js";

/** One TrafficType per scenario traffic entry, in order; each asks for its streams in the order arrivals, handle,
 *  patience (when callers abandon), resample (when its trace is resampled). */
export function buildTraffic(
  scenario: Scenario,
  sim: Simulation,
  topology: Topology,
  classOf: readonly TargetClass[],
  streams: RandomStreams,
  onArrival: (type: TrafficType) => void,
): TrafficType[] {
  return scenario.traffic.map(
    (t, i) =>
      new TrafficType({
        sim,
        index: i,
        spec: t,
        site: topology.site(t.site),
        media: MEDIA_INDEX[t.media],
        cls: classOf[i]!,
        arrivalRng: streams.stream(STREAMS.arrivals(t.type)),
        handleTime: sampler(t.handleTime, streams.stream(STREAMS.handle(t.type))),
        patience: t.patience ? sampler(t.patience, streams.stream(STREAMS.patience(t.type))) : null,
        horizon: scenario.horizon,
        onArrival,
        resampleRng: t.trace?.resample ? streams.stream(STREAMS.resample(t.trace.source)) : null,
      }),
  );
}

/** Gives each IM type its sessions (IM Solution Guide), asking for its streams in the order im-reply, im-messages,
 *  im-gap, then im-escalation for a type that escalates, type by type. On the Skype for Business site (index `skypeSite`,
 *  -1 for none) the sessions are Skype's, and escalations go to `escalation`. */
export function buildImSessions(
  sim: Simulation,
  traffic: readonly TrafficType[],
  streams: RandomStreams,
  host: ImHost,
  skypeSite: number,
  escalation: ImEscalationHost | null,
): void {
  for (const type of traffic) {
    const im = type.spec.im;
    if (im === undefined) continue;
    const replies = streams.stream(STREAMS.imReply(type.id));
    type.im = new ImSessions({
      sim,
      spec: im,
      messages: sampler(im.messages, streams.stream(STREAMS.imMessages(type.id))),
      gap: sampler(im.gap, streams.stream(STREAMS.imGap(type.id))),
      replies: im.treatments.map((t) => (t.kind === "collectDigits" ? sampler(t.reply, replies) : null)),
      host,
      skype: type.site.index === skypeSite,
      escalation: im.escalation === undefined ? null : { draw: streams.stream(STREAMS.imEscalation(type.id)), host: escalation! },
    });
  }
}
