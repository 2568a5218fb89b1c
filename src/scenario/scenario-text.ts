// The scenario's text: read from its file (bounded, checked for UTF-8) or given as text, with the one-line
// InputError for a file that cannot be read or is too big.
import { readBounded } from "./bounded-read.js";
import { InputError, firstLine } from "./errors.js";
import { MAX_SCENARIO_BYTES } from "./input-limits.js";
import { firstInvalidUtf8, lineAndColumn } from "./utf8.js";

/** where the text comes from: a file, or a text with `file` only the name shown in messages */
export interface SourceOptions {
  readonly file?: string;
  readonly text?: string;
}

/** A scenario file's text, or the one-line InputError loadScenario would give for a file it cannot read. */
export function readScenarioText(file: string): string {
  return readSource({ file }, file);
}

/** `bytes` is the file's size when it is known (a regular file, a text), undefined for a device or pipe read up to
 *  the limit. */
function tooBig(display: string, bytes: number | undefined): InputError {
  const mb = (x: number) => `${(x / (1 << 20)).toFixed(1)} MB`;
  return new InputError(
    display,
    undefined,
    `${bytes === undefined ? "it holds" : `the file is ${mb(bytes)},`} more than a scenario may be (${mb(MAX_SCENARIO_BYTES)}); recorded arrivals belong in a trace CSV (arrivals: {trace: calls.csv})`,
  );
}

/** The scenario's text: never more than MAX_SCENARIO_BYTES read of it, whatever the file is (a device or a FIFO too),
 *  and checked for UTF-8 before it is decoded. */
export function readSource(opts: SourceOptions, display: string): string {
  if (opts.text !== undefined) {
    if (opts.text.length > MAX_SCENARIO_BYTES) throw tooBig(display, Buffer.byteLength(opts.text));
    return opts.text;
  }
  if (opts.file === undefined) throw new InputError("ccsim", undefined, "no scenario given (a file or text)");
  try {
    const read = readBounded(opts.file, MAX_SCENARIO_BYTES);
    if (read.more) throw tooBig(display, read.size);
    const bytes = read.bytes;
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const { line, col } = lineAndColumn(bytes, bad);
      throw new InputError(
        `${display}:${line}:${col}`,
        undefined,
        `not UTF-8: byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")} (save the file as UTF-8)`,
        line,
        col,
      );
    }
    return bytes.toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === "ENOENT" ? "no such file" :
      err.code === "EISDIR" ? "it is a directory" :
      err.code === "EACCES" ? "permission denied" :
      firstLine(err.message);
    throw new InputError(display, undefined, `cannot read: ${reason}`);
  }
}
