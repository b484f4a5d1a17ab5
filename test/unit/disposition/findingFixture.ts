import type { SourceComment } from '../../../src/core/extract/model';
import type { FieldFinding } from '../../../src/core/scan/model';

/** A field finding as the scan produces it, with realistic defaults; override what a test needs. */
export function finding(overrides: Partial<FieldFinding> & Pick<FieldFinding, 'entity' | 'field'>): FieldFinding {
  const file = overrides.file ?? 'db/hr_schema.sql';
  return {
    id: `${file}#${overrides.entity}.${overrides.field}`,
    file,
    format: 'sql',
    line: 10,
    column: 3,
    entityAliases: [],
    fieldAliases: [],
    fieldComments: [],
    entityComments: [],
    isPI: true,
    category: 'basic.name',
    sensitive: false,
    confidence: 0.9,
    reasons: ['token xm → 姓名'],
    protected: false,
    ...overrides,
  };
}

export function comment(text: string, line: number, column = 1): SourceComment {
  return { text, line, column };
}
