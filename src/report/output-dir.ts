// Writes a run's files into --out atomically: each goes to a temporary name first and is renamed when complete, and
// nothing is written before the whole run has succeeded, so an interrupted or failed run leaves no half file.
//
// An --out folder that already holds files is refused unless --force, checked before the run starts; with --force
// only the files ccsim writes are replaced, and nothing else in the folder is touched, ever. Temporary names carry the
// process id and a random part, so runs writing at once (other processes, other threads) never share one. While the
// files are written and renamed, SIGINT and SIGTERM wait for the last rename (the writing is synchronous, so a
// handler runs only after it), then end the process: an interrupted run leaves the previous files or the new ones.

import { randomBytes } from "node:crypto";
import { accessSync, constants, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../scenario/errors.js";

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * Checks, before a run, that `dir` can take its files: a folder that does not exist yet (under one ccsim can write
 * in), or an empty one, or with `force` a folder holding other files. Throws InputError otherwise.
 */
export function checkOutDir(dir: string, names: readonly string[], force: boolean): void {
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
      if (code(e) !== "ENOENT") throw new InputError(where, undefined, `cannot use it (${code(e)})`);
      const up = dirname(existing);
      if (up === existing) break;
      existing = up;
    }
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new InputError(where, undefined, `cannot write in ${existing} (${code(e)})`);
  }
  if (existing !== resolve(dir) || force) return;
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

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

export function writeOutputs(dir: string, files: Readonly<Record<string, string>>): void {
  holdSignals();
  try {
    makeFolders(dir);
  } catch (e) {
    throw new InputError(`--out ${dir}`, undefined, `cannot create the folder (${code(e)})`);
  }
  const temps: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const tmp = tempName(join(dir, name));
      writeFileSync(tmp, text);
      temps.push([tmp, join(dir, name)]);
    }
    for (const [tmp, path] of temps) renameSync(tmp, path);
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw new InputError(`--out ${dir}`, undefined, `cannot write (${code(e)})`);
  }
}

/** One file, written whole or not at all (a temporary name in the same folder, then a rename). */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  holdSignals();
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${flag} ${path}`, undefined, `cannot write (${code(e)})`);
  }
}
