// The Asterisk voicemail table of the run table on the terminal (scenarios with voicemail boxes or mwi only): the
// calls sent to boxes, the messages left, handled and waiting at the end, how long they waited, and SIP Server's MWI
// messages, each with its confidence interval.

import type { VoicemailSummary } from "../observe/results.js";
import { grid } from "./grid.js";
import { summaryRowAs, type MetricUnit } from "./units.js";

const DELAYS: readonly string[] = ["messageDelay", "messageDelayP50", "messageDelayP90"];

/** the unit each of its numbers is shown in, on the terminal and in report.html */
export function voicemailUnit(name: string): MetricUnit {
  return DELAYS.includes(name) ? "s" : "count";
}

export function voicemailTable(v: VoicemailSummary): string {
  const rows = [["voicemail and MWI", "mean", "95% CI"]];
  for (const [name, s] of Object.entries(v.metrics)) rows.push(summaryRowAs(name, voicemailUnit(name), s));
  return grid(rows);
}
