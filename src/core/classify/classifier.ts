import type { ExtractedEntity, ExtractedField } from '../extract/model';
import { isPersonalCategory, isSensitiveCategory } from './categories';
import { MEDICAL_RECORD_WORDS, NEVER_NUMBERS, PERSON_ONLY, TEXT_CATEGORIES, TRAIT_CATEGORIES, TRAIT_HEADS, isOwnerDependent } from './categorySets';
import { CommentEvidence, hasNoRealText } from './commentEvidence';
import { isBooleanType, isIntegerType } from './declaredType';
import { entityContext, type EntityContext } from './entityContext';
import { refineForEntity } from './entityRefinement';
import { NON_PI_DESCRIPTION_ZH, NON_PI_QUALIFIER_WORDS, PROTECTION_WORDS, PROTECTION_ZH } from './lexicon/context';
import type { Classification } from './model';
import { NameEvidence, metadataHead } from './nameEvidence';
import { isWeakRole, personQualifier, thingQualifier } from './qualifiers';
import { TermIndex, type TermHit } from './termIndex';

export interface ClassifierOptions {
  sensitiveIdReading?: 'GB/T 35273-2020' | 'GB/T 45574-2025';
  /** Below this confidence a field is reported as not PI. */
  minConfidence?: number;
  /** Kinds of PI values found in the field's sample data (seed rows, fixture values). */
  valueKinds?: (samples: readonly string[]) => (string | null)[];
}

const PROTECTION = new Set(PROTECTION_WORDS);
const NON_PI_QUALIFIERS = new Set(NON_PI_QUALIFIER_WORDS);

type Verdict = { category: string | null; confidence: number; reasons: string[] };

/**
 * Classifies fields as personal information or not, with one category id, evidence and a
 * confidence. Evidence, strongest first: the field's own description (the comment wins), its
 * name (English, pinyin, pinyin initials), sample values; then the declared type and the entity
 * context decide whether a generic word (`name`, `phone`) is about a person at all.
 */
export class Classifier {
  private readonly index = new TermIndex();
  private readonly names = new NameEvidence(this.index);
  private readonly comments = new CommentEvidence(this.index);

  constructor(private readonly options: ClassifierOptions = {}) {}

  contextOf(entity: ExtractedEntity, parents: readonly ExtractedEntity[] = []): EntityContext {
    return entityContext(entity, parents, this.index);
  }

  classify(field: ExtractedField, context: EntityContext, siblings: readonly ExtractedField[] = []): Classification {
    const verdict = this.decide(field, context, siblings);
    const minConfidence = this.options.minConfidence ?? 0.5;
    const category = verdict.category;
    const isPI = isPersonalCategory(category) && verdict.confidence >= minConfidence;
    return {
      isPI,
      category: isPI || category?.startsWith('business.') ? category : null,
      sensitive: isPI && category !== null ? isSensitiveCategory(category, this.options.sensitiveIdReading) : false,
      confidence: round(verdict.confidence),
      reasons: verdict.reasons,
      protected: isPI && this.looksProtected(field),
    };
  }

  private decide(field: ExtractedField, context: EntityContext, siblings: readonly ExtractedField[]): Verdict {
    const description = field.description?.trim() ?? '';
    const nameTokens = this.names.tokenLists([field.name, ...field.aliases]);
    const fromName = this.names.best(nameTokens);
    const fromText = description ? this.comments.best(description) : undefined;
    const reasons: string[] = [];

    // The comment wins: a description that names bookkeeping or something else overrides an initials guess.
    const bookkeeping = NON_PI_DESCRIPTION_ZH.find((w) => description.includes(w));
    if (bookkeeping && (!fromText || fromText.hit.entry.contextual) && (!fromName || fromName.hit.entry.contextual || fromName.hit.via === 'initials')) {
      return { category: null, confidence: 0.9, reasons: [`comment says "${bookkeeping}"`] };
    }

    let chosen: { hit: TermHit; qualifier: string[]; qualifierText: string; trailing: string[]; source: 'comment' | 'name' } | undefined;
    if (fromText && (!fromName || !fromText.hit.entry.contextual || fromName.hit.entry.contextual || fromName.hit.entry.category === fromText.hit.entry.category)) {
      chosen = { ...fromText, qualifier: fromName?.qualifier ?? [], trailing: fromName?.trailing ?? [], source: 'comment' };
    } else if (fromName) {
      if (description && !fromText && fromName.hit.via === 'initials' && !hasNoRealText(description)) {
        return { category: null, confidence: 0.7, reasons: [`abbreviation "${fromName.hit.term}" is contradicted by the comment`] };
      }
      chosen = { ...fromName, qualifierText: fromText?.hit.entry.category === fromName.hit.entry.category ? fromText.qualifierText : '', source: 'name' };
    }

    const valueKind = this.valueKind(field);
    if (!chosen && context.role === 'medical' && (nameTokens.some((tokens) => tokens.some((t) => MEDICAL_RECORD_WORDS.has(t))) || /报告|结果|结论/.test(description))) {
      return { category: 'health.record', confidence: 0.7, reasons: ['part of a medical record entity', context.because] };
    }
    if (!chosen) {
      if (valueKind) return { category: valueKind, confidence: 0.85, reasons: [`sample values look like ${valueKind}`] };
      return { category: null, confidence: 0.8, reasons: ['no personal-information word in name or comment'] };
    }

    const { hit } = chosen;
    let category = hit.entry.category;
    let confidence = chosen.source === 'comment' ? 0.95 : hit.via === 'initials' ? 0.8 : 0.9;
    reasons.push(chosen.source === 'comment' ? `comment word "${hit.term}"` : `${hit.via === 'initials' ? 'pinyin initials' : 'name token'} "${hit.term}"`);

    if (category.startsWith('business.')) return { category, confidence, reasons };

    // A trailing head like `verified`, `count`, `type` makes the field metadata about the value;
    // a qualifier like `target` makes it a rule (target_gender describes no person).
    const head = metadataHead(nameTokens, fromName);
    if (head && !(TRAIT_CATEGORIES.has(chosen.hit.entry.category) && TRAIT_HEADS.has(head))) {
      return { category: null, confidence: 0.8, reasons: [...reasons, `but the head word "${head}" makes it metadata`] };
    }
    // author_url, holder_link: a web address after a person word is a link, not a name.
    const link = category === 'basic.name' && chosen.source === 'name' ? chosen.trailing.find((t) => LINK_HEADS.has(t)) : undefined;
    if (link) {
      return { category: null, confidence: 0.75, reasons: [...reasons, `but the head word "${link}" makes it a link`] };
    }
    const ruleWord = (fromName?.qualifier ?? nameTokens[0] ?? []).find((t) => NON_PI_QUALIFIERS.has(t));
    if (ruleWord) {
      return { category: null, confidence: 0.8, reasons: [...reasons, `but "${ruleWord}" makes it a rule or a thing, not a person's data`] };
    }

    // The declared type: a boolean holds no e-mail address, a number no name.
    const type = (field.type ?? '').toLowerCase();
    if (isBooleanType(type) && !TRAIT_CATEGORIES.has(category)) {
      return { category: null, confidence: 0.85, reasons: [...reasons, `but the type ${field.type} is a flag`] };
    }
    const reference = nameTokens.some((t) => t[t.length - 1] === 'id') || /\bID\b|编号|外键|关联/.test(description);
    if (isIntegerType(type) && TEXT_CATEGORIES.has(category) && (reference || NEVER_NUMBERS.has(category))) {
      return { category: null, confidence: 0.85, reasons: [...reasons, `but the ${field.type} column is a reference to a person, not the value`] };
    }

    // Generic words need a person: the qualifier, then the entity decides.
    if (hit.entry.contextual) {
      // A role noun in a comment (收货人, 被保险人) names the person itself.
      let person = personQualifier(chosen.qualifier, chosen.source === 'comment' ? chosen.qualifierText + hit.term : chosen.qualifierText);
      const thing = thingQualifier(chosen.qualifier, chosen.qualifierText);
      if (person && isWeakRole(person) && context.subject === 'thing') person = undefined;
      const notOwned = recordOwnsNo(category, chosen.source === 'name' ? hit.term : undefined, context);
      if (person && !thing) {
        reasons.push(`about a person (${person})`);
        confidence = Math.min(confidence, 0.9);
      } else if (thing) {
        return { category: null, confidence: 0.85, reasons: [...reasons, `but it belongs to a thing or organisation (${thing})`] };
      } else if (context.subject === 'person') {
        reasons.push(context.because);
        confidence = Math.min(confidence, 0.85);
      } else if (context.subject === 'thing') {
        return { category: null, confidence: 0.8, reasons: [...reasons, `but ${context.because}`] };
      } else if (notOwned) {
        return { category: null, confidence: 0.7, reasons: [...reasons, `but a record entity has no ${notOwned} of its own`] };
      } else {
        reasons.push('entity is a record about people');
        confidence = Math.min(confidence, 0.65);
      }
    }

    // A company's own bank account, phone or address is not PI; an ID number is personal wherever it is.
    const ownedByThing = thingQualifier(chosen.qualifier, chosen.qualifierText);
    const ownedByPerson = personQualifier(chosen.qualifier, chosen.qualifierText);
    if (ownedByThing && !hit.entry.contextual && isOwnerDependent(category) && !ownedByPerson) {
      return { category: null, confidence: 0.75, reasons: [...reasons, `but it belongs to a thing or organisation (${ownedByThing})`] };
    }
    if (!hit.entry.contextual && context.subject === 'thing' && (hit.entry.owned || isOwnerDependent(category) || PERSON_ONLY.has(category)) && !ownedByPerson) {
      return { category: null, confidence: 0.75, reasons: [...reasons, `but ${context.because}`] };
    }

    const refined = refineForEntity(category, chosen, context, siblings);
    if (refined !== category) reasons.push(`in this entity it is ${refined}`);
    category = refined;
    if (valueKind === category) confidence = Math.min(1, confidence + 0.05);
    return { category, confidence, reasons };
  }

  private valueKind(field: ExtractedField): string | undefined {
    const samples = field.sampleValues;
    if (!samples?.length || !this.options.valueKinds) return undefined;
    const kinds = this.options.valueKinds(samples).filter((k): k is string => k !== null);
    return kinds[0];
  }

  private looksProtected(field: ExtractedField): boolean {
    const tokens = [field.name, ...field.aliases].flatMap((n) => this.index.tokens(n));
    const text = `${field.description ?? ''} ${field.comments.map((c) => c.text).join(' ')}`;
    return tokens.some((t) => PROTECTION.has(t)) || PROTECTION_ZH.some((w) => text.toUpperCase().includes(w.toUpperCase())) || /encrypt|hash|mask|cipher/i.test(text);
  }
}

/**
 * What a record entity (an order, a log, a trip) cannot have of its own, so a generic word there
 * is not a person's: a job, a body (outside a medical record), a device, or a bare `name` (its
 * title). Undefined when it can.
 */
function recordOwnsNo(category: string, nameTerm: string | undefined, context: EntityContext): string | undefined {
  if (category === 'work.record') return 'job';
  if (category.startsWith('health.') && context.role !== 'medical') return 'body';
  if (category.startsWith('device.')) return 'device';
  if (category === 'basic.name' && nameTerm === 'name') return 'person\'s name';
  return undefined;
}

const LINK_HEADS = new Set(['url', 'uri', 'link', 'href', 'website', 'homepage', 'site']);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
