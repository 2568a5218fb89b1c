// Timers of one duration served by one kernel event: due in order, dead ones fire nothing, and a URS's hold on an
// agent it was told is taken lasts reservation-time from the last time it was told.
import { describe, expect, it } from "vitest";
import { FifoTimers } from "../src/kernel/fifo-timers.js";
import { Simulation } from "../src/kernel/simulation.js";
import { scenarioOf, worldOf } from "./helpers.js";

/** timers for subjects "a", "b", ...; a subject is live while `alive` holds its stamp */
function timers(duration: number) {
  const sim = new Simulation();
  const alive = new Map<string, number>();
  const expired: string[] = [];
  const t = new FifoTimers<string>(
    sim,
    duration,
    5,
    (s, stamp) => alive.get(s) === stamp,
    (s) => {
      alive.delete(s);
      expired.push(`${sim.now}:${s}`);
    },
  );
  /** sets a timer for `s` at time `at` */
  const setAt = (at: number, s: string, stamp = 1) =>
    sim.at(at, 3, { fire: () => (alive.set(s, stamp), t.set(s, stamp)) }, 0);
  return { sim, t, alive, expired, setAt };
}

describe("FIFO timers", () => {
  it("each live timer expires exactly its duration after it was set, in the order set", () => {
    const { sim, expired, setAt } = timers(10);
    setAt(1, "a");
    setAt(2.5, "b");
    setAt(2.5, "c");
    setAt(30, "d");
    sim.run();
    expect(expired).toEqual(["11:a", "12.5:b", "12.5:c", "40:d"]);
  });

  it("a timer that is dead before it is due expires nothing", () => {
    const { sim, alive, expired, setAt } = timers(10);
    setAt(1, "a");
    setAt(2, "b");
    sim.at(5, 3, { fire: () => alive.delete("a") }, 0);
    sim.run();
    expect(expired).toEqual(["12:b"]);
  });

  it("a thousand timers that die early cost one kernel event, not a thousand", () => {
    const { sim, t, alive, expired } = timers(10);
    sim.at(
      0,
      3,
      {
        fire: () => {
          for (let k = 0; k < 1000; k++) {
            alive.set(`s${k}`, 1);
            t.set(`s${k}`, 1);
          }
        },
      },
      0,
    );
    sim.at(1, 3, { fire: () => alive.clear() }, 0);
    sim.run();
    expect(expired).toEqual([]);
    // the setter, the killer, and one firing of the timers that finds them all dead
    expect(sim.fired).toBe(3);
    expect(t.size).toBe(0);
  });

  it("a newer timer for the same subject does not let the older one end it early", () => {
    const { sim, expired, setAt } = timers(10);
    setAt(1, "a", 1);
    setAt(4, "a", 2); // the subject's stamp is now 2: the timer set at 1 is dead
    sim.run();
    expect(expired).toEqual(["14:a"]);
  });

  it("a live timer fires where an event of its own, posted when the timer was set, would have", () => {
    const sim = new Simulation();
    const order: string[] = [];
    const t = new FifoTimers<string>(sim, 10, 5, () => true, (s) => order.push(s));
    const mark = (s: string) => ({ fire: () => order.push(s) });
    sim.at(0, 3, { fire: () => (t.set("timer-1", 0), sim.post(10, 5, mark("event-2"), 0), t.set("timer-3", 0)) }, 0);
    sim.at(0, 3, { fire: () => sim.post(10, 5, mark("event-4"), 0) }, 0);
    sim.run();
    expect(order).toEqual(["timer-1", "event-2", "timer-3", "event-4"]);
  });

  it("a timer set while others expire takes its place behind them", () => {
    const sim = new Simulation();
    const expired: string[] = [];
    const t: FifoTimers<string> = new FifoTimers<string>(
      sim,
      10,
      5,
      () => true,
      (s) => {
        expired.push(`${sim.now}:${s}`);
        if (s === "a") t.set("again", 0);
      },
    );
    sim.at(1, 3, { fire: () => t.set("a", 0) }, 0);
    sim.at(1, 3, { fire: () => t.set("b", 0) }, 0);
    sim.run();
    expect(expired).toEqual(["11:a", "11:b", "21:again"]);
  });

  it("grows past its first ring and keeps the order", () => {
    const { sim, expired, setAt } = timers(100);
    for (let k = 0; k < 40; k++) setAt(k, `s${k}`);
    sim.run();
    expect(expired).toEqual(Array.from({ length: 40 }, (_, k) => `${k + 100}:s${k}`));
  });
});

describe("a URS's hold on an agent it was told is taken", () => {
  const ONE_NODE = `
sites: [{ id: dc1, nodes: 1 }]
network: { intraSite: 1ms, interSite: 40ms, statDelay: 5ms }
routing: { reservation: { mode: explicit, collectionTime: 300ms, reservationTime: 10s } }
agents: [{ group: a, site: dc1, count: 1, skills: { s: 1 } }]
traffic: [{ type: t, site: dc1, arrivals: { rate: 1/h }, handleTime: 60s, target: "s > 0" }]
`;

  it("lasts reservation-time from the last time it was told, while the agent's state does not change", () => {
    const { world, sim } = worldOf(scenarioOf(ONE_NODE));
    const view = world.urs[0]!.view;
    const cls = world.classes[0]!;
    const agent = world.agents[0]!;
    world.tController.logIn(agent);
    const seen: string[] = [];
    const look = (t: number) => sim.at(t, 3, { fire: () => seen.push(`${t}:${view.best(cls) === agent ? "free" : "held"}`) }, 0);
    // asked for the agent (hold) and told it is taken; later asked again, after a lost request freed it, and told again
    sim.at(1, 3, { fire: () => (view.hold(agent), view.releaseWhenChanged(agent)) }, 0);
    sim.at(5, 3, { fire: () => view.release(agent) }, 0);
    sim.at(6, 3, { fire: () => (view.hold(agent), view.releaseWhenChanged(agent)) }, 0);
    for (const t of [0.5, 2, 5.5, 10.5, 11.5, 15.5, 16.5]) look(t);
    sim.run(20);
    // the first hold's timer (due at 11) is dead: only the second one's, at 16, ends the hold
    expect(seen).toEqual(["0.5:free", "2:held", "5.5:free", "10.5:held", "11.5:held", "15.5:held", "16.5:free"]);
  });
});
