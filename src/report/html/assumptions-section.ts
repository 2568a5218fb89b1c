// The report's "Assumptions" section: the defaults from no guide that the run relied on (summary.json's assumptions),
// so a planner sees at once what to measure or decide before trusting the numbers.

import type { Assumption } from "../../scenario/types.js";
import { shownAssumption } from "../defaults-table.js";
import { el, esc } from "./markup.js";
import type { Section } from "./page.js";

export function assumptionsSection(assumptions: readonly Assumption[]): Section {
  const intro =
    assumptions.length === 0
      ? "The scenario sets every default that no guide gives: the run rests on no assumption of ccsim's."
      : `The scenario left these ${assumptions.length} defaults to ccsim, and no guide gives them: set each to what you ` +
        "measure or decide (ccsim defaults lists every default and its source).";
  const rows = assumptions.map((a) =>
    el("tr", {}, el("th", { scope: "row" }, el("code", {}, esc(a.path))), el("td", {}, esc(shownAssumption(a.path, a.value))), el("td", {}, esc(a.why))),
  );
  return {
    id: "assumptions",
    title: "Assumptions",
    body: el("p", { class: "note" }, esc(intro)) + (rows.length === 0 ? "" : el("table", { class: "facts-table" }, el("tbody", {}, ...rows))),
  };
}
