// report.html of `ccsim check`: the verdict of the gate, each target with its mean, interval, the bound judged on,
// the margin and met or missed, each drawn against its target line, and how to reproduce the check.

import type { TargetSpec } from "../../scenario/types.js";
import type { Verdict } from "../verdicts.js";
import { el, esc } from "./markup.js";
import { page } from "./page.js";
import { provenanceSections, type Provenance } from "./provenance.js";
import { targetFigures, verdictTableHtml } from "./targets.js";

export interface CheckReportInput {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly version: string;
  /** as in check.json */
  readonly verdicts: readonly Verdict[];
  /** the scenario's targets, in the order of the verdicts */
  readonly targets: readonly TargetSpec[];
  readonly provenance: Provenance;
}

export function checkReport(input: CheckReportInput): string {
  const { verdicts } = input;
  const missed = verdicts.filter((v) => !v.met);
  const n = verdicts.length;
  const answer =
    missed.length === 0
      ? el("p", { class: "answer met" }, `Passed: all ${n} target${n === 1 ? "" : "s"} met.`)
      : el(
          "p",
          { class: "answer missed" },
          esc(`Failed: missed ${missed.length} of ${n}: ${missed.map((v) => `${v.metric} ${v.target}`).join(", ")}.`),
        );
  return page({
    kind: "check",
    title: `ccsim check: ${input.scenario}`,
    facts: [
      missed.length === 0 ? "passed" : "failed",
      `seed ${input.seed}`,
      `${input.replications} replication${input.replications === 1 ? "" : "s"}`,
      `ccsim ${input.version}`,
    ],
    sections: [
      { id: "verdict", title: "Verdict", body: answer + verdictTableHtml(verdicts, "targets.csv") },
      {
        id: "targets",
        title: "Each target",
        body:
          el("p", { class: "note" }, "The dot is the mean over the replications, the line its 95% confidence interval, the dashed line the target.") +
          // (a Skype site's limit verdicts come after the targets' and have no target to draw)
          targetFigures(verdicts.slice(0, input.targets.length), input.targets),
      },
      ...provenanceSections(input.provenance),
    ],
  });
}
