import { categoryLabel } from '../classify/categories';
import type { Localizer } from '../i18n/localizer';
import { diagnosticCounts, type ScanResult } from '../scan/scanResult';

export interface TextOptions {
  localizer: Localizer;
  /** ANSI colours: only on a TTY, never in CI logs or pipes. */
  color: boolean;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', reset: '\u001b[0m' };

/** Human-readable findings, grouped by file like ESLint's stylish formatter. */
export function formatText(result: ScanResult, options: TextOptions): string {
  const { localizer: l10n } = options;
  const paint = (code: keyof typeof ANSI, text: string): string => (options.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const byFile = new Map<string, string[]>();
  const add = (file: string, line: string): void => {
    const lines = byFile.get(file) ?? [];
    lines.push(line);
    byFile.set(file, lines);
  };

  for (const field of result.fields) {
    const category = field.category ?? '';
    const label = `${categoryLabel(category, l10n.lang)} (${category})`;
    const flags = [field.sensitive ? paint('red', l10n.t('sensitive')) : l10n.t('not sensitive'), field.protected ? l10n.t('protected') : ''].filter(Boolean).join(', ');
    add(field.file, `  ${paint('dim', `${field.line}:${field.column}`.padEnd(8))} ${field.entity}.${paint('bold', field.field)}  ${label}  ${flags}  ${paint('dim', field.confidence.toFixed(2))}`);
  }
  for (const value of result.values) {
    const what = value.kind ? `${categoryLabel(value.kind, l10n.lang)} (${value.kind})` : l10n.t('company identifier, not PI');
    add(value.file, `  ${paint('dim', `${value.line}:${value.column}`.padEnd(8))} ${l10n.t('value')} ${value.masked}  ${what}`);
  }
  for (const diagnostic of result.diagnostics) {
    const colour = diagnostic.severity === 'error' ? 'red' : 'yellow';
    add(diagnostic.file, `  ${paint('dim', `${diagnostic.line}:${diagnostic.column}`.padEnd(8))} ${paint(colour, diagnostic.severity.padEnd(7))} ${diagnostic.message}  ${paint('dim', diagnostic.rule)}`);
  }

  const out: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    out.push(paint('cyan', file), ...byFile.get(file)!, '');
  }
  if (result.skipped.length > 0) {
    out.push(l10n.t('{0} files skipped:', result.skipped.length));
    for (const skip of result.skipped) out.push(`  ${skip.file}  ${l10n.t(skip.reason)}`);
    out.push('');
  }
  const sensitive = result.fields.filter((f) => f.sensitive).length;
  out.push(result.fields.length === 0 && result.values.length === 0
    ? l10n.t('No personal information found.')
    : l10n.t('{0} personal-information fields ({1} sensitive) in {2} files; {3} PI values in data.', result.fields.length, sensitive, result.files, result.values.filter((v) => v.kind).length));
  const counts = diagnosticCounts(result);
  if (result.diagnostics.length > 0) out.push(l10n.t('{0} errors, {1} warnings', counts.error, counts.warning));
  return `${out.join('\n')}\n`;
}
