// The sections every report ends with: how to reproduce it (the command, seed, version) and the scenario it ran.

import { createHash } from "node:crypto";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";

/** Where the numbers came from: enough to make them again. */
export interface Provenance {
  /** the command line, output flags left out (they do not change the numbers) */
  readonly command: string;
  readonly seed: number;
  readonly replications: number;
  readonly version: string;
  /** the scenario as given: a file name (or `<demo>`) and its text */
  readonly scenarioFile: string;
  readonly scenarioText: string;
  /** `--set` overrides applied on top of the file */
  readonly overrides: readonly string[];
}

export function provenanceSections(p: Provenance): Section[] {
  const sha = createHash("sha256").update(p.scenarioText).digest("hex");
  const facts = [
    ["command", el("code", {}, esc(p.command))],
    ["seed", String(p.seed)],
    ["replications", String(p.replications)],
    ["ccsim version", esc(p.version)],
    ["scenario", `${el("code", {}, esc(p.scenarioFile))} (sha-256 ${el("code", { class: "sha" }, sha)})`],
  ];
  if (p.overrides.length > 0) facts.push(["overrides", p.overrides.map((o) => el("code", {}, esc(o))).join(" ")]);
  const reproduce = el(
    "table",
    { class: "facts-table" },
    el("tbody", {}, ...facts.map(([k, v]) => el("tr", {}, el("th", { scope: "row" }, k!), el("td", {}, v!)))),
  );
  return [
    {
      id: "reproduce",
      title: "Reproduce",
      body:
        el("p", {}, "Same scenario file, seed and ccsim version: the same numbers, to the last digit, on any machine.") +
        el("pre", {}, el("code", {}, esc(p.command))) +
        reproduce,
    },
    {
      id: "scenario",
      title: "Scenario",
      body: el(
        "details",
        { class: "scenario" },
        el("summary", {}, `${esc(p.scenarioFile)}${p.overrides.length > 0 ? ", before the overrides above" : ""}`),
        el("pre", {}, el("code", {}, esc(p.scenarioText))),
      ),
    },
  ];
}
