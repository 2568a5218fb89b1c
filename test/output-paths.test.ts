// Issue 17's output-path classes through the built CLI: where --trace and --out may write (1), every output argument
// checked before anything is written (5), a closed or full stdout (6), and output flags given and then ignored (7).

import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, ccsim, tempFolders } from "./helpers.js";

const tmp = tempFolders("paths");

const SCENARIO = join(ROOT, "scenarios", "erlang-c.yaml");
const QUICK = ["--replications", "2", "--set", "horizon=1h", "--set", "warmup=0", "--trace-limit", "3"];
const RUN = ["run", SCENARIO, ...QUICK];
const RUN_NO_TRACE = ["run", SCENARIO, "--replications", "2", "--set", "horizon=1h", "--set", "warmup=0"];
const VARY = [SCENARIO, "--replications", "2", "--set", "horizon=1h", "--set", "warmup=0", "--vary", "agents[0].count=14,15"];

/** exit 2 with exactly one line on stderr that matches `pattern`: no stack trace, no internal error */
function refused(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

/**
 * A character device of our own (mknod, as root in CI) with the numbers of /dev/null (1,3) or /dev/full (1,7), so a
 * test neither depends on the machine's /dev nor risks it; the machine's node when mknod is not allowed.
 */
function device(name: "null" | "full"): string {
  const own = join(tmp(), name);
  const ok = spawnSync("mknod", ["-m", "666", own, "c", "1", name === "null" ? "3" : "7"]).status === 0;
  const dev = ok ? own : `/dev/${name}`;
  expect(statSync(dev).isCharacterDevice(), dev).toBe(true);
  return dev;
}

/** /dev/stdout when it is what it should be (a link to /proc/self/fd/1), else that link's target, which it names */
const STDOUT = (() => {
  try {
    return readlinkSync("/dev/stdout") === "/proc/self/fd/1" ? "/dev/stdout" : "/proc/self/fd/1";
  } catch {
    return "/proc/self/fd/1";
  }
})();

function mkfifo(path: string): void {
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
}

/** Runs ccsim as a child with stdout piped into the test; resolves with its exit code and both streams. */
function ccsimAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin", "ccsim.js"), ...args], { cwd: ROOT, env: { ...process.env, CCSIM_DEBUG: "" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** A shell pipeline (bash): what it printed, what went to STDERR in it, and the exit code of each command in it. */
function pipeline(script: string): { codes: number[]; out: string; err: string } {
  const dir = tmp();
  const err = join(dir, "stderr");
  const codes = join(dir, "codes");
  const r = spawnSync("bash", ["-c", `${script.replaceAll("STDERR", err)}; echo "\${PIPESTATUS[*]}" > ${codes}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CCSIM_DEBUG: "" },
  });
  return {
    codes: readFileSync(codes, "utf8").trim().split(" ").map(Number),
    out: r.stdout,
    err: existsSync(err) ? readFileSync(err, "utf8") : "",
  };
}

/** the trace of RUN written to a regular file: what every other kind of --trace path must receive */
let expected = "";
beforeAll(() => {
  const f = join(tmp(), "trace.jsonl");
  const r = ccsim([...RUN, "--trace", f, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  expected = readFileSync(f, "utf8");
  expect(expected.split("\n").length).toBeGreaterThan(10);
});

describe("class 1: --trace and --out never rename over what is not a regular file", () => {
  it("class 1: --trace to a FIFO with a reader: exit 0, the FIFO stays a FIFO, and the reader gets every trace line", async () => {
    const fifo = join(tmp(), "f");
    mkfifo(fifo);
    let got = "";
    const read = new Promise<void>((resolve, reject) => {
      createReadStream(fifo).on("data", (d) => (got += d.toString())).on("end", resolve).on("error", reject);
    });
    const r = await ccsimAsync([...RUN, "--trace", fifo, "--quiet"]);
    await read;
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(got).toBe(expected);
  });

  it("class 1: --trace to a symbolic link to /dev/stdout (or /dev/fd/1) writes the trace on stdout alone, and leaves the link a link", () => {
    for (const to of [STDOUT, "/dev/fd/1"]) {
      const link = join(tmp(), "out");
      symlinkSync(to, link);
      const r = ccsim([...RUN, "--trace", link]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(readlinkSync(link)).toBe(to);
    }
  });

  it("class 1: --trace /dev/stdout with stdout redirected to a regular file: the trace lands in that file, not a file renamed over it", () => {
    const dir = tmp();
    const p = pipeline(`node bin/ccsim.js ${RUN.map((a) => `'${a}'`).join(" ")} --trace ${STDOUT} > ${dir}/o.txt 2>STDERR`);
    expect(p.codes, p.err).toEqual([0]);
    expect(readFileSync(join(dir, "o.txt"), "utf8")).toBe(expected);
    expect(readdirSync(dir)).toEqual(["o.txt"]);
  });

  it("class 1: --trace /dev/fd/3 writes where descriptor 3 points (its opener made the file), and refuses a folder there", () => {
    const dir = tmp();
    const run = RUN.map((a) => `'${a}'`).join(" ");
    const p = pipeline(`node bin/ccsim.js ${run} --trace /dev/fd/3 --quiet 3>${dir}/t 2>STDERR`);
    expect(p.codes, p.err).toEqual([0]);
    expect(readFileSync(join(dir, "t"), "utf8")).toBe(expected);
    const q = pipeline(`node bin/ccsim.js ${run} --trace /dev/fd/3 --quiet 3<${dir} 2>STDERR`);
    expect(q.codes).toEqual([2]);
    refused({ code: 2, stderr: q.err }, /^--trace \/dev\/fd\/3: is a folder/);
  });

  it("class 1: --trace - writes the trace on stdout, and is refused with --json (both want stdout)", () => {
    const r = ccsim([...RUN, "--trace", "-"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    refused(ccsim([...RUN, "--trace", "-", "--json"]), /^--trace -: writes the trace on stdout, where --json writes the summary/);
  });

  it("class 1: --trace to a null device is written through: exit 0, still a character device, the table still on stdout", () => {
    const dev = device("null");
    const r = ccsim([...RUN, "--trace", dev]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(r.stdout).toMatch(/^erlang-c: seed 2026, 2 replications/);
  });

  it("class 1: --trace to a folder, a socket or a block device is refused before the run, naming the flag and path", async () => {
    const dir = tmp();
    refused(ccsim([...RUN, "--trace", dir]), new RegExp(`^--trace ${dir}: is a folder: expected a file to write`));
    expect(readdirSync(dir)).toEqual([]);
    const sock = join(dir, "s");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      refused(await ccsimAsync([...RUN, "--trace", sock]), /: is a socket: expected a file to write/);
    } finally {
      server.close();
    }
    const block = ["/dev/loop0", "/dev/sda", "/dev/vda", "/dev/nvme0n1"].find((d) => existsSync(d) && statSync(d).isBlockDevice());
    if (block !== undefined) refused(ccsim([...RUN, "--trace", block]), /: is a block device: expected a file to write/);
  });

  it("class 1: --trace to a symbolic link to a regular file replaces the target in its folder, and the link stays a link", () => {
    const dir = tmp();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "t.jsonl"), "old\n");
    symlinkSync(join(dir, "real", "t.jsonl"), join(dir, "link"));
    const r = ccsim([...RUN, "--trace", join(dir, "link"), "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real", "t.jsonl"), "utf8")).toBe(expected);
    expect(readdirSync(join(dir, "real"))).toEqual(["t.jsonl"]);
  });

  it("class 1: --trace equal to an --out file (compared as resolved paths) or to the --out folder is refused, nothing written", () => {
    const dir = tmp();
    const out = join(dir, "out");
    refused(ccsim([...RUN, "--out", out, "--trace", join(dir, "x", "..", "out", "summary.json")]), /: is summary\.json of --out .*, which the run writes too/);
    refused(ccsim([...RUN, "--out", out, "--trace", out]), /: is the --out folder/);
    mkdirSync(out);
    symlinkSync(out, join(dir, "alias"));
    refused(ccsim([...RUN, "--out", out, "--trace", join(dir, "alias", "report.html")]), /: is report\.html of --out/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("class 1: a trace inside an --out folder not made yet is written there with the --out files", () => {
    const out = join(tmp(), "out");
    const r = ccsim([...RUN, "--out", out, "--trace", join(out, "trace.jsonl"), "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, "trace.jsonl"), "utf8")).toBe(expected);
  });

  it("class 1: --out --force refuses an entry of ccsim's names that is a FIFO, a folder or a link, and leaves it as it was", () => {
    for (const [name, make, what] of [
      ["summary.json", (p: string) => mkfifo(p), "a FIFO"],
      ["urs.csv", (p: string) => mkdirSync(p), "a folder"],
      ["report.html", (p: string) => symlinkSync("/etc/hostname", p), "a symbolic link \\(to /etc/hostname\\)"],
    ] as const) {
      const dir = tmp();
      const path = join(dir, name);
      make(path);
      refused(ccsim([...RUN_NO_TRACE, "--out", dir, "--force", "--quiet"]), new RegExp(`^--out ${dir}: ${name} is ${what}: ccsim replaces only regular files`));
      expect(readdirSync(dir)).toEqual([name]);
      expect(lstatSync(path).isFile()).toBe(false);
    }
  });

  it("class 1: --out --force refuses an entry that is where stdout goes (renamed over, stdout's file would lose it)", () => {
    const dir = tmp();
    const p = pipeline(`node bin/ccsim.js ${RUN_NO_TRACE.join(" ")} --out ${dir} --force > ${dir}/summary.json 2>STDERR`);
    expect(p.codes).toEqual([2]);
    refused({ code: 2, stderr: p.err }, /^--out .*: summary\.json is where stdout goes/);
    expect(readdirSync(dir)).toEqual(["summary.json"]);
  });
});

describe("class 5: every output argument is checked before anything is written", () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ["a folder", (dir) => dir, /: is a folder/],
    ["a path under /proc (root cannot write there either)", () => "/proc/ccsim-trace", /^--trace \/proc\/ccsim-trace: cannot write a file in \/proc/],
    ["a path whose parent is a regular file", (dir) => join(dir, "file", "t.jsonl"), /: .*\/file is not a folder/],
  ];
  for (const [what, path, pattern] of cases) {
    it(`class 5: --trace to ${what}, given with --out: exit 2 and nothing in --out`, () => {
      const dir = tmp();
      writeFileSync(join(dir, "file"), "x");
      const out = join(tmp(), "out");
      refused(ccsim([...RUN, "--out", out, "--trace", path(dir)]), pattern);
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(join(dir, "file"), "utf8")).toBe("x");
    });
  }

  it("class 5: --out under /proc, or under a regular file, is refused before the run (run, compare, check, shard)", () => {
    const dir = tmp();
    writeFileSync(join(dir, "file"), "x");
    for (const out of ["/proc/ccsim-out", join(dir, "file", "out")]) {
      refused(ccsim([...RUN_NO_TRACE, "--out", out]), /^--out .*: (cannot write a file in \/proc \(|.*\/file is not a folder$)/m);
      refused(ccsim(["compare", ...VARY, "--out", out]), /^--out /);
      refused(ccsim(["check", join(ROOT, "scenarios", "gate-pass.yaml"), "--replications", "2", "--out", out]), /^--out /);
      refused(ccsim([...RUN_NO_TRACE, "--shard", "1/2", "--out", out]), /^--out /);
    }
  });

  it("class 5: merge checks --out before it writes: a folder entry of its names that is not a regular file", () => {
    const parts = join(tmp(), "parts");
    expect(ccsim([...RUN_NO_TRACE, "--shard", "1/1", "--out", parts, "--quiet"]).code).toBe(0);
    const out = tmp();
    mkdirSync(join(out, "summary.json"));
    refused(ccsim(["merge", parts, "--out", out]), /^--out .*: summary\.json is a folder/);
    expect(readdirSync(out)).toEqual(["summary.json"]);
  });
});

describe("class 6: a closed or full stdout ends quietly or in one line, never in a stack trace", () => {
  const CCSIM = "node bin/ccsim.js";

  it("class 6: ccsim schema | head -1: exit 0 with nothing on stderr (EPIPE through a real pipe)", () => {
    const p = pipeline(`${CCSIM} schema 2>STDERR | head -1`);
    expect(p.out).toBe("{\n");
    expect(p.codes).toEqual([0, 0]);
    expect(p.err).toBe("");
  });

  it("class 6: a large sweep --json | head -c 10, and compare --json | head -c 10: exit 0, nothing on stderr", () => {
    const values = Array.from({ length: 40 }, (_, i) => 14 + i).join(",");
    const sweep = pipeline(`${CCSIM} sweep ${SCENARIO} --replications 2 --set horizon=1h --set warmup=0 --vary agents[0].count=${values} --json 2>STDERR | head -c 10`);
    expect(sweep.codes).toEqual([0, 0]);
    expect(sweep.err).toBe("");
    const compare = pipeline(`${CCSIM} compare ${VARY.join(" ")} --json 2>STDERR | head -c 10`);
    expect(compare.codes).toEqual([0, 0]);
    expect(compare.err).toBe("");
  });

  it("class 6: a reader that reads everything, slowly, gets every byte (no early exit cuts the output)", () => {
    const whole = ccsim(["schema"]).stdout;
    const p = pipeline(`${CCSIM} schema 2>STDERR | (sleep 0.5; cat)`);
    expect(p.codes).toEqual([0, 0]);
    expect(p.out).toBe(whole);
  });

  it("class 6: ENOSPC on stdout (> /dev/full) is one line on stderr and exit 2", () => {
    const full = device("full");
    for (const cmd of [`${CCSIM} schema`, `${CCSIM} ${RUN_NO_TRACE.join(" ")} --json`]) {
      const p = pipeline(`${cmd} > ${full} 2>STDERR`);
      expect(p.codes, p.err).toEqual([2]);
      refused({ code: 2, stderr: p.err }, /^ccsim: stdout: cannot write \(ENOSPC\)/);
    }
  });

  it("class 6: --trace to /dev/full is one line and exit 2; stderr closed under an error still exits 2", () => {
    const full = device("full");
    refused(ccsim([...RUN, "--trace", full, "--quiet"]), /^--trace .*full: cannot write \(ENOSPC\)/);
    const p = pipeline(`${CCSIM} run /nonexistent.yaml 2>&1 >/dev/null | true`);
    expect(p.codes[0]).toBe(2);
    // a full stderr: the refusal's line is lost, its exit code is not (an unhandled stream error would exit 1)
    expect(pipeline(`${CCSIM} run /nonexistent.yaml 2>${full}`).codes).toEqual([2]);
    expect(pipeline(`${CCSIM} run --no-such-flag 2>${full}`).codes).toEqual([2]);
    expect(pipeline(`${CCSIM} schema 2>${full} >${device("null")}`).codes).toEqual([0]);
  });

  it("class 6: --trace to /dev/full with --out DIR: exit 2 and DIR stays empty (the device is written before the files)", () => {
    // found by the long fuzz run (CCSIM_FUZZ_RUNS=1000 CCSIM_FUZZ_SEED=20261203): the --out files were written first
    const out = join(tmp(), "out");
    mkdirSync(out);
    refused(ccsim([...RUN, "--trace", device("full"), "--out", out, "--quiet"]), /^--trace .*full: cannot write \(ENOSPC\)/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("class 7: output flags given and then ignored are refused", () => {
  let parts = "";
  beforeAll(() => {
    parts = join(tmp(), "parts");
    expect(ccsim(["compare", ...VARY, "--shard", "1/1", "--out", parts, "--quiet"]).code).toBe(0);
  });

  it("class 7: --out '' is refused with exit 2 by run, compare, sweep, check, size and merge, and nothing is written", () => {
    const cwd = tmp();
    const gate = join(ROOT, "scenarios", "gate-pass.yaml");
    for (const args of [
      [...RUN_NO_TRACE],
      ["compare", ...VARY],
      ["sweep", ...VARY],
      ["check", gate, "--replications", "2"],
      ["size", gate, "--replications", "2"],
      ["merge", parts],
    ]) {
      refused(ccsim([...args, "--out", ""], { cwd }), /^--out: expected a folder, got an empty string$/m);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("class 7: --out - (it reads as stdout) and a --trace path ending in / (it names a folder) are refused, not made", () => {
    const cwd = tmp();
    refused(ccsim([...RUN_NO_TRACE, "--out", "-"], { cwd }), /^--out -: expected a folder: stdout takes one file/);
    refused(ccsim([...RUN_NO_TRACE, "--trace", "new/"], { cwd }), /^--trace new\/: names a folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("class 7: --trace '' and --trace-limit without --trace are refused", () => {
    refused(ccsim([...RUN_NO_TRACE, "--trace", ""]), /^--trace: expected a file name \(or - for stdout\), got an empty string$/m);
    refused(ccsim([...RUN_NO_TRACE, "--trace-limit", "5"]), /^--trace-limit: counts the interactions --trace FILE follows/);
  });

  it("class 7: --metrics '' and --metrics , on compare, sweep and merge are refused with the list of known metrics", () => {
    for (const metrics of ["", ",", "serviceLevel,"]) {
      for (const args of [["compare", ...VARY], ["sweep", ...VARY], ["merge", parts]]) {
        refused(ccsim([...args, "--metrics", metrics]), /^--metrics: expected comma-separated metric names, got .*; known metrics: offered, answered, .*serviceLevel/);
      }
    }
  });

  it("class 7: --metrics with --json or --quiet and no --out (no table, no report.html) is refused; with --out it is used", () => {
    refused(ccsim(["compare", ...VARY, "--metrics", "serviceLevel", "--json"]), /^--metrics: chooses the columns of the table and of report\.html, and --json/);
    refused(ccsim(["merge", parts, "--metrics", "serviceLevel", "--quiet"]), /^--metrics: .* --quiet without --out writes neither/);
    const out = join(tmp(), "out");
    expect(ccsim(["merge", parts, "--metrics", "serviceLevel", "--quiet", "--out", out]).code).toBe(0);
    expect(readdirSync(out)).toContain("report.html");
  });

  it("class 7: size --for agents: and --for nodes: (an empty name after the colon) are refused, not read as no name", () => {
    const gate = join(ROOT, "scenarios", "gate-pass.yaml");
    for (const what of ["agents:", "nodes:"]) {
      refused(ccsim(["size", gate, "--replications", "2", "--for", what]), new RegExp(`^--for ${what}: expected a name after ":"`));
    }
  });

  it("class 7: trace-stats --start on a trace of seconds (no timestamps to place) is refused", () => {
    refused(ccsim(["trace-stats", "scenarios/example-trace.csv", "--start", "2026-01-01T00:00:00Z"]), /^--start: places ISO timestamps on the time axis/);
  });
});
