#!/usr/bin/env node
// The ccsim command: runs the bundled CLI (npm ci builds it through `prepare`; see scripts/bundle.mjs).
import { loadBundle } from "./load-bundle.js";

loadBundle().main(process.argv).then((code) => { process.exitCode = code; });
