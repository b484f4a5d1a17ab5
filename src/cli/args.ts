import { parseArgs } from 'node:util';
import { parseLang, type Lang } from '../core/i18n/localizer';
import { UsageError } from './usageError';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'scan' | 'checklist' | 'merge' | 'help' | 'version';
  paths: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  lang?: Lang;
  failOn: 'error' | 'warning';
  check: boolean;
  color?: boolean;
  quiet: boolean;
  /** Use the result cache (`--no-cache` turns it off). */
  cache: boolean;
  /** Where the result cache lives (default: `<root>/.piaudit-cache`). */
  cacheDir?: string;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** Parses `pi-audit <command> [paths…] [options]`; throws UsageError with a message that names the option. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        lang: { type: 'string' },
        'fail-on': { type: 'string' },
        check: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'no-cache': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return defaults('help');
  if (values.version) return defaults('version');
  const [command = 'help', ...paths] = positionals;
  if (command !== 'scan' && command !== 'checklist' && command !== 'merge' && command !== 'help') {
    throw new UsageError(`unknown command "${command}" (expected scan, checklist or merge)`);
  }
  if (command === 'merge' && paths.length === 0) {
    throw new UsageError('merge expects the JSON reports (and checklists) to combine');
  }
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format expects one of: ${FORMATS.join(', ')} (got "${format}")`);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') {
    throw new UsageError(`--fail-on expects error or warning (got "${failOn}")`);
  }
  let lang: Lang | undefined;
  if (values.lang !== undefined) {
    lang = parseLang(values.lang);
    if (!lang) throw new UsageError(`--lang expects zh-CN or en (got "${values.lang}")`);
  }
  return {
    command,
    paths: paths.length > 0 ? paths : ['.'],
    format: format as OutputFormat,
    output: values.output,
    config: values.config,
    lang,
    failOn,
    check: values.check ?? false,
    color: values['no-color'] ? false : values.color,
    quiet: values.quiet ?? false,
    cache: !values['no-cache'],
    cacheDir: values['cache-dir'],
  };
}

function defaults(command: 'help' | 'version'): CliOptions {
  return { command, paths: [], format: 'text', failOn: 'error', check: false, quiet: false, cache: true };
}

export const USAGE = `Usage: pi-audit <command> [paths…] [options]

Commands:
  scan [paths…]        Find personal-information fields and values; report diagnostics
  checklist [paths…]   Write or update the disposition checklist (pi-disposition.yaml)
  merge <files…>       Combine per-repository JSON reports and checklists into one group register

Options:
  -f, --format <text|json|sarif>   Output format (default: text)
  -o, --output <file>              Write the report (the checklist, the merged register) to a file
  -c, --config <file>              Use this config instead of .piaudit.yaml
      --fail-on <error|warning>    Lowest severity that makes the exit code 1 (default: error)
      --check                      checklist: exit 1 when the checklist is stale or undecided
      --lang <zh-CN|en>            Message language (default: from LANG/LC_ALL)
      --color / --no-color         Force colours on or off (default: on for a TTY)
  -q, --quiet                      No progress or summary on stderr
      --no-cache                   Read and analyse every file; neither use nor update the cache
      --cache-dir <dir>            Keep the result cache here (default: <root>/.piaudit-cache)
  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 clean · 1 findings at or above --fail-on (or a stale checklist) · 2 usage, configuration or run error
`;
