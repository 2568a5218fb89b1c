// A progress bar on stderr, shown only when stderr is a terminal (never in CI logs or pipes): replications done and
// the time left, estimated from the pace so far. The clock is read here only, for people; no output depends on it.

import { performance } from "node:perf_hooks";

function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min left`;
  return `${(seconds / 3600).toFixed(1)} h left`;
}

export function progressBar(label: string, enabled = process.stderr.isTTY === true): {
  update(done: number, total: number): void;
  done(): void;
} {
  let shown = false;
  const start = performance.now();
  return {
    update(done, total) {
      if (!enabled) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const elapsed = (performance.now() - start) / 1000;
      const left = done > 0 && done < total ? `, ${timeLeft((elapsed / done) * (total - done))}` : "";
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${left}\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}
