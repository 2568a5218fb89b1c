// Asterisk as SIP Server's media server (SIP Server and Asterisk Integration Reference, Asterisk as a Media Server):
// announcements and digit collection before routing, and recordings, each on one of the site's media ports; a
// treatment that finds no port is skipped, a recording that finds none is lost; `size --for ports` finds the smallest
// pool for a blocking target. The pure-loss case is checked against Erlang B.

import { describe, expect, it } from "vitest";
import { openPool } from "../src/experiment/pool.js";
import { experimentRunner } from "../src/experiment/pooled-experiment.js";
import { portStart, sizePorts } from "../src/experiment/port-sizing.js";
import { answerErlang, erlangMeasuresAt } from "../src/metrics/erlang-calculator.js";
import { ccsim, filesOf, run, scenarioOf, tempFolders } from "./helpers.js";

const tmp = tempFolders("media-ports");

/** One standalone site whose Asterisk has `ports` media ports; plenty of agents, so that routing never waits. */
function center(ports: number, traffic: string, extra = ""): string {
  return `
topology: standalone
horizon: 21h
warmup: 1h
interval: 1h
replications: 10
sites: [{ id: hq, mediaPorts: { capacity: ${ports} } }]
agents:
  - { group: desk, count: 60, skills: { s: 1 } }
traffic:
  - { type: t, target: "s > 0", ${traffic} }
${extra}`;
}

// Poisson calls at 360/h, each hearing a prompt of exponential length, mean 60 s, on one port: 6 Erlangs offered.
// Nobody hangs up during it (no patience), so a port is held exactly as long as its prompt: a pure loss system.
const RATE = 360 / 3600;
const PROMPT = 60;
const PURE_LOSS = (ports: number, extra = "") =>
  center(ports, `arrivals: { rate: 360/h }, handleTime: 5s, treatment: { duration: { dist: exponential, mean: ${PROMPT}s } }`, extra);
const ERLANG_B = { model: "B" as const, rate: RATE, handleTime: PROMPT, slTime: 0 };

describe("the media ports (SIP Server and Asterisk Integration Reference, Asterisk as a Media Server)", () => {
  it("a pool smaller than the offered treatments blocks: prompts are skipped, and the skipped callers still reach an agent", () => {
    const small = run(scenarioOf(PURE_LOSS(4)));
    const ample = run(scenarioOf(PURE_LOSS(30)));
    const p = small.mediaPorts!.metrics;
    expect(p.treatmentsSkipped.mean).toBeGreaterThan(0);
    expect(p.portBlocking.ci95![0]).toBeGreaterThan(0.3);
    expect(p.portsPeak.mean).toBe(4);
    expect(p.treatments.mean + p.treatmentsSkipped.mean).toBe(p.requests.mean);
    // 30 ports for 6 Erlangs: Erlang B gives 4e-11, so nothing is skipped
    expect(ample.mediaPorts!.metrics.treatmentsSkipped.mean).toBe(0);
    expect(ample.mediaPorts!.metrics.portsPeak.mean).toBeLessThan(30);
    // a skipped prompt is a caller routed at once: answered as often, and sooner
    expect(small.metrics.answered!.mean).toBeCloseTo(ample.metrics.answered!.mean, -1);
    expect(small.metrics.asa!.mean).toBeLessThan(ample.metrics.asa!.mean);
  });

  it("a recording that finds no port is lost and counted; the answered calls are recorded at their share", () => {
    // 240/h answered, 4 min talks, 80% recorded: 12.8 Erlangs of recording on 10 ports
    const s = scenarioOf(center(10, "arrivals: { rate: 240/h }, handleTime: { dist: exponential, mean: 4m }, recording: 0.8"));
    const r = run(s);
    const p = r.mediaPorts!.metrics;
    expect(p.recordingsLost.mean).toBeGreaterThan(0);
    expect(p.recordings.mean + p.recordingsLost.mean).toBe(p.requests.mean);
    const share = (p.recordings.mean + p.recordingsLost.mean) / r.metrics.answered!.mean;
    expect(share).toBeGreaterThan(0.77);
    expect(share).toBeLessThan(0.83);
    // the recorded share of talk is Erlang B's loss system too: 12.8 Erlangs on 10 ports
    const b = erlangMeasuresAt({ ...ERLANG_B, rate: (240 / 3600) * 0.8, handleTime: 240 }, 10).blocking;
    expect(p.portBlocking.ci95![0]).toBeLessThan(b);
    expect(p.portBlocking.ci95![1]).toBeGreaterThan(b);
    expect(p.treatments.mean).toBe(0);
  });

  it("pure loss: blocking and utilization agree with Erlang B within the run's confidence interval", () => {
    for (const ports of [5, 8]) {
      const r = run(scenarioOf(PURE_LOSS(ports)));
      const b = erlangMeasuresAt(ERLANG_B, ports);
      const p = r.mediaPorts!.metrics;
      expect(p.portBlocking.ci95![0], `${ports} ports`).toBeLessThan(b.blocking);
      expect(p.portBlocking.ci95![1], `${ports} ports`).toBeGreaterThan(b.blocking);
      // carried load over capacity: Erlang B's occupancy of the lines
      expect(p.portUtilization.ci95![0], `${ports} ports`).toBeLessThan(b.occupancy);
      expect(p.portUtilization.ci95![1], `${ports} ports`).toBeGreaterThan(b.occupancy);
    }
  });

  it("size finds the smallest pool for the blocking target, as Erlang B does", async () => {
    // Erlang B at 6 Erlangs: 9 ports block 7.5%, 10 ports 4.3%; the target 6% lies well between them
    const s = scenarioOf(PURE_LOSS(4, 'targets: { portBlocking: "<= 6%" }'));
    const want = answerErlang({ ...ERLANG_B, targets: [{ metric: "blocking", op: "<=", value: 0.06 }], shrinkage: 0, maxOccupancy: 1 });
    expect(want.agents).toBe(10);
    expect(portStart(s, "hq").offeredLoad).toBeCloseTo(6, 9);
    const r = await sizePorts(s, "hq", { seed: s.seed, replications: s.replications, run: experimentRunner(openPool(1)) });
    expect(r.recommended).toBe(want.agents);
    expect(r.tries.find((t) => t.count === 9)?.met).toBe(false);
  });

  it("ccsim size --for ports:hq prints the pool and writes its sizing files", () => {
    const out = tmp();
    const r = ccsim(["size", "scenarios/asterisk-media-ports.yaml", "--for", "ports:hq", "--replications", "4", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/recommended: \d+ media ports in hq/);
    const json = JSON.parse(filesOf(out)["sizing.json"]!.toString());
    expect(json.sized).toEqual({ what: "ports", site: "hq", max: expect.any(Number) });
    expect(json.start.model).toBe("Erlang B");
    // report.html: the answer, each try's pool blocking as sizing.json has it, and the two charts against the capacity
    const html = filesOf(out)["report.html"]!.toString();
    expect(html).toContain(`Recommended: ${json.recommended.hq} media ports in hq`);
    const first = json.tries[0];
    expect(html).toContain(`<td>${first.count}</td><td>${first.met ? "met" : "missed"}</td><td>${Number((first.portBlocking * 100).toPrecision(5))}</td>`);
    for (const id of ["answer", "targets", "tries", "portBlocking", "portUtilization", "method", "reproduce"]) expect(html).toContain(`id="${id}"`);
    expect(ccsim(["size", "scenarios/asterisk-media-ports.yaml", "--for", "ports:dc9"]).stderr).toMatch(/no site "dc9" with media ports/);
    // a looser target from the command line wants fewer ports
    const loose = ccsim(["size", "scenarios/asterisk-media-ports.yaml", "--for", "ports", "--replications", "4", "--target", "portBlocking=<= 5%", "--json"]);
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.stdout).recommended.hq).toBeLessThan(JSON.parse(filesOf(out)["sizing.json"]!.toString()).recommended.hq);
    // and a port target where no site has media ports is bad input
    const none = ccsim(["check", "scenarios/erlang-c.yaml", "--target", "portBlocking=<= 2%"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^--target portBlocking=<= 2%: targets\.portBlocking: a portBlocking target needs Asterisk media ports/);
  });

  it("ccsim check judges a portBlocking target: the shipped 24 ports miss it, 48 meet it", () => {
    const args = ["check", "scenarios/asterisk-media-ports.yaml", "--replications", "4"];
    const small = ccsim(args);
    expect(small.code).toBe(1);
    expect(small.stdout).toContain("MISSED 1 of 1: portBlocking <= 1%");
    const large = ccsim([...args, "--set", "sites[0].mediaPorts.capacity=48"]);
    expect(large.code).toBe(0);
    expect(large.stdout).toContain("all 1 target met");
  });

  it("a treatment counts in the caller's wait: a prompt before routing is time before an agent answers", () => {
    const r = run(scenarioOf(PURE_LOSS(30)));
    expect(r.metrics.asa!.mean).toBeGreaterThan(PROMPT * 0.9);
  });
});

describe("determinism", () => {
  it("the shipped media-port day writes the same bytes on one worker and on two", () => {
    const a = tmp();
    const b = tmp();
    const args = ["run", "scenarios/asterisk-media-ports.yaml", "--replications", "4", "--quiet"];
    expect(ccsim([...args, "--workers", "1", "--out", a]).code).toBe(0);
    expect(ccsim([...args, "--workers", "2", "--out", b]).code).toBe(0);
    const one = filesOf(a);
    expect(filesOf(b)).toEqual(one);
    const summary = JSON.parse(one["summary.json"]!.toString());
    // the shipped pool blocks in the busy hour, more than its portBlocking target allows
    expect(summary.mediaPorts.metrics.portBlocking.mean).toBeGreaterThan(0.01);
    expect(summary.targets).toEqual([expect.objectContaining({ metric: "portBlocking", met: false })]);
    const html = one["report.html"]!.toString();
    expect(html).toContain('<section id="media-ports"><h2>Asterisk media ports</h2>');
    expect(html).toContain("<td>media-port blocking</td>");
  });
});
