// Reading a file a user named, through a descriptor and never more than a limit, whatever the file is: a regular file,
// a device (/dev/zero never ends, and stat says it is empty), a FIFO or pipe (stat knows nothing of what will come).

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "./errors.js";

/** What was read: at most limit + 1 bytes, so that `more` can say the file is longer than the limit. */
export interface BoundedRead {
  readonly bytes: Buffer;
  /** the file holds more than the limit */
  readonly more: boolean;
  /** its size, when the file is a regular one (a device's or a FIFO's is not known) */
  readonly size: number | undefined;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Opens a file for reading without blocking on a FIFO that has no writer yet: the first read of such a FIFO then ends
 * at once (an empty file) instead of waiting for ever. A writer already waiting for its reader is one the read sees.
 */
export function openInput(path: string): number {
  return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
}

/** readSync, waiting while a pipe or FIFO has nothing yet (EAGAIN from the non-blocking descriptor). 0 at the end. */
export function readSome(fd: number, buf: Buffer, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buf, offset, length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Reads at most limit + 1 bytes of `path`. Errors of the file system (ENOENT, EISDIR, EACCES, ...) are thrown as they
 *  come, for the caller to say in its own words. */
export function readBounded(path: string, limit: number): BoundedRead {
  const fd = openInput(path);
  try {
    const st = fstatSync(fd);
    const size = st.isFile() ? st.size : undefined;
    if (size !== undefined && size > limit) return { bytes: Buffer.alloc(0), more: true, size };
    // a regular file is read in one buffer its size (plus one byte, in case it grew); anything else in steps
    let buf = Buffer.allocUnsafe(Math.min(limit + 1, size !== undefined ? size + 1 : 1 << 16));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSome(fd, buf, n, buf.length - n);
      if (got === 0) break;
      n += got;
    }
    return { bytes: buf.subarray(0, Math.min(n, limit)), more: n > limit, size };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a whole file of at most `limit` bytes, or an InputError naming it: why it cannot be read, or that it
 *  holds more than `what` may be (the measurements of `ccsim calibrate`, the export of `ccsim import`). */
export function readWhole(file: string, limit: number, what: string): Buffer {
  let read: BoundedRead;
  try {
    read = readBounded(file, limit);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message).split("\n")[0];
    throw new InputError(file, undefined, `cannot read: ${reason}`);
  }
  if (read.more) throw new InputError(file, undefined, `holds more than ${limit >> 20} MiB, more than ${what} may be`);
  return read.bytes;
}
