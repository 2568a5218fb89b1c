// `ccsim erlang`: Erlang B, C and A against published values, the fewest agents meeting targets, shrinkage and the
// occupancy cap, and through the real command line with its errors.

import { describe, expect, it } from "vitest";
import { answerErlang, erlangMeasuresAt, type ErlangQuestion } from "../src/metrics/erlang-calculator.js";
import { ccsim } from "./helpers.js";

const base: ErlangQuestion = { model: "C", rate: 200 / 3600, handleTime: 180, slTime: 20, targets: [], shrinkage: 0, maxOccupancy: 1 };
const sig4 = (x: number) => Number(x.toPrecision(4));

describe("the Erlang formulas, against published values", () => {
  it("Erlang C, 200 calls an hour of 180 s on 14 agents: probWait 0.174132, service level 0.888350 in 20 s, mean wait 7.836 s", () => {
    const m = erlangMeasuresAt(base, 14);
    expect(sig4(m.probWait)).toBe(0.1741);
    expect(sig4(m.serviceLevel)).toBe(0.8884);
    expect(sig4(m.meanWait)).toBe(7.836);
    const m13 = erlangMeasuresAt(base, 13);
    expect(sig4(m13.probWait)).toBe(0.2853);
    expect(sig4(m13.serviceLevel)).toBe(0.7956);
    expect(sig4(m13.meanWait)).toBe(17.12);
  });

  it("Erlang A, 10 calls a second of 1 s on 10 agents, patience 1 s: probWait 0.54207, abandonment 0.12511", () => {
    const m = erlangMeasuresAt({ ...base, model: "A", rate: 10, handleTime: 1, patience: 1 }, 10);
    expect(sig4(m.probWait)).toBe(0.5421);
    expect(sig4(m.abandonRate)).toBe(0.1251);
    expect(sig4(m.meanWait)).toBe(0.1251);
  });

  it("Erlang B, the traffic tables: 5 erlangs on 10 lines block 1.838%; 12.03 erlangs is what 20 lines carry at 1%", () => {
    expect(sig4(erlangMeasuresAt({ ...base, model: "B", rate: 5, handleTime: 1 }, 10).blocking)).toBe(0.01838);
    expect(erlangMeasuresAt({ ...base, model: "B", rate: 12.03, handleTime: 1 }, 20).blocking).toBeCloseTo(0.01, 4);
  });
});

describe("the fewest agents", () => {
  it("meeting 80% within 20 s at 10 erlangs is 14 (13 gives 79.6%)", () => {
    const a = answerErlang({ ...base, targets: [{ metric: "serviceLevel", op: ">=", value: 0.8 }] });
    expect(a.agents).toBe(14);
    expect(a.decidedBy).toBe("targets");
  });

  it("shrinkage: 14 on the phones with 30% shrinkage means 20 scheduled", () => {
    const a = answerErlang({ ...base, shrinkage: 0.3, targets: [{ metric: "serviceLevel", op: ">=", value: 0.8 }] });
    expect([a.agents, a.scheduled]).toEqual([14, 20]);
  });

  it("a maximum occupancy of 65% asks for more agents than the service level does: ceil(10 / 0.65) = 16", () => {
    const a = answerErlang({ ...base, maxOccupancy: 0.65, targets: [{ metric: "serviceLevel", op: ">=", value: 0.8 }] });
    expect(a.agents).toBe(16);
    expect(a.decidedBy).toBe("max occupancy");
    expect(a.measures.occupancy).toBeLessThanOrEqual(0.65);
  });

  it("Erlang B: 20 lines for 1% blocking at 12 erlangs", () => {
    const a = answerErlang({ ...base, model: "B", rate: 12, handleTime: 1, targets: [{ metric: "blocking", op: "<=", value: 0.01 }] });
    expect(a.agents).toBe(20);
    expect(erlangMeasuresAt({ ...base, model: "B", rate: 12, handleTime: 1 }, 19).blocking).toBeGreaterThan(0.01);
  });
});

describe("ccsim erlang", () => {
  it("prints one line for one rate, and the same answer as --json", () => {
    const r = ccsim(["erlang", "c", "--rate", "200/h", "--aht", "3m", "--target", "serviceLevel>=80%"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Erlang C: 200/h x 3m = 10.000 erlangs\n14 agents (the fewest meeting every target): probWait 17.41%, serviceLevel 88.84% within 20s, asa 7.836 s, occupancy 71.43%\n",
    );
    const j = JSON.parse(ccsim(["erlang", "c", "--rate", "200/h", "--aht", "3m", "--target", "serviceLevel>=80%", "--json"]).stdout);
    expect(j.intervals[0].agents).toBe(14);
    expect(j.intervals[0].measures.serviceLevel).toBeCloseTo(0.88835, 5);
  });

  it("a rate per interval gives a table, a row each, with the agents to schedule", () => {
    const r = ccsim(["erlang", "c", "--rate", "100/h,200/h,300/h", "--aht", "3m", "--target", "serviceLevel>=0.8", "--shrinkage", "30%", "--interval", "30m"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n");
    expect(rows[0]!.split(/\s+/)).toEqual(["period", "start", "rate/h", "erlangs", "agents", "scheduled", "probWait", "serviceLevel", "asa", "occupancy"]);
    expect(rows.slice(1).map((l) => l.split(/\s+/).slice(0, 6))).toEqual([
      ["1", "0s", "100.0", "5.000", "8", "12"],
      ["2", "30m", "200.0", "10.000", "14", "20"],
      ["3", "1h", "300.0", "15.000", "19", "28"],
    ]);
  });

  it.each([
    [["erlang", "x", "--rate", "1", "--aht", "1s", "--agents", "1"], /expected the model b, c or a/],
    [["erlang", "c", "--aht", "1s", "--agents", "1"], /^--rate: missing/],
    [["erlang", "a", "--rate", "1", "--aht", "1s", "--agents", "2"], /^--patience: missing/],
    [["erlang", "c", "--rate", "200/h", "--aht", "3m", "--agents", "9"], /9 agents cannot carry 10\.000 erlangs/],
    [["erlang", "c", "--rate", "200/h", "--aht", "3m", "--target", "servicelevel>=0.8"], /did you mean "serviceLevel"/],
    [["erlang", "c", "--rate", "200/h", "--aht", "3m", "--target", "blocking<=1%"], /blocking is Erlang B's measure/],
    [["erlang", "c", "--rate", "200/h", "--aht", "3m", "--shrinkage", "100%", "--agents", "14"], /^--shrinkage: expected a share in \[0, 1\)/],
    [["erlang", "c", "--rate", "fast", "--aht", "3m", "--agents", "14"], /^--rate: expected a rate like/],
  ])("refuses %j in one line, exit 2", (args, message) => {
    const r = ccsim(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});
