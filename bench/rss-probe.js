// Preloaded with `node --import`: when the process exits, writes its peak RSS (KiB) to the file named by
// CCSIM_BENCH_RSS_FILE, so bench/run.js measures every implementation's memory the same way, from outside its code.
import { writeFileSync } from "node:fs";

const file = process.env.CCSIM_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
