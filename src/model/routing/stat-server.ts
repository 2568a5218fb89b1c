// A routing Stat Server's view of agent availability: what its URS sees, as late as the network made it.

import { FifoTimers } from "../../kernel/fifo-timers.js";
import { IndexedHeap } from "../../kernel/indexed-heap.js";
import { SortedList } from "../../kernel/sorted-list.js";
import { Priority } from "../../kernel/priorities.js";
import type { Simulation } from "../../kernel/simulation.js";
import type { Agent } from "../agents/agent.js";
import type { SelectionRule } from "./selection.js";
import type { TargetClass } from "./target-class.js";
import type { ClusterNode } from "../sip/topology.js";

/** A state change in flight from a DN's owner to the Stat Servers: one record shared by all its receivers. */
export interface StateUpdate {
  readonly agent: Agent;
  /** what longest-idle orders by (Agent.readySince at the change) */
  readonly readySince: number;
  readonly version: number;
  /** the media the agent can take one more of (bits by media index), as its owner judged by its capacity rule */
  readonly accepts: number;
}

/** Someone to tell when an agent becomes available in this view (its URS). */
export interface AvailabilityListener {
  agentAvailable(agent: Agent): void;
}

/** What a routing Stat Server is built from. */
export interface StatServerOptions {
  readonly sim: Simulation;
  /** the longest a URS keeps an agent it was told is taken while the Stat Server still shows it Ready: a reservation
   *  that is never used leaves no trace in the DN's state, only its expiry */
  readonly holdTimeout: number;
  /** its URS placement's id */
  readonly id: string;
  readonly node: ClusterNode;
  readonly agentCount: number;
  readonly classes: readonly TargetClass[];
  /** per target class, whether its URS routes it (it keeps pools for those only) */
  readonly routed: readonly boolean[];
  /** per agent, the target classes it belongs to */
  readonly classesOfAgent: readonly (readonly TargetClass[])[];
  readonly rule: SelectionRule;
}

const NOT_HELD = -1;
const HELD = 0;

export class StatServer {
  /** the last version applied per agent */
  private readonly known: Int32Array;
  /** per agent, the media this view shows it available for (bits by media index; 0: not available) */
  private readonly available: Uint8Array;
  private readonly readySince: Float64Array;
  /** the URS's own knowledge on top of the Stat Server's: -1 free, 0 held by a pending request, v > 0 held until this
   *  view has seen version v of the agent (the URS just routed a call there, or was told the agent is taken, and will
   *  not pick it again before the Stat Server says what became of it, or `holdTimeout` passes from the last time it
   *  was told) */
  private readonly heldUntil: Int32Array;
  /** per agent, the stamp of its latest hold timer: only that one may end the hold, an older one is dead */
  private readonly holdStamp: Float64Array;
  private lastStamp = 0;
  private readonly holdTimers: FifoTimers<Agent>;
  /** available, unheld members of each target class, ordered by the selection rule; null for classes this URS never routes */
  private readonly pools: (IndexedHeap | SortedList | null)[];
  /** the media whose pools the agent sits in (available for them and not held), as bits */
  private readonly pooled: Uint8Array;
  /** 1 while this Stat Server shows the DN out of service (its owner is cut off or its phone unregistered) */
  private readonly oos: Uint8Array;
  /** whom to tell when an agent becomes available here (its URS; wired by the builder) */
  listener: AvailabilityListener | null = null;
  /** how many agents' DNs, in agent order, it has registered: every one while it runs, none while it is down
   *  (statserver-down), then chunk by chunk as it registers them again (faults/stat-server-failure.ts) */
  registered: number;

  readonly id: string;
  /** the node it runs on, beside its URS (the backup's host after its URS pair switched over to another node) */
  node: ClusterNode;
  private readonly classesOfAgent: readonly (readonly TargetClass[])[];
  private readonly rule: SelectionRule;

  constructor(o: StatServerOptions) {
    const { sim, holdTimeout, agentCount, classes, routed } = o;
    this.id = o.id;
    this.node = o.node;
    this.classesOfAgent = o.classesOfAgent;
    const rule = (this.rule = o.rule);
    this.known = new Int32Array(agentCount).fill(-1);
    this.available = new Uint8Array(agentCount);
    this.readySince = new Float64Array(agentCount);
    this.heldUntil = new Int32Array(agentCount).fill(NOT_HELD);
    this.holdStamp = new Float64Array(agentCount);
    this.holdTimers = new FifoTimers<Agent>(
      sim,
      holdTimeout,
      Priority.TIMER,
      (agent, stamp) => this.heldUntil[agent.index]! > 0 && this.holdStamp[agent.index] === stamp,
      (agent) => this.release(agent),
    );
    // both order by (key1, key2, agent): which one serves a rule changes the speed, never the pick
    const Pool = rule.keysInOrder ? SortedList : IndexedHeap;
    this.pools = classes.map((c, i) => (routed[i] ? new Pool(c.members.length) : null));
    this.pooled = new Uint8Array(agentCount);
    this.oos = new Uint8Array(agentCount);
    this.registered = agentCount;
  }

  /** It has registered the agent's DN (or, for an agent with no DN, it hears of it): it may show it in service. */
  registers(agent: Agent): boolean {
    return agent.index < this.registered;
  }

  /** A state change reaches this Stat Server (fields passed apart so the zero-delay path allocates nothing). */
  update(agent: Agent, readySince: number, version: number, accepts: number): void {
    const a = agent.index;
    if (version <= this.known[a]!) return;
    this.known[a] = version;
    let changed = false;
    const held = this.heldUntil[a]!;
    if (held > 0 && version >= held) {
      this.heldUntil[a] = NOT_HELD;
      changed = true;
    }
    // availability is what the owner judged the agent can take (a Ready voice agent: voice), unless the DN is out of
    // service here; the state itself adds nothing to it
    const now = this.oos[a] === 0 ? accepts : 0;
    if (now !== this.available[a]) {
      this.available[a] = now;
      changed = true;
    } else if (now !== 0 && this.readySince[a] !== readySince) {
      // an update dropped as out of date may hide a Ready -> ... -> Ready cycle, and an agent with room for more
      // chats took or let go of one: re-key on the new ready time
      changed = true;
    }
    this.readySince[a] = readySince;
    if (!changed) return;
    this.sync(agent);
    if (now !== 0 && this.heldUntil[a] === NOT_HELD && this.listener) this.listener.agentAvailable(agent);
  }

  /** This view shows the agent available for media m (its pools for m may hold it unless the URS holds it). */
  accepts(agent: Agent, media: number): boolean {
    return ((this.available[agent.index]! >> media) & 1) === 1;
  }

  isOutOfService(agent: Agent): boolean {
    return this.oos[agent.index] === 1;
  }

  /** EventDNOutOfService: the DN is unavailable whatever its last known state. */
  outOfService(agent: Agent): void {
    const a = agent.index;
    if (this.oos[a] === 1) return;
    this.oos[a] = 1;
    if (this.available[a] !== 0) {
      this.available[a] = 0;
      this.sync(agent);
    }
  }

  /** EventDNBackInService: the DN's owner is reachable again and tells its state as it is now. */
  backInService(agent: Agent): void {
    const a = agent.index;
    if (this.oos[a] === 0) return;
    this.oos[a] = 0;
    this.known[a] = -1;
    this.update(agent, agent.readySince, agent.version, agent.accepts());
  }

  /** The best available, unheld member of a class by the selection rule. */
  best(cls: TargetClass): Agent | null {
    const pool = this.pools[cls.index];
    if (!pool) return null;
    const local = pool.peek();
    return local < 0 ? null : cls.members[local]!;
  }

  picked(cls: TargetClass, agent: Agent): void {
    this.rule.picked(cls, cls.localIndex[agent.index]!);
  }

  /** The URS asked for this agent: keep it out of every pool until released. */
  hold(agent: Agent): void {
    this.heldUntil[agent.index] = HELD;
    this.sync(agent);
  }

  /** The URS's request ended; `untilVersion` > 0 keeps the agent held until the view sees that version. */
  release(agent: Agent, untilVersion = 0): void {
    const a = agent.index;
    if (untilVersion > this.known[a]!) {
      this.heldUntil[a] = untilVersion;
      this.holdStamp[a] = ++this.lastStamp;
      this.holdTimers.set(agent, this.lastStamp);
      return;
    }
    this.heldUntil[a] = NOT_HELD;
    this.sync(agent);
    if (this.available[a] !== 0 && this.listener) this.listener.agentAvailable(agent);
  }

  /** The URS learned the agent is taken (a conflict, a failed delivery): leave it alone until its state changes. */
  releaseWhenChanged(agent: Agent): void {
    this.release(agent, this.known[agent.index]! + 1);
  }

  /** The agent's DN moved to another site and the classes on its location took it or let it go: its pools follow,
   *  and the URS hears of it if this view shows it available. */
  reclassified(agent: Agent): void {
    const a = agent.index;
    this.sync(agent);
    if (this.available[a] !== 0 && this.heldUntil[a] === NOT_HELD && this.listener) this.listener.agentAvailable(agent);
  }

  /** Puts the agent in or out of its classes' pools to match available for the class's media && not held && the class
   *  holds it (and re-keys it where in). */
  private sync(agent: Agent): void {
    const a = agent.index;
    const want = this.heldUntil[a] === NOT_HELD ? this.available[a]! : 0;
    if (want === 0 && this.pooled[a] === 0) return;
    this.pooled[a] = want;
    for (const cls of this.classesOfAgent[a]!) {
      const pool = this.pools[cls.index];
      if (!pool) continue;
      const local = cls.localIndex[a]!;
      if ((want >> cls.media) & 1 && cls.holds[local] === 1) {
        const since = this.readySince[a]!;
        pool.set(local, this.rule.key1(cls, local, since), this.rule.key2(cls, local, since));
      } else pool.delete(local);
    }
  }

}
