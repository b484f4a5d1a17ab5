import * as vscode from 'vscode';
import { crossBorderSignal } from '../core/disposition/crossBorder';
import { ART38_MECHANISMS } from '../core/disposition/mechanism';
import type { DispositionAction } from '../core/disposition/model';
import { parsePeriod } from '../core/disposition/period';
import type { Lang } from '../core/i18n/localizer';
import type { AuditedField } from '../core/scan/scanResult';
import type { Decision } from './decision';
import { legalOptions, retentionChoices } from './legalOptions';

/** What is still needed to declare a decision: asked with quick picks and input boxes. */
export interface PromptDefaults {
  successor?: string;
  successorContact?: string;
}

/**
 * Completes a decision by asking only for what is missing: the action (with its legal
 * citation), for retain the period and legal basis (common ones from the retention table), for
 * transfer the recipient and contact (and the Art. 38 mechanism when the recipient looks
 * abroad), for ignore the reason. Undefined when the user cancels.
 */
export async function completeDecision(field: AuditedField, known: Partial<Decision>, lang: Lang, defaults: PromptDefaults): Promise<Decision | undefined> {
  const action = known.action ?? (await pickAction(field, lang));
  if (!action) return undefined;
  const decision: Decision = { ...stripUndefined(known), action };
  if (action === 'retain' && (!decision.period || !decision.basis)) {
    const retention = await pickRetention(field, lang, decision);
    if (!retention) return undefined;
    Object.assign(decision, retention);
    decision.then ??= 'destroy';
  }
  if (action === 'transfer') {
    decision.to ??= await input(vscode.l10n.t('Recipient’s name (PIPL Art. 22)'), defaults.successor);
    if (!decision.to) return undefined;
    decision.contact ??= await input(vscode.l10n.t('Recipient’s contact (PIPL Art. 22)'), defaults.successorContact);
    if (!decision.contact) return undefined;
    if (!decision.mechanism && crossBorderSignal(decision.to, decision.contact)) {
      const mechanism = await vscode.window.showQuickPick(
        [...ART38_MECHANISMS.map((m): { label: string; value: string | undefined } => ({ label: m, value: m })), { label: vscode.l10n.t('The recipient is in the mainland'), value: undefined }],
        { title: vscode.l10n.t('The recipient looks abroad: which PIPL Art. 38 mechanism applies?'), ignoreFocusOut: true },
      );
      if (!mechanism) return undefined;
      if (mechanism.value) decision.mechanism = mechanism.value;
    }
  }
  if (action === 'ignore' && !decision.reason) {
    decision.reason = await input(vscode.l10n.t('Why is this not personal information (or accepted as is)?'), vscode.l10n.t('not personal information'));
    if (!decision.reason) return undefined;
  }
  return decision;
}

async function pickAction(field: AuditedField, lang: Lang): Promise<DispositionAction | undefined> {
  const items = legalOptions(field, vscode.l10n, lang).map((option) => ({ label: `@pi ${option.action}${option.period ? ` ${option.period}` : ''}`, description: option.title, detail: option.citation, action: option.action, period: option.period }));
  items.push({ label: '@pi ignore', description: vscode.l10n.t('Not personal information'), detail: vscode.l10n.t('No disposition needed; give the reason'), action: 'ignore', period: undefined });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Disposition of {0}.{1}', field.entity, field.field), ignoreFocusOut: true, matchOnDetail: true });
  return picked?.action;
}

async function pickRetention(field: AuditedField, lang: Lang, decision: Decision): Promise<{ period: string; basis: string } | undefined> {
  const other = { label: vscode.l10n.t('Another period and legal basis…'), description: '', detail: '', period: '', basis: '' };
  const choices = retentionChoices(field, lang).map((choice) => ({
    label: choice.label,
    description: choice.applies ? vscode.l10n.t('applies to this field') : '',
    detail: choice.basis,
    period: choice.period,
    basis: choice.basis,
  }));
  const picked = await vscode.window.showQuickPick([...choices, other], { title: vscode.l10n.t('Retain {0}.{1}: which law requires it?', field.entity, field.field), ignoreFocusOut: true, matchOnDetail: true });
  if (!picked) return undefined;
  if (picked !== other) return { period: decision.period && parsePeriod(decision.period) ? decision.period : picked.period, basis: picked.basis };
  const period = decision.period ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Retention period'),
    prompt: vscode.l10n.t('A number and a unit: 30y, 6m, 90d'),
    ignoreFocusOut: true,
    validateInput: (value) => (parsePeriod(value) ? undefined : vscode.l10n.t('Write a period like 30y, 6m or 90d')),
  }));
  if (!period) return undefined;
  const basis = decision.basis ?? (await input(vscode.l10n.t('Legal basis (law and article)'), undefined));
  return basis ? { period, basis } : undefined;
}

async function input(title: string, value: string | undefined): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({ title, value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required')) });
  return text?.trim() || undefined;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Where to declare a decision, when the field's file can hold an annotation. */
export async function pickTarget(): Promise<'annotation' | 'checklist' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('In the code: a @pi annotation above the field'), target: 'annotation' as const },
      { label: vscode.l10n.t('In the checklist (pi-disposition.yaml)'), target: 'checklist' as const },
    ],
    { title: vscode.l10n.t('Where should the decision be declared?'), ignoreFocusOut: true },
  );
  return picked?.target;
}
