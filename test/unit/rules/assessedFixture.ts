import { defaultConfig } from '../../../src/core/config/defaults';
import type { PiAuditConfig } from '../../../src/core/config/model';
import type { AnnotationParse, AssessedField, Disposition, Evidence } from '../../../src/core/disposition/model';
import type { FieldFinding } from '../../../src/core/scan/model';
import { finding } from '../disposition/findingFixture';

export { finding };

/** A disposition declared by a `@pi` annotation at `line` (column 6) of the finding's file. */
export function annotated(file: string, line: number, disposition: Omit<Disposition, 'source' | 'declaredAt' | 'extra'> & { extra?: Record<string, string> }): Disposition {
  return { extra: {}, ...disposition, source: 'annotation', declaredAt: { file, line, column: 6 } };
}

export function assessed(f: FieldFinding, disposition: Disposition | null = null, evidence: Evidence[] = [], invalid: AnnotationParse[] = []): AssessedField {
  return { finding: f, disposition, evidence, invalid };
}

export function config(rules: PiAuditConfig['rules'] = {}): PiAuditConfig {
  return { ...defaultConfig(), rules };
}

/** 身份证号 in the HR system: sensitive, stored in the clear. */
export const sfzh = finding({ entity: 'ry_jbxx', field: 'sfzh', category: 'identity.id_number', sensitive: true, line: 6, column: 3, description: '身份证号' });
/** 手机号码: ordinary PI. */
export const sjhm = finding({ entity: 'ry_jbxx', field: 'sjhm', category: 'basic.phone', line: 7, column: 3, description: '手机号码' });
