// Where a single output file given on the command line (--trace FILE) really goes, decided before the run starts.
//
// The rule (the same as for the files inside --out, output-dir.ts): a regular file, or a path that does not exist yet,
// is replaced atomically (a temporary name in the same folder, then a rename), so an interrupted run leaves the old file
// or the new one. Anything else is not a file to replace: renaming over a FIFO, a terminal or /dev/stdout would put a
// regular file in its place, and its reader would get nothing. So a FIFO and a character device are opened and written
// through; `-`, and a path naming this process's descriptor 1 or 2 (/dev/stdout, /dev/fd/2, /proc/self/fd/1, or a
// regular file that stdout is redirected to), are written on stdout or stderr; a folder, a socket and a block device
// are refused. A symbolic link is followed and the rule applied to what it points to: a link to a regular file gets
// its target replaced in the target's own folder, and stays a link.

import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../scenario/errors.js";
import { probeFolder } from "./temp-file.js";

export type OutputTarget =
  /** replaced atomically: `target` is the regular file (or the new one) at the end of any symbolic links */
  | { readonly kind: "file"; readonly where: string; readonly target: string }
  /** a FIFO or a character device: opened and written, never renamed over */
  | { readonly kind: "through"; readonly where: string; readonly target: string }
  /** this process's stdout */
  | { readonly kind: "stdout"; readonly where: string }
  /** this process's stderr */
  | { readonly kind: "stderr"; readonly where: string };

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** A path that names one of this process's open descriptors; its number, else undefined. */
function descriptorNamed(path: string): number | undefined {
  const m = /^\/(?:proc\/(?:self|thread-self|(\d+))|dev)\/fd\/(\d+)$/.exec(path);
  if (m === null || (m[1] !== undefined && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

/**
 * Follows the symbolic links of the path's last component: the links it passes through and where they end (which may
 * not exist yet). A descriptor's link in /proc (pipe:[123]) is not followed: it is no path.
 */
function linkChain(path: string): string[] {
  const chain = [resolve(path)];
  for (let hops = 0; hops < 40; hops++) {
    const here = chain[chain.length - 1]!;
    if (descriptorNamed(here) !== undefined) return chain;
    let st: Stats;
    try {
      st = lstatSync(here);
    } catch {
      return chain;
    }
    if (!st.isSymbolicLink()) return chain;
    chain.push(resolve(dirname(here), readlinkSync(here)));
  }
  const e = new Error("too many symbolic links") as NodeJS.ErrnoException;
  e.code = "ELOOP";
  throw e;
}

function sameFile(a: Stats, fd: number): boolean {
  try {
    const b = fstatSync(fd);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** The first of the path's folders that is something else (ENOTDIR names none). */
function notAFolder(path: string): string {
  let p = resolve(path);
  for (let up = dirname(p); up !== p; p = up, up = dirname(p)) {
    try {
      if (!statSync(up).isDirectory()) return up;
    } catch {
      // a missing folder further up: keep climbing to the one that is not a folder
    }
  }
  return dirname(resolve(path));
}

/** Decides where `path`, given to `flag`, is written, or throws InputError saying why it cannot be. */
export function planOutputFile(flag: string, path: string): OutputTarget {
  const where = `${flag} ${path}`;
  if (path === "") throw new InputError(flag, undefined, "expected a file name (or - for stdout), got an empty string");
  if (path === "-") return { kind: "stdout", where };
  if (/\/\.?$/.test(path)) throw new InputError(where, undefined, "names a folder: expected a file to write (or - for stdout)");
  let chain = [resolve(path)];
  let st: Stats | undefined;
  try {
    chain = linkChain(path);
    st = statSync(path);
  } catch (e) {
    if (code(e) === "ENOTDIR") throw new InputError(where, undefined, `${notAFolder(path)} is not a folder`);
    if (code(e) !== "ENOENT") throw new InputError(where, undefined, `cannot use it (${code(e)})`);
  }
  const fd = chain.map(descriptorNamed).find((n) => n !== undefined);
  if (fd === 1 || (st?.isFile() && sameFile(st, 1))) return { kind: "stdout", where };
  if (fd === 2 || (st?.isFile() && sameFile(st, 2))) return { kind: "stderr", where };
  const target = chain[chain.length - 1]!;
  if (st === undefined) {
    // a new file (or the missing target of a link): its folder must exist and take a file
    const folder = dirname(target);
    let up: Stats;
    try {
      up = statSync(folder);
    } catch (e) {
      throw new InputError(where, undefined, `its folder ${folder} cannot be used (${code(e)})`);
    }
    if (!up.isDirectory()) throw new InputError(where, undefined, `${folder} is not a folder`);
    probeFolder(where, folder, basename(target));
    return { kind: "file", where, target };
  }
  // another open descriptor (/dev/fd/3): written where it points, even to a regular file, which its opener made
  if (fd !== undefined && (st.isFile() || st.isFIFO() || st.isCharacterDevice())) {
    return { kind: "through", where, target: path };
  }
  if (st.isFile()) {
    probeFolder(where, dirname(target), basename(target));
    return { kind: "file", where, target };
  }
  if (st.isFIFO()) return { kind: "through", where, target: path };
  if (st.isCharacterDevice()) {
    // a terminal that is not this process's (/dev/tty without one) refuses to open: better now than after the run
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch (e) {
      throw new InputError(where, undefined, `cannot open it to write (${code(e)})`);
    }
    return { kind: "through", where, target: path };
  }
  const what = st.isDirectory() ? "a folder" : st.isSocket() ? "a socket" : st.isBlockDevice() ? "a block device" : "not a file";
  throw new InputError(where, undefined, `is ${what}: expected a file to write (a new or regular file, a FIFO, a terminal, or - for stdout)`);
}

/** The path as the file system names it: the real path of its longest existing head, and the rest as given. */
export function canonicalPath(path: string): string {
  const rest: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return join(realpathSync(p), ...rest);
    } catch {
      if (dirname(p) === p) return resolve(path);
      rest.unshift(basename(p));
    }
  }
}

/**
 * Writes a target that is not replaced atomically (those go with the --out files, output-dir.ts commitFiles). A reader
 * that went away (EPIPE: `head` on the FIFO) ends the writing quietly, as it does on stdout. The FIFO is opened without
 * blocking the event loop, so SIGINT still ends a run whose FIFO has no reader yet.
 */
export async function writeThrough(t: OutputTarget, text: string): Promise<void> {
  if (t.kind === "stdout" || t.kind === "stderr") {
    (t.kind === "stdout" ? process.stdout : process.stderr).write(text);
    return;
  }
  try {
    await writeFile(t.target, text, { flag: "w" });
  } catch (e) {
    if (code(e) === "EPIPE") return;
    throw new InputError(t.where, undefined, `cannot write (${code(e)})`);
  }
}
