// Agents as T-Server for Skype for Business sees them (Multimedia Connector for Skype for Business Deployment Guide):
// emulated ringing supervised by no-answer-timeout, then no-answer-action (No-Answer Supervision); emulated ACW, timed
// or untimed (Emulated Agents); and pull presence mode, where a user's Busy availability outside
// presence-availability-range is DND (Presence). Hand-placed calls with fixed times, then one effect on a day.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AGENT_STATE_NAMES, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Call } from "../src/model/sip/call.js";
import { RandomStreams } from "../src/kernel/random-stream.js";
import { Simulation } from "../src/kernel/simulation.js";
import { buildContactCenter } from "../src/model/build.js";
import { TraceRecorder } from "../src/observe/trace.js";
import { errorOf, run, scenarioOf, silent, worldOf } from "./helpers.js";

/** A Skype site whose T-Server schedules a conference in 1 s (so a call placed at 0 rings at 1), no delays, no
 *  reservation window; group a's one agent never answers, group b's one agent answers at once. */
function center(skype: string, a = "", b = "", bCount = 1): string {
  return `
topology: standalone
sites:
  - { id: hq, skype: { schedulingTime: 1s, ${skype} } }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
ha: { loginDelay: 30s }
agents:
  - { group: a, count: 1, skills: { s: 1 }, noAnswer: 1, ${a} }
  - { group: b, count: ${bCount}, skills: { s: 1 }, ${b} }
traffic:
  - { type: t, arrivals: { rate: 1/h }, handleTime: 10m, target: "s > 0" }
`;
}

/** Runs `yaml` with one call placed at 0 until `until`: each agent's state changes, and who rang when. Agent a logs
 *  in at 0, b a second later (a is the longest idle, so the call tries a first); `bIn` false leaves b out. */
function placed(yaml: string, until: number, bIn = true): { a: string[]; b: string[]; rang: string[] } {
  const states: Record<string, string[]> = { a: [], b: [] };
  const rang: string[] = [];
  const { world, sim } = worldOf(scenarioOf(yaml), {
    ...silent,
    agentState: (agent: Agent, _from: AgentStateValue, to: AgentStateValue) => states[agent.group.id]!.push(`${AGENT_STATE_NAMES[to]}@${sim.now}`),
    ringing: (_c: Call, agent: Agent) => rang.push(`${agent.group.id}@${sim.now}`),
  });
  world.tController.logIn(world.agents[0]!);
  if (bIn) sim.at(1e-3, Priority.STAFFING, { fire: () => world.tController.logIn(world.agents[1]!) }, 0);
  sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run(until);
  return { a: states.a!, b: states.b!, rang };
}

describe("no-answer supervision on a Skype site (No-Answer Supervision)", () => {
  it("a Skype agent who does not answer within no-answer-timeout is set NotReady and the call is routed to the next agent", () => {
    const { a, b, rang } = placed(center("noAnswerTimeout: 20s, noAnswerAction: notready", "noAnswerNotReady: 60s"), 100);
    // emulated ringing from the invitation at 1 s; T-Server cancels it 20 s later (TERR_DN_NO_ANSWER)
    expect(a.slice(0, 4)).toEqual(["Ready@0", "Ringing@1", "NotReady@21", "Ready@81"]);
    expect(rang).toEqual(["a@1", "b@21"]);
    expect(b[1]).toBe("Busy@21");
  });

  it("the trace shows T-Server's EventError TERR_DN_NO_ANSWER for the ring-out, then the call ringing at the next agent", () => {
    const scenario = scenarioOf(center("noAnswerAction: notready"));
    const tsim = new Simulation();
    const trace = new TraceRecorder(tsim, 1);
    const traced = buildContactCenter(scenario, tsim, new RandomStreams(scenario.seed, 0), trace);
    traced.tController.logIn(traced.agents[0]!);
    tsim.at(1e-3, Priority.STAFFING, { fire: () => traced.tController.logIn(traced.agents[1]!) }, 0);
    tsim.at(0, Priority.ARRIVAL, { fire: () => traced.arrive(traced.traffic[0]!) }, 0);
    tsim.run(30);
    const events = trace.lines.map((l) => JSON.parse(l) as { t: number; event: string; reason?: string; agent?: string });
    const error = events.find((e) => e.event === "EventError")!;
    expect(error).toMatchObject({ t: 13, reason: "TERR_DN_NO_ANSWER" });
    expect(events.filter((e) => e.event === "EventRinging").map((e) => e.t)).toEqual([1, 13]);
  });

  it("no-answer-action defaults to none on a Skype site: the agent stays Ready and the call is offered again at once", () => {
    const { a, rang } = placed(center(""), 40, false);
    // the ringing lasts the default no-answer-timeout of 12 s, and nothing is done to the agent
    expect(a.slice(0, 4)).toEqual(["Ready@0", "Ringing@1", "Ready@13", "Ringing@13"]);
    expect(rang).toEqual(["a@1", "a@13", "a@25", "a@37"]);
  });

  it("logout: the agent is logged out and logs in again after the login delay; the call goes to the next agent", () => {
    const { a, rang } = placed(center("noAnswerAction: logout"), 60);
    expect(a.slice(0, 4)).toEqual(["Ready@0", "Ringing@1", "LoggedOut@13", "Ready@43"]);
    expect(rang).toEqual(["a@1", "b@13"]);
  });

  it("a group's own noAnswerAction (the Agent Login level) comes before the site's (the Application level)", () => {
    const { a } = placed(center("noAnswerAction: logout", "noAnswerAction: notready, noAnswerNotReady: 5s"), 60);
    expect(a.slice(0, 4)).toEqual(["Ready@0", "Ringing@1", "NotReady@13", "Ready@18"]);
  });

  it("the skype part counts the calls that rang out and what no-answer-action did to the agents", () => {
    const dayOf = (action: string) => `
topology: standalone
horizon: 1h
sites: [{ id: hq, skype: { noAnswerAction: ${action} } }]
agents:
  - { group: desk, count: 10, skills: { s: 1 }, noAnswer: 0.2 }
traffic:
  - { type: t, arrivals: { rate: 2/m }, handleTime: 2m, patience: 5m, target: "s > 0" }
`;
    for (const action of ["notready", "logout", "none"]) {
      const r = run(scenarioOf(dayOf(action)), 2, 3);
      const m = r.skype!.metrics;
      expect(m.ringOuts!.mean).toBe(r.metrics.noAnswers!.mean);
      expect(m.ringOuts!.mean).toBeGreaterThan(5);
      expect(m.noAnswerNotReady!.mean).toBe(action === "notready" ? m.ringOuts!.mean : 0);
      expect(m.noAnswerLogouts!.mean).toBe(action === "logout" ? m.ringOuts!.mean : 0);
      // no presence mapping: nothing is DND
      expect(m.dndShare!.mean).toBe(0);
    }
  });

  it("the site's no-answer defaults are listed among the run's assumptions only when an agent there may not answer", () => {
    const paths = (yaml: string) => scenarioOf(yaml).assumptions.map((a) => a.path);
    const answering = center("").replace("noAnswer: 1, ", "");
    expect(paths(answering)).not.toContain("sites[].skype.noAnswerTimeout");
    expect(paths(center(""))).toEqual(expect.arrayContaining(["sites[].skype.noAnswerTimeout", "sites[].skype.noAnswerAction"]));
    expect(paths(center("presence: {}"))).toContain("sites[].skype.presence.delay");
    expect(paths(center(""))).not.toContain("sites[].skype.presence.delay");
  });

  it("no-answer-timeout is the T-Server application's: a group's own noAnswerTimeout is refused with the guide's words", () => {
    const e = errorOf(() => scenarioOf(center("", "noAnswerTimeout: 5s")));
    expect(e.message).toContain("agents[0].noAnswerTimeout");
    expect(e.message).toContain("configured in the [TServer] section of the T-Server Application object");
  });
});

describe("emulated after-call work (Emulated Agents, Timed and Untimed ACW)", () => {
  const answered = (skype: string, b: string) => placed(center(skype, "", b).replace("handleTime: 10m", "handleTime: 100s"), 200, true);

  it("timed: T-Server returns the agent to Ready at the end of wrap-up-time", () => {
    // a never answers and is left Ready (none); the call rings out to b at 13, is talked 100 s, then 30 s of ACW
    const { b } = answered("wrapUpTime: 30s", "");
    expect(b.slice(0, 4)).toEqual(["Ready@0.001", "Busy@13", "AfterCallWork@113", "Ready@143"]);
  });

  it("untimed: the agent returns to Ready itself, after its group's wrapUp", () => {
    const { b } = answered("wrapUpTime: untimed", "wrapUp: 7s");
    expect(b.slice(0, 4)).toEqual(["Ready@0.001", "Busy@13", "AfterCallWork@113", "Ready@120"]);
  });

  it("a group's wrapUp under a timed wrap-up-time would have no effect, and is refused", () => {
    const e = errorOf(() => scenarioOf(center("wrapUpTime: 30s", "", "wrapUp: 7s")));
    expect(e.message).toContain("agents[1].wrapUp");
    expect(e.message).toContain("T-Server automatically returns the agent to the Ready state at the end of a timed ACW period");
  });
});

describe("pull presence mode (Presence, Pull Presence Mode)", () => {
  const after = (presence: string) =>
    placed(center(`noAnswerAction: logout, presence: ${presence}`, "", "").replace("handleTime: 10m", "handleTime: 100s"), 200, true).b;

  it("a user Busy in a call is DND until T-Server hears the user Online again, the presence delay after the call", () => {
    // b talks from 13 to 113; its presence turns Online then, and T-Server hears it 5 s later (EventDNDOff)
    expect(after("{ delay: 5s }").slice(0, 4)).toEqual(["Ready@0.001", "Busy@13", "NotReady@113", "Ready@118"]);
  });

  it("a presence-availability-range that takes Busy as available maps nothing to DND: Ready at the call's end", () => {
    expect(after('{ delay: 5s, availabilityRange: "3000-6999" }').slice(0, 3)).toEqual(["Ready@0.001", "Busy@13", "Ready@113"]);
  });

  it("a range without Online would make every user DND, and is refused", () => {
    const e = errorOf(() => scenarioOf(center('presence: { availabilityRange: "6000-8999" }')));
    expect(e.message).toContain("sites[0].skype.presence.availabilityRange");
    expect(e.message).toContain("every user would be DND");
  });
});

/** A day on the Skype site: `count` agents, some of their time in Skype calls and meetings outside the contact
 *  center when `meetings`; pull presence keeps those agents DND. */
function day(count: number, meetings: boolean): string {
  const busy = meetings ? ", privateCalls: { inbound: { rate: 4/h, duration: { dist: exponential, mean: 6m } } }" : "";
  return `
topology: standalone
horizon: 4h
interval: 1h
sites: [{ id: hq, skype: { presence: { delay: 1s } } }]
agents:
  - { group: desk, count: ${count}, skills: { s: 1 }${busy} }
traffic:
  - { type: t, arrivals: { rate: 8/m }, handleTime: { dist: exponential, mean: 2m }, patience: { dist: exponential, mean: 3m }, target: "s > 0" }
`;
}

describe("presence-busy agents cost the contact center what fewer agents would", () => {
  it("25 agents who spend about a tenth of their logged-in time in meetings serve about as 22 or 23 agents do", () => {
    const sl = (n: number, m: boolean) => run(scenarioOf(day(n, m)), 6, 5);
    const busy = sl(25, true);
    const share = busy.privateCalls!.metrics.timeShare.mean;
    // a meeting starts only while the agent is Ready: 4 an hour of 6 minutes leave about a tenth of the time busy
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    // pull presence holds them DND for it (and for the presence delay after each contact-center call)
    expect(busy.skype!.metrics.dndShare!.mean).toBeGreaterThan(share);
    expect(busy.skype!.metrics.dndShare!.mean).toBeLessThan(share + 0.01);
    const withMeetings = busy.metrics.serviceLevel!.mean;
    const full = sl(25, false).metrics.serviceLevel!.mean;
    const more = sl(Math.ceil(25 * (1 - share)), false).metrics.serviceLevel!.mean;
    const fewer = sl(Math.floor(25 * (1 - share)), false).metrics.serviceLevel!.mean;
    expect(withMeetings).toBeLessThan(full - 0.01);
    // between what the agents left free would give, give or take a point
    expect(withMeetings).toBeGreaterThan(fewer - 0.01);
    expect(withMeetings).toBeLessThan(more + 0.01);
  });

  it("without pull presence mode T-Server does not know who is in a meeting: its deliveries there fail and are routed again", () => {
    const unmapped = run(scenarioOf(day(25, true).replace("skype: { presence: { delay: 1s } }", "skype: {}")), 6, 5);
    const mapped = run(scenarioOf(day(25, true)), 6, 5);
    expect(unmapped.skype!.metrics.dndShare).toBeUndefined();
    // hundreds of failed deliveries a day, against a few in the second before T-Server hears a meeting began
    expect(unmapped.metrics.routingFailures!.mean).toBeGreaterThan(100 * Math.max(1, mapped.metrics.routingFailures!.mean));
  });
});
