// Bundles the compiled CLI (dist/) into dist/bundle/ccsim.cjs, the one file bin/ccsim.js runs, and saves V8's code
// cache for it (bin/load-bundle.js explains the cache; scripts/code-cache.mjs makes it).
//
// One file instead of about a hundred modules (and each package's own) takes ~0.08 s off the start of every command,
// and the code cache ~0.035 s more. CommonJS rather than an ES module because only a classic script can be compiled
// with a code cache in Node 20. What main.ts imports lazily (commands, the HTML reports and d3) stays lazy: esbuild
// runs a module's top level only when it is first imported. import.meta.url (the package.json beside, the worker
// starter) becomes the bundle's own URL, which sits as deep in dist/ as the modules it came from.
//
// Worker threads start from dist/bundle/worker-thread.js, written here: it loads the same bundle and cache.

import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: ["dist/cli/bundle-entry.js"],
  outfile: "dist/bundle/ccsim.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  define: { "import.meta.url": "__ccsimBundleUrl" },
  // the file is the function Node would wrap a CommonJS module in, so that the loader compiles it as it is, not a
  // copy of it with the wrapper added; strict, as the ES modules it came from (esbuild's own "use strict" comes
  // after the banner, where it no longer counts)
  banner: {
    js: "(function (exports, require, module, __filename, __dirname) {\n\"use strict\";\nconst __ccsimBundleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  footer: { js: "})" },
});
writeFileSync(
  "dist/bundle/worker-thread.js",
  `// A pool's worker thread (written by scripts/bundle.mjs): the bundle's job loop.
import { parentPort } from "node:worker_threads";
import { loadBundle } from "../../bin/load-bundle.js";

await loadBundle().serveJobs(parentPort);
`,
);
// commands print here: keep the build's output clean
execFileSync(process.execPath, ["scripts/code-cache.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
