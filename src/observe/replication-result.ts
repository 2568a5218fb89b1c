// One replication's result, assembled from what its observer's parts measured: every slice's metrics, the interval
// rows, the routing delay's 95th percentile, and (when the scenario has them) fault costs, component records, the
// per-media breakdown, Asterisk private calls, media ports and voicemail, a Skype for Business site and the day's cost in money; what became of the calls sent to the default DN.

import type { ContactCenter } from "../model/contact-center.js";
import type { ComponentMeters } from "./component-meters.js";
import { dayCost, totalOf } from "./day-cost.js";
import type { FaultCosts } from "./fault-costs.js";
import type { MediaBreakdown } from "./media-breakdown.js";
import type { MediaPortRecord, PrivateCallRecord, ReplicationResult, SkypeRecord, VoicemailRecord } from "./results.js";
import type { RoutingDelay } from "./routing-delay.js";
import type { Slices } from "./slices.js";

export interface MeasuredParts {
  readonly center: ContactCenter;
  /** events fired */
  readonly events: number;
  readonly slices: Slices;
  readonly routingDelay: RoutingDelay;
  /** null when the scenario has no faults */
  readonly faultCosts: FaultCosts | null;
  /** null without the component load model */
  readonly components: ComponentMeters | null;
  /** null when every traffic type is voice */
  readonly media: MediaBreakdown | null;
  /** null when no agent group has private calls */
  readonly privateCalls: PrivateCallRecord | null;
  /** null without a Skype for Business site */
  readonly skype: SkypeRecord | null;
  /** null when no site has Asterisk media ports */
  readonly mediaPorts: MediaPortRecord | null;
  /** null when the scenario has no voicemail boxes and no mwi */
  readonly voicemail: VoicemailRecord | null;
}

/** The replication's result; agent time must be closed at the horizon first (AgentTime.close). */
export function replicationResult(p: MeasuredParts): ReplicationResult {
  const { center, slices } = p;
  const sc = center.scenario;
  const hours = (sc.horizon - sc.warmup) / 3600;
  const parts = { faults: p.faultCosts !== null, defaultDn: sc.routing.defaultRoute.kind };
  const intervals = slices.intervalRows(parts);
  const measured = slices.metrics(center, hours, parts);
  // a priced scenario's day cost: its parts apart, their total as the whole center's `cost` metric
  const cost = sc.costs ? dayCost(sc, sc.costs, slices.total.abandoned, slices.total.waitAll) : null;
  return {
    events: p.events,
    ...measured,
    ...(cost ? { metrics: { ...measured.metrics, cost: totalOf(cost) } } : {}),
    intervals,
    agentsPerNode: Object.fromEntries(center.topology.nodes.map((n) => [n.id, n.ownedAgents])),
    routingDelayP95: p.routingDelay.p95(),
    ...(p.faultCosts ? { faults: p.faultCosts.costs } : {}),
    ...(p.components ? { components: p.components.records() } : {}),
    ...(p.media ? { byMedia: p.media.result(center.agents, hours) } : {}),
    ...(p.privateCalls ? { privateCalls: p.privateCalls } : {}),
    ...(p.skype ? { skype: p.skype } : {}),
    ...(p.mediaPorts ? { mediaPorts: p.mediaPorts } : {}),
    ...(p.voicemail ? { voicemail: p.voicemail } : {}),
    ...(cost ? { cost } : {}),
  };
}
