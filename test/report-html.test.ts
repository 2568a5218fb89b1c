// report.html built in-process: fault windows shaded on every time chart, paired differences that read as not
// significant, CSV links that carry their table, escaping, the reproduce command, and the same bytes for the same data.

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { commandLine, shellWord } from "../src/cli/command-line.js";
import type { ComparisonData } from "../src/report/comparison.js";
import { compareReport } from "../src/report/html/compare-report.js";
import { csvDataUrl, type DataTable } from "../src/report/html/figure.js";
import { shown } from "../src/report/html/format.js";
import type { Provenance } from "../src/report/html/provenance.js";
import { runReport, type RunReportInput } from "../src/report/html/run-report.js";
import { faultSpan } from "../src/report/html/time-chart.js";
import { summaryOf, type FaultWindow, type Summary } from "../src/report/summary.js";
import { run, scenarioFile } from "./helpers.js";

const provenance: Provenance = {
  command: "npx ccsim run scenarios/two-sites-node-based.yaml --replications 2 --set horizon=2h",
  seed: 7,
  replications: 2,
  version: "0.0.0-test",
  scenarioFile: "scenarios/two-sites-node-based.yaml",
  scenarioText: "# a comment with <angle brackets> & an ampersand\nversion: 1\n",
  overrides: ["horizon=2h"],
};

// two hours with a 30-minute warm-up: the time charts run from 0:30 to 2:00
const result = run(scenarioFile("two-sites-node-based.yaml", ["horizon=2h"]), 2);
const input = (summary: Summary): RunReportInput => ({
  summary,
  intervals: result.intervals,
  serviceLevelThreshold: 20,
  provenance,
});

/** Each figure of a page: its id, kind and markup. */
function figures(html: string): { id: string; kind: string; html: string }[] {
  return html
    .split("<figure ")
    .slice(1)
    .map((f) => ({ id: /id="([^"]+)"/.exec(f)![1]!, kind: /data-kind="([^"]+)"/.exec(f)![1]!, html: f.slice(0, f.indexOf("</figure>")) }));
}

const shadedRects = (figure: string) =>
  [...figure.matchAll(/<g class="fault-window"><rect class="fault" x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => ({
    x: Number(m[1]),
    width: Number(m[2]),
  }));

describe("fault windows", () => {
  const faults: FaultWindow[] = [
    { at: 3600, kind: "node-down", target: "dc1.n2", duration: 900 },
    { at: 5400, kind: "link-down", between: ["dc1", "dc2"], duration: null },
  ];
  const html = runReport(input({ ...summaryOf(result), faults }));
  const time = figures(html).filter((f) => f.kind === "time");

  it("a fault window is shaded on every time chart, from its start to its end (or to the end of the run)", () => {
    expect(time.map((f) => f.id)).toEqual(["load", "service-level", "waiting", "abandonment", "conflicts", "conflict-rate", "occupancy-time", "agents"]);
    for (const f of time) {
      // the plot (as wide as its x axis line) runs from 0:30 to 2:00 (5400 s)
      const w = Number(/class="axis x" [^>]*><line x2="([\d.]+)"/.exec(f.html)![1]);
      const x = (t: number) => ((t - 1800) / 5400) * w;
      const rects = shadedRects(f.html);
      expect(rects, f.id).toHaveLength(2);
      expect(rects[0]!.x).toBeCloseTo(x(3600), 0);
      expect(rects[0]!.width).toBeCloseTo(x(4500) - x(3600), 0);
      expect(rects[1]!.x).toBeCloseTo(x(5400), 0);
      expect(rects[1]!.x + rects[1]!.width).toBeCloseTo(w, 0);
      expect(f.html).toContain("F1: node-down dc1.n2 at 1:00 for 15 min");
      expect(f.html).toContain("F2: link-down dc1 - dc2 at 1:30 until the end");
    }
  });

  it("only time charts are shaded, and the faults are listed in a section of their own", () => {
    for (const f of figures(html).filter((x) => x.kind !== "time")) expect(shadedRects(f.html), f.id).toHaveLength(0);
    expect(html).toContain('<section id="faults">');
    expect(html).toContain("<td>F2</td><td>link-down</td><td>dc1 - dc2</td><td>1:30</td><td>end</td>");
  });

  it("without faults there is no shading and no Faults section", () => {
    const plain = runReport(input(summaryOf(result)));
    expect(plain).not.toContain("fault-window");
    expect(plain).not.toContain('id="faults"');
  });

  it("a window is cut to the charted time; one wholly outside it is left off", () => {
    const f = (at: number, duration: number | null): FaultWindow => ({ at, kind: "urs-down", target: "dc1.n1", duration });
    expect(faultSpan(f(600, 600), 7200, 1800, 7200)).toBeNull(); // over before the warm-up ends
    expect(faultSpan(f(1200, 1200), 7200, 1800, 7200)).toEqual([1800, 2400]);
    expect(faultSpan(f(7000, null), 7200, 1800, 7200)).toEqual([7000, 7200]);
    expect(faultSpan(f(8000, 60), 7200, 1800, 7200)).toBeNull();
  });
});

describe("compare report", () => {
  const m = (mean: number, lo: number, hi: number) => ({ mean, sd: 1, ci95: [lo, hi] as [number, number] });
  const data: ComparisonData = {
    ccsim: "0.0.0-test",
    scenario: "s",
    seed: 1,
    replications: 5,
    vary: "routing.mode",
    variants: [
      { value: "node-based", metrics: { serviceLevel: m(0.9, 0.88, 0.92), conflictRate: m(0.24, 0.22, 0.26) } },
      { value: "centralized", metrics: { serviceLevel: m(0.9005, 0.88, 0.92), conflictRate: m(0.1, 0.09, 0.11) } },
    ],
    differences: [
      {
        value: "centralized",
        against: "node-based",
        metrics: {
          serviceLevel: { mean: 0.0005, ci95: [-0.001, 0.002], significant: false },
          conflictRate: { mean: -0.14, ci95: [-0.16, -0.12], significant: true },
        },
      },
    ],
  };
  const html = compareReport({ data, focus: ["serviceLevel", "conflictRate"], provenance });
  const byId = Object.fromEntries(figures(html).map((f) => [f.id, f.html]));

  it("a difference whose interval includes 0 is drawn hollow and grey and says it is not significant", () => {
    expect(byId["metric-serviceLevel"]).toContain('class="series dotrow ns"');
    expect(byId["metric-serviceLevel"]).toContain(">not significant</text>");
    expect(byId["metric-conflictRate"]).not.toContain("dotrow ns");
    expect(byId["metric-conflictRate"]).toContain("dotrow sig");
  });

  it("differences of shares are in percentage points, with a zero line to read them against", () => {
    expect(byId["metric-conflictRate"]).toContain("difference (percentage points)");
    expect(byId["metric-conflictRate"]).toContain('class="zero"');
    expect(byId["metric-conflictRate"]).toContain("centralized − node-based: -14 [-16, -12]");
  });
});

describe("the page", () => {
  it("the same data give the same bytes", () => {
    const again = run(scenarioFile("two-sites-node-based.yaml", ["horizon=2h"]), 2);
    const a = runReport(input(summaryOf(result)));
    const b = runReport({ ...input(summaryOf(again)), intervals: again.intervals });
    expect(b === a).toBe(true);
  });

  it("needs nothing from the network and runs no script", () => {
    const html = runReport(input(summaryOf(result)));
    expect(html).not.toMatch(/<script|<link |src="|url\(|https?:\/\//);
  });

  it("escapes the scenario text it shows", () => {
    const html = runReport(input(summaryOf(result)));
    expect(html).toContain("# a comment with &lt;angle brackets&gt; &amp; an ampersand");
  });

  it("a CSV link holds exactly the cells of its table", () => {
    const t: DataTable = { columns: ["site", "service level (%)", "note"], rows: [["dc1", 94.12345678, "a, \"quoted\" #1 50%"], ["dc2", null, "é"]] };
    const url = csvDataUrl(t);
    expect(url).not.toMatch(/[\s"<>#&]/);
    const rows = parse(decodeURIComponent(url.slice(url.indexOf(",") + 1))) as string[][];
    expect(rows).toEqual([["site", "service level (%)", "note"], ["dc1", "94.123", 'a, "quoted" #1 50%'], ["dc2", "", "é"]]);
  });

  it("numbers show five significant digits, never an exponent for everyday sizes", () => {
    expect([0.95103376, 4.6267, 12345.67, 123456.7, -0.0001234, 0, 100].map(shown)).toEqual(["0.95103", "4.6267", "12346", "123457", "-0.0001234", "0", "100"]);
  });

  it("the reproduce command quotes what a shell would expand, and leaves output flags out", () => {
    expect(shellWord("sites[*].nodes=1,2,4")).toBe("'sites[*].nodes=1,2,4'");
    expect(shellWord("agents[0].count=13")).toBe("'agents[0].count=13'");
    expect(shellWord("horizon=2h")).toBe("horizon=2h");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(commandLine("sweep", "s.yaml", { seed: "8", set: ["horizon=2h"], vary: ["sites[*].nodes=1,2"] })).toBe(
      "npx ccsim sweep s.yaml --seed 8 --set horizon=2h --vary 'sites[*].nodes=1,2'",
    );
  });
});
