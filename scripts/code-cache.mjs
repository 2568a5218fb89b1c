// Runs a few commands on the freshly built bundle, then saves its V8 code cache (see bin/load-bundle.js): the cache
// then holds the bytecode of what they compiled along the way (scenario loading, the model, the reports), not only
// the top level. Run by scripts/bundle.mjs; its commands' output goes nowhere.

import { loadBundle } from "../bin/load-bundle.js";

const ccsim = loadBundle();
const commands = [
  ["run", "--quiet", "--set", "horizon=1h", "--set", "warmup=0"],
  ["run", "scenarios/erlang-c.yaml", "--json", "--set", "horizon=1h", "--set", "warmup=0"],
  ["run", "scenarios/two-sites-node-based.yaml", "--set", "horizon=10m", "--set", "warmup=0"],
  ["validate", "scenarios/erlang-c.yaml"],
];
for (const args of commands) {
  const code = await ccsim.main(["node", "ccsim", ...args]);
  if (code !== 0) throw new Error(`code cache: ccsim ${args.join(" ")} exited ${code}`);
}
ccsim.saveCodeCache();
