// Loads the bundled CLI, dist/bundle/ccsim.cjs, with the V8 code cache the build saved beside it, so that a command
// neither parses nor compiles the bundle's JavaScript anew: V8 takes the bytecode from the cache.
//
// Why: start-up is part of every command, and of every worker thread. Measured on `ccsim run` of a 1 s scenario: 125
// to 94 ms. The cache only saves work: when it is missing or V8 turns it down (another Node version), the bundle
// compiles as usual and gives the same results, a little later. V8 checks a cache against the source's length only,
// so the cache's name carries a hash of the bundle's bytes: a bundle changed since gets no cache, never a stale one.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const BUNDLE = fileURLToPath(new URL("../dist/bundle/ccsim.cjs", import.meta.url));

/** The bundle's exports (main, serveJobs); codeCache, what became of the cache ("used", "rejected" by V8, or "none"
 *  found); and saveCodeCache() for the build. */
export function loadBundle() {
  const bytes = readFileSync(BUNDLE);
  const cacheFile = join(dirname(BUNDLE), `ccsim.${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}.cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // the bundle is one function expression, the wrapper Node puts around a CommonJS module (see scripts/bundle.mjs)
  const script = new Script(bytes.toString("utf8"), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return {
    ...module.exports,
    codeCache: cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used",
    /** Writes the cache: the bytecode of everything compiled so far, so call it after running a few commands. */
    saveCodeCache: () => writeFileSync(cacheFile, script.createCachedData()),
  };
}
