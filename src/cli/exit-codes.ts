// What `orca` tells a script by its exit code, and the error that carries one. The codes are part
// of the command's contract (docs/cli.md): a script branches on them without reading messages.
export const exitCodes = {
  ok: 0,
  /** A run failed or was cancelled, Orca refused the request (conflict, invalid, …), or a bug. */
  failed: 1,
  /** The command line is wrong: unknown command or option, a missing or malformed value. */
  usage: 2,
  /** No token, a token Orca does not accept (401), or a role too low for the action (403). */
  auth: 3,
  /** What was named does not exist, or is not yours (404). */
  notFound: 4,
  /** Orca does not answer at the URL (refused, no such host, the connection dropped). */
  unreachable: 5,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A failure to report in words (and as JSON with --json) before exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** A short machine-readable code: the server's error code, or the CLI's own. */
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, exitCodes.usage, 'usage');
  }
}

/** The exit code for an HTTP status Orca answered with. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return exitCodes.auth;
  if (status === 404) return exitCodes.notFound;
  return exitCodes.failed;
}
