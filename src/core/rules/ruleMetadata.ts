import type { SarifRuleMeta } from '../report/sarifReport';
import type { Lang } from './model';
import { RULES } from './registry';
import { pick } from './template';

/** Where the rule documentation lives, relative to the repository root. */
export const RULE_DOCS_PAGE = 'README.md';

/** The rules' metadata for SARIF and the README, in the reader's language. */
export function ruleMetadata(lang: Lang): SarifRuleMeta[] {
  return RULES.map(({ meta }) => ({
    id: meta.id,
    shortDescription: pick(meta.title, lang),
    fullDescription: pick(meta.doc, lang),
    help: `${pick(meta.doc, lang)}\n\n${lang === 'zh-CN' ? '文档' : 'Documentation'}: ${RULE_DOCS_PAGE}#${meta.anchor}`,
    defaultSeverity: meta.defaultSeverity,
  }));
}
