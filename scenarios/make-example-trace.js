#!/usr/bin/env node
// Writes scenarios/example-trace.csv: the calls of replication 1 of scenarios/example-profile.yaml, drawn by ccsim's
// own arrival process and samplers from the scenario's own streams (`arrivals:<type>` and `handle:<type>`, its seed,
// replication 1), one row per call (time, type, handle time), sorted by time. Not real data; the same bytes on every
// run. Needs the build (`npm ci` makes it).
//   node scenarios/make-example-trace.js [out.csv]
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../dist/scenario/read-scenario.js";
import { RandomStreams } from "../dist/kernel/random-stream.js";
import { Simulation } from "../dist/kernel/simulation.js";
import { sampler } from "../dist/kernel/distributions.js";
import { TrafficType } from "../dist/model/traffic/traffic.js";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const out = process.argv[2] ?? here("example-trace.csv");
const scenario = loadScenario({ file: here("example-profile.yaml") });

// only the arrival processes run: no agents, no routing; each arrival is a row, its handle time drawn at arrival
// from the type's stream as the model draws it
const sim = new Simulation();
const streams = new RandomStreams(scenario.seed, 0);
const rows = [];
scenario.traffic.forEach((t, i) => {
  const handle = sampler(t.handleTime, streams.stream(`handle:${t.type}`));
  const type = new TrafficType({
    sim, index: i, spec: t, site: null, media: 0, cls: null, arrivalRng: streams.stream(`arrivals:${t.type}`),
    handleTime: handle, patience: null, horizon: scenario.horizon,
    onArrival: (self) => rows.push([sim.now, t.type, self.handleTime()]),
  });
  type.start();
});
sim.run();

// times as JavaScript prints them: the shortest text that reads back as the same number, so the replay is exact
writeFileSync(out, "time,type,handleTime\n" + rows.map(([t, type, h]) => `${t},${type},${h}`).join("\n") + "\n");
