#!/usr/bin/env node
// Writes scenarios/example-trace.csv: the arrivals of replication 1 of scenarios/example-profile.yaml, drawn by
// ccsim's own arrival process from the scenario's own streams (`arrivals:<type>`, seed and replication 1), one row
// per call, sorted by time. Not real data; the same bytes on every run. Needs the build (`npm ci` makes it).
//   node scenarios/make-example-trace.js [out.csv]
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../dist/scenario/load.js";
import { RandomStreams } from "../dist/kernel/random-stream.js";
import { Simulation } from "../dist/kernel/simulation.js";
import { TrafficType } from "../dist/model/traffic.js";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const out = process.argv[2] ?? here("example-trace.csv");
const scenario = loadScenario({ file: here("example-profile.yaml") });

// only the arrival processes run: no agents, no routing; each arrival is a row
const sim = new Simulation();
const streams = new RandomStreams(scenario.seed, 0);
const rows = [];
scenario.traffic.forEach((t, i) => {
  const type = new TrafficType(sim, i, t, null, 0, null, streams.stream(`arrivals:${t.type}`), () => 0, null,
    scenario.horizon, () => rows.push([sim.now, t.type]));
  type.start();
});
sim.run();

// times as JavaScript prints them: the shortest text that reads back as the same number, so the replay is exact
writeFileSync(out, "time,type\n" + rows.map(([t, type]) => `${t},${type}`).join("\n") + "\n");
