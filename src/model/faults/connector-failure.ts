// A UCMA connector of the Skype for Business site stopping and restarting (Multimedia Connector for Skype for Business
// Deployment Guide, UCMA Connector High-Availability and Graceful Shutdown). "T-Servers redistribute DNs from
// non-working Connectors to remaining Connectors. Skype for Business distributes all incoming calls to remaining
// Connectors": DNS round robin skips it. A normal stop frees its resources at once, and "Instant Message calls cannot
// be recovered after the Connector restarts": its IM calls are lost. Its other calls "can only be recovered on the
// Connector where they were originally created, after the Connector restarts": an established conversation goes on
// in its Skype for Business conference, and a call still waiting for its conference waits for the restart (its
// caller's patience running). Each is counted as held. A graceful shutdown instead "continues to maintain only
// resources that are not remappable without a loss (IM and AV calls)": no new calls, its calls finish, none is lost.

import type { Observer } from "../observer.js";
import type { FaultHost } from "./fault-host.js";

export class ConnectorFailures {
  /** faults in progress per connector (they may overlap: it restarts when the last ends, and a normal stop during a
   *  graceful shutdown stops it) */
  private readonly down: Int32Array;

  constructor(private readonly host: FaultHost, private readonly observer: Observer) {
    this.down = new Int32Array(host.skypePools.length);
  }

  stops(connector: number, graceful: boolean, fault: number): void {
    const pool = this.host.skypePools[connector]!;
    if (this.down[connector]!++ > 0 && (graceful || pool.down)) return;
    if (graceful) {
      pool.drain();
      return;
    }
    pool.stop();
    for (const call of this.host.liveCalls()) {
      if (call.connector !== pool) continue;
      if (call.type.im !== null) this.host.dropCall(call, fault);
      else this.observer.heldByConnector(call, fault);
    }
  }

  restarts(connector: number): void {
    if (--this.down[connector]! > 0) return;
    this.host.skypePools[connector]!.restart();
  }
}
