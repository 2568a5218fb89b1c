// Asterisk as SIP Server's voicemail server (SIP Server and Asterisk Integration Reference, Asterisk as a Voicemail
// Server; Building a Voicemail Solution; MWI Subscription Scope): unanswered calls overflow to a box after
// no-answer-timeout, a strategy sends a call to its group's box when no agent is available, callers leave a message
// or hang up, messages come back as the owners' work, and SIP Server's MWI subscriptions follow start-up and logins.

import { describe, expect, it } from "vitest";
import { runReplication } from "../src/experiment/replication.js";
import { Priority } from "../src/kernel/priorities.js";
import { AgentState, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { VoicemailBox } from "../src/model/asterisk/voicemail-box.js";
import type { Component } from "../src/model/cpu/component-load.js";
import type { Call } from "../src/model/sip/call.js";
import type { Site } from "../src/model/sip/topology.js";
import { ccsim, filesOf, run, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";

const tmp = tempFolders("voicemail");

describe("no-answer-overflow (SIP Server and Asterisk Integration Reference, Building a Voicemail Solution)", () => {
  /** one agent who never answers, with a login box; no delays; one call at time 0 */
  const one = (extra: string) => `
topology: standalone
sites: [{ id: hq, pbx: asterisk }]
network: { intraSite: 0s, statDelay: 0s, presenceDelay: 0s }
routing: { reservation: { mode: none } }
agents:
  - { group: a, count: 1, skills: { s: 1 }, noAnswer: 1, noAnswerTimeout: 12s, noAnswerNotReady: 60s,
      voicemail: { box: login, leaveMessage: 1, recording: 30s, handleTime: 2m }${extra} }
traffic:
  - { type: t, arrivals: { rate: 1/h }, handleTime: 10m, target: "s > 0" }
`;
  function placeOne(yaml: string, until: number) {
    const seen: string[] = [];
    let box: VoicemailBox | null = null;
    const { world, sim } = worldOf(scenarioOf(yaml), {
      ...silent,
      ringing: () => seen.push(`ringing@${sim.now}`),
      voicemailReached: (_c: Call, b: VoicemailBox, leaves: boolean) => {
        box = b;
        seen.push(`box${leaves ? "" : " hung up"}@${sim.now}`);
      },
      messageLeft: () => seen.push(`left@${sim.now}`),
      messageTaken: (_a: Agent, _b: VoicemailBox, leftAt: number) => seen.push(`taken@${sim.now} (left ${leftAt})`),
      messageHandled: () => seen.push(`handled@${sim.now}`),
    });
    const agent = world.agents[0]!;
    world.tController.logIn(agent);
    sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
    sim.run(until);
    return { seen, box: box as VoicemailBox | null, agent };
  }

  it("an unanswered call overflows to the agent's box after no-answer-timeout; the message waits for the agent's NotReady to end", () => {
    const { seen, box, agent } = placeOne(one(", noAnswerOverflow: voicemail"), 400);
    // rings once, goes to the box at 12 s, recorded 30 s later; the agent is NotReady (agent-no-answer-action) until
    // 72 s, then takes it and is busy with it for 2 minutes
    expect(seen).toEqual(["ringing@0", "box@12", "left@42", "taken@72 (left 42)", "handled@192"]);
    expect(box!.kind).toBe("login");
    expect(box!.agent).toBe(agent);
  });

  it("recall (the default) sends it back to routing instead: it rings again and no box hears of it", () => {
    const { seen } = placeOne(one(""), 100);
    expect(seen).toEqual(["ringing@0", "ringing@72"]);
  });

  it("an agent free when the message comes in takes it at once", () => {
    const { seen } = placeOne(one(", noAnswerOverflow: voicemail, noAnswerAction: none"), 400);
    expect(seen).toEqual(["ringing@0", "box@12", "left@42", "taken@42 (left 42)", "handled@162"]);
  });
});

/** An overloaded group (6 agents, about 9 erlangs of calls) whose strategy sends callers to the group's box. */
function overloaded(voicemail: string, extra = ""): string {
  return `
topology: standalone
horizon: 4h
interval: 30m
sites: [{ id: hq, pbx: asterisk }]
agents:
  - { group: desk, count: 6, skills: { s: 1 }, voicemail: ${voicemail} }
traffic:
  - { type: t, arrivals: { rate: 135/h }, handleTime: { dist: exponential, mean: 4m }, patience: { dist: exponential, mean: 2m },
      target: "s > 0", voicemail: { group: desk, after: 20s } }
${extra}`;
}

describe("a group's box (SIP Server and Asterisk Integration Reference, Building a Voicemail Solution)", () => {
  it("a group with no available agent sends the call to the group's box; the message comes back as work", () => {
    const s = scenarioOf(overloaded("{ box: group, leaveMessage: 0.7, handleTime: 3m }"));
    let left = 0;
    for (let r = 0; r < 4; r++) {
      const v = runReplication(s, s.seed, r).voicemail!;
      expect(v.calls).toBeGreaterThan(20);
      expect(v.messagesHandled).toBeGreaterThan(0);
      // the boxes at the horizon hold exactly the messages left and not yet taken
      expect(v.messageBacklog).toBe(v.messagesLeft - v.messagesHandled);
      left += v.messageBacklog;
      // live calls come first: the messages wait for agents busy with them
      expect(v.messageDelay).toBeGreaterThan(60);
      expect(v.messageDelayP90).toBeGreaterThanOrEqual(v.messageDelayP50);
    }
    // and some are still waiting at the end of the day
    expect(left).toBeGreaterThan(0);
  });

  it("the longer the strategy waits before the box, the fewer calls reach it and the more callers abandon waiting", () => {
    const day = (after: string) => run(scenarioOf(overloaded("{ box: group }").replace("after: 20s", `after: ${after}`)), 4);
    const soon = day("0s");
    const late = day("90s");
    expect(late.voicemail!.metrics.calls.mean).toBeLessThan(soon.voicemail!.metrics.calls.mean);
    expect(late.metrics.abandoned!.mean).toBeGreaterThan(soon.metrics.abandoned!.mean);
    // every counted call ends once: the ones sent to a box are not left unfinished
    for (const r of [soon, late]) expect(r.metrics.unfinished!.mean).toBeLessThan(1);
  });

  it("a caller who does not leave a message hangs up (leaveMessage 0 and 1)", () => {
    const day = (p: number) => run(scenarioOf(overloaded(`{ box: group, leaveMessage: ${p}, recording: 0s }`)), 3).voicemail!.metrics;
    const none = day(0);
    expect(none.calls.mean).toBeGreaterThan(0);
    expect(none.voicemailHangups.mean).toBe(none.calls.mean);
    expect(none.messagesLeft.mean).toBe(0);
    expect(none.messagesHandled.mean).toBe(0);
    expect(none.messageBacklog.mean).toBe(0);
    const all = day(1);
    expect(all.voicemailHangups.mean).toBe(0);
    // (a call that reaches the box after the horizon, having waited there, leaves its message after it)
    expect(all.messagesLeft.mean).toBeLessThanOrEqual(all.calls.mean);
    expect(all.messagesLeft.mean).toBeGreaterThan(all.calls.mean - 1);
  });
});

/** 10 DNs on an Asterisk site: 6 logged in from the start, 4 more at 1 h, 6 out at 3 h; next to no calls. */
function staffed(mwi: string): string {
  return `
topology: standalone
horizon: 4h
interval: 30m
sites: [{ id: hq, pbx: asterisk, mwi: ${mwi} }]
agents:
  - { group: desk, staffing: { period: 1h, counts: [6, 10, 10, 4] }, skills: { s: 1 }, voicemail: { box: group } }
traffic:
  - { type: t, arrivals: { rate: 1/h }, handleTime: 1s, target: "s > 0" }
components: {}
`;
}

describe("MWI subscriptions (SIP Server and Asterisk Integration Reference, MWI Subscription Scope)", () => {
  it("peak at start-up with mwi-extension-enable: every extension, and one per logged-in member of the group box", () => {
    const v = runReplication(scenarioOf(staffed("{ extensionEnable: true }")), 1, 0).voicemail!;
    expect(v.intervals.mwiSubscriptions).toEqual([10 + 6, 0, 4, 0, 0, 0, 0, 0]);
    expect(v.mwiPeakSubscriptions).toBe(16);
    expect(v.mwiEnds).toBe(6);
    // without it the extensions are not watched: only the group's members are
    const off = runReplication(scenarioOf(staffed("{ extensionEnable: false }")), 1, 0).voicemail!;
    expect(off.intervals.mwiSubscriptions).toEqual([6, 0, 4, 0, 0, 0, 0, 0]);
  });

  it("at a shift's login: the new members' subscriptions, and each refreshed before it expires", () => {
    const s = scenarioOf(staffed("{ expires: 10m, refreshBefore: 1m }"));
    const v = runReplication(s, 1, 0).voicemail!;
    expect(v.intervals.mwiSubscriptions[2]).toBe(4);
    // each member's subscription is refreshed every 9 minutes from its login until its logout (or the horizon)
    const since = new Map<Agent, number>();
    let expected = 0;
    const refreshesIn = (a: number, b: number) => Math.max(0, Math.ceil((Math.min(b, s.horizon) - a) / 540) - 1);
    let refreshes = 0;
    const { world, sim } = worldOf(s, {
      ...silent,
      agentState: (agent: Agent, from: AgentStateValue, to: AgentStateValue) => {
        if (from === AgentState.LoggedOut) since.set(agent, sim.now);
        if (to === AgentState.LoggedOut) expected += refreshesIn(since.get(agent)!, sim.now);
      },
      mwiSubscribe: (_s: Site, kind: string) => {
        if (kind === "refresh") refreshes++;
      },
    });
    world.start();
    sim.run();
    for (const a of world.agents) if (a.state !== AgentState.LoggedOut) expected += refreshesIn(since.get(a)!, s.horizon);
    expect(refreshes).toBe(expected);
    expect(refreshes).toBeGreaterThan(100);
  });

  it("MWI messages count in SIP Server's load: its Session Controller serves each SUBSCRIBE and NOTIFY", () => {
    const s = scenarioOf(staffed("{ extensionEnable: true }"));
    let sc = 0;
    let arrivals = 0;
    let routes = 0;
    let mwi = 0;
    const { world, sim } = worldOf(s, {
      ...silent,
      arrival: () => arrivals++,
      routeCall: () => routes++,
      mwiSubscribe: () => mwi++,
      mwiNotify: () => mwi++,
      componentServed: (c: Component) => {
        if (c.kind === "sessionController") sc++;
      },
    });
    world.start();
    sim.run();
    expect(mwi).toBeGreaterThan(100);
    expect(sc).toBe(arrivals + routes + mwi);
    const withMwi = run(s, 2).components!.instances["hq.n1.sessionController"]!.messagesPerSecond.mean;
    const without = run(scenarioOf(staffed("{ extensionEnable: false }").replace(", voicemail: { box: group }", "").replace(", mwi: { extensionEnable: false }", "")), 2)
      .components!.instances["hq.n1.sessionController"]!.messagesPerSecond.mean;
    expect(withMwi).toBeGreaterThan(without);
  });
});

describe("the shipped voicemail day", () => {
  it("writes the same bytes on one worker and on two, with MWI counts per interval: the start-up and the afternoon login peaks", () => {
    const a = tmp();
    const b = tmp();
    const args = ["run", "scenarios/asterisk-voicemail.yaml", "--replications", "3", "--quiet"];
    expect(ccsim([...args, "--workers", "1", "--out", a]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--out", b]).code).toBe(0);
    const one = filesOf(a);
    expect(filesOf(b)).toEqual(one);
    const summary = JSON.parse(one["summary.json"]!.toString());
    const m = summary.voicemail.metrics;
    expect(m.messagesLeft.mean).toBeGreaterThan(0);
    expect(m.messageBacklog.mean).toBe(m.messagesLeft.mean - m.messagesHandled.mean);
    const rows = one["intervals.csv"]!.toString().trim().split("\n");
    const header = rows[0]!.split(",");
    const col = header.indexOf("mwiSubscriptions");
    const whole = rows.slice(1).map((r) => r.split(",")).filter((r) => r[2] === "*" && r[3] === "*");
    const peaks = whole.map((r) => Number(r[col]));
    // 44 extensions and the 26 of the morning shift at start-up; the 18 of the afternoon shift at 4 h
    expect(peaks[0]).toBe(44 + 26);
    expect(peaks[8]).toBe(18);
    expect(peaks.filter((x, k) => k !== 0 && k !== 8 && x !== 0)).toEqual([]);
  });

  it("a scenario without voicemail has no MWI columns", () => {
    const a = tmp();
    expect(ccsim(["run", "scenarios/asterisk-private-calls.yaml", "--replications", "1", "--set", "horizon=1h", "--quiet", "--out", a]).code).toBe(0);
    expect(filesOf(a)["intervals.csv"]!.toString()).not.toContain("mwi");
  });
});
