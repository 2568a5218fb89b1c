// The Skype for Business Front End pool of the Skype site: "A DNS balanced pool of Front End Servers—Shares the load"
// (Multimedia Connector for Skype for Business Deployment Guide, Hardware Sizing Guidelines and Capacity Planning). Each
// new call is managed by the next running server in turn (DNS balancing, as for the connectors): which calls a
// stopped server was managing is what a frontend-down fault needs to know. No random draw: a scenario without such a
// fault runs as before.

export class FrontEndPool {
  /** per server, stops in progress (they may overlap: it runs again when the last ends) */
  private readonly down: Int32Array;
  private next = 0;

  constructor(readonly servers: number) {
    this.down = new Int32Array(servers);
  }

  /** the server that manages a new call: the next running one in turn (the loader keeps one running at least) */
  assign(): number {
    for (let k = 0; k < this.servers; k++) {
      const s = (this.next + k) % this.servers;
      if (this.down[s] === 0) {
        this.next = (s + 1) % this.servers;
        return s;
      }
    }
    return this.next;
  }

  /** true when the server was running until now */
  stop(server: number): boolean {
    return this.down[server]!++ === 0;
  }

  restart(server: number): void {
    this.down[server]!--;
  }
}
