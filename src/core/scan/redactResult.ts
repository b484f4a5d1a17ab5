import type { SourceComment } from '../extract/model';
import { redactValues } from '../values/redactValues';
import type { EvidenceExcerpt } from './evidenceExcerpt';
import type { FieldFinding } from './model';

/**
 * What a scan keeps of a file leaves the file, to a worker's message, to the result cache on
 * disk, perhaps to a CI cache server: so no PI value goes with it whole. The comments and
 * descriptions of fields (`手机号, 例如 138…`) and the evidence lines (`… WHERE sfzh = '…'`) have
 * every value masked. Masks keep the length, so every column stays where it was.
 *
 * Text with an `@pi` annotation stays as written: an annotation is a declaration, and its
 * recipient's contact (`contact="dpo@example.com"`) is part of the decision. Only annotations
 * and the words of comments are read after the analysis, so the findings do not change.
 */
export function redactFindings(fields: readonly FieldFinding[]): FieldFinding[] {
  // Fields of one entity share its comments: mask them once and keep them shared.
  const shared = new Map<readonly SourceComment[], SourceComment[]>();
  const comments = (list: SourceComment[]): SourceComment[] => {
    let masked = shared.get(list);
    if (!masked) {
      masked = list.some((c) => mayHoldValue(c.text)) ? list.map((c) => (mayHoldValue(c.text) ? { ...c, text: redactText(c.text) } : c)) : list;
      shared.set(list, masked);
    }
    return masked;
  };
  return fields.map((field) => {
    const description = field.description !== undefined && mayHoldValue(field.description) ? redactText(field.description) : field.description;
    const fieldComments = comments(field.fieldComments);
    const entityComments = comments(field.entityComments);
    if (description === field.description && fieldComments === field.fieldComments && entityComments === field.entityComments) return field;
    return { ...field, description, fieldComments, entityComments };
  });
}

export function redactExcerpt(excerpt: EvidenceExcerpt): EvidenceExcerpt {
  if (!excerpt.lines.some(mayHoldValue)) return excerpt;
  return { lineNumbers: excerpt.lineNumbers, lines: excerpt.lines.map((line) => (mayHoldValue(line) ? redactValues(line) : line)) };
}

/** Every PI value holds a digit or an `@` (see prefilter.ts): most comments need no look. */
function mayHoldValue(text: string): boolean {
  return /[0-9@]/.test(text);
}

function redactText(text: string): string {
  return text.includes('@pi') ? text : redactValues(text);
}
