/** One thing wrong (or worth a warning) in `.piaudit.yaml` or in the editor settings. */
export interface ConfigProblem {
  /** The configuration file as given (or `settings` for editor settings). */
  file: string;
  /** 1-based; absent when the source has no lines (editor settings). */
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `rules."pi/missing-disposition"` or `policies[2].action`. */
  key: string;
  message: string;
  severity: 'error' | 'warning';
}

/** `.piaudit.yaml:12:5: rules."pi/missing-disposition": must be one of error, warning, info, off` */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return problem.key ? `${where}: ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
}

/**
 * Bad configuration: the run must stop before it touches any file. Carries every problem found,
 * so the CLI can print them all and the editor can show them as diagnostics on the file.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map(formatConfigProblem).join('\n'));
    this.problems = problems;
  }

  /** The first problem's file, line and key, for callers that show one location. */
  get file(): string { return this.problems[0]?.file ?? ''; }
  get line(): number | undefined { return this.problems[0]?.line; }
  get key(): string { return this.problems[0]?.key ?? ''; }
}
