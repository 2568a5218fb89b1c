// Target classes: the agents a traffic type's skill expression picks, computed once because skills do not change.

import { compileSkillExpression, type SkillExpression } from "../../scenario/skill-expression.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import type { Site } from "../sip/topology.js";

export class TargetClass {
  /** members in agent index order */
  readonly members: Agent[] = [];
  /** agent index -> position in members, -1 when not a member */
  readonly localIndex: Int32Array;
  /** most-skilled score of each member: the sum of its levels on the skills the expression names */
  readonly scores: Float64Array;

  constructor(
    readonly index: number,
    readonly expression: SkillExpression,
    /** the calls' site, for sitex(GEO_LOCATION) */
    readonly callSite: Site,
    /** media index the calls need capacity for */
    readonly media: number,
    agents: readonly Agent[],
  ) {
    this.localIndex = new Int32Array(agents.length).fill(-1);
    for (const a of agents) {
      if (!a.group.rule.serves(media)) continue;
      if (!expression.matches(a.skills, a.site.id, callSite.id)) continue;
      this.localIndex[a.index] = this.members.length;
      this.members.push(a);
    }
    this.scores = Float64Array.from(this.members, (a) =>
      expression.skills.reduce((sum, s) => sum + (a.skills[s] ?? 0), 0),
    );
  }
}

/** One class per distinct (expression, call site when the expression depends on it, media). */
export function buildTargetClasses(
  wanted: readonly { target: string; site: Site; media: number }[],
  agents: readonly Agent[],
): { classes: TargetClass[]; classOf: TargetClass[]; ofAgent: TargetClass[][] } {
  const classes: TargetClass[] = [];
  const byKey = new Map<string, TargetClass>();
  const classOf = wanted.map((w) => {
    const expression = compileSkillExpression(w.target);
    const key = `${w.media}|${expression.usesGeoLocation ? w.site.id : ""}|${w.target}`;
    let cls = byKey.get(key);
    if (!cls) {
      cls = new TargetClass(classes.length, expression, w.site, w.media, agents);
      classes.push(cls);
      byKey.set(key, cls);
    }
    return cls;
  });
  // membership depends on the group alone (skills, site, capacity rule), so a group's agents share one list
  const ofGroup = new Map<AgentGroup, TargetClass[]>();
  const ofAgent = agents.map((a) => {
    let list = ofGroup.get(a.group);
    if (!list) ofGroup.set(a.group, (list = classes.filter((cls) => cls.localIndex[a.index]! >= 0)));
    return list;
  });
  return { classes, classOf, ofAgent };
}
