// The embedded demo scenario that `ccsim run` with no file runs: a two-site SIP Cluster with node-based routing.

export const DEMO_SCENARIO = `# A two-site SIP Cluster, two nodes a site, node-based routing with explicit agent reservation.
# Shows what ccsim is for: service level and abandonment of a blended day, and the reservation conflicts that
# several URS instances routing to one shared pool of agents cause (see the per-node table).
version: 1
name: demo-two-sites-node-based
seed: 42
replications: 10
horizon: 8h
warmup: 30m
interval: 30m
serviceLevel: 20s
sites:
  - { id: east, nodes: 2, vq: { priority: 4 } }
  - { id: west, nodes: 2, vq: { priority: 2 } }
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing:
  mode: node-based
  selection: longest-idle
  reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s }
  strategyTime: 20ms
agents:
  - { group: sales-east, site: east, count: 40, skills: { sales: 5, english: 3 },
      answerDelay: { dist: uniform, min: 2s, max: 6s }, noAnswer: 0.01, wrapUp: { dist: exponential, mean: 30s } }
  - { group: sales-west, site: west, count: 40, skills: { sales: 4, english: 4 },
      answerDelay: { dist: uniform, min: 2s, max: 6s }, noAnswer: 0.01, wrapUp: { dist: exponential, mean: 30s } }
  - { group: support-west, site: west, count: 25, skills: { support: 4, english: 5 },
      answerDelay: { dist: uniform, min: 2s, max: 6s }, noAnswer: 0.01, wrapUp: { dist: exponential, mean: 45s } }
traffic:
  - { type: sales-east, site: east, arrivals: { rate: 6/min }, handleTime: { dist: lognormal, mean: 4m, sd: 3m },
      patience: { dist: exponential, mean: 2m }, target: "sales > 0" }
  - { type: sales-west, site: west, arrivals: { rate: 6/min }, handleTime: { dist: lognormal, mean: 4m, sd: 3m },
      patience: { dist: exponential, mean: 2m }, target: "sales > 0" }
  - { type: support, site: west, arrivals: { rate: 3/min }, handleTime: { dist: lognormal, mean: 6m, sd: 4m },
      patience: { dist: exponential, mean: 3m }, target: "support > 2 & english > 0", priority: 1 }
targets: { serviceLevel: ">= 0.80", abandonRate: "<= 0.05", conflictRate: "<= 0.05" }
`;
