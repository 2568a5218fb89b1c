// The Asterisk voicemail table of the run table on the terminal (scenarios with voicemail boxes or mwi only): the
// calls sent to boxes, the messages left, handled and waiting at the end, how long they waited, and SIP Server's MWI
// messages, each with its confidence interval.

import type { MetricSummary, VoicemailSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { formatAs } from "./units.js";

const DELAYS: readonly string[] = ["messageDelay", "messageDelayP50", "messageDelayP90"];

function shown(name: string, x: number): string {
  return formatAs(DELAYS.includes(name) ? "s" : "count", x);
}

function ci(name: string, s: MetricSummary): string {
  return s.ci95 ? `[${shown(name, s.ci95[0])}, ${shown(name, s.ci95[1])}]` : "";
}

export function voicemailTable(v: VoicemailSummary): string {
  const rows = [["voicemail and MWI", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(v.metrics)) rows.push([name, shown(name, s.mean), ci(name, s)]);
  return grid(rows);
}
