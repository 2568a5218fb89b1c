// No-answer supervision as SIP Server offers it: agent-no-answer-timeout, then agent-no-answer-action (notready,
// logout, none; SIP Cluster Solution Guide, sample SIP Server options "agent-no-answer-action=notready"), and the call
// back to routing. How long the NotReady lasts is an assumption (noAnswerNotReady). Fixed times, exact answers.

import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import { AGENT_STATE_NAMES, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Call } from "../src/model/sip/call.js";
import { errorOf, scenarioOf, silent, worldOf } from "./helpers.js";

/** One agent that never answers (noAnswer: 1), one call at time 0; no delays, no reservation window. */
function center(agentExtra: string, capacity = "voice", media = "voice"): string {
  return `
sites:
  - { id: dc1, nodes: 1 }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
ha: { loginDelay: 30s }
capacityRules:
  desk: [ { chat: 2 } ]
agents:
  - { group: a, count: 1, capacity: ${capacity}, skills: { s: 1 }, noAnswer: 1, noAnswerTimeout: 12s, ${agentExtra} }
traffic:
  - { type: t, media: ${media}, arrivals: { rate: 1/h }, handleTime: 10m, target: "s > 0" }
`;
}

/** Runs `yaml` with calls arriving at the given times until `until`; returns the agent's state changes and the
 *  instants the calls rang. */
function runOne(yaml: string, arrivals: number[], until: number): { states: string[]; rang: number[] } {
  const states: string[] = [];
  const rang: number[] = [];
  const { world, sim } = worldOf(scenarioOf(yaml), {
    ...silent,
    agentState: (_a: Agent, _from: AgentStateValue, to: AgentStateValue) => states.push(`${AGENT_STATE_NAMES[to]}@${sim.now}`),
    ringing: (_c: Call) => rang.push(sim.now),
  });
  world.tController.logIn(world.agents[0]!);
  for (const t of arrivals) sim.at(t, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run(until);
  return { states, rang };
}

describe("agent-no-answer-action", () => {
  it("is notready by default: after agent-no-answer-timeout the agent is NotReady for noAnswerNotReady, then Ready and rung again", () => {
    const { states, rang } = runOne(center("noAnswerNotReady: 60s"), [0], 80);
    expect(states.slice(0, 4)).toEqual(["Ready@0", "Ringing@0", "NotReady@12", "Ready@72"]);
    expect(rang).toEqual([0, 72]);
  });

  it("logout: a no-answer logs the agent out; it logs in again after the login delay and gets the call again", () => {
    const { states, rang } = runOne(center("noAnswerAction: logout, noAnswerNotReady: 60s"), [0], 50);
    expect(states.slice(0, 4)).toEqual(["Ready@0", "Ringing@0", "LoggedOut@12", "Ready@42"]);
    expect(rang).toEqual([0, 42]);
  });

  it("none: the agent stays Ready after a no-answer and the call is offered to it again at once", () => {
    const { states, rang } = runOne(center("noAnswerAction: none"), [0], 30);
    expect(states.slice(0, 4)).toEqual(["Ready@0", "Ringing@0", "Ready@12", "Ringing@12"]);
    expect(rang).toEqual([0, 12, 24]);
  });

  it("logout with a chat still in hand: the agent takes nothing more and logs out once that chat is gone", () => {
    // the first chat rings out at 12, the second (at 5) at 17: the agent holds that one until then, still logged in
    // and Ringing, and is offered the first chat again only after it logged in again (17 + 30 s)
    const { states, rang } = runOne(center("noAnswerAction: logout", "desk", "chat"), [0, 5], 50);
    expect(states.slice(0, 4)).toEqual(["Ready@0", "Ringing@0", "LoggedOut@17", "Ready@47"]);
    expect(rang.slice(0, 3)).toEqual([0, 5, 47]);
  });

  it("in a SIP Cluster is one application option: agent groups that differ are refused with the guide's reason", () => {
    const yaml = `
sites:
  - { id: dc1, nodes: 2 }
agents:
  - { group: a, count: 1, skills: { s: 1 } }
  - { group: b, count: 1, skills: { s: 1 }, noAnswerAction: logout }
traffic:
  - { type: t, media: voice, arrivals: { rate: 1/h }, handleTime: 10m, target: "s > 0" }
`;
    const e = errorOf(() => scenarioOf(yaml));
    expect(e.message).toContain("agents[1].noAnswerAction");
    expect(e.message).toContain('"agent-no-answer-action -- Only on the Application level is supported"');
    // the same value everywhere is fine, and so are differing groups of standalone SIP Servers
    scenarioOf(yaml.replace("noAnswerAction: logout", "noAnswerAction: notready"));
    scenarioOf(`topology: standalone\n${yaml.replace("nodes: 2", "nodes: 1")}`);
  });
});
