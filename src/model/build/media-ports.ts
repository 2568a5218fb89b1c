// Building Asterisk as each site's media server (sites[].mediaPorts): a pool of ports a site, and what each voice type
// asks of them, its treatment's duration and whether a call is recorded.

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Scenario } from "../../scenario/types.js";
import { MediaPortPool, MediaPorts, type MediaPortHost, type MediaPortUse } from "../asterisk/media-ports.js";
import type { Observer } from "../observer.js";
import { STREAMS } from "../streams.js";

/** The media ports (null when no site has them); a type asks for its streams mediaTreatment and recording only when it
 *  has a treatment, and records at a share above 0. */
export function buildMediaPorts(
  scenario: Scenario,
  sim: Simulation,
  observer: Observer,
  streams: RandomStreams,
  host: MediaPortHost,
): MediaPorts | null {
  if (!scenario.sites.some((s) => s.mediaPorts !== undefined)) return null;
  const pools = scenario.sites.map((s, i) => (s.mediaPorts === undefined ? null : new MediaPortPool(i, s.mediaPorts.capacity)));
  const uses = scenario.traffic.map((t): MediaPortUse => {
    const share = t.recording ?? 0;
    const rng = share > 0 ? streams.stream(STREAMS.recording(t.type)) : null;
    return {
      treatment: t.treatment === undefined ? null : sampler(t.treatment.duration, streams.stream(STREAMS.mediaTreatment(t.type))),
      recorded: rng === null ? null : () => rng() < share,
    };
  });
  const portSites = scenario.sites.map((s, i) => {
    const iscc = s.skype?.iscc;
    return iscc === undefined ? { pool: i, legDelay: 0 } : { pool: scenario.sites.findIndex((x) => x.id === iscc.site), legDelay: iscc.delay };
  });
  return new MediaPorts(sim, observer, pools, uses, host, portSites);
}
