// The test suite: every test/**/*.test.ts, in forked processes. The report tests drive a real chromium; without one
// (scripts/ensure-chromium.sh installs Debian's when `npm test` runs as root) they are left out, said once here.
import { existsSync } from "node:fs";
import { configDefaults, defineConfig } from "vitest/config";

const CHROMIUM = process.env.CCSIM_CHROMIUM ?? "/usr/bin/chromium";
const BROWSER_TESTS = ["test/html-report.test.ts", "test/report-layout.test.ts"];
const browser = existsSync(CHROMIUM);
if (!browser) {
  process.stderr.write(
    `vitest: ${CHROMIUM} is missing: skipping the browser tests (${BROWSER_TESTS.join(", ")}); ` +
      "install it (sudo apt-get install -y chromium, or npm test as root) or set CCSIM_CHROMIUM\n",
  );
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(browser ? [] : BROWSER_TESTS)],
    testTimeout: 120_000,
    pool: "forks",
  },
});
