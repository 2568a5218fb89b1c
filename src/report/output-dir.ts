// Writes a run's files into --out atomically: each goes to a temporary name first and is renamed when complete, and
// nothing is written before the whole run has succeeded, so an interrupted or failed run leaves no half file.
//
// An --out folder that already holds files is refused unless --force, checked before the run starts (and tried: a
// file is created and removed in it, or in the folder it will be made in); with --force only the files ccsim writes
// are replaced, and nothing else in the folder is touched, ever; an entry bearing one of ccsim's names that is not a
// regular file (a FIFO, a folder, a symbolic link) is refused, never renamed over. Temporary names carry the
// process id and a random part, so runs writing at once (other processes, other threads) never share one. While the
// files are written and renamed, SIGINT and SIGTERM wait for the last rename (the writing is synchronous, so a
// handler runs only after it), then end the process: an interrupted run leaves the previous files or the new ones.

import { fstatSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../scenario/errors.js";
import { probeFolder, tempName } from "./temp-file.js";

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** --out '' names no folder: refused at once rather than taken for "no --out"; --out - is refused rather than made a
 *  folder named "-", since it reads as stdout, which takes one file where --out writes several. */
export function checkOutFlag(dir: string | undefined): void {
  if (dir === "") throw new InputError("--out", undefined, "expected a folder, got an empty string");
  if (dir === "-") throw new InputError("--out -", undefined, "expected a folder: stdout takes one file, and --out writes several (--json prints the JSON on stdout; ./- names a folder called -)");
}

function isStdout(st: Stats): boolean {
  try {
    const out = fstatSync(1);
    return out.dev === st.dev && out.ino === st.ino;
  } catch {
    return false;
  }
}

/** What an entry of --out bearing one of ccsim's names is, when it is not a regular file ccsim may replace. */
function notAFile(path: string, st: Stats): string {
  if (st.isSymbolicLink()) return `a symbolic link (to ${readlinkSync(path)})`;
  return st.isDirectory() ? "a folder" : st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file";
}

/**
 * Checks, before a run, that `dir` can take its files: a folder that does not exist yet (under one ccsim can write
 * in), or an empty one, or with `force` a folder holding other files. Throws InputError otherwise. An entry bearing
 * one of `names` that is not a regular file (a FIFO, a folder, a link) is refused even with `force`: renaming over it
 * would replace what it is, or what it points to, with a regular file.
 */
export function checkOutDir(dir: string, names: readonly string[], force: boolean): void {
  checkOutFlag(dir);
  const where = `--out ${dir}`;
  let existing = resolve(dir);
  for (;;) {
    try {
      const st = statSync(existing);
      if (!st.isDirectory()) {
        throw new InputError(where, undefined, existing === resolve(dir) ? "exists and is not a folder" : `${existing} is not a folder`);
      }
      break;
    } catch (e) {
      if (e instanceof InputError) throw e;
      // ENOTDIR: a folder further up is a file, which the next round names
      if (code(e) !== "ENOENT" && code(e) !== "ENOTDIR") throw new InputError(where, undefined, `cannot use it (${code(e)})`);
      const up = dirname(existing);
      if (up === existing) break;
      existing = up;
    }
  }
  probeFolder(where, existing, names[0] ?? "out");
  if (existing !== resolve(dir)) return;
  for (const name of names) {
    const path = join(existing, name);
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) {
      throw new InputError(where, undefined, `${name} is ${notAFile(path, st)}: ccsim replaces only regular files of its own names; move it away`);
    }
    // renamed over, stdout's file would lose what is printed on stdout, and the file the --out copy
    if (isStdout(st)) throw new InputError(where, undefined, `${name} is where stdout goes: redirect stdout elsewhere, or give another --out`);
  }
  if (force) return;
  const there = readdirSync(existing);
  if (there.length > 0) {
    const shown = there.slice(0, 3).join(", ") + (there.length > 3 ? ", ..." : "");
    throw new InputError(
      where,
      undefined,
      `the folder is not empty (${shown}); ccsim never deletes what is there: give a new folder, or --force to replace ` +
        `only its own files (${names.join(", ")}) and leave the rest`,
    );
  }
}

let holdingSignals = false;

/** From now on SIGINT and SIGTERM end the process only when the synchronous work in hand is done. */
function holdSignals(): void {
  if (holdingSignals) return;
  holdingSignals = true;
  process.on("SIGINT", () => process.exit(130));
  process.on("SIGTERM", () => process.exit(143));
}

/**
 * mkdir -p, one level at a time: Node 20's mkdirSync(..., { recursive: true }) never returns where a parent refuses
 * with ENOENT (under /proc, for one).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    try {
      statSync(p);
      break;
    } catch (e) {
      if (code(e) !== "ENOENT" || dirname(p) === p) throw e;
      missing.unshift(p);
    }
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      if (code(e) !== "EEXIST") throw e;
    }
  }
}

/** A file to replace atomically: where it goes, its text, and the flag (and path) an error names. */
export interface AtomicFile {
  readonly path: string;
  readonly text: string;
  readonly where: string;
}

/**
 * Writes every file under its temporary name first, then renames them all: a failure before the renames leaves none
 * of them, and the files of one command (the --out files and a --trace file) appear together.
 */
export function commitFiles(files: readonly AtomicFile[]): void {
  holdSignals();
  const temps: [string, AtomicFile][] = [];
  let current: AtomicFile | undefined;
  try {
    for (const f of files) {
      current = f;
      const tmp = tempName(f.path);
      temps.push([tmp, f]);
      writeFileSync(tmp, f.text);
    }
    for (const [tmp, f] of temps) {
      current = f;
      renameSync(tmp, f.path);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw new InputError(current!.where, undefined, `cannot write (${code(e)})`);
  }
}

/** The files of --out `dir` (the folder made when missing), and `also` (a --trace file), in one commitFiles. */
export function writeOutputs(dir: string, files: Readonly<Record<string, string>>, also: readonly AtomicFile[] = []): void {
  holdSignals();
  try {
    makeFolders(dir);
  } catch (e) {
    throw new InputError(`--out ${dir}`, undefined, `cannot create the folder (${code(e)})`);
  }
  commitFiles([...Object.entries(files).map(([name, text]) => ({ path: join(dir, name), text, where: `--out ${dir}` })), ...also]);
}
