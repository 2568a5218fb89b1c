// The component load model: utilization equals rate x cost exactly, an overloaded component delays what it handles
// and conflicts rise with it, utilization targets flip check's verdict, and size --for nodes finds the smallest count.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judgeTargets } from "../src/experiment/targets.js";
import { loadScenario } from "../src/scenario/read-scenario.js";
import { ccsim, run, scenarioFile, scenarioOf, tempFolders } from "./helpers.js";

const temp = tempFolders("load");

/** One site, one node, plenty of agents; a call (or chat) every 2 s for an hour, replayed from a trace so the rate is
 *  exact. */
function clockwork(components: string, media: "voice" | "chat" = "voice") {
  const dir = temp();
  const rows = ["time"];
  for (let t = 0; t < 3600; t += 2) rows.push(String(t));
  writeFileSync(join(dir, "calls.csv"), rows.join("\n") + "\n");
  writeFileSync(
    join(dir, "s.yaml"),
    `horizon: 1h
replications: 2
sites: [{ id: dc1, nodes: 1 }]
network: { intraSite: 0, interSite: 0, statDelay: 0 }
routing: { mode: centralized, reservation: { mode: none } }
components: ${components}
capacityRules: { one: [{ ${media}: 1 }] }
agents: [{ group: a, count: 60, skills: { s: 1 }, capacity: one }]
traffic: [{ type: c, media: ${media}, arrivals: { trace: calls.csv }, handleTime: 30s, target: "s > 0" }]
`,
  );
  return loadScenario({ file: join(dir, "s.yaml") });
}

describe("component load", () => {
  it("utilization of a component with fixed costs and a fixed message rate is rate x cost", () => {
    const r = run(clockwork("{ sipProxy: { call: 10ms }, sessionController: { call: 100ms, routeCall: 50ms }, urs: { attempt: 40ms } }"));
    const c = r.components!.instances;
    // 0.5 calls/s: one INVITE, one set-up, one TRouteCall and one strategy run each (no agent is ever short)
    expect(c["dc1.sipProxy"]!.utilization.mean).toBeCloseTo(0.5 * 0.01, 12);
    expect(c["dc1.n1.sessionController"]!.utilization.mean).toBeCloseTo(0.5 * 0.15, 12);
    expect(c["dc1.urs"]!.utilization.mean).toBeCloseTo(0.5 * 0.04, 12);
    expect(c["dc1.n1.sessionController"]!.messagesPerSecond.mean).toBeCloseTo(1, 12);
    // a message every 2 s never finds the component busy
    expect(c["dc1.n1.sessionController"]!.meanDelay.mean).toBe(0);
    expect(r.components!.busiest).toBe("dc1.n1.sessionController");
    expect(r.components!.sustained).toBe(true);
  });

  it("Interaction Server's utilization is the chat rate x (routing request + route), and chats cost no SIP Proxy or Session Controller", () => {
    const r = run(clockwork("{ interactionServer: { route: 100ms, deliver: 50ms }, urs: { attempt: 40ms } }", "chat"));
    const c = r.components!.instances;
    // 0.5 chats/s: one routing request to a URS and one route carried out to a desktop each
    expect(c["dc1.interactionServer"]!.utilization.mean).toBeCloseTo(0.5 * 0.15, 12);
    expect(c["dc1.interactionServer"]!.messagesPerSecond.mean).toBeCloseTo(1, 12);
    // the route comes back after the URS's strategy run: it never finds Interaction Server busy
    expect(c["dc1.interactionServer"]!.meanDelay.mean).toBe(0);
    expect(c["dc1.urs"]!.utilization.mean).toBeCloseTo(0.5 * 0.04, 12);
    expect(c["dc1.sipProxy"]!.messagesPerSecond.mean).toBe(0);
    expect(c["dc1.n1.sessionController"]!.messagesPerSecond.mean).toBe(0);
    expect(r.components!.busiest).toBe("dc1.interactionServer");
    expect(r.components!.busiestOfKind.interactionServer).toBe("dc1.interactionServer");
  });

  it("a site without chat or email has no Interaction Server", () => {
    const r = run(clockwork("{}"));
    expect(r.components!.instances["dc1.interactionServer"]).toBeUndefined();
    expect(r.components!.busiestOfKind.interactionServer).toBeUndefined();
  });

  it("a Session Controller slower than the calls are frequent saturates: utilization 1, a growing queue, not sustained", () => {
    const r = run(clockwork("{ sessionController: { call: 1.5s, routeCall: 1s } }"));
    const sc = r.components!.instances["dc1.n1.sessionController"]!;
    expect(sc.peakUtilization.mean).toBeGreaterThan(0.999);
    expect(sc.lastIntervalDelay.mean).toBeGreaterThan(2 * sc.firstIntervalDelay.mean);
    expect(r.components!.sustained).toBe(false);
    // calls still get answered, later: the delay is in the wait, not a crash
    expect(r.metrics.answered!.mean).toBeGreaterThan(0);
    expect(r.metrics.asa!.mean).toBeGreaterThan(60);
  });

  it("an overloaded Stat Server sees agents later: its queueing delay grows and conflicts rise against the same day unloaded", () => {
    const set = ["horizon=1h", "warmup=10m", "replications=3"];
    const light = run(scenarioFile("two-sites-node-based.yaml", [...set, "components={}"]));
    const heavy = run(scenarioFile("two-sites-node-based.yaml", [...set, "components={statServer: {event: 700ms}}"]));
    const ss = (r: typeof light) => r.components!.instances["dc1.n1.statServer"]!;
    expect(ss(light).utilization.mean).toBeLessThan(0.05);
    expect(ss(heavy).peakUtilization.mean).toBeGreaterThan(0.999);
    expect(ss(heavy).meanDelay.mean).toBeGreaterThan(100 * (ss(light).meanDelay.mean + 0.001));
    expect(ss(heavy).lastIntervalDelay.mean).toBeGreaterThan(2 * ss(heavy).firstIntervalDelay.mean);
    expect(heavy.metrics.conflictRate!.ci95![0]).toBeGreaterThan(light.metrics.conflictRate!.ci95![1]);
    expect(heavy.components!.sustained).toBe(false);
  });

  it("with Smart Proxy, a T-Controller no longer pays for every other node's events", () => {
    // centralized: two Stat Servers in all, so two Smart Proxies to feed instead of seven peer T-Controllers
    const set = ["horizon=1h", "warmup=10m", "replications=2", "routing.mode=centralized"];
    const legacy = run(scenarioFile("two-sites-node-based.yaml", [...set, "components={}"]));
    const smart = run(scenarioFile("two-sites-node-based.yaml", [...set, "components={smartProxy: true}"]));
    const tc = (r: typeof legacy) => r.components!.instances["dc1.n2.tController"]!.utilization.mean;
    expect(tc(smart)).toBeLessThan(tc(legacy) / 2);
    expect(smart.components!.instances["dc1.n1.smartProxy"]!.utilization.mean).toBeGreaterThan(0);
    // a node hosting no Stat Server has a Smart Proxy with nothing to do
    expect(smart.components!.instances["dc1.n2.smartProxy"]!.utilization.mean).toBe(0);
    expect(legacy.components!.instances["dc1.n1.smartProxy"]).toBeUndefined();
  });

  it("without components: there is no load model and no components section", () => {
    const r = run(scenarioOf(`horizon: 30m
replications: 2
sites: [{ id: dc1 }]
agents: [{ group: a, count: 5, skills: { s: 1 } }]
traffic: [{ type: c, arrivals: { rate: 1/min }, handleTime: 1m, target: "s > 0" }]
`));
    expect(r.components).toBeUndefined();
  });
});

describe("utilization targets", () => {
  it("check's verdict flips when a utilization target crosses the value", () => {
    const s = scenarioFile("sized-two-site.yaml", ["replications=2", "horizon=1h", "sites[0].nodes=1"]);
    const r = run(s);
    const id = r.components!.busiestOfKind.urs!;
    const upper = r.components!.instances[id]!.utilization.ci95![1];
    const at = (value: number) => judgeTargets([{ metric: "utilization.urs", op: "<=", value, source: `<= ${value}` }], r)[0]!;
    expect(at(upper + 0.001).met).toBe(true);
    expect(at(upper - 0.001).met).toBe(false);
    expect(at(upper).judgedOn).toBe(upper);

    const pass = ccsim(["check", "scenarios/sized-two-site.yaml", "--set", "replications=2", "--set", "horizon=1h", "--set", "sites[0].nodes=1", "--target", `utilization.urs<=${(upper + 0.001).toFixed(4)}`, "--json"]);
    const fail = ccsim(["check", "scenarios/sized-two-site.yaml", "--set", "replications=2", "--set", "horizon=1h", "--set", "sites[0].nodes=1", "--target", `utilization.urs<=${(upper - 0.001).toFixed(4)}`, "--json"]);
    expect(JSON.parse(fail.stdout).missed).toContain("utilization.urs");
    expect(fail.code).toBe(1);
    expect(JSON.parse(pass.stdout).missed).toContain("utilization.sessionController"); // one node is too few for dc1
    expect(JSON.parse(pass.stdout).missed).not.toContain("utilization.urs");
  });
});

describe("ccsim size on the component load model", () => {
  it("the shipped two-site deployment passes its check, utilization targets included", () => {
    const r = ccsim(["check", "scenarios/sized-two-site.yaml", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).targets.map((t: { metric: string }) => t.metric)).toContain("utilization.sessionController");
  });

  it("--for nodes returns the smallest count: the count below it misses a target", () => {
    const r = ccsim(["size", "scenarios/sized-two-site.yaml", "--for", "nodes:dc1", "--replications", "2", "--set", "horizon=1h", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const n = j.recommended.dc1 as number;
    const tries = j.tries as { count: number; met: boolean }[];
    expect(tries.find((t) => t.count === n)!.met).toBe(true);
    expect(tries.find((t) => t.count === n - 1)!.met).toBe(false);
    expect(n).toBe(2);
  });

  it("--for throughput brackets the largest sustained load, and --for nodes needs components:", () => {
    const r = ccsim(["size", "scenarios/sized-two-site.yaml", "--for", "throughput", "--replications", "2", "--set", "horizon=1h", "--json"]);
    const j = JSON.parse(r.stdout);
    const tries = j.tries as { scale: number; met: boolean }[];
    const best = j.recommended.scale as number;
    expect(tries.find((t) => Math.abs(t.scale / best - 1) < 1e-3)!.met).toBe(true);
    const above = tries.filter((t) => !t.met && t.scale > best).map((t) => t.scale);
    expect(Math.min(...above) / best).toBeLessThanOrEqual(1.02);
    const none = ccsim(["size", "scenarios/gate-pass.yaml", "--for", "nodes"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs the component load model/);
  });

  it("sizes agents per period when the traffic has a profile: a count per period under the group's name", () => {
    const r = ccsim(["size", "scenarios/sized-per-period.yaml", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const counts = j.recommended.agents as number[];
    expect(counts).toHaveLength(4);
    // the peak period needs the most agents, the quiet one the fewest
    expect(Math.max(...counts)).toBe(counts[2]);
    expect(Math.min(...counts)).toBe(counts[0]);
  });
});
