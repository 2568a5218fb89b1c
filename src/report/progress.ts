// A progress bar on stderr, shown only when stderr is a terminal (never in CI logs or pipes).

export function progressBar(label: string, enabled = process.stderr.isTTY === true): {
  update(done: number, total: number): void;
  done(): void;
} {
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}
