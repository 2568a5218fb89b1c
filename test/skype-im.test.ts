// IM on the Skype for Business site (Multimedia Connector for Skype for Business Deployment Guide): on hand-placed
// sessions, an IM call goes through a connector and the T-Server's conference scheduling like a voice call (IM
// Calls); a CollectDigits without TOTAL_TIMEOUT waits for the reply indefinitely (IM Treatments) until Skype releases
// the unused session after 10 minutes (IM Calls), which no idleTimeout changes; an escalation to voice is a new call
// to the session's agent, auto-answered, and its end ends the conversation (Escalation Between IM Call and Audio
// Call); then the share of escalations over a day, the trace's Conversation-ID, and IM suppression at load.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Priority } from "../src/kernel/priorities.js";
import type { Simulation } from "../src/kernel/simulation.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { ContactCenter } from "../src/model/contact-center.js";
import type { Call } from "../src/model/sip/call.js";
import { ccsim, errorOf, run, scenarioOf, silent, tempFolders, worldOf } from "./helpers.js";

/** One agent on a Skype site whose T-Server schedules a conference in 1 s; an IM type and the voice type its
 *  sessions escalate to. */
const SKYPE = (im: string, voice = "100s") => `
topology: standalone
horizon: 2h
sites: [{ id: hq, skype: { connectors: 2, conferencePoolSize: 10, schedulingTime: 1s } }]
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }
capacityRules:
  desk: [ { voice: 1, chat: 2 } ]
agents:
  - { group: a, count: 1, capacity: desk, skills: { s: 1 } }
traffic:
  - { type: im, media: im, arrivals: { rate: 0.0001/h }, target: "s > 0", im: ${im} }
  - { type: esc, arrivals: { rate: 0.0001/h }, handleTime: ${voice}, target: "s > 0" }
`;

/** One session arriving at 0: what happened to which call (ConnID 1 the session, 2 its escalation), when. */
function session(im: string, voice?: string) {
  const log: string[] = [];
  const { world, sim } = worldOf(scenarioOf(SKYPE(im, voice)), {
    ...silent,
    arrival: (c: Call) => log.push(`${c.id} ${c.type.spec.type} arrives@${sim.now}`),
    conferenceAllocated: (c: Call) => log.push(`${c.id} conference@${sim.now}`),
    routeRequest: (c: Call) => log.push(`${c.id} route@${sim.now}`),
    answered: (c: Call, a: Agent) => log.push(`${c.id} answered by ${a.index}@${sim.now}`),
    imEscalated: (c: Call, v: Call, a: Agent) => log.push(`${c.id} escalated to ${v.id} at agent ${a.index}@${sim.now}`),
    released: (c: Call) => log.push(`${c.id} released@${sim.now}`),
    abandoned: (c: Call) => log.push(`${c.id} ended@${sim.now}`),
  });
  sessionAt0(world, sim);
  return log;
}

/** The one agent logs in and one session of the IM type arrives at 0; the run goes to its end. */
function sessionAt0(world: ContactCenter, sim: Simulation): void {
  world.tController.logIn(world.agents[0]!);
  sim.at(0, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[0]!) }, 0);
  sim.run();
}

describe("an IM call on the Skype for Business site (IM Calls)", () => {
  it("comes through a connector and waits for the T-Server to schedule its conference before its treatments and routing", () => {
    expect(session("{ messages: 1, gap: 30s, treatments: [ { playAnnouncement: 5s } ] }")).toEqual([
      "1 im arrives@0", "1 conference@1", "1 route@6", "1 answered by 0@6", "1 released@36",
    ]);
  });

  it("is released by Skype after 10 minutes unused in the conversation", () => {
    expect(session("{ messages: 3, gap: 11m }").slice(-1)).toEqual(["1 released@601"]);
  });
});

describe("an IM treatment on the Skype for Business site (IM Treatments)", () => {
  it("without TOTAL_TIMEOUT waits for the customer's input however long it takes, within Skype's 10 minutes", () => {
    expect(session("{ messages: 1, gap: 30s, treatments: [ { collectDigits: { reply: 9m } } ] }")).toContain("1 route@541");
  });

  it("without TOTAL_TIMEOUT ends when Skype releases the session unused after 10 minutes, onTimeout or not", () => {
    expect(session("{ treatments: [ { collectDigits: { reply: 11m, onTimeout: proceed } } ] }")).toEqual([
      "1 im arrives@0", "1 conference@1", "1 ended@601",
    ]);
  });

  it("with a TOTAL_TIMEOUT beyond 10 minutes still ends at Skype's release; within it, TOTAL_TIMEOUT acts as on SIP Server", () => {
    expect(session("{ treatments: [ { collectDigits: { totalTimeout: 15m, reply: 12m } } ] }").slice(-1)).toEqual(["1 ended@601"]);
    expect(session("{ messages: 1, treatments: [ { collectDigits: { totalTimeout: 2m, reply: 12m } } ] }")).toContain("1 route@121");
  });
});

describe("an IM session escalated to voice (Escalation Between IM Call and Audio Call)", () => {
  const ESCALATES = "{ messages: 2, gap: 20s, escalation: { share: 1, type: esc } }";

  it("after the customer's last message becomes a new call (its own ConnID) to the same agent, auto-answered, and its end ends the IM too", () => {
    expect(session(ESCALATES)).toEqual([
      "1 im arrives@0", "1 conference@1", "1 route@1", "1 answered by 0@1",
      // messages at 1 and 21; the customer calls instead of closing after the next gap
      "2 esc arrives@41", "1 escalated to 2 at agent 0@41",
      // its own conference, then the agent: no routing request, answered at once
      "2 conference@42", "2 answered by 0@42",
      "2 released@142", "1 released@142",
    ]);
  });

  it("leaves the IM session unused beside a voice call longer than 10 minutes: Skype releases it, the voice call goes on", () => {
    expect(session(ESCALATES, "15m").slice(-2)).toEqual(["1 released@641", "2 released@942"]);
  });

  it("is routed as its type when the agent is on another voice call, and reaches it once that call ends", () => {
    const log: string[] = [];
    const { world, sim } = worldOf(scenarioOf(SKYPE(ESCALATES)), {
      ...silent,
      routeRequest: (c: Call) => log.push(`${c.id} route@${sim.now}`),
      answered: (c: Call) => log.push(`${c.id} answered@${sim.now}`),
      released: (c: Call) => log.push(`${c.id} released@${sim.now}`),
    });
    // a voice call of its own at 5 s (ConnID 2) takes the agent's voice capacity beside the IM
    sim.at(5, Priority.ARRIVAL, { fire: () => world.arrive(world.traffic[1]!) }, 0);
    sessionAt0(world, sim);
    expect(log).toEqual([
      "1 route@1", "1 answered@1", "2 route@6", "2 answered@6",
      // the escalation (ConnID 3) finds the agent's voice capacity taken: it waits in routing for the agent
      "3 route@42", "2 released@106", "3 answered@106", "3 released@206", "1 released@206",
    ]);
  });

  it("holds the agent on both media while they last", () => {
    const loads: string[] = [];
    const { world, sim } = worldOf(scenarioOf(SKYPE(ESCALATES)), {
      ...silent,
      agentLoad: (_a: Agent, media: number, n: number) => loads.push(`${media === 0 ? "voice" : "chat"} ${n}@${sim.now}`),
    });
    sessionAt0(world, sim);
    // the voice call's release takes the IM session with it, at the same instant
    expect(loads).toEqual(["chat 1@1", "voice 1@42", "chat 0@142", "voice 0@142"]);
  });

  it("does not happen with share 0, and the day's escalations are that share of the answered sessions, counted as calls of the voice type", () => {
    expect(session("{ messages: 2, gap: 20s, escalation: { share: 0, type: esc } }").slice(-1)).toEqual(["1 released@41"]);
    const day = scenarioOf(
      SKYPE("{ messages: 3, gap: 20s, escalation: { share: 0.3, type: esc } }", "60s")
        .replace("count: 1", "count: 10")
        .replace("rate: 0.0001/h", "rate: 3/min")
        .replace("schedulingTime: 1s", "schedulingTime: 100ms"),
    );
    const r = run(day, 2);
    const escalations = r.skype!.metrics.imEscalations!.mean;
    const answered = r.byType.im!.answered!.mean;
    expect(escalations / answered).toBeGreaterThan(0.25);
    expect(escalations / answered).toBeLessThan(0.35);
    // every escalation is one offered call of type esc, which has (almost) no arrivals of its own; a session that
    // arrived before the horizon may escalate after it, when its call is no longer counted
    expect(Math.abs(r.byType.esc!.offered!.mean - escalations) / escalations).toBeLessThan(0.02);
    expect(r.byType.esc!.answered!.mean).toBe(r.byType.esc!.offered!.mean);
  });
});

describe("the shipped Skype IM day (scenarios/skype-im.yaml)", () => {
  const tmp = tempFolders("skype-im");

  it("traces each escalated call with no event of its own, only the Conversation-ID of its IM session", () => {
    const trace = join(tmp(), "t.jsonl");
    const r = ccsim(["run", "scenarios/skype-im.yaml", "--replications", "1", "--set", "horizon=20m", "--trace", trace, "--json"]);
    expect(r.code).toBe(0);
    const lines = readFileSync(trace, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, string>);
    const escalated = lines.filter((l) => l.event === "EventQueued" && l.ConversationID !== undefined);
    expect(escalated.length).toBeGreaterThan(0);
    for (const e of escalated) {
      expect(e.type).toBe("im-voice");
      // the session it came from was established before, as an IM of its own ConnID
      const im = lines.find((l) => l.ConnID === e.ConversationID && l.event === "EventEstablished");
      expect(im?.type).toBe("chat-im");
      expect(Number(im!.t)).toBeLessThan(Number(e.t));
    }
    expect(lines.filter((l) => l.event === "EventQueued" && l.type === "service").every((l) => l.ConversationID === undefined)).toBe(true);
  });
});

describe("IM suppression (IM Suppression)", () => {
  const CHAT = (target: string) =>
    SKYPE("{ messages: 2 }") + `  - { type: web, site: hq, media: chat, arrivals: { rate: 1/min }, handleTime: 3m, target: "${target}" }\n`;

  it("refuses Skype IM and eServices chat on the same agents, with the guide's reason", () => {
    expect(errorOf(() => scenarioOf(CHAT("s > 0"))).message).toMatch(
      /traffic\[0\]\.target: agent group a would take Skype for Business IM \(im\) and eServices chat \(web\): "routing and reporting is not able to operate correctly/,
    );
  });

  it("accepts them on different agents", () => {
    const s = CHAT("w > 0").replace("skills: { s: 1 } }", "skills: { s: 1 } }\n  - { group: b, count: 1, capacity: desk, skills: { w: 1 } }");
    expect(scenarioOf(s).traffic.map((t) => t.media)).toEqual(["im", "voice", "chat"]);
  });
});
