// Capacity rules: an agent can take one more interaction of media m if its load plus one m fits one alternative.
// Fixed loads, exact answers.

import { describe, expect, it } from "vitest";
import { AgentState } from "../src/model/agents/agent-state.js";
import { CapacityRule, MEDIA_INDEX } from "../src/model/agents/capacity-rule.js";
import { Load, Phase } from "../src/model/agents/agent-load.js";
import type { CapacityAlternative } from "../src/scenario/types.js";

const { voice, chat, email, im } = MEDIA_INDEX;
const rule = (...alternatives: CapacityAlternative[]) => new CapacityRule({ name: "r", alternatives });
/** a load as counts by media index: [voice, chat, email, im] */
const load = (v: number, c = 0, e = 0, i = 0) => [v, c, e, i];

describe("capacity rule arithmetic", () => {
  const blended = rule({ voice: 1 }, { chat: 3 }, { chat: 2, email: 1 });

  it("an idle agent can take any media one of the alternatives has", () => {
    expect(blended.allows(load(0), voice)).toBe(true);
    expect(blended.allows(load(0), chat)).toBe(true);
    expect(blended.allows(load(0), email)).toBe(true);
    // IM takes chat's capacity (Instant Messaging Solution Guide)
    expect(blended.allows(load(0), im)).toBe(true);
  });

  it("an agent busy on two chats may take a third chat, or an email, and not voice", () => {
    expect(blended.allows(load(0, 2), chat)).toBe(true);
    expect(blended.allows(load(0, 2), email)).toBe(true);
    expect(blended.allows(load(0, 2), voice)).toBe(false);
  });

  it("three chats fill the agent; two chats and an email too", () => {
    for (const m of [voice, chat, email, im]) {
      expect(blended.allows(load(0, 3), m)).toBe(false);
      expect(blended.allows(load(0, 2, 1), m)).toBe(false);
    }
  });

  it("one chat and one email leave room for one more chat only", () => {
    expect([voice, chat, email, im].map((m) => blended.allows(load(0, 1, 1), m))).toEqual([false, true, false, true]);
  });

  it("a voice call takes the whole agent", () => {
    expect([voice, chat, email, im].map((m) => blended.allows(load(1), m))).toEqual([false, false, false, false]);
  });

  it("an alternative with several media lets them mix up to each maximum", () => {
    const mixed = rule({ voice: 1, chat: 1 }, { chat: 2 });
    expect(mixed.allows(load(1), chat)).toBe(true);
    expect(mixed.allows(load(0, 1), voice)).toBe(true);
    expect(mixed.allows(load(1, 1), chat)).toBe(false);
    expect(mixed.allows(load(0, 1), chat)).toBe(true);
  });

  it("the availability mask says exactly what allows says, for every load up to the maxima", () => {
    const rules = [blended, rule({ voice: 1, chat: 1 }, { chat: 2 }), rule({ chat: 4 }), rule({ email: 2 }, { voice: 1, email: 1 })];
    for (const r of rules) {
      for (let v = 0; v <= 2; v++)
        for (let c = 0; c <= 4; c++)
          for (let e = 0; e <= 2; e++)
            for (let i = 0; i <= 5; i++) {
              const l = load(v, c, e, i);
              const mask = r.maskFor(l);
              for (const m of [voice, chat, email, im]) expect(((mask >> m) & 1) === 1, `${l} ${m}`).toBe(r.allows(l, m));
            }
    }
  });

  it("the built-in voice rule holds one interaction at most: an idle agent takes voice, a busy one nothing", () => {
    const voiceOnly = rule({ voice: 1 });
    expect(voiceOnly.single).toBe(true);
    expect(voiceOnly.idleMask).toBe(1 << voice);
    expect(blended.single).toBe(false);
    expect(blended.idleMask).toBe((1 << voice) | (1 << chat) | (1 << email) | (1 << im));
  });

  it("serves names the media an idle agent could ever take", () => {
    expect([voice, chat, email, im].map((m) => blended.serves(m))).toEqual([true, true, true, true]);
  });

  it("IM counts as chat: \"The name of the capacity rule mediatype for handling IM is chat\", so IM sessions and chats share an agent's chat capacity", () => {
    const desk = rule({ chat: 3 });
    expect(desk.allows(load(0, 2, 0, 0), im)).toBe(true);
    expect(desk.allows(load(0, 2, 0, 1), chat)).toBe(false);
    expect(desk.allows(load(0, 1, 0, 2), im)).toBe(false);
    expect(desk.allows(load(0, 0, 0, 2), chat)).toBe(true);
    expect(desk.maskFor(load(0, 1, 0, 2))).toBe(0);
    expect(desk.maskFor(load(0, 1, 0, 1))).toBe((1 << chat) | (1 << im));
  });
});

describe("an agent's load", () => {
  it("counts interactions by media and phase, and shows the state its work gives", () => {
    const l = new Load();
    l.take(chat);
    expect(l.workState()).toBe(AgentState.Ringing);
    l.answer();
    l.take(chat);
    l.answer();
    l.take(email);
    expect(l.workState()).toBe(AgentState.Ringing);
    l.answer();
    expect(l.workState()).toBe(AgentState.Busy);
    l.wrap();
    l.drop(chat, Phase.Talking);
    l.drop(chat, Phase.Talking);
    expect(l.workState()).toBe(AgentState.AfterCallWork);
    expect([...l.count]).toEqual([0, 0, 1, 0]);
    l.drop(email, Phase.Wrapping);
    expect(l.total).toBe(0);
    expect(l.workState()).toBe(AgentState.Ready);
  });
});
