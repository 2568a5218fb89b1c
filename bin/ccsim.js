#!/usr/bin/env node
// The ccsim command: runs the compiled CLI (npm ci builds it through `prepare`).
import { main } from "../dist/cli/main.js";
main(process.argv).then((code) => { process.exitCode = code; });
