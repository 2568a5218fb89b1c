// A Front End server of the Skype for Business site stopping (Multimedia Connector for Skype for Business Deployment
// Guide, Skype For Business Front End Server Maintenance): on hand-placed calls, the calls the stopped server manages
// are reported released (cut off once answered, dropped before), their agents free at once; DNS balancing skips it
// for new calls until its restart; the other servers' calls, the connectors and their conferences go on.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Call } from "../src/model/sip/call.js";
import { FrontEndPool } from "../src/model/skype/front-end-pool.js";
import { ccsim, tempFolders } from "./helpers.js";
import { startedCenter } from "./two-node-center.js";

const tmp = tempFolders("front-end-faults");

/** Three Front End servers, 4 agents, calls of 300 s; server 2 stops at 100 s for 300 s. */
const HAND = `
topology: standalone
horizon: 1h
sites: [{ id: hq, skype: { connectors: 2, conferencePoolSize: 10, frontEnds: 3 } }]
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
agents:
  - { group: a, count: 4, skills: { s: 1 } }
traffic:
  - { type: v, arrivals: { rate: 0.0001/h }, handleTime: 300s, target: "s > 0" }
faults:
  - { at: 100s, kind: frontend-down, site: hq, frontEnd: 2, duration: 300s }
`;

describe("a Front End server stops (Skype For Business Front End Server Maintenance)", () => {
  it("releases exactly the calls it manages, frees their agents, and is skipped by new calls until its restart", () => {
    const servers = new Map<number, number>();
    const cut: number[] = [];
    const dropped: [number, number][] = [];
    let now = () => 0;
    const { world, sim, log } = startedCenter(HAND, [], {
      conferenceAllocated: (c: Call) => servers.set(c.id, c.frontEnd + 1),
      dropped: (c: Call, _f: number, established: boolean) => (established ? cut.push(c.id) : dropped.push([c.id, now()])),
    });
    now = () => sim.now;
    const at = (t: number) => sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    // 1-4 take the 4 agents; 5 arrives 0.05 s before the stop, still at its conference scheduling (1/6 s) then
    for (const t of [10, 11, 12, 13, 99.95, 150, 151, 450]) at(t);
    sim.run();
    // DNS balancing in turn: 1, 2, 3, 1, 2; then 3 and 1 while 2 is down; 2 again after its restart at 400 s
    expect([...servers.entries()].sort((a, b) => a[0] - b[0])).toEqual([[1, 1], [2, 2], [3, 3], [4, 1], [6, 3], [7, 1], [8, 2]]);
    // "Active calls that are being managed by the Front End Server being stopped ... reported as released": call 2
    // (talking) is cut off, call 5 (not yet answered) is dropped; calls 1, 3, 4 on the other servers go on
    expect(cut).toEqual([2]);
    expect(dropped).toEqual([[5, 100]]);
    // call 2's agent is free at 100 s: call 6 at 150 s is answered at once, though 1, 3 and 4 still hold 3 agents
    const answered = log.filter((e) => e.event === "answered").map((e) => e.call);
    expect(answered).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(log.find((e) => e.event === "answered" && e.call === 6)!.t).toBeCloseTo(150 + 1 / 6, 6);
  });

  it("the pool skips a stopped server, overlapping stops of one server end with the last, and a server restarted takes calls again", () => {
    const pool = new FrontEndPool(3);
    expect([pool.assign(), pool.assign()]).toEqual([0, 1]);
    expect(pool.stop(2)).toBe(true);
    expect(pool.stop(2)).toBe(false);
    expect([pool.assign(), pool.assign()]).toEqual([0, 1]);
    pool.restart(2);
    expect([pool.assign(), pool.assign()]).toEqual([0, 1]);
    pool.restart(2);
    expect(pool.assign()).toBe(2);
  });

  it("summary.json names the server and counts what it released in the fault's cost", () => {
    const dir = tmp();
    const file = join(dir, "fe.yaml");
    writeFileSync(file, HAND.replace("0.0001/h", "0.5/s").replace("count: 4", "count: 200").replace("horizon: 1h", "horizon: 20m\nreplications: 2"));
    const r = ccsim(["run", file, "--out", join(dir, "out"), "--quiet"]);
    expect(r.stderr).toBe("");
    const f = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8")).faults[0];
    expect([f.kind, f.target, f.frontEnd, f.duration]).toEqual(["frontend-down", "hq", 2, 300]);
    // at 100 s about 50 calls are in progress (0.5/s, none ended yet), a third of them on server 2
    expect(f.cost.cutOff.mean).toBeGreaterThan(10);
    expect(f.cost.cutOff.mean).toBeLessThan(25);
    expect(f.cost.held).toBeUndefined();
  });
});
