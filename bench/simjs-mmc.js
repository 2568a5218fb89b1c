// The same M/M/c FCFS model written the way SIM.JS's documentation shows (an Entity using a FCFS Facility), as a
// reference for a general-purpose JavaScript DES library. Same arguments, streams and JSON line as minimal-loop.js.
// Usage: node bench/simjs-mmc.js --agents 14 --erlangs 10 --aht 180 --calls 1000000 --seed 1

import { createRequire } from "node:module";
import { mmcArgs } from "./mmc-args.js";

const require = createRequire(import.meta.url);
const seedrandom = require("seedrandom");
// SIM.JS is a browserify bundle: in Node it publishes its API only on a global `window`.
globalThis.window = {};
require("simjs");
const Sim = globalThis.window.Sim;

const { agents, erlangs, aht, calls, seed, threshold } = mmcArgs("simjs-mmc");

const meanInterarrival = aht / erlangs;
const arrivalRng = seedrandom.alea(`${seed}/0/arrivals:calls`);
const handleRng = seedrandom.alea(`${seed}/0/handle:calls`);

const tally = { arrivals: 0, departures: 0, waited: 0, sumWait: 0, withinThreshold: 0 };

class CallSource extends Sim.Entity {
  start() {
    this.agents = new Sim.Facility("agents", Sim.Facility.FCFS, agents);
    this.setTimer(-Math.log1p(-arrivalRng()) * meanInterarrival).done(this.arrive);
  }

  arrive() {
    tally.arrivals++;
    if (tally.arrivals < calls) this.setTimer(-Math.log1p(-arrivalRng()) * meanInterarrival).done(this.arrive);
    if (this.agents.free === 0) tally.waited++;
    const handle = -Math.log1p(-handleRng()) * aht;
    this.useFacility(this.agents, handle).done(this.depart, this, [this.time(), handle]);
  }

  depart(arrivedAt, handle) {
    tally.departures++;
    // The Facility reports only the end of service: the wait is what is left once the handle time is taken out.
    const wait = Math.max(0, this.time() - arrivedAt - handle);
    tally.sumWait += wait;
    if (wait <= threshold) tally.withinThreshold++;
  }
}

const started = performance.now();
const sim = new Sim.Sim();
sim.addEntity(CallSource);
sim.simulate(Infinity);
const seconds = (performance.now() - started) / 1000;

const n = tally.arrivals;
process.stdout.write(
  JSON.stringify({
    impl: "simjs",
    agents,
    erlangs,
    calls: n,
    events: tally.arrivals + tally.departures,
    seconds,
    callsPerSec: n / seconds,
    eventsPerSec: (tally.arrivals + tally.departures) / seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    meanWait: tally.sumWait / n,
    probWait: tally.waited / n,
    serviceLevel: tally.withinThreshold / n,
  }) + "\n",
);
