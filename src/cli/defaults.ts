// `ccsim defaults [--json]`: every scenario default, its value and where it comes from (a guide's option, an
// assumption with why, or a convention of the format); docs/defaults.md keeps the same table.

import { defaultsJson, defaultsText } from "../report/defaults-table.js";

export function defaultsCommand(opts: { readonly json?: boolean }): number {
  process.stdout.write(opts.json ? defaultsJson() : defaultsText());
  return 0;
}
