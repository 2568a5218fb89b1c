#!/usr/bin/env sh
# Makes sure the browser the HTML report test drives is installed: Debian's chromium, at /usr/bin/chromium (or the
# executable CCSIM_CHROMIUM names). Does nothing when it is there; installs it with apt-get when run as root; otherwise
# says so and lets the tests run without it (vitest.config.ts leaves the browser tests out).
set -eu

browser="${CCSIM_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $browser is missing; installing Debian's chromium (apt-get install -y chromium)" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi
echo "ensure-chromium: $browser is missing and this is not root on Debian, so it cannot be installed here." >&2
echo "ensure-chromium: install it (sudo apt-get install -y chromium) or set CCSIM_CHROMIUM to a Chromium executable;" >&2
echo "ensure-chromium: until then the browser tests (test/html-report.test.ts, test/report-layout.test.ts) are skipped." >&2
