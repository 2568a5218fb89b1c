#!/usr/bin/env node
// Writes scenarios/example-wfm-export.csv: a WFM interval export of five days (Monday 2024-03-04 to Friday, each from
// 08:00 UTC) of scenarios/example-wfm.yaml, each day one replication of it (replications 0 to 4 of seed 2024, not the scenario's: a calibration run of the
// scenario draws other days): per
// half hour and queue the calls offered, handled, their average handle time, abandoned, answered within 20 s, and the
// agents staffed (the scenario's plan), counted by the interval the calls arrived in. The queues are named as an ACD
// names them (Sales_EN, Service_EN), so that `ccsim import --map` has something to map. Not real data; the same bytes
// on every run. Needs the build (`npm ci` makes it).
//   node scenarios/make-example-wfm-export.js [out.csv]
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../dist/scenario/read-scenario.js";
import { parseTimestamp } from "../dist/scenario/timestamp.js";
import { drawExport } from "../dist/experiment/wfm-export-writer.js";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const out = process.argv[2] ?? here("example-wfm-export.csv");
const scenario = loadScenario({ file: here("example-wfm.yaml") });
writeFileSync(
  out,
  drawExport(scenario, { seed: 2024, days: 5, start: parseTimestamp("2024-03-04T08:00:00Z"), queues: { sales: "Sales_EN", service: "Service_EN" } }),
);
