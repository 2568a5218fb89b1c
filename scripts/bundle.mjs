// Bundles the compiled CLI (dist/) into dist/bundle/, the files bin/ccsim.js runs: one module graph of a few files
// instead of about a hundred (and each package's own), which takes ~0.08 s off the start of every command.
//
// Entry points: the CLI and the worker thread the pool starts (pool.ts finds it as ./worker.js next to itself, which
// holds in the bundle too). Code splitting keeps what main.ts imports lazily (commands, the HTML reports and d3) in
// chunks loaded only when used. Packages written as CommonJS call require(), which an ES module bundle does not have:
// the banner gives them one.

import { rmSync } from "node:fs";
import { build } from "esbuild";

// chunk names carry a content hash: clear the last build's, or they pile up
rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: ["dist/cli/main.js", "dist/experiment/worker.js"],
  outdir: "dist/bundle",
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  banner: { js: "import { createRequire as __ccsimRequire } from 'node:module'; const require = __ccsimRequire(import.meta.url);" },
});
