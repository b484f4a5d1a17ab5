import type { AssessedField, DispositionAction } from '../core/disposition/model';
import type { Lang } from '../core/i18n/localizer';
import { retentionDutiesFor } from '../core/disposition/retention';
import { ART38_MECHANISMS } from '../core/disposition/mechanism';
import { annotationText, decisionOf, type Decision } from './decision';
import type { Translator } from './translate';

/** Arguments of `piAudit.setDisposition` after the field id: what is already known of the decision. */
export interface SetDispositionOptions extends Partial<Decision> {
  /** The folder (URI string) the field id is relative to. */
  folder?: string;
  /** Where to declare it; asked when absent. */
  target?: 'annotation' | 'checklist';
  /** An existing annotation (1-based line and column) to replace instead of inserting one. */
  replace?: { line: number; column: number };
}

/** One quick fix, before it becomes a `vscode.CodeAction`. */
export type FixPlan =
  | { kind: 'insert'; title: string; decision: Decision; preferred?: boolean }
  | { kind: 'replace'; title: string; decision: Decision; line: number; column: number; preferred?: boolean }
  | { kind: 'remove'; title: string; line: number; column: number; preferred?: boolean }
  | { kind: 'command'; title: string; command: 'piAudit.setDisposition' | 'piAudit.generateChecklist'; options?: SetDispositionOptions; preferred?: boolean };

export interface FixContext {
  rule: string;
  field: AssessedField;
  folderKey: string;
  /** An annotation can be inserted above the field in its own comment syntax. */
  canInsert: boolean;
  /** Where the diagnostic sits (1-based), and whether an annotation there can be replaced. */
  site: { line: number; column: number; replaceable: boolean };
  lang: Lang;
}

/** The decision that never conflicts with a retention duty: keep as long as the longest duty requires, then destroy; else delete. */
export function defaultDecision(field: AssessedField, lang: Lang): Decision {
  const duty = retentionDutiesFor(field.finding)[0]?.duty;
  if (!duty) return { action: 'delete' };
  return { action: 'retain', period: duty.minimum.text, basis: lang === 'zh-CN' ? duty.source.zh : duty.source.en, then: 'destroy' };
}

/**
 * The quick fixes for one PI Audit diagnostic, exactly one of them preferred:
 * an undeclared field gets the annotations (delete / anonymize direct, transfer… and retain…
 * through the prompting command), the checklist instead, and "not PI"; a declaration that is
 * incomplete or conflicts gets a corrected annotation in place; a malformed annotation a
 * replacement or its removal; a stale checklist its regeneration.
 */
export function planFixes(context: FixContext, l10n: Translator): FixPlan[] {
  const plans = rawPlans(context, l10n);
  const preferred = plans.findIndex((p) => p.preferred);
  plans.forEach((plan, index) => (plan.preferred = index === (preferred < 0 ? 0 : preferred)));
  return plans;
}

function rawPlans(context: FixContext, l10n: Translator): FixPlan[] {
  const { field, folderKey, site } = context;
  const id = { folder: folderKey };
  const declare = (action: DispositionAction, extra: Partial<SetDispositionOptions> = {}): FixPlan =>
    ({ kind: 'command', command: 'piAudit.setDisposition', title: '', options: { ...id, action, target: 'annotation', ...extra } });
  const disposition = field.disposition;
  const existing = disposition ? decisionOf(disposition) : undefined;
  const inCode = disposition?.source === 'annotation' && site.replaceable;
  const fromChecklist = disposition?.source === 'checklist';
  const checklist = (title: string, options: SetDispositionOptions = {}): FixPlan => ({ kind: 'command', command: 'piAudit.setDisposition', title, options: { ...id, target: 'checklist', ...options } });
  const whereAnnotation = (options: SetDispositionOptions): SetDispositionOptions => (inCode ? { ...options, replace: { line: site.line, column: site.column } } : fromChecklist ? { ...options, target: 'checklist' } : options);

  switch (context.rule) {
    case 'pi/missing-disposition':
    case 'pi/sensitive-unprotected':
    case 'pi/soft-delete-only': {
      if (disposition !== null && context.rule !== 'pi/missing-disposition') {
        // Declared but still flagged (kept in the clear, or only soft-deleted): the decision that
        // clears the finding replaces the field's own annotation; otherwise it is declared anew.
        const next: Decision = { action: context.rule === 'pi/sensitive-unprotected' ? 'anonymize' : 'delete' };
        const own = ownAnnotationSite(field);
        if (own) return [{ kind: 'replace', title: l10n.t('Change to: {0}', annotationText(next)), decision: next, line: own.line, column: own.column, preferred: true }];
        return [{ ...declare(next.action, fromChecklist ? { target: 'checklist' } : {}), title: l10n.t('Change the disposition of {0}…', field.finding.field), preferred: true }];
      }
      const plans: FixPlan[] = [];
      if (context.canInsert) {
        if (context.rule === 'pi/sensitive-unprotected') {
          // Anonymizing (or deleting) is what takes sensitive PI out of the clear.
          plans.push({ kind: 'insert', title: l10n.t('Declare: {0}', '@pi anonymize'), decision: { action: 'anonymize' }, preferred: true });
          plans.push({ kind: 'insert', title: l10n.t('Declare: {0}', '@pi delete'), decision: { action: 'delete' } });
        } else {
          // Retaining for the longest duty never conflicts; without a duty, delete (PIPL Art. 47).
          const preferred = defaultDecision(field, context.lang);
          plans.push({ kind: 'insert', title: l10n.t('Declare: {0}', annotationText(preferred)), decision: preferred, preferred: true });
          plans.push({ kind: 'insert', title: l10n.t('Declare: {0}', '@pi anonymize'), decision: { action: 'anonymize' } });
          plans.push({ ...declare('transfer'), title: l10n.t('Declare: @pi transfer… (recipient and contact)') });
          plans.push({ ...declare('retain'), title: l10n.t('Declare: @pi retain… (period and legal basis)') });
        }
        plans.push({ kind: 'insert', title: l10n.t('Not personal information: @pi ignore reason="…"'), decision: { action: 'ignore', reason: l10n.t('not personal information') } });
      }
      plans.push(checklist(l10n.t('Record the decision in the checklist instead…')));
      return plans;
    }
    case 'pi/retain-without-basis':
    case 'pi/retention-conflict': {
      const plans: FixPlan[] = [];
      const fixed = defaultDecision(field, context.lang);
      if (fixed.action === 'retain' && inCode) {
        const decision: Decision = { ...existing, ...fixed, then: existing?.then ?? 'destroy' };
        plans.push({ kind: 'replace', title: l10n.t('Change to: {0}', annotationText(decision)), decision, line: site.line, column: site.column, preferred: true });
      }
      // A period that is too short is chosen again; a period already written is kept.
      const period = context.rule === 'pi/retention-conflict' ? undefined : existing?.period;
      plans.push({ ...declare('retain', whereAnnotation({ ...existing, action: 'retain', period })), title: l10n.t('Choose the retention period and legal basis…'), preferred: !inCode || fixed.action !== 'retain' });
      return plans;
    }
    case 'pi/transfer-without-recipient':
      return [{ ...declare('transfer', whereAnnotation({ ...existing, action: 'transfer', to: existing?.to, contact: undefined })), title: l10n.t('Name the recipient and its contact…'), preferred: true }];
    case 'pi/cross-border-transfer': {
      if (!inCode || !existing) return [{ ...declare('transfer', whereAnnotation({ ...existing, action: 'transfer' })), title: l10n.t('Declare the PIPL Art. 38 mechanism…'), preferred: true }];
      return ART38_MECHANISMS.map((mechanism) => {
        const decision: Decision = { ...existing, mechanism };
        return { kind: 'replace', title: l10n.t('Declare the Art. 38 mechanism: {0}', mechanism), decision, line: site.line, column: site.column, preferred: mechanism === 'standard-contract' };
      });
    }
    case 'pi/invalid-annotation': {
      const plans: FixPlan[] = [];
      if (site.replaceable) {
        plans.push({ ...declare('delete', { replace: { line: site.line, column: site.column }, action: undefined }), title: l10n.t('Replace with a valid annotation…'), preferred: true });
        plans.push({ kind: 'remove', title: l10n.t('Remove the annotation'), line: site.line, column: site.column });
      }
      return plans;
    }
    case 'pi/checklist-stale':
      return [{ kind: 'command', command: 'piAudit.generateChecklist', title: l10n.t('Update the checklist'), preferred: true }];
    default:
      return [];
  }
}

/**
 * The annotation that declares this field's disposition on or just above the field itself (not
 * above its entity, where replacing it would change the other fields too), if there is one.
 */
function ownAnnotationSite(field: AssessedField): { line: number; column: number } | undefined {
  const disposition = field.disposition;
  if (disposition?.source !== 'annotation' || !('file' in disposition.declaredAt)) return undefined;
  const { file, line, column } = disposition.declaredAt;
  if (file !== field.finding.file) return undefined;
  const onField = field.finding.fieldComments.some((comment) => comment.line === line) || line === field.finding.line;
  return onField ? { line, column } : undefined;
}
