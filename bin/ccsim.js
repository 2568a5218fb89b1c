#!/usr/bin/env node
// The ccsim command: runs the compiled, bundled CLI (npm ci builds it through `prepare`; see scripts/bundle.mjs).
import { main } from "../dist/bundle/main.js";
main(process.argv).then((code) => { process.exitCode = code; });
