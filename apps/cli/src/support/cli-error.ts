/** Exit codes: 0 success, 1 failure, 2 bad arguments, 3 rejected input under --strict. */
export const EXIT = { ok: 0, failure: 1, usage: 2, strict: 3 } as const;

/** A mistake in how the command was called: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** An error that ends the command with a given exit code and a message for a person. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}
