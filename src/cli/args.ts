import { parseArgs } from 'node:util';
import { parseLang, type Lang } from '../core/i18n/localizer';
import { UsageError } from './usageError';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'scan' | 'checklist' | 'help' | 'version';
  paths: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  lang?: Lang;
  failOn: 'error' | 'warning';
  check: boolean;
  color?: boolean;
  quiet: boolean;
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
  if (command !== 'scan' && command !== 'checklist' && command !== 'help') {
    throw new UsageError(`unknown command "${command}" (expected scan or checklist)`);
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
  };
}

function defaults(command: 'help' | 'version'): CliOptions {
  return { command, paths: [], format: 'text', failOn: 'error', check: false, quiet: false };
}

export const USAGE = `Usage: pi-audit <command> [paths…] [options]

Commands:
  scan [paths…]        Find personal-information fields and values; report diagnostics
  checklist [paths…]   Write or update the disposition checklist (pi-disposition.yaml)

Options:
  -f, --format <text|json|sarif>   Output format (default: text)
  -o, --output <file>              Write the report (or the checklist) to a file
  -c, --config <file>              Use this config instead of .piaudit.yaml
      --fail-on <error|warning>    Lowest severity that makes the exit code 1 (default: error)
      --check                      checklist: exit 1 when the checklist is stale or undecided
      --lang <zh-CN|en>            Message language (default: from LANG/LC_ALL)
      --color / --no-color         Force colours on or off (default: on for a TTY)
  -q, --quiet                      No progress or summary on stderr
  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 clean · 1 findings at or above --fail-on (or a stale checklist) · 2 usage, configuration or run error
`;
