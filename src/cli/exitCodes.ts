/** Documented exit codes (README "Exit codes"), as in ESLint and markdownlint-cli2. */
export const ExitCode = {
  /** No finding at or above the failing severity. */
  Clean: 0,
  /** Findings at or above `--fail-on` (default: error), or a stale checklist with `--check`. */
  Findings: 1,
  /** Usage error, configuration error, or a run that could not finish. */
  Failure: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
