// Writes a run's files into --out atomically: each goes to a temporary name first and is renamed when complete, and
// nothing is written before the whole run has succeeded, so an interrupted or failed run leaves no half file.

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../scenario/errors.js";

export function writeOutputs(dir: string, files: Readonly<Record<string, string>>): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(`--out ${dir}`, undefined, `cannot create the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const temps: string[] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      temps.push(tmp);
    }
    for (const name of Object.keys(files)) renameSync(join(dir, `.${name}.${process.pid}.tmp`), join(dir, name));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw new InputError(`--out ${dir}`, undefined, `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** One file, written whole or not at all (a temporary name in the same folder, then a rename). */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${flag} ${path}`, undefined, `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
