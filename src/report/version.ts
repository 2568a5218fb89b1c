// ccsim's own version, read from package.json so that outputs name the exact build that made them.

import { readFileSync } from "node:fs";

export const CCSIM_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
