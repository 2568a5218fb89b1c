// The floor: a hand-written M/M/c FCFS event loop with no framework, the fastest this model runs in Node.
//
// Every structure is a typed array allocated up front (the event heap, the FIFO of waiting calls' arrival times), so
// the loop allocates nothing per event; draws come from seedrandom's alea, as in ccsim. Prints one JSON line.
// Usage: node bench/minimal-loop.js --agents 14 --erlangs 10 --aht 180 --calls 1000000 --seed 1

import { createRequire } from "node:module";
import { mmcArgs } from "./mmc-args.js";

const require = createRequire(import.meta.url);
const seedrandom = require("seedrandom");

const { agents, erlangs, aht, calls, seed, threshold } = mmcArgs("minimal-loop");

const meanInterarrival = aht / erlangs;
const arrivalRng = seedrandom.alea(`${seed}/0/arrivals:calls`);
const handleRng = seedrandom.alea(`${seed}/0/handle:calls`);

const ARRIVAL = 0;
const DEPARTURE = 1;

// Event heap keyed by (time, seq): seq breaks ties in insertion order, as ccsim's kernel does.
// At most one pending arrival plus one departure per agent.
const capacity = agents + 2;
const heapTime = new Float64Array(capacity);
const heapSeq = new Float64Array(capacity);
const heapKind = new Uint8Array(capacity);
let heapSize = 0;
let nextSeq = 0;

function schedule(time, kind) {
  const seq = nextSeq++;
  let i = heapSize++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = heapTime[parent];
    if (pt < time || (pt === time && heapSeq[parent] < seq)) break;
    heapTime[i] = pt;
    heapSeq[i] = heapSeq[parent];
    heapKind[i] = heapKind[parent];
    i = parent;
  }
  heapTime[i] = time;
  heapSeq[i] = seq;
  heapKind[i] = kind;
}

// Removes the root; the caller has read it already.
function removeFirst() {
  const last = --heapSize;
  const time = heapTime[last];
  const seq = heapSeq[last];
  const kind = heapKind[last];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= last) break;
    const right = child + 1;
    if (right < last && (heapTime[right] < heapTime[child] || (heapTime[right] === heapTime[child] && heapSeq[right] < heapSeq[child]))) {
      child = right;
    }
    const ct = heapTime[child];
    if (time < ct || (time === ct && seq < heapSeq[child])) break;
    heapTime[i] = ct;
    heapSeq[i] = heapSeq[child];
    heapKind[i] = heapKind[child];
    i = child;
  }
  heapTime[i] = time;
  heapSeq[i] = seq;
  heapKind[i] = kind;
}

// FIFO of waiting calls' arrival times: a ring buffer that doubles when full (amortized, not per event).
let waiting = new Float64Array(1024);
let waitHead = 0;
let waitCount = 0;

function enqueue(time) {
  if (waitCount === waiting.length) {
    const bigger = new Float64Array(waiting.length * 2);
    for (let k = 0; k < waitCount; k++) bigger[k] = waiting[(waitHead + k) & (waiting.length - 1)];
    waiting = bigger;
    waitHead = 0;
  }
  waiting[(waitHead + waitCount) & (waiting.length - 1)] = time;
  waitCount++;
}

function dequeue() {
  const time = waiting[waitHead];
  waitHead = (waitHead + 1) & (waiting.length - 1);
  waitCount--;
  return time;
}

const started = performance.now();
let events = 0;
let arrivals = 0;
let busy = 0;
let waited = 0;
let sumWait = 0;
let withinThreshold = 0;

schedule(-Math.log1p(-arrivalRng()) * meanInterarrival, ARRIVAL);
while (heapSize > 0) {
  const now = heapTime[0];
  const kind = heapKind[0];
  removeFirst();
  events++;
  if (kind === ARRIVAL) {
    arrivals++;
    if (arrivals < calls) schedule(now - Math.log1p(-arrivalRng()) * meanInterarrival, ARRIVAL);
    if (busy < agents) {
      busy++;
      withinThreshold++;
      schedule(now - Math.log1p(-handleRng()) * aht, DEPARTURE);
    } else {
      waited++;
      enqueue(now);
    }
  } else if (waitCount > 0) {
    const wait = now - dequeue();
    sumWait += wait;
    if (wait <= threshold) withinThreshold++;
    schedule(now - Math.log1p(-handleRng()) * aht, DEPARTURE);
  } else {
    busy--;
  }
}
const seconds = (performance.now() - started) / 1000;

process.stdout.write(
  JSON.stringify({
    impl: "minimal-loop",
    agents,
    erlangs,
    calls: arrivals,
    events,
    seconds,
    callsPerSec: arrivals / seconds,
    eventsPerSec: events / seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    meanWait: sumWait / arrivals,
    probWait: waited / arrivals,
    serviceLevel: withinThreshold / arrivals,
  }) + "\n",
);
