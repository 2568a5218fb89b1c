// The small centers the caller behaviour tests (retrials, callbacks, transfers) place calls in and measure their
// effect in: one node, no delays and no reservation for the first two; front and billing agents on two nodes.

const ONE_NODE = `sites:
  - { id: dc1, nodes: 1 }
network: { intraSite: 0s, interSite: 0s, statDelay: 0s }
routing: { reservation: { mode: none } }`;

/** One agent and the given traffic lines (hand-placed calls: their own rates are negligible), for an hour. */
export function oneAgent(traffic: readonly string[]): string {
  return `
horizon: 1h
${ONE_NODE}
agents:
  - { group: a, count: 1, skills: { s: 1 } }
traffic:
${traffic.map((t) => `  - { type: ${t}, arrivals: { rate: 0.0001/h }, target: "s > 0" }`).join("\n")}
`;
}

/** The overloaded one-queue center (Erlang A): 10 agents, exponential handle time and patience, 4 replications of 5
 *  hours; `extra` adds keys to the traffic type (a retrial, a callback). */
export function overloadedQueue(o: { warmup: string; rate: string; handleMean: string; patienceMean: string; extra: string }): string {
  return `
horizon: 5h
warmup: ${o.warmup}
replications: 4
${ONE_NODE}
agents:
  - { group: a, count: 10, skills: { s: 1 } }
traffic:
  - { type: t, arrivals: { rate: ${o.rate} }, handleTime: { dist: exponential, mean: ${o.handleMean} }, patience: { dist: exponential, mean: ${o.patienceMean} }, target: "s > 0"${o.extra} }
`;
}

/** Front agents taking a sales type and billing agents its transfers go to, on two nodes; `sales` is the rest of the
 *  type's mapping (arrivals, times, behaviours). */
export function frontAndBilling(o: { head: string; front: number; billing: number; sales: string }): string {
  return `
${o.head}
sites:
  - { id: dc1, nodes: 2 }
agents:
  - { group: front, count: ${o.front}, skills: { sales: 1 } }
  - { group: billing, count: ${o.billing}, skills: { billing: 1 } }
traffic:
  - { type: sales, target: "sales > 0", ${o.sales} }
`;
}
