import { categoryLabel } from '../core/classify/categories';
import type { Disposition } from '../core/disposition/model';
import type { Lang } from '../core/i18n/localizer';
import type { AuditedField } from '../core/scan/scanResult';
import { annotationText } from './decision';
import { decisionOf } from './decision';
import { legalOptions } from './legalOptions';
import { maskValuesIn } from './maskValues';
import type { Translator } from './translate';

/**
 * A piece of hover content: `markdown` is the extension's own markup (headings, list bullets,
 * bold labels); `text` came from the scanned file or the engine and is appended as plain text,
 * escaped, so nothing in a document can turn into a link or markup.
 */
/** The product's name, the same in every language (the hover's header, which tests look for). */
const PRODUCT = 'PI Audit';

export type HoverPart = { markdown: string } | { text: string };

/**
 * What the hover says about a PI field: its category, why it was classified so, whether it is
 * sensitive, the disposition in force and where it was declared, the evidence of handling, and
 * the legal options with their citations. PI values in any text from the file are masked.
 */
export function hoverContent(field: AuditedField, l10n: Translator, lang: Lang): HoverPart[] {
  const parts: HoverPart[] = [];
  const text = (value: string): void => void parts.push({ text: maskValuesIn(value) });
  const md = (value: string): void => void parts.push({ markdown: value });

  md(`**${PRODUCT}** · `);
  text(`${field.entity}.${field.field}`);
  md('\n\n');

  md(`**${l10n.t('Category')}:** `);
  text(field.category === null ? l10n.t('personal information (uncategorized)') : `${categoryLabel(field.category, lang)} (${field.category})`);
  md(field.sensitive ? ` · **${l10n.t('sensitive')}** ` : ' · ');
  text(field.sensitive ? l10n.t('(PIPL Art. 28)') : l10n.t('not sensitive'));
  if (field.protected) {
    md(' · ');
    text(l10n.t('protected'));
  }
  md('\n\n');

  if (field.reasons.length > 0) {
    md(`**${l10n.t('Why')}:** `);
    text(field.reasons.join('; '));
    md('\n\n');
  }

  md(`**${l10n.t('Disposition')}:** `);
  if (field.disposition === null) text(l10n.t('none declared'));
  else text(`${annotationText(decisionOf(field.disposition)).replace(/^@pi /, '')} — ${declaredWhere(field.disposition, l10n)}`);
  md('\n\n');

  if (field.evidence.length > 0) {
    md(`**${l10n.t('Evidence in the code')}:**\n`);
    for (const evidence of field.evidence) {
      md('\n- ');
      text(evidence);
    }
    md('\n\n');
  }

  md(`**${l10n.t('Legal options')}:**\n`);
  for (const option of legalOptions(field, l10n, lang)) {
    md(`\n- **${option.action}** — `);
    text(`${option.title}: ${option.citation}`);
  }
  md('\n');
  return parts;
}

/** `@pi annotation (file:line)`, `checklist (pi-disposition.yaml:12)`, `policy policies[0]`. */
export function declaredWhere(disposition: Disposition, l10n: Translator): string {
  const at = disposition.declaredAt;
  if ('policy' in at) return l10n.t('declared by the policy {0} in the configuration', at.policy);
  const place = `${at.file}:${at.line}`;
  return disposition.source === 'checklist' ? l10n.t('declared in the checklist ({0})', place) : l10n.t('declared by an @pi annotation ({0})', place);
}
