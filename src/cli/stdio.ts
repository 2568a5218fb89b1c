// What ccsim does when its stdout or stderr cannot be written: a reader that went away ends the output quietly, a
// full disk under stdout is one line on stderr and exit 2; never Node's "Unhandled 'error' event" and its stack trace.
//
// A stderr that cannot be written (closed, full) is ignored: there is nowhere left to say so, and what goes there is
// about the outcome (warnings, the line of a refusal), never the outcome itself, which the exit code keeps.
//
// EPIPE (`ccsim schema | head -1`): the reader had what it wanted, as with `git log | head` or `cat | head`. Node
// ignores SIGPIPE, so the process cannot die of it (the shell's 141); it keeps the exit code of the command's own
// outcome instead: 0, or 1 when `ccsim check` missed a target, which a CI job piping the verdicts into `head` still
// needs to see. Writes to a pipe complete asynchronously, so the error may arrive after main() resolved: the handlers
// stay for the life of the process, and nothing calls process.exit, which could cut off output still on its way to a
// reader that does read everything.

let installed = false;
/** the exit code a failed stream imposes (2), once one failed for another reason than EPIPE */
let failed: number | undefined;
const done = { stdout: false, stderr: false };

function onError(stream: "stdout" | "stderr", e: NodeJS.ErrnoException): void {
  // after its first error a stream is destroyed: the writes still queued fail again, and say nothing new
  if (done[stream]) return;
  done[stream] = true;
  // stderr carries messages about the outcome, never the outcome: losing one leaves the exit code as it is
  if (e.code === "EPIPE" || stream === "stderr") return;
  failed = 2;
  process.exitCode = 2;
  if (!done.stderr) process.stderr.write(`ccsim: stdout: cannot write (${e.code ?? e.message}); the output is incomplete\n`);
}

/** Installs the handlers (once per process). */
export function guardStdio(): void {
  if (installed) return;
  installed = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => onError("stdout", e));
  process.stderr.on("error", (e: NodeJS.ErrnoException) => onError("stderr", e));
}

/** The command's exit code, or 2 when stdout or stderr failed (other than by EPIPE) before it was known. */
export function exitCodeAfterStdio(code: number): number {
  return failed ?? code;
}
