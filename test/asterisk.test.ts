// SIP Server in front of an Asterisk PBX (SIP Server and Asterisk Integration Reference): agents' phones register on
// Asterisk, SIP Server learns their state only from Asterisk's NOTIFYs, private calls go through Asterisk alone and
// make the DN NotReady for routing, and SIP Cluster refuses the deployment (SIP Cluster Solution Guide, Unsupported
// SIP Server functionality).

import { describe, expect, it } from "vitest";
import { compareVariants } from "../src/experiment/compare.js";
import { Priority } from "../src/kernel/priorities.js";
import { AGENT_STATE_NAMES, AgentState } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Component } from "../src/model/cpu/component-load.js";
import { ccsim, filesOf, run, scenarioFile, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";

const tmp = tempFolders("asterisk");

/** An Asterisk site with `agents` agents and almost no contact-center traffic, so that private calls alone move them. */
function quiet(agents: number, privateCalls: string, extra = ""): string {
  return `
topology: standalone
horizon: 100h
interval: 10h
sites: [{ id: hq, pbx: asterisk }]
agents:
  - { group: desk, count: ${agents}, skills: { s: 1 }, privateCalls: ${privateCalls} }
traffic:
  - { type: t, arrivals: { rate: 1/h }, handleTime: 1s, target: "s > 0" }
${extra}`;
}

describe("private calls (SIP Server and Asterisk Integration Reference, Private Calls)", () => {
  it("a private call makes the agent NotReady for routing for its duration: r*d/(1+r*d) of logged-in time", () => {
    // 4 an agent-hour of 3 minutes each, starting only while Ready: the agent alternates Ready (exponential, mean
    // 1/r) and a private call (mean d), so r*d = 0.2 and the share is 0.2 / 1.2
    const expected = 0.2 / 1.2;
    const s = scenarioOf(quiet(40, "{ inbound: { rate: 4/h, duration: { dist: exponential, mean: 3m } } }"));
    const r = run(s, 5);
    const share = r.privateCalls!.metrics.timeShare;
    expect(share.ci95![0]).toBeLessThan(expected);
    expect(share.ci95![1]).toBeGreaterThan(expected);

    // and SIP Server holds the DN NotReady that long, once Asterisk's NOTIFY is in
    let notReady = 0;
    let loggedIn = 0;
    const { world, sim } = worldOf(s, {
      ...silent,
      agentState(agent: Agent, from) {
        const d = sim.now - agent.stateSince;
        if (from === AgentState.NotReady) notReady += d;
        if (from !== AgentState.LoggedOut) loggedIn += d;
      },
    });
    world.start();
    sim.run();
    for (const a of world.agents) {
      const d = s.horizon - a.stateSince;
      if (a.state === AgentState.NotReady) notReady += d;
      if (a.state !== AgentState.LoggedOut) loggedIn += d;
    }
    expect(notReady / loggedIn).toBeGreaterThan(expected - 0.01);
    expect(notReady / loggedIn).toBeLessThan(expected + 0.01);
  });

  it("a private call that may start in wrap-up too takes more of the day than one that starts only while Ready", () => {
    const busy = (when: string) =>
      run(
        scenarioOf(`
topology: standalone
horizon: 8h
sites: [{ id: hq, pbx: asterisk }]
agents:
  - { group: desk, count: 20, skills: { s: 1 }, wrapUp: 1m,
      privateCalls: { outbound: { rate: 6/h, duration: 2m, when: ${when} } } }
traffic:
  - { type: t, arrivals: { rate: 200/h }, handleTime: { dist: exponential, mean: 3m }, target: "s > 0" }
`),
        3,
      ).privateCalls!.metrics;
    const ready = busy("ready");
    const both = busy("both");
    const wrap = busy("wrap-up");
    expect(both.outbound.mean).toBeGreaterThan(ready.outbound.mean);
    expect(both.outbound.mean).toBeGreaterThan(wrap.outbound.mean);
    expect(wrap.outbound.mean).toBeGreaterThan(0);
  });

  it("private calls cost service level: the paired compare of the shipped day against rate 0 excludes 0", () => {
    const path = "agents[0].privateCalls.inbound.rate";
    const cmp = compareVariants(
      path,
      ["3/h", "0"].map((v) => ({ value: v, scenario: scenarioFile("asterisk-private-calls.yaml", [`${path}=${v}`]) })),
      20,
      10,
    );
    const d = cmp.differences[0]!.metrics;
    // the same callers on the same random numbers: only the private calls differ
    expect(d.offered!.mean).toBe(0);
    expect(d.serviceLevel!.significant).toBe(true);
    expect(d.serviceLevel!.mean).toBeGreaterThan(0);
  });

  it("at rate 0 private calls change nothing: every metric as without the key", () => {
    const base = `
topology: standalone
horizon: 4h
sites: [{ id: hq, pbx: asterisk }]
agents:
  - { group: desk, count: 12, skills: { s: 1 }, wrapUp: 20s PRIVATE }
traffic:
  - { type: t, arrivals: { rate: 150/h }, handleTime: { dist: exponential, mean: 4m }, patience: 2m, target: "s > 0" }
`;
    const off = run(scenarioOf(base.replace("PRIVATE", "")), 3);
    const zero = run(scenarioOf(base.replace("PRIVATE", ", privateCalls: { inbound: { rate: 0, duration: 3m } }")), 3);
    expect(zero.perReplication).toEqual(off.perReplication);
    expect(zero.privateCalls!.metrics.inbound.mean).toBe(0);
    expect(off.privateCalls).toBeUndefined();
  });

  it("pbx: none is the center with SIP phones on SIP Server, as leaving pbx out; a compare can vary it", () => {
    const base = `
topology: standalone
horizon: 2h
sites: [{ id: hq PBX }]
agents:
  - { group: desk, count: 12, skills: { s: 1 }, wrapUp: 20s }
traffic:
  - { type: t, arrivals: { rate: 150/h }, handleTime: { dist: exponential, mean: 4m }, patience: 2m, target: "s > 0" }
components: {}
`;
    const left = run(scenarioOf(base.replace("PBX", "")), 2);
    const none = run(scenarioOf(base.replace("PBX", ", pbx: none")), 2);
    const asterisk = run(scenarioOf(base.replace("PBX", ", pbx: asterisk")), 2);
    expect(none.perReplication).toEqual(left.perReplication);
    expect(none.components).toEqual(left.components);
    // on Asterisk the PBX carries both legs: a component the SIP-phone center does not have
    expect(Object.keys(asterisk.components!.instances).some((id) => asterisk.components!.instances[id]!.kind === "asterisk")).toBe(true);
    expect(Object.keys(none.components!.instances).some((id) => none.components!.instances[id]!.kind === "asterisk")).toBe(false);
  });

  it("a delivery to a phone on a private call SIP Server has not heard of yet finds it busy", () => {
    // a presence delay far beyond the gaps between calls: routing keeps picking agents whose private call it cannot
    // see yet, and Asterisk answers those INVITEs busy
    const day = (delay: string) =>
      scenarioOf(`
topology: standalone
horizon: 4h
sites: [{ id: hq, pbx: asterisk }]
network: { presenceDelay: ${delay} }
agents:
  - { group: desk, count: 10, skills: { s: 1 }, privateCalls: { inbound: { rate: 6/h, duration: 2m } } }
traffic:
  - { type: t, arrivals: { rate: 100/h }, handleTime: { dist: exponential, mean: 3m }, target: "s > 0" }
`);
    const late = run(day("30s"), 3).metrics.routingFailures!.mean;
    const prompt = run(day("0"), 3).metrics.routingFailures!.mean;
    expect(late).toBeGreaterThan(prompt);
    expect(late).toBeGreaterThan(10);
  });
});

describe("presence (SIP Server and Asterisk Integration Reference, Subscription)", () => {
  const one = (presenceDelay: string, privateCalls = "") => `
topology: standalone
horizon: 1h
sites: [{ id: hq, pbx: asterisk }]
network: { intraSite: 0, statDelay: 0, presenceDelay: ${presenceDelay} }
routing: { reservation: { mode: none } }
agents:
  - { group: desk, count: 1, skills: { s: 1 } ${privateCalls} }
traffic:
  - { type: t, arrivals: { rate: 1/h }, handleTime: 30s, target: "s > 0" }
`;

  /** the agent's state changes as "State@t", with the agent logged in at 0 and calls placed at `arrivals` */
  function states(yaml: string, arrivals: number[], privateCalls = false) {
    const out: string[] = [];
    const phone: number[] = [];
    const { world, sim } = worldOf(scenarioOf(yaml), {
      ...silent,
      agentState: (_a: Agent, _from, to) => out.push(`${AGENT_STATE_NAMES[to]}@${sim.now}`),
      privateCallStarted: () => phone.push(sim.now),
      privateCallEnded: () => phone.push(sim.now),
    });
    world.tController.logIn(world.agents[0]!);
    for (const t of arrivals) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    if (privateCalls) for (const p of world.privateCalls) p.start();
    sim.run(3600);
    return { states: out, phone };
  }

  it("an Asterisk phone's state reaches SIP Server after the presence delay: Ready that long after a call ends", () => {
    // SIP Server knows of the call it delivered at once (it is in the signalling path), but the endpoint is free
    // again only when Asterisk's idle NOTIFY says so
    expect(states(one("2s"), [0]).states).toEqual(["Ready@0", "Busy@0", "NotReady@30", "Ready@32"]);
    // with no delay the DN is Ready as the call ends
    expect(states(one("0"), [0]).states).toEqual(["Ready@0", "Busy@0", "Ready@30"]);
  });

  it("a call shorter than the delay: its stale busy NOTIFY makes the DN NotReady after the call, until the idle one", () => {
    expect(states(one("40s"), [0]).states).toEqual(["Ready@0", "Busy@0", "Ready@30", "NotReady@40", "Ready@70"]);
  });

  it("a private call's NotReady starts and ends at SIP Server one presence delay after the phone's", () => {
    const r = states(one("3s", ", privateCalls: { inbound: { rate: 4/h, duration: 1m } }"), [], true);
    expect(r.phone.length).toBeGreaterThan(2);
    const expected = ["Ready@0"];
    r.phone.forEach((t, i) => expected.push(`${i % 2 === 0 ? "NotReady" : "Ready"}@${t + 3}`));
    expect(r.states.slice(0, expected.length)).toEqual(expected);
  });

  it("the later the NOTIFY, the longer callers wait", () => {
    const day = (delay: string) => `
topology: standalone
horizon: 8h
sites: [{ id: hq, pbx: asterisk }]
network: { presenceDelay: ${delay} }
agents:
  - { group: desk, count: 15, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: 180/h }, handleTime: { dist: exponential, mean: 4m }, target: "s > 0" }
`;
    const asa = (d: string) => run(scenarioOf(day(d)), 5).metrics.asa!.mean;
    expect(asa("5s")).toBeGreaterThan(asa("0"));
  });
});

describe("the component load of an Asterisk site", () => {
  it("both legs and every NOTIFY count at the PBX, which stands in place of the SIP Proxies", () => {
    const s = scenarioOf(quiet(8, "{ inbound: { rate: 2/h, duration: 2m } }", "components: {}").replace("rate: 1/h", "rate: 40/h").replace("horizon: 100h", "horizon: 4h"));
    const served = new Map<string, number>();
    let arrivals = 0;
    let rings = 0;
    let notifies = 0;
    let privateCalls = 0;
    const { world, sim } = worldOf(s, {
      ...silent,
      arrival: () => arrivals++,
      ringing: () => rings++,
      presenceNotify: () => notifies++,
      privateCallStarted: () => privateCalls++,
      componentServed: (c: Component) => served.set(c.id, (served.get(c.id) ?? 0) + 1),
    });
    world.start();
    sim.run();
    expect(rings).toBeGreaterThan(0);
    expect(privateCalls).toBeGreaterThan(0);
    // the customer's leg of each call, the agent leg of each delivery, and each NOTIFY: busy and idle once a ring or a
    // private call
    expect(notifies).toBe(2 * (rings + privateCalls));
    expect(served.get("hq.asterisk")).toBe(arrivals + rings + notifies);
    expect(served.has("hq.sipProxy")).toBe(false);
    expect(world.load!.components.map((c) => c.kind)).toContain("asterisk");
  });
});

describe("the assumptions an Asterisk site relies on", () => {
  it("its presence delay and the PBX's costs, and not the SIP Proxies' it has none of; elsewhere neither", () => {
    const paths = (yaml: string) => scenarioOf(yaml).assumptions.map((a) => a.path);
    const pbx = paths(quiet(2, "{}", "components: {}"));
    expect(pbx).toEqual(expect.arrayContaining(["network.presenceDelay", "components.asterisk.leg", "components.asterisk.notify"]));
    expect(pbx.some((p) => p.startsWith("components.sipProxy."))).toBe(false);
    const plain = paths(quiet(2, "{}", "components: {}").replace(", pbx: asterisk", "").replace(", privateCalls: {}", ""));
    expect(plain).toContain("components.sipProxy.call");
    expect(plain.some((p) => p === "network.presenceDelay" || p.startsWith("components.asterisk."))).toBe(false);
  });
});

describe("refused where the guides say it cannot be", () => {
  it("in a SIP Cluster: exit 2 with the guide's reason at the file's line", () => {
    const r = ccsim(["run", "test/fixtures/bad/asterisk-in-cluster.yaml", "--out", tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^test\/fixtures\/bad\/asterisk-in-cluster\.yaml:4:31: sites\[0\]\.pbx: SIP Cluster does not support Asterisk/);
    expect(r.stderr).toContain('"Presence from Switches and Endpoints"');
  });
});

describe("determinism", () => {
  it("the shipped Asterisk day writes the same bytes on one worker and on two", () => {
    const a = tmp();
    const b = tmp();
    const args = ["run", "scenarios/asterisk-private-calls.yaml", "--replications", "4", "--set", "horizon=2h", "--quiet"];
    expect(ccsim([...args, "--workers", "1", "--out", a]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--out", b]).code).toBe(0);
    const one = filesOf(a);
    expect(filesOf(b)).toEqual(one);
    expect(JSON.parse(one["summary.json"]!.toString()).privateCalls.metrics.inbound.mean).toBeGreaterThan(0);
  });
});
