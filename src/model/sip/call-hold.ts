// What holds a call in each state, and how a call that ends early (abandoned, dropped with its node) is taken out of
// it: its URS's queue, router-timeout, its treatment's timer, or the agent ringing or talking with it.

import { Phase, type PhaseValue } from "../agents/agent-load.js";
import type { Simulation } from "../../kernel/simulation.js";
import { CallState, type Call } from "./call.js";

/** Takes `call` out of what holds it and cancels its timers; returns the agent phase to let go of when an agent held
 *  it (ringing or talking), else null. */
export function releaseHold(call: Call, sim: Simulation): PhaseValue | null {
  switch (call.state) {
    case CallState.Waiting:
      call.urs!.removeWaiting(call);
      return null;
    case CallState.Stranded:
      sim.cancel(call.routerTimer);
      call.routerTimer = null;
      return null;
    case CallState.Treatment:
      sim.cancel(call.ringTimer);
      call.ringTimer = null;
      return null;
    case CallState.Ringing:
    case CallState.Talking:
      sim.cancel(call.ringTimer);
      call.ringTimer = null;
      return call.state === CallState.Ringing ? Phase.Ringing : Phase.Talking;
  }
  return null;
}
