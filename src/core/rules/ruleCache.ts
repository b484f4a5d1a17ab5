import type { PiAuditConfig } from '../config/model';
import type { Evidence } from '../disposition/model';
import { declarationKey } from './locations';
import type { AssessedField, Diagnostic, Lang } from './model';
import { compareDiagnostics, runRules, type RunRulesOptions } from './runRules';

interface Part {
  fields: readonly AssessedField[];
  diagnostics: readonly Diagnostic[];
}

/**
 * Runs the rules over a folder part by part and keeps each part's diagnostics while its fields
 * stay the same, so a re-audit after one file changed runs the rules over that file only.
 *
 * Why parts give the same diagnostics as one run over everything: a rule looks at one field, or
 * groups fields by entity (one file), by the annotation that declared their disposition (in the
 * field's own file), or by a checklist entry or policy — the only groups that cross files. A part
 * is therefore a file together with every file it shares a checklist or policy declaration with.
 * Each group lies within one part and the rules meet its fields in the same order, so each part
 * yields exactly its share of the diagnostics; and two diagnostics the final sort cannot tell
 * apart (same rule, file, line and column) come from one part, in the order one run would give.
 * A part counts as unchanged when its fields are the same findings with the same dispositions
 * (the same objects: see AssessCache) and equal evidence, under the same configuration.
 */
export class RuleCache {
  private parts = new Map<string, Part>();
  private settings: { config: PiAuditConfig; lang: Lang; options: RunRulesOptions } | undefined;
  /** The last run: how many parts the folder had, and how many of them the rules judged again. */
  lastRun = { parts: 0, judged: 0 };

  run(fields: readonly AssessedField[], config: PiAuditConfig, lang: Lang, options: RunRulesOptions = {}): Diagnostic[] {
    const settings = this.settings;
    if (!settings || settings.config !== config || settings.lang !== lang || settings.options.categoryLabel !== options.categoryLabel) {
      this.parts.clear();
      this.settings = { config, lang, options };
    }
    const next = new Map<string, Part>();
    const diagnostics: Diagnostic[] = [];
    let judged = 0;
    for (const [key, members] of partsOf(fields)) {
      const kept = this.parts.get(key);
      const part = kept && sameFields(kept.fields, members) ? kept : { fields: members, diagnostics: runRules(members, config, lang, options) };
      if (part !== kept) judged++;
      next.set(key, part);
      diagnostics.push(...part.diagnostics);
    }
    this.parts = next;
    this.lastRun = { parts: next.size, judged };
    // A stable sort of the parts' sorted lists: ties keep their part's order, which is one run's.
    return diagnostics.sort(compareDiagnostics);
  }
}

/** The fields by part (files linked by a shared checklist or policy declaration), each in the fields' order. */
export function partsOf(fields: readonly AssessedField[]): Map<string, AssessedField[]> {
  const parent = new Map<string, string>();
  const root = (file: string): string => {
    let at = file;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up;
    parent.set(file, at);
    return at;
  };
  const declaredIn = new Map<string, string>();
  for (const { finding, disposition } of fields) {
    if (!parent.has(finding.file)) parent.set(finding.file, finding.file);
    if (!disposition || disposition.source === 'annotation') continue;
    const key = declarationKey(disposition);
    const first = declaredIn.get(key);
    if (first === undefined) declaredIn.set(key, finding.file);
    else if (root(first) !== root(finding.file)) parent.set(root(finding.file), root(first));
  }
  const byRoot = new Map<string, { files: Set<string>; fields: AssessedField[] }>();
  for (const field of fields) {
    const at = root(field.finding.file);
    const part = byRoot.get(at) ?? { files: new Set<string>(), fields: [] };
    part.files.add(field.finding.file);
    part.fields.push(field);
    byRoot.set(at, part);
  }
  const parts = new Map<string, AssessedField[]>();
  for (const part of byRoot.values()) parts.set([...part.files].sort().join('\n'), part.fields);
  return parts;
}

function sameFields(before: readonly AssessedField[], now: readonly AssessedField[]): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = before[i];
    const b = now[i];
    if (a.finding !== b.finding || a.disposition !== b.disposition || a.invalid !== b.invalid || !sameEvidence(a.evidence, b.evidence)) return false;
  }
  return true;
}

/** Evidence is built afresh by every search: equal when every item has the same properties and values. */
function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, unknown>;
    const y = b[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length || keys.some((key) => x[key] !== y[key])) return false;
  }
  return true;
}
