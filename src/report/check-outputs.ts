// What `ccsim check` writes for CI systems: check.md (a table a GitHub step summary renders), check.xml (JUnit XML,
// one test case per target) and GitHub Actions workflow commands (`::error::` for each missed target).

import { formatMetric } from "./units.js";
import { verdictMarkdown, type Verdict } from "./verdicts.js";

export interface CheckHead {
  readonly scenario: string;
  /** the scenario file as the user named it (annotations point at it) */
  readonly file: string;
  readonly seed: number;
  readonly replications: number;
}

/** One line saying whether the gate passed and, when not, which targets it missed. */
export function checkVerdictLine(vs: readonly Verdict[]): string {
  const missed = vs.filter((v) => !v.met);
  return missed.length === 0
    ? `all ${vs.length} target${vs.length === 1 ? "" : "s"} met`
    : `MISSED ${missed.length} of ${vs.length}: ${missed.map((v) => `${v.metric} ${v.target}`).join(", ")}`;
}

function judged(v: Verdict): string {
  const ci = v.ci95 ? `, 95% CI [${formatMetric(v.metric, v.ci95[0])}, ${formatMetric(v.metric, v.ci95[1])}]` : "";
  return `judged on ${formatMetric(v.metric, v.judgedOn)} (mean ${formatMetric(v.metric, v.mean)}${ci})`;
}

export function checkMarkdown(h: CheckHead, vs: readonly Verdict[]): string {
  const passed = vs.every((v) => v.met);
  return (
    [
      `## ccsim check: ${h.scenario} ${passed ? "passed" : "failed"}`,
      "",
      `seed ${h.seed}, ${h.replications} replication${h.replications === 1 ? "" : "s"}; each target judged on the 95% bound that makes the claim safe`,
      "",
      ...verdictMarkdown(vs),
      "",
      `**${checkVerdictLine(vs)}**`,
    ].join("\n") + "\n"
  );
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** JUnit XML: the scenario is the suite, each target a test case that fails when the target is missed. */
export function checkJunit(h: CheckHead, vs: readonly Verdict[]): string {
  const failures = vs.filter((v) => !v.met).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ccsim check" tests="${vs.length}" failures="${failures}">`,
    `  <testsuite name="${xml(h.scenario)}" tests="${vs.length}" failures="${failures}" errors="0" skipped="0">`,
    "    <properties>",
    `      <property name="file" value="${xml(h.file)}"/>`,
    `      <property name="seed" value="${h.seed}"/>`,
    `      <property name="replications" value="${h.replications}"/>`,
    "    </properties>",
  ];
  for (const v of vs) {
    const name = xml(`${v.metric} ${v.target}`);
    if (v.met) lines.push(`    <testcase classname="${xml(h.scenario)}" name="${name}"/>`);
    else {
      lines.push(`    <testcase classname="${xml(h.scenario)}" name="${name}">`);
      lines.push(`      <failure message="${xml(`${v.metric} ${v.target} missed: ${judged(v)}`)}" type="target missed"/>`);
      lines.push("    </testcase>");
    }
  }
  lines.push("  </testsuite>", "</testsuites>");
  return lines.join("\n") + "\n";
}

/** A workflow command's property value: GitHub's escapes for %, CR, LF, and for : and , inside properties. */
function ghProperty(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function ghMessage(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** GitHub Actions annotations: one `::error` line for each missed target, on the scenario file. */
export function githubAnnotations(h: CheckHead, vs: readonly Verdict[]): string {
  return vs
    .filter((v) => !v.met)
    .map((v) => `::error file=${ghProperty(h.file)},title=${ghProperty(`ccsim check: ${v.metric} ${v.target}`)}::${ghMessage(`${h.scenario}: ${v.metric} ${v.target} missed, ${judged(v)}`)}\n`)
    .join("");
}
