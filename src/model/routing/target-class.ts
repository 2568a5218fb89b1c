// Target classes: the agents a traffic type's skill expression picks, computed once because skills do not change.
// An expression with sitex(...) looks at the agent's location, its DN owner's site, which a failure can move: such a
// class keeps every agent it may come to hold and marks which of them it holds now (relocate()).

import { compileSkillExpression, type SkillExpression } from "../../scenario/skill-expression.js";
import type { Agent, AgentGroup } from "../agents/agent.js";
import type { Site } from "../sip/topology.js";

/** Where the agent is for sitex(...): its DN owner's site ("DN ownership defines the agent location", SIP Cluster
 *  Solution Guide, Reservation Based on Agent Location); its own site for an agent with no DN owner. */
function locationOf(agent: Agent): Site {
  return agent.owner === null ? agent.site : agent.owner.site;
}

export class TargetClass {
  /** members in agent index order: the agents it holds, and for a class on the agents' location those it may hold
   *  after their DN's owner moves to another site */
  readonly members: Agent[] = [];
  /** agent index -> position in members, -1 when not a member */
  readonly localIndex: Int32Array;
  /** most-skilled score of each member: the sum of its levels on the skills the expression names */
  readonly scores: Float64Array;
  /** per member, 1 while the class holds it (always, unless the expression looks at the agent's location) */
  readonly holds: Uint8Array;
  /** the expression names sitex(...): membership follows the agents' location */
  readonly located: boolean;

  constructor(
    readonly index: number,
    readonly expression: SkillExpression,
    /** the calls' site, for sitex(GEO_LOCATION) */
    readonly callSite: Site,
    /** media index the calls need capacity for */
    readonly media: number,
    agents: readonly Agent[],
    /** the sites an owned DN may move to (none when no failure can move one) */
    movesTo: readonly Site[],
  ) {
    this.located = expression.usesGeoLocation || expression.sitesNamed.length > 0;
    const holds: number[] = [];
    this.localIndex = new Int32Array(agents.length).fill(-1);
    for (const a of agents) {
      if (!a.group.rule.serves(media)) continue;
      const now = this.matches(a, locationOf(a));
      if (!now && !(this.located && a.owner !== null && movesTo.some((s) => this.matches(a, s)))) continue;
      this.localIndex[a.index] = this.members.length;
      this.members.push(a);
      holds.push(now ? 1 : 0);
    }
    this.holds = Uint8Array.from(holds);
    this.scores = Float64Array.from(this.members, (a) =>
      expression.skills.reduce((sum, s) => sum + (a.skills[s] ?? 0), 0),
    );
  }

  /** whether the class holds the agent (a member it holds now) */
  has(agent: Agent): boolean {
    const local = this.localIndex[agent.index]!;
    return local >= 0 && this.holds[local] === 1;
  }

  /** The agent's DN has a new owner: whether the class holds it changes with its location. True when it did. */
  relocate(agent: Agent): boolean {
    const local = this.localIndex[agent.index]!;
    if (!this.located || local < 0) return false;
    const now = this.matches(agent, locationOf(agent)) ? 1 : 0;
    if (this.holds[local] === now) return false;
    this.holds[local] = now;
    return true;
  }

  private matches(agent: Agent, at: Site): boolean {
    return this.expression.matches(agent.skills, at.id, this.callSite.id);
  }
}

/** One class per distinct (expression, call site when the expression depends on it, media). `movesTo`: the sites a
 *  DN's owner may move to during the run (empty when no fault can move one). */
export function buildTargetClasses(
  wanted: readonly { target: string; site: Site; media: number }[],
  agents: readonly Agent[],
  movesTo: readonly Site[] = [],
): { classes: TargetClass[]; classOf: TargetClass[]; ofAgent: TargetClass[][] } {
  const classes: TargetClass[] = [];
  const byKey = new Map<string, TargetClass>();
  const classOf = wanted.map((w) => {
    const expression = compileSkillExpression(w.target);
    const key = `${w.media}|${expression.usesGeoLocation ? w.site.id : ""}|${w.target}`;
    let cls = byKey.get(key);
    if (!cls) {
      cls = new TargetClass(classes.length, expression, w.site, w.media, agents, movesTo);
      classes.push(cls);
      byKey.set(key, cls);
    }
    return cls;
  });
  // membership depends on the group alone (skills, site, capacity rule, a DN owner or none), so a group's agents
  // share one list: the classes they are members of, whether held now or not
  const ofGroup = new Map<AgentGroup, TargetClass[]>();
  const ofAgent = agents.map((a) => {
    let list = ofGroup.get(a.group);
    if (!list) ofGroup.set(a.group, (list = classes.filter((cls) => cls.localIndex[a.index]! >= 0)));
    return list;
  });
  return { classes, classOf, ofAgent };
}

/** The agent's DN has a new owner: the classes on its location take it or let it go. True when any did. */
export function relocate(agent: Agent, classes: readonly TargetClass[]): boolean {
  let changed = false;
  for (const cls of classes) if (cls.relocate(agent)) changed = true;
  return changed;
}
