import type { ExtractedEntity, ExtractedField } from '../extract/model';
import { isPersonalCategory, isSensitiveCategory } from './categories';
import { MEDICAL_RECORD_WORDS, NEVER_NUMBERS, PERSON_ONLY, TEXT_CATEGORIES, TRAIT_CATEGORIES, TRAIT_HEADS, isOwnerDependent } from './categorySets';
import { CommentEvidence, hasNoRealText, type CommentHit } from './commentEvidence';
import { isBooleanType, isIntegerType } from './declaredType';
import { entityContext, type EntityContext } from './entityContext';
import { refineForEntity } from './entityRefinement';
import { NON_PI_DESCRIPTION_ZH, NON_PI_QUALIFIER_WORDS, PROTECTION_WORDS, PROTECTION_ZH } from './lexicon/context';
import { BoundedMemo } from './boundedMemo';
import type { Classification } from './model';
import { NameEvidence, metadataHead, type NameHit } from './nameEvidence';
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
/**
 * The protection words of descriptions and comments as two searches, each one pass over the
 * text: the Chinese words, which have no case, are looked for in the text as it is; the others
 * (MD5, SM4…) in the upper-cased text, as `text.toUpperCase().includes(word.toUpperCase())`.
 */
const CASELESS = /^[\u4e00-\u9fff]+$/;
const PROTECTION_ZH_CASELESS = anyOf(PROTECTION_ZH.filter((w) => CASELESS.test(w)));
const PROTECTION_ZH_UPPER = anyOf(PROTECTION_ZH.filter((w) => !CASELESS.test(w)).map((w) => w.toUpperCase()));
const NON_PI_QUALIFIERS = new Set(NON_PI_QUALIFIER_WORDS);

type Verdict = { category: string | null; confidence: number; reasons: string[] };

/** What a field's names (declared name and aliases) say, whatever entity they are in. */
interface NameReading {
  /** Each distinct name as tokens. */
  readonly tokens: readonly (readonly string[])[];
  readonly best: NameHit | undefined;
  /** A token says the value is kept encrypted, hashed or masked. */
  readonly protectionWord: boolean;
}

/** What a field's description says, whatever field and entity it is on. */
interface DescriptionReading {
  readonly best: CommentHit | undefined;
  /** A bookkeeping word (主键, 创建时间) in it. */
  readonly bookkeeping: string | undefined;
}

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
  // Names and descriptions repeat across fields and files (`id`, `create_time`, 手机号): each
  // distinct one is read once. Names with aliases are keyed by the whole list.
  private readonly nameReadings = new BoundedMemo<NameReading>();
  private readonly aliasedNameReadings = new BoundedMemo<NameReading>();
  private readonly descriptionReadings = new BoundedMemo<DescriptionReading>();

  constructor(private readonly options: ClassifierOptions = {}) {}

  contextOf(entity: ExtractedEntity, parents: readonly ExtractedEntity[] = []): EntityContext {
    return entityContext(entity, parents, this.index);
  }

  classify(field: ExtractedField, context: EntityContext, siblings: readonly ExtractedField[] = []): Classification {
    const names = this.readNames(field);
    const verdict = this.decide(field, names, context, siblings);
    const minConfidence = this.options.minConfidence ?? 0.5;
    const category = verdict.category;
    const isPI = isPersonalCategory(category) && verdict.confidence >= minConfidence;
    return {
      isPI,
      category: isPI || category?.startsWith('business.') ? category : null,
      sensitive: isPI && category !== null ? isSensitiveCategory(category, this.options.sensitiveIdReading) : false,
      confidence: round(verdict.confidence),
      reasons: verdict.reasons,
      protected: isPI && this.looksProtected(field, names),
    };
  }

  private readNames(field: ExtractedField): NameReading {
    if (field.aliases.length === 0) return this.nameReadings.get(field.name, (name) => this.readNameList([name]));
    const names = [field.name, ...field.aliases];
    return this.aliasedNameReadings.get(JSON.stringify(names), () => this.readNameList(names));
  }

  private readNameList(names: readonly string[]): NameReading {
    const tokens = this.names.tokenLists(names);
    return { tokens, best: this.names.best(tokens), protectionWord: tokens.some((list) => list.some((t) => PROTECTION.has(t))) };
  }

  private readDescription(description: string): DescriptionReading {
    return this.descriptionReadings.get(description, (text) => ({
      best: text ? this.comments.best(text) : undefined,
      bookkeeping: NON_PI_DESCRIPTION_ZH.find((w) => text.includes(w)),
    }));
  }

  private decide(field: ExtractedField, names: NameReading, context: EntityContext, siblings: readonly ExtractedField[]): Verdict {
    const description = field.description?.trim() ?? '';
    const nameTokens = names.tokens;
    const fromName = names.best;
    const { best: fromText, bookkeeping } = this.readDescription(description);
    const reasons: string[] = [];

    // The comment wins: a description that names bookkeeping or something else overrides an initials guess.
    if (bookkeeping && (!fromText || fromText.hit.entry.contextual) && (!fromName || fromName.hit.entry.contextual || fromName.hit.via === 'initials')) {
      return { category: null, confidence: 0.9, reasons: [`comment says "${bookkeeping}"`] };
    }

    let chosen: { hit: TermHit; qualifier: readonly string[]; qualifierText: string; trailing: readonly string[]; source: 'comment' | 'name' } | undefined;
    if (fromText && (!fromName || !fromText.hit.entry.contextual || fromName.hit.entry.contextual || fromName.hit.entry.category === fromText.hit.entry.category)) {
      // Properties listed, not spread: a spread object literal gets a hidden class of its own in V8 (profiled).
      chosen = { hit: fromText.hit, qualifierText: fromText.qualifierText, qualifier: fromName?.qualifier ?? [], trailing: fromName?.trailing ?? [], source: 'comment' };
    } else if (fromName) {
      if (description && !fromText && fromName.hit.via === 'initials' && !hasNoRealText(description)) {
        return { category: null, confidence: 0.7, reasons: [`abbreviation "${fromName.hit.term}" is contradicted by the comment`] };
      }
      chosen = { hit: fromName.hit, qualifier: fromName.qualifier, trailing: fromName.trailing, qualifierText: fromText?.hit.entry.category === fromName.hit.entry.category ? fromText.qualifierText : '', source: 'name' };
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

  private looksProtected(field: ExtractedField, names: NameReading): boolean {
    if (names.protectionWord) return true;
    const text = `${field.description ?? ''} ${field.comments.map((c) => c.text).join(' ')}`;
    return PROTECTION_ZH_CASELESS.test(text) || PROTECTION_ZH_UPPER.test(text.toUpperCase()) || /encrypt|hash|mask|cipher/i.test(text);
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

/** A pattern that finds any of the words as written (none: a pattern that finds nothing). */
function anyOf(words: readonly string[]): RegExp {
  return words.length === 0 ? /(?!)/ : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
