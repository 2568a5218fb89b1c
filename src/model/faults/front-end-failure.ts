// A Skype for Business Front End server stopping (Multimedia Connector for Skype for Business Deployment Guide, Skype
// For Business Front End Server Maintenance): "the remaining Skype for Business Front End Servers initiate actions to
// redistribute the roles of the stopped Front End Server between themselves", so the pool's DNS balancing sends new
// calls to the running servers. "Active calls that are being managed by the Front End Server being stopped or failed
// over may be reported as released by T-Server": ccsim takes the "may" as "are", the planner's worst case, and ends
// them for the contact center (cutOff once answered, dropped before), the agent free at once. "T-Server may reject
// call related requests for calls that were managed by the stopped Front End Server until all states have been
// redistributed": those calls are gone already, so nothing is left to reject. The connectors, their conference pools
// and the agents are the pool's, not one server's: "other Front End servers will balance the load" (Architecture),
// and they go on. The loader refuses a restart sooner than the 5 minutes the remaining servers take to resynchronise.

import type { FrontEndPool } from "../skype/front-end-pool.js";
import type { FaultHost } from "./fault-host.js";

export class FrontEndFailures {
  constructor(private readonly host: FaultHost, private readonly pool: FrontEndPool) {}

  stops(server: number, fault: number): void {
    if (!this.pool.stop(server)) return;
    for (const call of this.host.liveCalls()) if (call.frontEnd === server) this.host.dropCall(call, fault);
  }

  restarts(server: number): void {
    this.pool.restart(server);
  }
}
