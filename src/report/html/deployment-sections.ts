// The report's sections of what some scenarios have beside the metrics: a Skype for Business site (its numbers and the
// guide's limits), the callers (retrials, callbacks, transfers), Asterisk voicemail and MWI, Asterisk private calls.

import type { CallersSummary, PrivateCallSummary, SkypeSummary, VoicemailSummary } from "../../observe/results.js";
import { callerUnit } from "../callers.js";
import { privateCallUnit } from "../private-calls.js";
import { unitOf } from "../units.js";
import { voicemailUnit } from "../voicemail.js";
import { tableHtml, type DataTable } from "./figure.js";
import { el } from "./markup.js";
import { numbersSection, type NumbersPart } from "./numbers-section.js";
import type { Section } from "./page.js";

const MEANS = "Means over replications with their 95% intervals; counts are per run (the measured window of one replication).";

export function skypeSection(k: SkypeSummary): Section {
  const limits: DataTable = {
    columns: ["guide's limit", "reached", "limit", "verdict"],
    rows: k.limits.map((l) => {
      const pool = l.check === "conferencePoolSize";
      return [l.check, l.value, `${pool ? ">=" : "<="} ${l.limit}`, l.exceeded ? (pool ? "below guideline" : "exceeded") : "within"];
    }),
  };
  return numbersSection(
    "skype",
    "Skype for Business",
    `${MEANS} The limits are judged on the worst replication (the configured pool for the pool guideline).`,
    [{ heading: "T-Server and connectors", id: "skype", numbers: k.metrics }],
    (name) => unitOf(name as keyof SkypeSummary["metrics"]),
    el("h3", {}, "The guide's limits") + tableHtml(limits, "skype-limits"),
  );
}

export function callersSection(c: CallersSummary): Section {
  const parts: NumbersPart[] = [];
  if (c.retrials) parts.push({ heading: "Retrials: attempts and unique callers", id: "callers-retrials", numbers: c.retrials });
  if (c.callbacks) parts.push({ heading: "Callbacks (virtual hold)", id: "callers-callbacks", numbers: c.callbacks });
  if (c.transfers) parts.push({ heading: "Transfers and consultations", id: "callers-transfers", numbers: c.transfers });
  return numbersSection("callers", "Callers: retrials, callbacks, transfers", MEANS, parts, callerUnit);
}

export function voicemailSection(v: VoicemailSummary): Section {
  return numbersSection("voicemail", "Asterisk voicemail and MWI", MEANS, [{ heading: "Boxes, messages and MWI", id: "voicemail", numbers: v.metrics }], voicemailUnit);
}

export function privateCallsSection(p: PrivateCallSummary): Section {
  return numbersSection("private-calls", "Asterisk private calls", MEANS, [{ heading: "Private calls", id: "private-calls", numbers: p.metrics }], privateCallUnit);
}
