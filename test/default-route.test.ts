// Default routing as the SIP Cluster Solution Guide offers it (Default routing in SIP Cluster: "router-timeout=10 sec",
// "default-dn=<valid DN>"): a call no URS routed within router-timeout goes to the default DN, which is none (reject),
// a Routing Point whose default strategy URS runs on it, a Trunk Group DN that plays it a treatment, or an external
// number. Each choice is read off the calls' own observations, then off the run's counts.

import { join } from "node:path";
import { existsSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareVariants } from "../src/experiment/compare.js";
import { Priority } from "../src/kernel/priorities.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { Simulation } from "../src/kernel/simulation.js";
import { DEFAULT_DN_METRICS, type MetricRecord } from "../src/metrics/tally.js";
import { buildContactCenter } from "../src/model/build.js";
import { fanOut } from "../src/model/observer.js";
import type { ClusterNode } from "../src/model/sip/topology.js";
import { TraceRecorder } from "../src/observe/trace.js";
import type { DefaultDnKind } from "../src/scenario/types.js";
import { ccsim, run, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";

const tmp = tempFolders("default-route");

/** One site, two node-based nodes; agent a serves the calls' target, agent spare only a default strategy aimed at it.
 *  The tests place the calls. */
const CENTER = `
horizon: 1h
sites:
  - { id: dc1, nodes: 2 }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { mode: node-based, routerTimeout: 10s, reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
ha: { addpTimeout: 7s, tcReconnectTimeout: 0s }
agents:
  - { group: a, count: 1, skills: { s: 1 } }
  - { group: spare, count: 1, skills: { spare: 1 } }
traffic:
  - { type: t, arrivals: { rate: 0.0001/h }, handleTime: 60s, target: "s > 0" }
`;

interface Logged {
  t: number;
  event: string;
  call: number;
  detail?: string | number;
}

function center(dn: string, faults: string[], extra: string[] = []) {
  const text = `${CENTER}faults:\n${faults.map((f) => `  - ${f}`).join("\n")}\n`;
  const scenario = scenarioOf(text, [`routing.defaultRoute=${dn}`, ...extra]);
  const log: Logged[] = [];
  const { world, sim } = worldOf(scenario, {
    ...silent,
    answered: (call, agent) => log.push({ t: sim.now, event: "answered", call: call.id, detail: agent.group.spec.group }),
    abandoned: (call) => log.push({ t: sim.now, event: "abandoned", call: call.id }),
    defaultRouted: (call, kind) => log.push({ t: sim.now, event: "default", call: call.id, detail: kind }),
    treated: (call) => log.push({ t: sim.now, event: "treated", call: call.id }),
    lostRequest: (call) => log.push({ t: sim.now, event: "lost", call: call.id }),
  });
  world.start();
  const [n1] = world.topology.nodes as [ClusterNode];
  const callAt = (t: number, node: ClusterNode = n1) =>
    sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!, node) }, 0);
  const of = (id: number) => log.filter((e) => e.call === id).map((e) => ({ ...e, t: Math.round(e.t * 1000) / 1000 }));
  return { sim, callAt, of };
}

const RP = '{routingPoint: {target: "spare > 0"}}';
/** the URS serving dc1.n1 is down from 100 s to 160 s */
const URS_DOWN = "{ at: 100s, kind: urs-down, target: dc1.n1, duration: 60s }";

/** What becomes of one call reaching dc1.n1 at 110 s, while its URS is down: stranded there, default-routed at 120 s. */
function callInOutage(dn: string, extra: string[] = []): Logged[] {
  const { sim, callAt, of } = center(dn, [URS_DOWN], extra);
  callAt(110);
  sim.run();
  return of(1);
}

describe("a Routing Point as the default DN: URS executes a default strategy loaded on it", () => {
  it("a call waiting when its node's primary host fails is default-routed at router-timeout; the pair's backup runs the default strategy, to its own target", () => {
    const { sim, callAt, of } = center(RP, ["{ at: 30s, kind: node-down, target: dc1.n1 }"]);
    callAt(10); // agent a talks until 70 s
    callAt(20); // waits for a: spare is not the calls' target
    sim.run();
    expect(of(1).map((e) => e.event)).toEqual(["answered"]);
    const two = of(2);
    // the node's backup SIP Server takes over after the ADDP timeout (7 s); router-timeout runs out at 40 s, and the
    // default strategy reserves spare (300 ms collection) on the URS pair's backup
    expect(two.slice(0, 2)).toEqual([
      { t: 30, event: "lost", call: 2 },
      { t: 40, event: "default", call: 2, detail: "routingPoint" },
    ]);
    expect(two[2]).toMatchObject({ event: "answered", detail: "spare" });
    expect(two[2]!.t).toBeGreaterThan(40.3);
    expect(two[2]!.t).toBeLessThan(40.4);
  });

  it("the same call at reject: released at router-timeout, never answered", () => {
    const { sim, callAt, of } = center("reject", ["{ at: 30s, kind: node-down, target: dc1.n1 }"]);
    callAt(10);
    callAt(20);
    sim.run();
    expect(of(2)).toEqual([
      { t: 30, event: "lost", call: 2 },
      { t: 40, event: "default", call: 2, detail: "reject" },
    ]);
  });

  it("no URS up to run the default strategy: the call stays on the Routing Point, offered again each router-timeout, until its node's URS is back", () => {
    const e = callInOutage(RP);
    // sent to the default DN once (120 s); offered again at 130, 140, 150 s to a URS still down; the URS is back at
    // 160 s, the instant of the next offer, and the default strategy routes the call
    expect(e[0]).toEqual({ t: 120, event: "default", call: 1, detail: "routingPoint" });
    expect(e.slice(1).map((x) => x.event)).toEqual(["answered"]);
    expect(e[1]!.t).toBeGreaterThan(160.3);
    expect(e[1]!.t).toBeLessThan(160.4);
  });

  it("no URS up to run the default strategy: a caller whose patience runs out first abandons on the Routing Point", () => {
    expect(callInOutage(RP, ["traffic[0].patience=25s"])).toEqual([
      { t: 120, event: "default", call: 1, detail: "routingPoint" },
      { t: 135, event: "abandoned", call: 1 },
    ]);
  });
});

describe("a Trunk Group DN as the default DN: a treatment is played to the call", () => {
  const TG = "{trunkGroup: {treatment: 30s}}";

  it("a treatment ends the call after its duration, counted treated", () => {
    expect(callInOutage(TG)).toEqual([
      { t: 120, event: "default", call: 1, detail: "trunkGroup" },
      { t: 150, event: "treated", call: 1 },
    ]);
  });

  it("the caller's patience keeps running during the treatment: one who hangs up first abandons", () => {
    expect(callInOutage(TG, ["traffic[0].patience=25s"])).toEqual([
      { t: 120, event: "default", call: 1, detail: "trunkGroup" },
      { t: 135, event: "abandoned", call: 1 },
    ]);
  });
});

describe("an external number as the default DN: the call is routed to that number", () => {
  it("the call leaves the center at router-timeout", () => {
    expect(callInOutage("external")).toEqual([{ t: 120, event: "default", call: 1, detail: "external" }]);
  });
});

describe("the trace names the default DN each call went to", () => {
  it("EventRouteUsed with reason default-dn and the DN's kind; a Trunk Group's call is released after its treatment", () => {
    const lines = (dn: string) => {
      const scenario = scenarioOf(`${CENTER}faults:\n  - ${URS_DOWN}\n`, [`routing.defaultRoute=${dn}`]);
      const sim = new Simulation();
      const trace = new TraceRecorder(sim, 10);
      const world = buildContactCenter(scenario, sim, new RandomStreams(scenario.seed, 0), fanOut([trace]));
      world.start();
      sim.at(110, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!, world.topology.nodes[0]!) }, 0);
      sim.run();
      return trace.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r["ConnID"] !== undefined);
    };
    const used = (dn: string) => lines(dn).find((r) => r["event"] === "EventRouteUsed");
    expect(used("reject")).toMatchObject({ t: 120, reason: "default-dn" });
    expect(used("reject")).not.toHaveProperty("dn");
    expect(used("external")).toMatchObject({ t: 120, reason: "default-dn", dn: "external" });
    expect(used(RP)).toMatchObject({ t: 120, reason: "default-dn", dn: "routing-point" });
    const tg = lines("{trunkGroup: {treatment: 30s}}");
    expect(tg.find((r) => r["event"] === "EventRouteUsed")).toMatchObject({ dn: "trunk-group" });
    expect(tg.at(-1)).toMatchObject({ t: 150, event: "EventReleased", reason: "default-dn-treatment" });
  });
});

/** A busy hour in the middle of a three-hour day: a queue builds on both nodes, and dc1.n1's primary host fails near
 *  the peak's end, stranding the calls waiting there (its backup takes over after the ADDP timeout, 7 s, inside
 *  router-timeout, 10 s). The default strategy reaches every agent, as the guide recommends ("a simple strategy ...
 *  to be applied to any call"). */
const PEAK = `
horizon: 3h
seed: 5
replications: 6
sites: [{ id: dc1, nodes: 2 }]
routing: { mode: node-based, routerTimeout: 10s }
ha: { addpTimeout: 7s }
agents:
  - { group: sales, count: 40, skills: { sales: 5 } }
traffic:
  - { type: sales, arrivals: { period: 1h, rates: [8/min, 16/min, 6/min] }, handleTime: { dist: exponential, mean: 3m },
      patience: { dist: exponential, mean: 10m }, target: "sales > 0" }
faults:
  - { at: 115m, kind: node-down, target: dc1.n1, duration: 5m }
`;
const CHOICES: Record<DefaultDnKind, string> = {
  reject: "reject",
  external: "external",
  routingPoint: '{routingPoint: {target: "sales > 0"}}',
  trunkGroup: "{trunkGroup: {treatment: {dist: uniform, min: 10s, max: 30s}}}",
};
const peak = (kind: DefaultDnKind) => scenarioOf(PEAK, [`routing.defaultRoute=${CHOICES[kind]}`]);

describe("what became of the default-routed calls, counted (the busy hour, paired on common random numbers)", () => {
  const results = Object.fromEntries(
    (Object.keys(CHOICES) as DefaultDnKind[]).map((k) => [k, run(peak(k))]),
  ) as Record<DefaultDnKind, ReturnType<typeof run>>;
  const reps = (k: DefaultDnKind) => results[k].perReplication;

  it("calls default-routed at router-timeout are served by the default strategy: answered rises against reject", () => {
    const c = compareVariants(
      "routing.defaultRoute",
      (["reject", "routingPoint"] as const).map((k) => ({ value: k, scenario: peak(k) })),
      5,
      6,
    );
    const answered = c.differences[0]!.metrics.answered!;
    expect(answered.significant).toBe(true);
    expect(answered.ci95![0]).toBeGreaterThan(0);
    // the default strategy's own count: most of the stranded calls, the rest gave up on the Routing Point
    const rp = c.variants[1]!.result.metrics;
    expect(rp.defaultAnswered!.mean).toBeGreaterThan(0.7 * rp.defaultRouted!.mean);
    expect(rp.defaultRouted!.mean).toBeGreaterThan(10);
    // and the agent group that answered them says so
    expect(c.variants[1]!.result.byGroup["sales"]!.defaultAnswered!.mean).toBe(rp.defaultAnswered!.mean);
  });

  it("external: counted routed external, call for call what reject released, and nothing else changes", () => {
    for (let r = 0; r < 6; r++) {
      const ext = reps("external")[r]!;
      const rej = reps("reject")[r]!;
      expect(ext.defaultExternal).toBe(rej.defaultRouted);
      expect(ext.defaultRouted).toBe(rej.defaultRouted);
      for (const k of ["offered", "answered", "abandoned", "serviceLevel", "meanWait", "unfinished"] as const) expect(ext[k]).toBe(rej[k]);
    }
    expect(results.external.metrics.defaultExternal!.mean).toBeGreaterThan(10);
  });

  it("a treatment holds the caller on the line: some hang up during it (abandoned), the rest are treated", () => {
    const tg = results.trunkGroup.metrics;
    expect(tg.defaultTreated!.mean).toBeGreaterThan(0);
    // the same calls reach the default DN as at reject: what is played to them there does not reach back
    expect(reps("trunkGroup").map((m) => m.defaultRouted)).toEqual(reps("reject").map((m) => m.defaultRouted));
    // nobody else's call changes: the extra abandonments are those during the treatment, replication by replication
    reps("trunkGroup").forEach((m, r) => expect(m.abandoned! - reps("reject")[r]!.abandoned!).toBe(m.defaultAbandoned));
  });

  it("each choice keeps the totals' identity: offered = answered + abandoned + dropped + ended at the default DN + unfinished", () => {
    const endedAtDn: Record<DefaultDnKind, (m: MetricRecord) => number> = {
      reject: (m) => m.defaultRouted!,
      external: (m) => m.defaultExternal!,
      trunkGroup: (m) => m.defaultTreated!,
      routingPoint: () => 0,
    };
    for (const k of Object.keys(CHOICES) as DefaultDnKind[]) {
      for (const m of reps(k)) {
        expect(m.offered, k).toBe(m.answered! + m.abandoned! + (m.dropped ?? 0) + endedAtDn[k](m) + m.unfinished!);
        // and every default-routed call ended one way or another (no node was lost, the run drained)
        expect(m.unfinished, k).toBe(0);
        if (k !== "reject") expect(m.defaultRouted, k).toBe(DEFAULT_DN_METRICS[k].reduce((n, name) => n + m[name]!, 0));
      }
    }
  });

  it("the default DN's counts appear only where its kind has them; reject's results carry none", () => {
    const keys = (k: DefaultDnKind) => Object.keys(results[k].metrics).filter((n) => /^default[A-Z]/.test(n) && n !== "defaultRouted");
    expect(keys("reject")).toEqual([]);
    expect(keys("external")).toEqual(["defaultExternal"]);
    expect(keys("routingPoint")).toEqual(["defaultAnswered", "defaultAbandoned"]);
    expect(keys("trunkGroup")).toEqual(["defaultTreated", "defaultAbandoned"]);
  });
});

describe("bad input", () => {
  it("an unknown default DN: exit 2, one line naming file, line, field and the expected choices, nothing written", () => {
    const dir = tmp();
    const file = join(dir, "s.yaml");
    writeFileSync(file, `routing:\n  defaultRoute: voicemail\n${PEAK.replace(/^\n/, "").replace("routing: { mode: node-based, routerTimeout: 10s }\n", "")}`);
    const out = join(dir, "out");
    const r = ccsim(["run", file, "--out", out, "--replications", "1"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${file}:2:17: routing.defaultRoute: expected reject, external, {routingPoint: {target: "<skill expression>"}} or ` +
        `{trunkGroup: {treatment: <duration or distribution>}}, got "voicemail"\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
