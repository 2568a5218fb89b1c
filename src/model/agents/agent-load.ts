// An agent's load: the interactions it holds, counted by media (MEDIA_INDEX) and by phase (ringing, talking,
// wrapping up), from delivery to the end of wrap-up. The capacity rule judges the counts; the phases give the state.

import { AgentState, type AgentStateValue } from "./agent-state.js";

export const MEDIA_COUNT = 4;
/** the phase an interaction is in while an agent holds it */
export const Phase = { Ringing: 0, Talking: 1, Wrapping: 2 } as const;
export type PhaseValue = (typeof Phase)[keyof typeof Phase];

export class Load {
  /** interactions held per media index */
  readonly count = new Int32Array(MEDIA_COUNT);
  /** all interactions held */
  total = 0;
  ringing = 0;
  talking = 0;
  wrapping = 0;

  /** A delivered interaction starts ringing. */
  take(media: number): void {
    this.count[media]!++;
    this.total++;
    this.ringing++;
  }

  answer(): void {
    this.ringing--;
    this.talking++;
  }

  /** talk ends and wrap-up begins */
  wrap(): void {
    this.talking--;
    this.wrapping++;
  }

  /** An interaction leaves the agent's hands from the phase it was in. */
  drop(media: number, phase: PhaseValue): void {
    this.count[media]!--;
    this.total--;
    // (a branch, not this[name]--: a keyed store by string is slow on this path)
    if (phase === Phase.Ringing) this.ringing--;
    else if (phase === Phase.Talking) this.talking--;
    else this.wrapping--;
  }

  /** The state the work shows: any interaction ringing makes the DN Ringing, else any talking Busy, else any in
   *  wrap-up AfterCallWork, else Ready. (A single voice call walks Ready, Ringing, Busy, AfterCallWork, Ready.) */
  workState(): AgentStateValue {
    if (this.ringing > 0) return AgentState.Ringing;
    if (this.talking > 0) return AgentState.Busy;
    if (this.wrapping > 0) return AgentState.AfterCallWork;
    return AgentState.Ready;
  }
}
