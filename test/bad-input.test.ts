// The bad-input corpus: every file under fixtures/bad names, on its first line, where the loader must complain.
//   # expect: LINE[:COL] PATH SUBSTRING     (PATH "-" when the message names no field)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/scenario/errors.js";
import { loadScenario } from "../src/scenario/read-scenario.js";

const DIR = join("test", "fixtures", "bad");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

function load(file: string): InputError {
  try {
    loadScenario({ file });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} loaded without error`);
}

describe("bad input corpus", () => {
  it("has at least 25 cases", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of files) {
    it(name, () => {
      const file = join(DIR, name);
      const first = readFileSync(file, "utf8").split("\n", 1)[0]!;
      const m = /^# expect: (\d+)(?::(\d+))? (\S+) (.+)$/.exec(first);
      expect(m, `${name}: first line must be "# expect: LINE[:COL] PATH SUBSTRING"`).not.toBeNull();
      const [, line, col, path, substring] = m!;
      const err = load(file);
      const msg = err.message;
      const where = col === undefined ? `${file}:${line}:` : `${file}:${line}:${col}:`;
      expect(msg.startsWith(where), `${msg}\n  should start with ${where}`).toBe(true);
      if (path !== "-") expect(msg).toContain(` ${path}: `);
      expect(msg).toContain(substring!.trim());
      expect(msg).not.toContain("\n");
      expect(msg).not.toMatch(/\bat .*\(?[^\s()]+:\d+:\d+\)?$/m);
      expect(msg).not.toMatch(/^\s+at /m);
    });
  }
});

describe("input that cannot be read", () => {
  it("names the file and the reason, without line or column", () => {
    const err = (() => {
      try {
        loadScenario({ file: "test/fixtures/bad/does-not-exist.yaml" });
      } catch (e) {
        return e as InputError;
      }
      throw new Error("loaded");
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe("test/fixtures/bad/does-not-exist.yaml: cannot read: no such file");
  });

  it("refuses a file over 4 MB before reading it, and says where recorded arrivals belong", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccsim-big-"));
    try {
      const file = join(dir, "big.yaml");
      writeFileSync(file, `# ${"x".repeat(5 << 20)}\n`);
      expect(() => loadScenario({ file })).toThrow(/big\.yaml: the file is 5\.0 MB, more than a scenario may be \(4\.0 MB\); recorded arrivals belong in a trace CSV/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("calls a file of no bytes, or of blank lines, empty", () => {
    for (const text of ["", "\n\n  \n", "# only a comment\n"]) {
      expect(() => loadScenario({ text, file: "e.yaml" })).toThrow(/^e\.yaml:1:1: \(root\): the file is empty/);
    }
  });

  it("says so for a directory", () => {
    expect(() => loadScenario({ file: "test/fixtures" })).toThrow("test/fixtures: cannot read: it is a directory");
  });
});
