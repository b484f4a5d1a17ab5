import type { Lang } from '../core/i18n/localizer';
import type { DispositionAction } from '../core/disposition/model';
import { RETENTION_DUTIES, retentionDutiesFor, type RetentionDuty } from '../core/disposition/retention';
import type { FieldFinding } from '../core/scan/model';
import type { Translator } from './translate';

/** One lawful way to dispose of a field, with the provision that allows or requires it. */
export interface LegalOption {
  action: DispositionAction;
  /** What to do, in the reader's language. */
  title: string;
  /** The citation: `PIPL Art. 47`, `《会计档案管理办法》第十四条…`. */
  citation: string;
  /** For retain: the period the duty requires and its basis as an annotation would write it. */
  period?: string;
  basis?: string;
}

/**
 * The legal options for a field (PIPL Art. 47 para. 1 delete, Art. 73 anonymize, Art. 22
 * transfer, Art. 47 para. 2 retain where another law requires it). Retain comes once per
 * retention duty the field may fall under (longest first), or once, generically, when none does.
 */
export function legalOptions(finding: FieldFinding, l10n: Translator, lang: Lang): LegalOption[] {
  const options: LegalOption[] = [];
  const duties = retentionDutiesFor(finding);
  for (const { duty } of duties) options.push(retainOption(duty, l10n, lang));
  options.push(
    { action: 'delete', title: l10n.t('Delete'), citation: l10n.t('PIPL Art. 47 (delete when the processing purpose ends or the processor stops its service)') },
    { action: 'anonymize', title: l10n.t('Anonymize'), citation: l10n.t('PIPL Art. 73(4) (anonymized information is no longer personal information)') },
    { action: 'transfer', title: l10n.t('Transfer to a successor'), citation: l10n.t('PIPL Art. 22 (tell each individual the recipient’s name and contact)') },
  );
  if (duties.length === 0) {
    options.push({ action: 'retain', title: l10n.t('Retain'), citation: l10n.t('PIPL Art. 47 para. 2 (only while another law’s retention period runs, then destroy)') });
  }
  return options;
}

function retainOption(duty: RetentionDuty, l10n: Translator, lang: Lang): LegalOption {
  const source = lang === 'zh-CN' ? duty.source.zh : duty.source.en;
  const record = lang === 'zh-CN' ? duty.record.zh : duty.record.en;
  return {
    action: 'retain',
    title: l10n.t('Retain {0} ({1})', duty.minimum.text, record),
    citation: `${source}; ${l10n.t('PIPL Art. 47 para. 2')}`,
    period: duty.minimum.text,
    basis: lang === 'zh-CN' ? duty.source.zh : duty.source.en,
  };
}

/** A retention period and basis a person can pick for `@pi retain`. */
export interface RetentionChoice {
  period: string;
  basis: string;
  /** `30y — accounting vouchers, ledgers and journals`. */
  label: string;
  /** True when the field looks like a record this duty covers. */
  applies: boolean;
}

/** Every duty in the retention table, the ones that apply to the field first. */
export function retentionChoices(finding: FieldFinding, lang: Lang): RetentionChoice[] {
  const applying = new Set(retentionDutiesFor(finding).map((d) => d.duty.id));
  const choices = RETENTION_DUTIES.map((duty) => ({
    period: duty.minimum.text,
    basis: lang === 'zh-CN' ? duty.source.zh : duty.source.en,
    label: `${duty.minimum.text} — ${lang === 'zh-CN' ? duty.record.zh : duty.record.en}`,
    applies: applying.has(duty.id),
  }));
  return [...choices.filter((c) => c.applies), ...choices.filter((c) => !c.applies)];
}
