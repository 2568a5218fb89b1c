// Building Asterisk voicemail (agents[].voicemail, traffic[].voicemail, sites[].mwi): each group's boxes and draws,
// the strategies' voicemail branches, and SIP Server's MWI subscriptions; wired to the SIP Server, the URSes and the
// T-Controller that call them.

import type { RandomStreams } from "../../kernel/random-stream.js";
import { sampler } from "../../kernel/distributions.js";
import type { Simulation } from "../../kernel/simulation.js";
import { DEFAULTS } from "../../scenario/defaults.js";
import type { MwiSpec, Scenario, TrafficSpec } from "../../scenario/types.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import { Mwi, Subscription, siteNode } from "../asterisk/mwi.js";
import type { Presence } from "../asterisk/presence.js";
import { Voicemail, type GroupVoicemail } from "../asterisk/voicemail.js";
import { VoicemailBox } from "../asterisk/voicemail-box.js";
import type { ComponentLoad } from "../cpu/component-load.js";
import type { Observer } from "../observer.js";
import type { Urs } from "../routing/urs.js";
import type { SipServer } from "../sip/sip-server.js";
import type { TController } from "../sip/t-controller.js";
import { STREAMS } from "../streams.js";

export interface VoicemailParts {
  readonly scenario: Scenario;
  readonly sim: Simulation;
  readonly observer: Observer;
  readonly groups: readonly AgentGroup[];
  readonly agents: readonly Agent[];
  readonly presence: Presence | null;
  readonly sipServer: SipServer;
  readonly tController: TController;
  readonly urs: readonly Urs[];
  readonly load: ComponentLoad | null;
  readonly streams: RandomStreams;
}

/** Voicemail and MWI (both null when no group has a box and no site subscribes); group by group, the streams
 *  voicemail, voicemailRecording, voicemailHandle. */
export function buildVoicemail(p: VoicemailParts): { voicemail: Voicemail | null; mwi: Mwi | null } {
  const { scenario, sim, observer, groups, streams } = p;
  const withBoxes = scenario.agents.some((g) => g.voicemail !== undefined);
  if (!withBoxes && !scenario.sites.some((s) => s.mwi !== undefined)) return { voicemail: null, mwi: null };
  const boxes: VoicemailBox[] = [];
  const perGroup: (GroupVoicemail | null)[] = groups.map((group) => {
    const spec = group.spec.voicemail;
    if (spec === undefined) return null;
    const own = spec.box === "group" ? [null] : group.agents;
    const mine = own.map((a) => {
      const b = new VoicemailBox(boxes.length, spec.box, group, a);
      boxes.push(b);
      return b;
    });
    return {
      group,
      boxes: mine,
      leaveMessage: spec.leaveMessage,
      leaves: streams.stream(STREAMS.voicemail(group.id)),
      recording: sampler(spec.recording, streams.stream(STREAMS.voicemailRecording(group.id))),
      handleTime: sampler(spec.handleTime, streams.stream(STREAMS.voicemailHandle(group.id))),
    };
  });
  // per agent: the box whose messages are its work (its own, or its group's)
  const boxOf: (VoicemailBox | null)[] = p.agents.map(() => null);
  for (const g of perGroup) {
    if (g === null) continue;
    g.group.agents.forEach((a, i) => (boxOf[a.index] = g.boxes[g.boxes[0]!.agent === null ? 0 : i]!));
  }

  // MWI: every extension of a site with mwi-extension-enable, every login box, one per member of a group's box
  const specs: MwiSpec[] = scenario.sites.map((s) => s.mwi ?? DEFAULTS.mwi);
  const extensions: Subscription[] = [];
  const onLogin: (Subscription | null)[] = [];
  for (const a of p.agents) {
    const node = siteNode(a.site);
    const box = boxOf[a.index]!;
    if (specs[a.site.index]!.extensionEnable && scenario.sites[a.site.index]!.pbx === "asterisk") {
      extensions.push(new Subscription(node, box?.kind === "extension" ? box : null));
    }
    onLogin.push(box !== null && box.kind !== "extension" ? new Subscription(node, box) : null);
  }
  const mwi = new Mwi({ sim, observer, specs, load: p.load, horizon: scenario.horizon, extensions, onLogin });
  p.tController.mwi = mwi;
  if (!withBoxes) return { voicemail: null, mwi };

  const branches = new Map<TrafficSpec, { box: VoicemailBox; after: number }>();
  for (const t of scenario.traffic) {
    if (t.voicemail === undefined) continue;
    const g = perGroup[scenario.agents.findIndex((x) => x.group === t.voicemail!.group)]!;
    branches.set(t, { box: g.boxes[0]!, after: t.voicemail.after });
  }
  const voicemail = new Voicemail({ sim, observer, presence: p.presence!, sipServer: p.sipServer, urs: p.urs, groups: perGroup, boxOf, branches, mwi });
  p.sipServer.voicemail = voicemail;
  for (const u of p.urs) u.voicemail = voicemail;
  return { voicemail, mwi };
}
