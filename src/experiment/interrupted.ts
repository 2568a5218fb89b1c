// A run stopped by SIGINT or SIGTERM: the CLI writes nothing and exits 128 + the signal's number (130, 143).

export class Interrupted extends Error {
  readonly exitCode: number;

  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`interrupted by ${signal}`);
    this.name = "Interrupted";
    this.exitCode = signal === "SIGINT" ? 130 : 143;
  }
}
