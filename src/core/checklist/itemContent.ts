import type { Disposition } from '../disposition/model';
import type { ChecklistDispositionData, ChecklistItemInput, InformationClass } from './model';

/** The seed's three-way class: PI, trade secret (business.*), or other. */
export function informationClass(item: ChecklistItemInput): InformationClass {
  if (item.finding.isPI) return '个人隐私信息';
  if (item.finding.category?.startsWith('business.')) return '商业秘密信息';
  return '其他信息';
}

/**
 * `身份证号 (Resident ID number)`; the English goes in brackets because Chinese labels already
 * use slashes (`收入 / 工资`). Falls back to the category id when no label was given.
 */
export function categoryLabelText(item: ChecklistItemInput): string {
  if (item.labelZh && item.labelEn) return `${item.labelZh} (${item.labelEn})`;
  return item.labelZh || item.labelEn || item.finding.category || '';
}

export function locationText(item: ChecklistItemInput): string {
  return `${item.finding.file}:${item.finding.line}`;
}

/** `file:line` back into its parts; a location written by hand may not have them. */
export function parseLocation(location: unknown): { file: string; line: number } | undefined {
  if (typeof location !== 'string') return undefined;
  const cut = location.lastIndexOf(':');
  if (cut <= 0) return undefined;
  const line = Number(location.slice(cut + 1));
  return Number.isInteger(line) ? { file: location.slice(0, cut), line } : undefined;
}

/** A disposition as the checklist writes it: plain keys in a fixed order, `declaredIn` last. */
export function dispositionData(disposition: Disposition): ChecklistDispositionData {
  const data: ChecklistDispositionData = { action: disposition.action };
  if (disposition.period) data.period = disposition.period.text;
  if (disposition.until) data.until = disposition.until;
  if (disposition.then) data.then = disposition.then;
  if (disposition.basis) data.basis = disposition.basis;
  if (disposition.to) data.to = disposition.to;
  if (disposition.contact) data.contact = disposition.contact;
  if (disposition.method) data.method = disposition.method;
  if (disposition.mechanism) data.mechanism = disposition.mechanism;
  if (disposition.reason) data.reason = disposition.reason;
  if (Object.keys(disposition.extra).length > 0) data.extra = { ...disposition.extra };
  data.declaredIn = disposition.source;
  return data;
}

/** Two dispositions say the same thing (used to tell a real conflict from a copy). */
export function sameDecision(a: ChecklistDispositionData, b: ChecklistDispositionData): boolean {
  return a.action === b.action && (a.period ?? '') === (b.period ?? '') && (a.to ?? '') === (b.to ?? '');
}

/** A recipient abroad: an Art. 38 mechanism is named, or `abroad`/`country` in the extra keys say so. */
export function isAbroad(disposition: ChecklistDispositionData | null | undefined): boolean {
  if (!disposition) return false;
  if (disposition.mechanism) return true;
  const extra = disposition.extra ?? {};
  const abroad = extra.abroad ?? extra['境外'];
  if (abroad === true || (typeof abroad === 'string' && /^(true|yes|是|1)$/i.test(abroad))) return true;
  const country = extra.country;
  return typeof country === 'string' && country !== '' && !/^(cn|chn|china|中国)$/i.test(country);
}
