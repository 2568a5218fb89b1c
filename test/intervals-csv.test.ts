// intervals.csv read back with a CSV parser: the columns it always had first, then each metric's 95% interval over
// replications (the mean inside it, the bounds inside the metric's domain), the agents on shift per interval as the
// staffing plan puts them there, and with `start:` each interval's clock time.

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { domainOf } from "../src/metrics/metric-domain.js";
import { METRIC_NAMES } from "../src/metrics/tally.js";
import { intervalsCsv } from "../src/report/csv.js";
import { run, scenarioFile } from "./helpers.js";

const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe("intervals.csv", () => {
  // a morning of four hours, staffed 10, 15, 25 and 15 agents, hour by hour
  const perPeriod = run(scenarioFile("sized-per-period.yaml"), 3);
  const text = intervalsCsv(perPeriod);
  const rows = rowsOf(text);

  it("keeps its columns in place and appends each metric's bounds, then the agents on shift", () => {
    const header = text.slice(0, text.indexOf("\n")).split(",");
    const means = METRIC_NAMES.filter((n) => header.includes(n));
    expect(header.slice(0, 4 + means.length)).toEqual(["start_s", "end_s", "site", "type", ...means]);
    expect(header.slice(4 + means.length)).toEqual([...means.flatMap((n) => [`${n}_lo`, `${n}_hi`]), "staffed", "staffed_lo", "staffed_hi"]);
  });

  it("every mean lies within its 95% interval, and every bound within what the metric can be", () => {
    let bounded = 0;
    for (const r of rows) {
      for (const n of METRIC_NAMES) {
        if (r[n] === undefined) continue;
        const [mean, lo, hi] = [Number(r[n]), Number(r[`${n}_lo`]), Number(r[`${n}_hi`])];
        const [min, max] = domainOf(n);
        expect(lo, `${n} at ${r.start_s}`).toBeLessThanOrEqual(mean + 1e-9);
        expect(hi, `${n} at ${r.start_s}`).toBeGreaterThanOrEqual(mean - 1e-9);
        expect(lo).toBeGreaterThanOrEqual(min);
        expect(hi).toBeLessThanOrEqual(max);
        if (hi > lo) bounded++;
      }
    }
    // three replications that differ: most intervals are real intervals, not points
    expect(bounded).toBeGreaterThan(rows.length * 5);
  });

  it("agents on shift follow the staffing plan: 10, 15 and 25, then a little over 15 while those going off finish their calls", () => {
    const whole = rows.filter((r) => r.site === "*" && r.type === "*");
    expect(whole.map((r) => Number(r.start_s))).toEqual([0, 3600, 7200, 10800]);
    expect(whole.slice(0, 3).map((r) => Number(r.staffed))).toEqual([10, 15, 25]);
    const last = Number(whole[3]!.staffed);
    expect(last).toBeGreaterThan(15);
    expect(last).toBeLessThan(16);
    expect(Number(whole[3]!.staffed_lo)).toBeLessThanOrEqual(last);
    // a type's rows have no agents of their own: agents belong to sites
    expect(rows.filter((r) => r.type !== "*").every((r) => r.staffed === "")).toBe(true);
  });

  it("with one replication the bounds are empty, not a made-up interval", () => {
    const one = rowsOf(intervalsCsv(run(scenarioFile("sized-per-period.yaml"), 1)));
    expect(one.every((r) => r.serviceLevel !== "" && r.serviceLevel_lo === "" && r.staffed_hi === "")).toBe(true);
  });

  it("with `start:` each row carries its start as a UTC date-time; without it there is no such column", () => {
    expect(rows[0]!.start_time).toBeUndefined();
    const dated = rowsOf(intervalsCsv(run(scenarioFile("sized-per-period.yaml", ["start=2024-03-04T08:00:00Z"]), 2)));
    const whole = dated.filter((r) => r.site === "*" && r.type === "*");
    expect(whole.map((r) => r.start_time)).toEqual(["2024-03-04T08:00:00Z", "2024-03-04T09:00:00Z", "2024-03-04T10:00:00Z", "2024-03-04T11:00:00Z"]);
  });
});
