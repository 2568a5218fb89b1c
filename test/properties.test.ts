// Property-based tests (fast-check): random valid scenarios always run and keep the model's invariants; random
// mutations of valid files always end in a result or one clean line of bad input, never a crash or a hang.
//
// Bounded: every generated scenario is small (a few agents, at most half an hour), a mutated file runs only when the
// run's own estimate says it is small, and the seed is fixed so the suite is the same on every run (set
// CCSIM_FUZZ_SEED and CCSIM_FUZZ_SCALE to explore further). The whole file takes well under a minute.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { estimateCost } from "../src/experiment/cost.js";
import { runReplication } from "../src/experiment/replication.js";
import { AGENT_STATE_NAMES, AgentState, type AgentStateValue } from "../src/model/agents/agent-state.js";
import type { Agent } from "../src/model/agents/agent.js";
import type { Call, CallStateValue } from "../src/model/sip/call.js";
import { callStateName, mayMove } from "../src/model/sip/call-states.js";
import type { Observer } from "../src/model/observer.js";
import { DEFAULT_DN_METRICS } from "../src/metrics/tally.js";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { MEDIA, capacityMedia, type DefaultDnKind, type Scenario } from "../src/scenario/types.js";
import { ROOT } from "./helpers.js";

const SEED = Number(process.env.CCSIM_FUZZ_SEED ?? 20260521);
/** CCSIM_FUZZ_SCALE=10 runs ten times as many cases, to explore */
const SCALE = Number(process.env.CCSIM_FUZZ_SCALE ?? 1);

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Invariants, watched from outside the collector

/** every change of a call's state seen so far in this file, as "From -> To" */
const movesSeen = new Set<string>();

/** Watches the call's state from now on: each change must be one the call-state table (sip/call-states.ts) lists.
 *  The call's own `state` field becomes an accessor on this object only, so the model's code is untouched. */
function watchStates(call: Call, broken: string[]): void {
  let state = call.state;
  Object.defineProperty(call, "state", {
    get: () => state,
    set: (to: CallStateValue) => {
      if (to !== state) {
        movesSeen.add(`${callStateName(state)} -> ${callStateName(to)}`);
        if (!mayMove(state, to)) broken.push(`call ${call.id} moved from ${callStateName(state)} to ${callStateName(to)}, which the call-state table does not list`);
      }
      state = to;
    },
  });
}

interface Watch {
  readonly observer: Observer;
  /** what went wrong, in words; empty when every invariant held */
  readonly broken: string[];
  /** counted calls by how they ended, and those that never did */
  readonly ended: () => {
    offered: number; answered: number; abandoned: number; defaultRouted: number; defaultEnded: number; dropped: number; unfinished: number;
    /** of the default-routed: answered after (a Routing Point), abandoned after, treated, sent to the external number */
    defaultAnswered: number; defaultAbandoned: number; defaultTreated: number; defaultExternal: number; voicemail: number;
  };
}

function watch(now: () => number): Watch {
  const broken: string[] = [];
  let last = 0;
  const tick = (what: string) => {
    const t = now();
    if (t < last) broken.push(`${what} at ${t} after ${last}: time went back`);
    last = t;
  };
  const end = new Map<Call, string>();
  const counted = new Set<Call>();
  /** the calls router-timeout sent to the default DN, and which kind of DN it was */
  const defaulted = new Map<Call, DefaultDnKind>();
  /** what each agent holds by media index, as its load observations say */
  const loads = new Map<Agent, number[]>();
  const state = new Map<Agent, AgentStateValue>();
  const loadOf = (agent: Agent) => {
    let l = loads.get(agent);
    if (l === undefined) loads.set(agent, (l = [0, 0, 0, 0]));
    return l;
  };
  /** the agent's load fits one alternative of its capacity rule (checked at every load and state change); IM sessions
   *  and chats together within the chat maximum (IM takes chat's capacity, Instant Messaging Solution Guide) */
  const withinRule = (agent: Agent, when: string) => {
    const l = loadOf(agent);
    const held = (m: string, k: number) => (m === "chat" || m === "im" ? l[1]! + l[3]! : l[k]!);
    const fits = agent.group.rule.spec.alternatives.some((alt) => MEDIA.every((m, k) => held(m, k) <= (alt[capacityMedia(m)] ?? 0)));
    if (!fits) broken.push(`agent ${agent.index} holds [${l.join(", ")}] at ${now()} (${when}), beyond its rule ${JSON.stringify(agent.group.rule.spec.alternatives)}`);
  };
  const finish = (call: Call, how: string) => {
    const before = end.get(call);
    if (before !== undefined) broken.push(`call ${call.id} ended twice: ${before}, then ${how}`);
    end.set(call, how);
  };

  const observer: Observer = {
    arrival(call) {
      tick("arrival");
      if (call.counted) counted.add(call);
      watchStates(call, broken);
    },
    routeRequest: () => tick("routeRequest"),
    firstAttempt: () => tick("firstAttempt"),
    queued: () => tick("queued"),
    targetWidened(call) {
      tick("targetWidened");
      if (end.has(call)) broken.push(`call ${call.id}'s target widened after it ended (${end.get(call)})`);
    },
    reservationRequest: () => tick("reservationRequest"),
    reservationGrant: () => tick("reservationGrant"),
    reservationConflict: () => tick("reservationConflict"),
    routeCall: () => tick("routeCall"),
    routeFailure: () => tick("routeFailure"),
    ringing(call, agent) {
      tick("ringing");
      const s = state.get(agent);
      if (s === undefined || s === AgentState.LoggedOut || s === AgentState.NotReady) {
        broken.push(`call ${call.id} rang agent ${agent.index}, who was ${s === undefined ? "never logged in" : AGENT_STATE_NAMES[s]}`);
      }
      withinRule(agent, "ringing");
    },
    noAnswer: () => tick("noAnswer"),
    answered(call) {
      tick("answered");
      finish(call, "answered");
    },
    released(call) {
      tick("released");
      if (end.get(call) !== "answered") broken.push(`call ${call.id} released without being answered`);
    },
    imMessage: () => tick("imMessage"),
    imEscalated: () => tick("imEscalated"),
    abandoned(call) {
      tick("abandoned");
      finish(call, "abandoned");
    },
    defaultRouted(call, dn) {
      tick("defaultRouted");
      if (defaulted.has(call)) broken.push(`call ${call.id} sent to the default DN twice`);
      defaulted.set(call, dn);
      // reject and external end the call; a Routing Point routes it on, a Trunk Group treats it first
      if (dn === "reject" || dn === "external") finish(call, dn);
    },
    treated(call) {
      tick("treated");
      if (defaulted.get(call) !== "trunkGroup") broken.push(`call ${call.id} treated without being sent to a Trunk Group`);
      finish(call, "treated");
    },
    dropped(call, _fault, established) {
      tick("dropped");
      if (!established) finish(call, "dropped");
    },
    lostRequest: () => tick("lostRequest"),
    heldByConnector: () => tick("heldByConnector"),
    fault: () => tick("fault"),
    dnService: () => tick("dnService"),
    ownerChanged: () => tick("ownerChanged"),
    gwsConnected: () => tick("gwsConnected"),
    agentState(agent, from, to) {
      tick("agentState");
      const known = state.get(agent) ?? AgentState.LoggedOut;
      if (from !== known) broken.push(`agent ${agent.index} left state ${from} but was in ${known}`);
      if (from === to) broken.push(`agent ${agent.index} changed from ${from} to itself`);
      state.set(agent, to);
      withinRule(agent, `state ${AGENT_STATE_NAMES[to]}`);
      if (to === AgentState.Ready && loadOf(agent).some((n) => n !== 0)) broken.push(`agent ${agent.index} Ready while holding interactions`);
      if (to === AgentState.LoggedOut && loadOf(agent).some((n) => n !== 0)) broken.push(`agent ${agent.index} logged out while holding interactions`);
    },
    agentLoad(agent, media, count) {
      tick("agentLoad");
      const l = loadOf(agent);
      if (Math.abs(count - l[media]!) !== 1) broken.push(`agent ${agent.index}'s media ${media} went from ${l[media]} to ${count}`);
      l[media] = count;
      if (count < 0) broken.push(`agent ${agent.index} holds ${count} of media ${media}`);
      withinRule(agent, "load change");
    },
    componentServed: () => tick("componentServed"),
    privateCallStarted(agent) {
      tick("privateCallStarted");
      if (loadOf(agent)[0]! > 0 && agent.state !== AgentState.AfterCallWork) broken.push(`agent ${agent.index} began a private call on a voice call`);
    },
    privateCallEnded: () => tick("privateCallEnded"),
    presenceNotify: () => tick("presenceNotify"),
    conferenceAllocated: () => tick("conferenceAllocated"),
    conferenceCreated: () => tick("conferenceCreated"),
    mediaPortTaken(pool) {
      tick("mediaPortTaken");
      if (pool.busy > pool.capacity) broken.push(`site ${pool.site}'s media ports: ${pool.busy} busy of ${pool.capacity}`);
    },
    mediaPortFreed(pool) {
      tick("mediaPortFreed");
      if (pool.busy < 0) broken.push(`site ${pool.site}'s media ports: ${pool.busy} busy`);
    },
    mediaPortRefused: () => tick("mediaPortRefused"),
    voicemailReached(call) {
      tick("voicemailReached");
      finish(call, "voicemail");
    },
    messageLeft: () => tick("messageLeft"),
    messageTaken(agent) {
      tick("messageTaken");
      if (loadOf(agent).some((n) => n !== 0)) broken.push(`agent ${agent.index} took a voice message while holding interactions`);
    },
    messageHandled: () => tick("messageHandled"),
    mwiSubscribe: () => tick("mwiSubscribe"),
    mwiNotify: () => tick("mwiNotify"),
  };
  const ended = () => {
    const out = {
      offered: counted.size, answered: 0, abandoned: 0, defaultRouted: 0, defaultEnded: 0, dropped: 0, unfinished: 0,
      defaultAnswered: 0, defaultAbandoned: 0, defaultTreated: 0, defaultExternal: 0, voicemail: 0,
    };
    for (const c of counted) {
      const how = end.get(c);
      const dn = defaulted.get(c);
      if (dn !== undefined) out.defaultRouted++;
      if (how === "answered") out.answered++;
      else if (how === "abandoned") out.abandoned++;
      else if (how === "reject" || how === "external" || how === "treated") out.defaultEnded++;
      else if (how === "dropped") out.dropped++;
      else if (how === "voicemail") out.voicemail++;
      else out.unfinished++;
      if (dn === undefined) continue;
      if (how === "answered") out.defaultAnswered++;
      else if (how === "abandoned") out.defaultAbandoned++;
      else if (how === "treated") out.defaultTreated++;
      else if (how === "external") out.defaultExternal++;
    }
    return out;
  };
  return { observer, broken, ended };
}

/** Runs one replication with the watch beside the collector; returns what broke (empty when nothing did). */
function runWatched(s: Scenario): string[] {
  let w: Watch | undefined;
  let sim: { now: number } | undefined;
  const result = runReplication(s, s.seed, 0, {
    observers: (simulation) => {
      sim = simulation;
      w = watch(() => simulation.now);
      return [w.observer];
    },
  });
  const broken = [...w!.broken];
  const m = result.metrics;
  const e = w!.ended();
  // the collector's terminal counts, against our own count of how each counted call ended
  for (const k of ["offered", "answered", "abandoned", "defaultRouted", "unfinished"] as const) {
    if (m[k] !== e[k]) broken.push(`${k}: collector ${m[k]}, watched ${e[k]}`);
  }
  if ((m.dropped ?? 0) !== e.dropped) broken.push(`dropped: collector ${m.dropped}, watched ${e.dropped}`);
  // the default DN's own counts, where the scenario's kind of default DN has them
  for (const k of DEFAULT_DN_METRICS[s.routing.defaultRoute.kind]) {
    if (m[k] !== e[k]) broken.push(`${k}: collector ${m[k]}, watched ${e[k]}`);
  }
  if (e.offered !== e.answered + e.abandoned + e.defaultEnded + e.dropped + e.voicemail + e.unfinished) broken.push("offered is not the sum of its ends");
  // the counted calls sent to a voicemail box, against the voicemail part's count
  if (result.voicemail !== undefined && result.voicemail.calls !== e.voicemail) {
    broken.push(`voicemail calls: collector ${result.voicemail.calls}, watched ${e.voicemail}`);
  }
  if (m.reservationConflicts! > m.reservationRequests!) broken.push("more conflicts than reservation requests");
  if (m.reservationGrants! + m.reservationConflicts! > m.reservationRequests!) broken.push("more answers than reservation requests");
  if (m.routingFailures! > m.routingAttempts!) broken.push("more routing failures than attempts");
  for (const k of ["serviceLevel", "probWait", "abandonRate", "occupancy", "conflictRate"] as const) {
    const v = m[k]!;
    if (!(v >= 0 && v <= 1 + 1e-12)) broken.push(`${k} = ${v}, outside [0, 1]`);
  }
  if (sim === undefined) broken.push("no simulation");
  return broken;
}

// ---------------------------------------------------------------------------------------------------------------
// Random valid scenarios

const SKILLS = ["sales", "billing", "spanish"] as const;
const duration = (max: number) => fc.integer({ min: 0, max }).map((ms) => `${ms}ms`);
const dist = fc.oneof(
  fc.integer({ min: 5, max: 300 }).map((s) => `${s}s`),
  fc.integer({ min: 5, max: 300 }).map((s) => ({ dist: "exponential", mean: `${s}s` })),
  fc.tuple(fc.integer({ min: 5, max: 300 }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(([m, cv]) => ({ dist: "gamma", mean: `${m}s`, cv })),
  fc.tuple(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 1, max: 300 })).map(([m, sd]) => ({ dist: "lognormal", mean: `${m}s`, sd: `${sd}s` })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({ dist: "uniform", min: `${Math.min(a, b)}s`, max: `${Math.max(a, b)}s` })),
);

const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1000 }),
    horizonMin: fc.integer({ min: 5, max: 30 }),
    sites: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    mode: fc.constantFrom("node-based", "centralized", "grouped"),
    nodesPerUrs: fc.integer({ min: 1, max: 2 }),
    environment: fc.constantFrom("none", "sitex"),
    selection: fc.constantFrom("longest-idle", "random", "most-skilled", "round-robin"),
    reservation: fc.constantFrom("explicit", "implicit", "none"),
    collectionTime: duration(500),
    proxy: fc.constantFrom("round-robin", "least-loaded"),
    network: fc.record({ intraSite: duration(5), interSite: duration(80), statDelay: duration(20) }),
    strategyTime: duration(50),
    groups: fc.array(
      fc.record({
        site: fc.nat(),
        count: fc.integer({ min: 1, max: 4 }),
        staffing: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        skills: fc.subarray([...SKILLS], { minLength: 1 }),
        level: fc.integer({ min: 1, max: 5 }),
        answerDelay: fc.option(dist, { nil: undefined }),
        noAnswer: fc.constantFrom(0, 0, 0.1, 0.5),
        wrapUp: fc.option(dist, { nil: undefined }),
        rule: fc.constantFrom("voice", "blended", "mixed", "mixed"),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    types: fc.array(
      fc.record({
        site: fc.nat(),
        perMinute: fc.integer({ min: 1, max: 30 }),
        profile: fc.option(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        handleTime: dist,
        patience: fc.option(dist, { nil: undefined }),
        skill: fc.nat(),
        priority: fc.integer({ min: 0, max: 3 }),
        media: fc.constantFrom("voice", "voice", "chat", "email", "im"),
        messages: fc.integer({ min: 1, max: 6 }),
        treatment: fc.option(fc.tuple(duration(20000), duration(20000), fc.constantFrom("proceed", "end")), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    faults: fc.array(
      fc.record({
        atPct: fc.integer({ min: 0, max: 99 }),
        kind: fc.constantFrom(
          "node-down", "node-lost", "link-down", "urs-down", "urs-switchover", "proxy-down", "vq-down", "site-down",
          "statserver-down", "interaction-server-down",
        ),
        a: fc.nat(),
        b: fc.nat(),
        bySite: fc.boolean(),
        durationS: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    failover: fc.boolean(),
    standalone: fc.boolean(),
    otherNode: fc.boolean(),
    // the default DN: reject most often, then each of the guide's other three
    defaultRoute: fc.constantFrom("reject", "reject", "external", "trunkGroup", "routingPoint"),
    treatment: dist,
    autoRestore: fc.boolean(),
    tc: duration(5000),
    // the component load model: off, on with the defaults, with Smart Proxy, or with a Stat Server slow enough to
    // saturate (views go stale, queues grow)
    components: fc.constantFrom(undefined, undefined, {}, { smartProxy: true }, { statServer: { event: "900ms" } }),
  })
  .map((r) => {
    const siteIds = r.sites.map((_, i) => `dc${i + 1}`);
    const horizon = r.horizonMin * 60;
    const groups = r.groups.map((g, i) => {
      const staffed = g.staffing !== undefined && g.staffing.some((c) => c > 0);
      return {
        group: `g${i}`,
        site: siteIds[g.site % siteIds.length],
        ...(staffed ? { staffing: { period: `${Math.ceil(horizon / g.staffing!.length)}s`, counts: g.staffing } } : { count: g.count }),
        skills: Object.fromEntries(g.skills.map((s) => [s, g.level])),
        ...(g.answerDelay === undefined ? {} : { answerDelay: g.answerDelay }),
        noAnswer: g.noAnswer,
        noAnswerTimeout: "8s",
        noAnswerNotReady: "20s",
        ...(g.wrapUp === undefined ? {} : { wrapUp: g.wrapUp }),
        // implicit reservation does not support blended or multimedia agents (refused): its centers are voice only
        capacity: r.reservation === "implicit" ? "voice" : g.rule,
      };
    });
    const skillsHeld = [...new Set(r.groups.flatMap((g) => g.skills))];
    const traffic = r.types.map((t0, i) => {
      const t = r.reservation === "implicit" ? { ...t0, media: "voice" as const } : t0;
      const withRate = t.profile === undefined || !t.profile.some((x) => x > 0);
      return {
        type: `t${i}`,
        site: siteIds[t.site % siteIds.length],
        arrivals: withRate
          ? { rate: `${t.perMinute}/min` }
          : { period: `${Math.ceil(horizon / t.profile!.length)}s`, rates: t.profile!.map((x) => `${x}/min`) },
        handleTime: t.handleTime,
        ...(t.patience === undefined ? {} : { patience: t.patience }),
        target: skillsHeld[t.skill % skillsHeld.length],
        priority: t.priority,
        // IM lives on standalone SIP Servers only; elsewhere the type is a chat
        ...(t.media === "im" && !r.standalone ? { media: "chat" } : { media: t.media }),
        ...(t.media === "im" && r.standalone
          ? {
              handleTime: undefined,
              im: {
                messages: t.messages,
                gap: t.handleTime,
                idleTimeout: "2m",
                treatments: t.treatment === undefined ? [] : [{ collectDigits: { totalTimeout: t.treatment[0], reply: t.treatment[1], onTimeout: t.treatment[2] } }],
              },
            }
          : {}),
      };
    });
    return {
      seed: r.seed,
      replications: 1,
      horizon: `${r.horizonMin}m`,
      interval: "5m",
      topology: r.standalone ? "standalone" : "cluster",
      capacityRules: {
        blended: [{ voice: 1 }, { chat: 3 }],
        mixed: [{ voice: 1 }, { chat: 2, email: 1 }, { email: 3 }, { chat: 3 }],
      },
      sites: r.sites.map((nodes, i) => ({
        id: siteIds[i],
        nodes: r.standalone ? 1 : nodes,
        ...(r.failover && siteIds.length > 1 ? { failover: siteIds[(i + 1) % siteIds.length] } : {}),
      })),
      network: r.network,
      routing: {
        mode: r.mode,
        ...(r.mode === "grouped" ? { nodesPerUrs: r.nodesPerUrs } : {}),
        environment: r.environment,
        selection: r.selection,
        reservation: { mode: r.reservation, collectionTime: r.collectionTime },
        strategyTime: r.strategyTime,
        proxy: r.proxy,
        // the URS pairs' backups on another node need every site to have one
        ...(r.otherNode && !r.standalone && r.sites.every((n) => n >= 2) ? { ursBackup: "other-node" } : {}),
        // a default strategy that any agent with a skill may take
        defaultRoute:
          r.defaultRoute === "trunkGroup" ? { trunkGroup: { treatment: r.treatment } } :
          r.defaultRoute === "routingPoint" ? { routingPoint: { target: skillsHeld.join(" | ") } } :
          r.defaultRoute,
      },
      agents: groups,
      traffic,
      ha: { tcReconnectTimeout: r.tc, agentStateAutoRestore: r.autoRestore, registrationDelay: "60s", loginDelay: "10s" },
      faults: faultsOf({ ...r, sites: r.standalone ? r.sites.map(() => 1) : r.sites }, siteIds, horizon, traffic),
      ...(r.components === undefined ? {} : { components: r.components }),
    };
  });

/** Random faults on the random deployment (those the loader would refuse are left out: vq-down needs explicit
 *  reservation, a link needs two different ends, statserver-down a node a URS pair is placed on, and
 *  interaction-server-down a site with chat or email). */
function faultsOf(
  r: {
    faults: { atPct: number; kind: string; a: number; b: number; bySite: boolean; durationS?: number }[];
    sites: number[];
    reservation: string;
    mode: string;
    nodesPerUrs: number;
  },
  siteIds: string[],
  horizon: number,
  traffic: readonly { site: string | undefined; media: string }[],
): object[] {
  const nodeIds = r.sites.flatMap((n, i) => Array.from({ length: n }, (_, k) => `${siteIds[i]}.n${k + 1}`));
  const per = (n: number) => (r.mode === "node-based" ? 1 : r.mode === "centralized" ? n : r.nodesPerUrs);
  const placed = r.sites.flatMap((n, i) => Array.from({ length: n }, (_, k) => k).filter((k) => k % per(n) === 0).map((k) => `${siteIds[i]}.n${k + 1}`));
  const ixnSites = siteIds.filter((id) => traffic.some((t) => t.site === id && (t.media === "chat" || t.media === "email")));
  const out: object[] = [];
  for (const f of r.faults) {
    const at = `${Math.floor((horizon * f.atPct) / 100)}s`;
    const duration = f.durationS === undefined ? {} : { duration: `${f.durationS}s` };
    if (f.kind === "link-down") {
      const ids = f.bySite ? siteIds : nodeIds;
      const a = ids[f.a % ids.length]!;
      const b = ids[f.b % ids.length]!;
      if (a !== b) out.push({ at, kind: f.kind, between: [a, b], ...duration });
    } else if (f.kind === "vq-down" || f.kind === "site-down" || f.kind === "proxy-down") {
      if (f.kind === "vq-down" && r.reservation !== "explicit") continue;
      out.push({ at, kind: f.kind, target: siteIds[f.a % siteIds.length], ...duration });
    } else if (f.kind === "statserver-down") {
      out.push({ at, kind: f.kind, target: placed[f.a % placed.length], ...duration });
    } else if (f.kind === "interaction-server-down") {
      if (ixnSites.length > 0) out.push({ at, kind: f.kind, target: ixnSites[f.a % ixnSites.length], ...duration });
    } else if (f.kind === "urs-switchover") {
      // one instant: it takes no duration
      out.push({ at, kind: f.kind, target: nodeIds[f.a % nodeIds.length] });
    } else {
      out.push({ at, kind: f.kind, target: nodeIds[f.a % nodeIds.length], ...duration });
    }
  }
  return out;
}

describe("random valid scenarios", () => {
  it("load, run, and keep every invariant: each call ends once, no agent over capacity, time never goes back", () => {
    let ran = 0;
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        let s: Scenario;
        try {
          s = loadScenario({ text: JSON.stringify(raw), file: "random.json" });
        } catch (e) {
          // sitex with a target no agent of the call's site has is refused by the loader, rightly: not a run
          // and so is a chat, email or IM type whose agents' capacity rules have no room for it
          if (e instanceof InputError && /no agent group matches|have no capacity for|matches no agent group with room for/.test(e.message)) return true;
          throw e;
        }
        const broken = runWatched(s);
        ran++;
        expect(broken, JSON.stringify(raw)).toEqual([]);
        return true;
      }),
      { seed: SEED, numRuns: 600 * SCALE },
    );
    expect(ran).toBeGreaterThan(400 * SCALE);
    // the default DNs' own ways: a Trunk Group's treatment, and a Routing Point's strategy routing the call on
    for (const move of ["Stranded -> Treatment", "Stranded -> Routing", "Treatment -> Done"]) expect([...movesSeen], move).toContain(move);
  }, 400_000); // 600 random scenarios: ~50 s alone, several times that on a shared, loaded 2-core machine
});

describe("every shipped scenario", () => {
  const shipped = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).sort();
  for (const f of shipped) {
    it(`${f}: no agent ever holds more than its capacity rule allows, checked at every load and state change`, () => {
      const s = loadScenario({ file: join(ROOT, "scenarios", f) });
      expect(runWatched(s)).toEqual([]);
    });
  }
  it("between them, the shipped scenarios move calls along most of the call-state table, faults' ways included", () => {
    // the tests above ran first (vitest runs a file's tests in order) and every move they saw is in the table
    for (const move of [
      "Routing -> Waiting", "Routing -> Reserving", "Routing -> Treatment", "Routing -> Stranded", "Waiting -> Reserving",
      "Reserving -> Delivering", "Delivering -> Ringing", "Ringing -> Talking", "Talking -> Done", "Waiting -> Done",
      "Stranded -> Done", "Treatment -> Routing",
    ]) {
      expect([...movesSeen], move).toContain(move);
    }
  });
});

describe("the behaviours of docs/behaviours.md", () => {
  it("shrinkage by period, a maximum occupancy and targets that widen, in a cluster with conflicts, chat and a URS down, keep every invariant", () => {
    const s = loadScenario({
      file: "behaviours.yaml",
      text: `
seed: 4
horizon: 2h
sites: [ { id: dc1, nodes: 2 }, { id: dc2, nodes: 2 } ]
routing: { mode: node-based, reservation: { mode: explicit } }
capacityRules: { blended: [ { voice: 1 }, { chat: 2 } ] }
agents:
  - { group: experts, site: dc1, staffing: { period: 30m, counts: [6, 8, 8, 5] }, shrinkage: [0.2, 0.25, 0, 0.4], maxOccupancy: 0.8, capacity: blended, skills: { sales: 9, chat: 1 }, wrapUp: 10s }
  - { group: juniors, site: dc2, count: 6, shrinkage: 0.3, maxOccupancy: 0.9, capacity: blended, skills: { sales: 2, chat: 1 }, noAnswer: 0.1 }
traffic:
  - { type: sales, site: dc1, arrivals: { rate: 5/min }, handleTime: { dist: exponential, mean: 2m }, patience: { dist: exponential, mean: 2m },
      target: [ { target: "sales > 5" }, { target: "sales > 1", after: 10s }, { target: "sales > 0", after: 40s } ] }
  - { type: chat, site: dc2, media: chat, arrivals: { rate: 1/min }, handleTime: 4m, target: [ { target: "chat > 0 & sales > 5" }, { target: "chat > 0", after: 20s } ] }
faults:
  - { at: 40m, kind: urs-down, target: dc1.n1, duration: 10m }
`,
    });
    expect(runWatched(s)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Mutations of valid files

const TOKENS = [
  "1e309", "-1e309", ".nan", ".inf", "-1", "0", "-0", "999999999999", "1e-320", "0x10", "[", "]", "{", "}", ":", ": ", "- ",
  "\t", "&a ", "*a", "<<: *a", "!!binary ", "!!str ", "? ", "~", "null", '"', "'", "#", "|", ">", ",", "\u0000", "\ufffd",
  "\u202e", "%YAML 1.1\n", "---\n", "...\n", "8h", "1h30m", "20/min", "sitex(GEO_LOCATION)", "(", ")", "&", "|", "!", "\\",
];

const FILES = [
  ...readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "scenarios", f)),
  ...readdirSync(join(ROOT, "test", "fixtures", "good")).map((f) => join(ROOT, "test", "fixtures", "good", f)),
];

type Mutation = (text: string) => string;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([at, tok]) => (t: string) => t.slice(0, at % (t.length + 1)) + tok + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, n]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const lines = t.split("\n");
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join("\n");
  }),
  fc.nat().map((a) => (t: string) => {
    const lines = t.split("\n");
    const i = a % lines.length;
    lines.splice(i, 0, lines[i]!);
    return lines.join("\n");
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([a, d]) => (t: string) => {
    const lines = t.split("\n");
    const i = a % lines.length;
    lines[i] = d > 0 ? " ".repeat(d) + lines[i] : lines[i]!.slice(-d);
    return lines.join("\n");
  }),
  // a number scaled up or down: counts, rates and durations out of all proportion
  fc.tuple(fc.nat(), fc.constantFrom("000", "00000000", "e30", ".0000001")).map(([a, suffix]) => (t: string) => {
    const numbers = [...t.matchAll(/\d+(?:\.\d+)?/g)];
    if (numbers.length === 0) return t;
    const m = numbers[a % numbers.length]!;
    const end = m.index! + m[0].length;
    return t.slice(0, end) + suffix + t.slice(end);
  }),
  fc.nat().map((a) => (t: string) => t.slice(0, a % (t.length + 1))),
);

/** How a mutated file ends: loaded and ran, or one line of bad input; anything else is thrown for fast-check. */
function loadAndRun(file: string, text: string): "ran" | "refused" | "too big to run here" {
  let s: Scenario;
  try {
    s = loadScenario({ file, text });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).not.toMatch(/^\s+at |Error:/m);
    return "refused";
  }
  // the CLI refuses (memory) or warns (time) before a run like this; a fuzz case does not wait for it
  const cost = estimateCost(s, 1);
  // (and a mutated node count: every state change reaches every URS's Stat Server view, a cost the estimate leaves out,
  // so a node-based cluster of 2,000 nodes runs a minute a replication while it estimates a second)
  if (cost.bytes > 3e8 || cost.callsPerReplication + cost.privateCallAttempts > 20_000 || cost.agents > 2_000 || cost.urs > 64 || s.horizon / s.interval > 5_000) {
    return "too big to run here";
  }
  runReplication(s, s.seed, 0);
  return "ran";
}

describe("mutated scenario files", () => {
  const sources = FILES.map((f) => ({ file: f, text: readFileSync(f, "utf8") }));

  it("end in a result or one clean line of bad input, never a crash", () => {
    const seen = { ran: 0, refused: 0, "too big to run here": 0 };
    fc.assert(
      fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
        const { file, text } = sources[pick % sources.length]!;
        const mutated = mutations.reduce((t, m) => m(t), text);
        // the case in hand, for when a crash takes the process with it
        if (process.env.CCSIM_FUZZ_LOG) writeFileSync(process.env.CCSIM_FUZZ_LOG, `${file}\n${mutated}`);
        seen[loadAndRun(file, mutated)]++;
      }),
      { seed: SEED, numRuns: 2000 * SCALE },
    );
    // the mutations reach both sides: some files still run, most are refused
    expect(seen.ran).toBeGreaterThan(100 * SCALE);
    expect(seen.refused).toBeGreaterThan(700 * SCALE);
  });

  it("mutated traces end in a replay or one line naming the trace's line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-fuzz-trace-"));
    made.push(dir);
    const csv = readFileSync(join(ROOT, "scenarios", "example-trace.csv"), "utf8").split("\n").slice(0, 60).join("\n") + "\n";
    const yaml = readFileSync(join(ROOT, "scenarios", "example-trace.yaml"), "utf8").replace(/horizon: 8h/, "horizon: 30m");
    const file = join(dir, "s.yaml");
    let placed = 0;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        writeFileSync(join(dir, "example-trace.csv"), mutations.reduce((t, m) => m(t), csv));
        let s: Scenario;
        try {
          s = loadScenario({ file, text: yaml });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.message).not.toMatch(/\n/);
          if (/example-trace\.csv:\d+:\d+: /.test(e.message)) placed++;
          return;
        }
        runReplication(s, s.seed, 0);
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
    expect(placed).toBeGreaterThan(100 * SCALE);
  });

  it("through the real command line too: exit 0 or 2, one line on stderr a problem, within a time limit", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-fuzz-"));
    made.push(dir);
    const cases = fc.sample(fc.tuple(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 2 })), { seed: SEED, numRuns: 8 });
    cases.forEach(([pick, mutations], k) => {
      const { file, text } = sources[pick % sources.length]!;
      const path = join(dir, `case-${k}.yaml`);
      writeFileSync(path, mutations.reduce((t, m) => m(t), text));
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "ccsim.js"), "run", path, "--replications", "1", "--quiet", "--set", "horizon=20m", "--set", "warmup=0"], {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, CCSIM_DEBUG: "" },
      });
      const what = `${file} mutated (case-${k}.yaml): ${r.stderr}`;
      expect(r.signal, what).toBeNull();
      expect([0, 2], what).toContain(r.status);
      expect(r.stderr, what).not.toMatch(/internal error|^\s+at /m);
      // one line a problem: several when a mutation made several of one kind, each `where: what` (at most ten, and a count)
      if (r.status === 2) {
        const lines = r.stderr.trim().split("\n");
        const listed = lines.at(-1)!.startsWith("(and ") ? lines.slice(0, -1) : lines;
        expect(listed.length, what).toBeLessThanOrEqual(10);
        for (const l of listed) expect(l, what).toMatch(/^\S.*: /);
      }
    });
  });
});
