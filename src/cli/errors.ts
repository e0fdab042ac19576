import { describeError, InputError } from '../core/index.js';

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** The command ran but some inputs failed (each was reported). */
  failed: 1,
  /** Bad usage: unknown option, missing argument, invalid value. */
  usage: 2,
  /** A service (Redis, Neo4j, …) could not be reached or refused us. */
  unavailable: 3,
} as const;

/** Thrown by commands to stop with a message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What a file-system error code means to the person who named the file. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A file the user named cannot be read: `cannot read <path>: no such file`, as bad input (exit 2). */
export function fileError(err: unknown): CliError | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const reason = e?.code ? FILE_ERRORS[e.code] : undefined;
  if (!reason || typeof e?.path !== 'string') return undefined;
  return new CliError(`cannot read ${e.path}: ${reason}`, EXIT.usage);
}

/** The exit code and one-line message for any error that reaches the top. */
export function toExit(err: unknown): { code: number; message: string } {
  if (err instanceof CliError) return { code: err.exitCode, message: err.message };
  const file = fileError(err);
  if (file) return { code: file.exitCode, message: file.message };
  if (err instanceof InputError) return { code: EXIT.usage, message: describeError(err) };
  return { code: EXIT.failed, message: describeError(err) };
}
