import type { Disposition, Evidence, EvidenceKind } from '../disposition/model';
import type { FieldFinding } from '../scan/model';
import type { Bilingual, Lang, RelatedLocation } from './model';
import { pick } from './template';

const EVIDENCE_KIND: Record<EvidenceKind, Bilingual> = {
  ttl: { en: 'TTL index', zh: 'TTL 过期索引' },
  cascade: { en: 'cascade delete', zh: '级联删除' },
  'purge-job': { en: 'scheduled purge job', zh: '定时清理任务' },
  'delete-statement': { en: 'delete statement', zh: '删除语句' },
  anonymize: { en: 'hashing / masking', zh: '哈希 / 脱敏' },
  'soft-delete': { en: 'soft delete only', zh: '仅逻辑删除' },
};

/** Evidence kinds in the reader's language: `TTL index`, `定时清理任务`. */
export function evidenceKindLabel(kind: EvidenceKind, lang: Lang): string {
  return pick(EVIDENCE_KIND[kind], lang);
}

/** Most related locations attached to one diagnostic. */
const MAX_RELATED = 10;

export function evidenceLocations(evidence: readonly Evidence[], lang: Lang): RelatedLocation[] {
  return evidence.slice(0, MAX_RELATED).map((e) => ({
    file: e.file,
    line: e.line,
    column: e.column,
    message: `${evidenceKindLabel(e.kind, lang)}: ${e.text}`,
  }));
}

export function fieldLocations(findings: readonly FieldFinding[], lang: Lang): RelatedLocation[] {
  return findings.slice(0, MAX_RELATED).map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    message: `${lang === 'zh-CN' ? '涉及字段' : 'covers field'} ${fieldName(f)}`,
  }));
}

/** `entity.field` as declared. */
export function fieldName(finding: Pick<FieldFinding, 'entity' | 'field'>): string {
  return `${finding.entity}.${finding.field}`;
}

/**
 * Where a diagnostic about a declared disposition goes: on the annotation or checklist entry
 * that declared it; a policy has no place in the scanned files, so the field carries it.
 */
export function declarationSite(disposition: Disposition, finding: FieldFinding): { file: string; line: number; column: number } {
  return 'file' in disposition.declaredAt ? disposition.declaredAt : { file: finding.file, line: finding.line, column: finding.column };
}

/** Identifies a declaration, so that one declaration covering many fields yields one diagnostic. */
export function declarationKey(disposition: Disposition): string {
  const at = disposition.declaredAt;
  return 'file' in at ? `${disposition.source}:${at.file}:${at.line}:${at.column}` : `policy:${at.policy}`;
}

/** How a declaration is named in messages: `policies[2] (line 14)`, or nothing for annotations. */
export function declarationLabel(disposition: Disposition, lang: Lang): string {
  const at = disposition.declaredAt;
  if ('policy' in at) return lang === 'zh-CN' ? `（配置策略 ${at.policy}）` : ` (policy ${at.policy})`;
  if (disposition.source === 'checklist') return lang === 'zh-CN' ? '（处置清单）' : ' (checklist)';
  return '';
}

/** Groups items by key, keeping first-seen order of keys and items. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Label and id of a field's category for messages; PI without a category reads "personal information". */
export function categoryParams(finding: FieldFinding, label: (id: string) => string, lang: Lang): { label: string; category: string } {
  if (finding.category === null) return { label: lang === 'zh-CN' ? '个人信息' : 'personal information', category: lang === 'zh-CN' ? '未分类' : 'uncategorized' };
  return { label: label(finding.category), category: finding.category };
}
