// The ISCC leg of a Skype for Business site to a SIP Server site (sites[].skype.iscc; Multimedia Connector for Skype
// for Business Deployment Guide, Remote Treatments and Configuring remote recording): on hand-placed calls, a remote
// treatment waits for its leg's ISCC transaction, then holds one of the SIP Server site's media ports (skipped when
// none is free); a recording takes one at the answer, lost when none is free.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { MediaPortPool } from "../src/model/asterisk/media-ports.js";
import type { Call } from "../src/model/sip/call.js";
import { run, scenarioOf } from "./helpers.js";
import { startedCenter } from "./two-node-center.js";

const HAND = `
topology: standalone
horizon: 1h
sites:
  - { id: hq, skype: { connectors: 1, conferencePoolSize: 10, iscc: { site: sip, delay: 200ms } } }
  - { id: sip, mediaPorts: { capacity: 1 } }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
agents:
  - { group: a, site: hq, count: 4, skills: { s: 1 } }
traffic:
  - { type: v, site: hq, arrivals: { rate: 0.0001/h }, handleTime: 300s, target: "s > 0", treatment: { duration: 10s }, recording: 1 }
`;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe("the ISCC leg to a SIP Server site (Remote Treatments; Configuring remote recording)", () => {
  it("a treatment waits for its leg, then takes the SIP Server site's port; a second finds it busy and is skipped; recordings take it at the answer", () => {
    const events: string[] = [];
    let now = () => 0;
    const { world, sim } = startedCenter(HAND, [], {
      mediaPortTaken: (pool: MediaPortPool, recording: boolean) => events.push(`${recording ? "recording" : "treatment"} port of site ${pool.site} at ${r3(now())}`),
      mediaPortRefused: (site: number, recording: boolean) => events.push(`${recording ? "recording" : "treatment"} refused at site ${site} at ${r3(now())}`),
      answered: (c: Call) => events.push(`call ${c.id} answered at ${r3(now())}`),
    });
    now = () => sim.now;
    for (const t of [10, 11]) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run();
    expect(events).toEqual([
      // call 1: its conference at 10 + 1/6 s, its leg up 0.2 s later, then 10 s of treatment on site 1's (sip's) port
      "treatment port of site 1 at 10.367",
      // call 2: its leg is up at 11.367, the one port is busy: the treatment is skipped, it is routed at once, and its
      // recording finds no port either
      "treatment refused at site 1 at 11.367",
      "call 2 answered at 11.367",
      "recording refused at site 1 at 11.367",
      // call 1 after its treatment: answered, and recorded on the port its treatment freed
      "call 1 answered at 20.367",
      "recording port of site 1 at 20.367",
    ]);
  });

  it("a longer ISCC transaction delays the answer by as much, and the pool's numbers are the SIP Server site's", () => {
    const day = (delay: string) =>
      run(scenarioOf(HAND.replace("delay: 200ms", `delay: ${delay}`).replace("0.0001/h", "0.05/s").replace("capacity: 1", "capacity: 3").replace("count: 4", "count: 30")), 2, 7);
    const [fast, slow] = [day("100ms"), day("2100ms")];
    // the same calls (common random numbers), each waiting 2 s longer before its treatment and so before its agent
    expect(slow.metrics.asa!.mean - fast.metrics.asa!.mean).toBeGreaterThan(1.9);
    expect(slow.metrics.asa!.mean - fast.metrics.asa!.mean).toBeLessThan(2.1);
    expect(Object.keys(fast.mediaPorts!.bySite)).toEqual(["sip"]);
    expect(fast.mediaPorts!.metrics.treatments.mean).toBeGreaterThan(0);
  });

  it("lists the ISCC delay among the run's assumptions only where a Skype site has the leg and leaves its delay out", () => {
    const paths = (yaml: string) => scenarioOf(yaml).assumptions.map((a) => a.path);
    expect(paths(HAND.replace(", delay: 200ms", ""))).toContain("sites[].skype.iscc.delay");
    expect(paths(HAND)).not.toContain("sites[].skype.iscc.delay");
    const plain = HAND.replace(", iscc: { site: sip, delay: 200ms }", "").replace(", treatment: { duration: 10s }, recording: 1", "");
    expect(paths(plain)).not.toContain("sites[].skype.iscc.delay");
    expect(paths(plain)).toContain("sites[].skype.schedulingTime");
  });
});
