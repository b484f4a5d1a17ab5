import type { ScanResult } from '../scan/scanResult';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** What SARIF needs to know of a rule: id, texts and default level. */
export interface SarifRuleMeta {
  id: string;
  shortDescription: string;
  fullDescription: string;
  help: string;
  defaultSeverity: 'error' | 'warning' | 'info' | 'off';
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

/**
 * SARIF 2.1.0 for code scanning: one rule per rule id with its help text; locations relative to
 * the scanned root (`%SRCROOT%`). Validated against the official schema in the tests.
 */
export function toSarif(result: ScanResult, rules: readonly SarifRuleMeta[]): object {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/^pi\//, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.shortDescription },
              fullDescription: { text: rule.fullDescription },
              help: { text: rule.help, markdown: rule.help },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: toFileUri(result.root) } },
        results: result.diagnostics.map((d) => ({
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d.file, d.line, d.column)],
          ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, ...location(r.file, r.line, r.column), message: { text: r.message } })) } : {}),
          ...(d.fieldId ? { partialFingerprints: { piFieldId: d.fieldId } } : {}),
        })),
      },
    ],
  };
}

export function formatSarif(result: ScanResult, rules: readonly SarifRuleMeta[]): string {
  return `${JSON.stringify(toSarif(result, rules), null, 2)}\n`;
}

function location(file: string, line: number, column: number): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: 'SRCROOT' },
      region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) },
    },
  };
}

function toFileUri(root: string): string {
  const normalized = root.replace(/\\/g, '/');
  const withSlash = normalized.endsWith('/') ? normalized : `${normalized}/`;
  return encodeURI(`file://${withSlash.startsWith('/') ? '' : '/'}${withSlash}`);
}
