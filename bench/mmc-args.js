// The command-line arguments both M/M/c references take (minimal-loop.js, simjs-mmc.js), parsed and checked once.

import { parseArgs } from "node:util";

export function mmcArgs(name) {
  const { values: args } = parseArgs({
    options: {
      agents: { type: "string", default: "14" },
      erlangs: { type: "string", default: "10" },
      aht: { type: "string", default: "180" },
      calls: { type: "string", default: "1000000" },
      seed: { type: "string", default: "1" },
      "service-level": { type: "string", default: "20" },
    },
  });
  const out = {
    agents: Number(args.agents),
    erlangs: Number(args.erlangs),
    aht: Number(args.aht),
    calls: Number(args.calls),
    seed: Number(args.seed),
    threshold: Number(args["service-level"]),
  };
  for (const key of ["agents", "erlangs", "aht", "calls"]) {
    if (!(out[key] > 0) || !Number.isFinite(out[key])) {
      process.stderr.write(`${name}: --${key} must be a number > 0\n`);
      process.exit(2);
    }
  }
  return out;
}
