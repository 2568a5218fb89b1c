// The temporary names ccsim writes its files under before renaming them into place, and the probe that tries one.

import { randomBytes } from "node:crypto";
import { closeSync, openSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../scenario/errors.js";

/** A name beside `path`: the process id and a random part keep runs writing at once (processes, threads) apart. */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Creates and removes a temporary file in `folder`, before a run, so that a folder that will not take the run's files
 * is refused before anything runs. Only trying tells: root passes every access check, and /proc refuses anyway.
 */
export function probeFolder(where: string, folder: string, name: string): void {
  const tmp = tempName(join(folder, name));
  try {
    closeSync(openSync(tmp, "wx"));
    unlinkSync(tmp);
  } catch (e) {
    throw new InputError(where, undefined, `cannot write a file in ${folder} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
