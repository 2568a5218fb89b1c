// Shifts as per-period staffing: at each period boundary a group logs agents in or out to meet its planned count, less
// its shrinkage (the scheduled agents off the phones).

import { Priority } from "../../kernel/priorities.js";
import type { EventTarget, SimEvent, Simulation } from "../../kernel/simulation.js";
import { AgentState } from "./agent-state.js";
import type { Agent, AgentGroup } from "./agent.js";

export interface AgentDesk {
  logIn(agent: Agent): void;
  /** logs out now if idle, otherwise when the current work ends */
  logOut(agent: Agent): void;
  /** an agent on its way out (logged out when its work ends) stays after all */
  keep(agent: Agent): void;
}

export class Staffing implements EventTarget {
  constructor(
    private readonly sim: Simulation,
    private readonly group: AgentGroup,
    private readonly desk: AgentDesk,
    /** `shrinkage:<group>`, null when the group has no shrinkage */
    private readonly shrinkRng: (() => number) | null = null,
  ) {}

  start(): void {
    const staffing = this.group.spec.staffing;
    this.apply(this.onPhones(staffing ? staffing.counts[0]! : this.group.spec.count, 0));
    if (!staffing) return;
    for (let k = 1; k < staffing.counts.length; k++) {
      this.sim.post(k * staffing.period, Priority.STAFFING, this, k, null);
    }
  }

  fire(ev: SimEvent): void {
    this.apply(this.onPhones(this.group.spec.staffing!.counts[ev.code]!, ev.code));
  }

  /** The scheduled agents of period k less its shrinkage: n(1-s) agents, a fraction of one rounded up with that
   *  probability (one draw a period), so the mean on the phones is n(1-s) as `ccsim erlang --shrinkage` reckons. */
  private onPhones(scheduled: number, k: number): number {
    const shares = this.group.spec.shrinkage;
    if (shares === undefined || this.shrinkRng === null) return scheduled;
    const exact = scheduled * (1 - shares[k]!);
    const whole = Math.floor(exact + 1e-9);
    return this.shrinkRng() < exact - whole ? whole + 1 : whole;
  }

  /** Lowest-numbered agents log in first and highest-numbered log out first, so who works is never a matter of chance. */
  private apply(target: number): void {
    const agents = this.group.agents;
    const staying = (a: Agent) => a.state !== AgentState.LoggedOut && !a.logoutPending;
    let count = agents.filter(staying).length;
    for (let i = 0; i < agents.length && count < target; i++) {
      const a = agents[i]!;
      if (a.logoutPending) {
        this.desk.keep(a);
        count++;
      } else if (a.state === AgentState.LoggedOut) {
        this.desk.logIn(a);
        count++;
      }
    }
    for (let i = agents.length - 1; i >= 0 && count > target; i--) {
      const a = agents[i]!;
      if (staying(a)) {
        this.desk.logOut(a);
        count--;
      }
    }
  }
}
