import type { ExtractedEntity, ExtractedField } from '../extract/model';
import { isPersonalCategory, isSensitiveCategory } from './categories';
import { entityContext, type EntityContext } from './entityContext';
import {
  NON_PI_DESCRIPTION_ZH,
  NON_PI_HEAD_WORDS,
  NON_PI_HEAD_ZH,
  NON_PI_QUALIFIER_WORDS,
  PERSON_ROLE_WORDS,
  PERSON_ROLE_ZH,
  WEAK_PERSON_ROLE_WORDS,
  PROTECTION_WORDS,
  PROTECTION_ZH,
  THING_QUALIFIER_WORDS,
  THING_QUALIFIER_ZH,
} from './lexicon/context';
import type { Classification } from './model';
import { TermIndex, type TermHit } from './termIndex';

export interface ClassifierOptions {
  sensitiveIdReading?: 'GB/T 35273-2020' | 'GB/T 45574-2025';
  /** Below this confidence a field is reported as not PI. */
  minConfidence?: number;
  /** Kinds of PI values found in the field's sample data (seed rows, fixture values). */
  valueKinds?: (samples: readonly string[]) => (string | null)[];
}

const PERSON_ROLES = new Set(PERSON_ROLE_WORDS);
const WEAK_ROLES = new Set(WEAK_PERSON_ROLE_WORDS);
/** Heads that list the items browsed or messaged rather than describe them (viewed_sku_ids). */
const LIST_HEADS = new Set(['ids', 'list']);
const THING_QUALIFIERS = new Set(THING_QUALIFIER_WORDS);
const NON_PI_HEADS = new Set(NON_PI_HEAD_WORDS);
const PROTECTION = new Set(PROTECTION_WORDS);
const NON_PI_QUALIFIERS = new Set(NON_PI_QUALIFIER_WORDS);

/** Categories whose yes/no flag itself reveals the trait (is_pregnant, is_minor, sfcj). */
const TRAIT_CATEGORIES = new Set(['health.record', 'other.minor', 'other.criminal', 'identity.special', 'other.marital', 'other.religion', 'other.sexual_orientation', 'biometric.face', 'biometric.fingerprint']);
/** Categories that hold text; a numeric column of them is a foreign key or a code, not the value. */
/** Heads that still carry the trait for trait categories (abnormal_flag, pregnancy_status). */
const TRAIT_HEADS = new Set(['flag', 'status', 'state']);
/** Words that, inside a medical record entity, make a generic field part of the record. */
const MEDICAL_RECORD_WORDS = new Set(['report', 'result', 'results', 'file', 'attachment', 'pdf', 'image', 'conclusion', 'advice']);
const TEXT_CATEGORIES = new Set(['basic.name', 'basic.email', 'basic.photo', 'identity.document_image', 'network.account', 'basic.family', 'work.record', 'contacts.list', 'communication.content']);

/** Categories that are PI only when the owner is a person (a supplier's bank account is not). */
const OWNER_DEPENDENT = ['network.credential', 'basic.address', 'basic.phone', 'basic.email', 'basic.photo', 'property.', 'location.', 'device.', 'network.account', 'network.ip', 'communication.', 'online.'];

type Verdict = { category: string; confidence: number; reasons: string[] } | { category: null; confidence: number; reasons: string[] };

/**
 * Classifies fields as personal information or not, with one category id, evidence and a
 * confidence. Evidence, strongest first: the field's own description (the comment wins), its
 * name (English, pinyin, pinyin initials), sample values; then the declared type and the entity
 * context decide whether a generic word (`name`, `phone`) is about a person at all.
 */
export class Classifier {
  private readonly index = new TermIndex();
  private readonly roleInitials = new Set(PERSON_ROLE_WORDS.filter((w) => /^[a-z]{2,4}$/.test(w)));

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
    const nameTokens = uniqueTokenLists([field.name, ...field.aliases].map((n) => this.index.tokens(n)));
    const fromName = this.bestNameHit(nameTokens);
    const fromText = description ? this.bestTextHit(description) : undefined;
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
    const head = nameHead(nameTokens, fromName);
    if (head && !(TRAIT_CATEGORIES.has(chosen.hit.entry.category) && TRAIT_HEADS.has(head))) {
      return { category: null, confidence: 0.8, reasons: [...reasons, `but the head word "${head}" makes it metadata`] };
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
    if (isIntegerType(type) && TEXT_CATEGORIES.has(category) && (nameTokens.some((t) => t[t.length - 1] === 'id') || /\bID\b|编号|外键|关联/.test(description))) {
      return { category: null, confidence: 0.85, reasons: [...reasons, `but the ${field.type} column is a reference to a person, not the value`] };
    }

    // Generic words need a person: the qualifier, then the entity decides.
    if (hit.entry.contextual) {
      let person = this.personQualifier(chosen.qualifier, chosen.qualifierText);
      const thing = this.thingQualifier(chosen.qualifier, chosen.qualifierText);
      if (person && WEAK_ROLES.has(person) && context.subject === 'thing') person = undefined;
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
      } else if (category === 'work.record') {
        return { category: null, confidence: 0.7, reasons: [...reasons, 'but a record entity has no job of its own'] };
      } else {
        reasons.push('entity is a record about people');
        confidence = Math.min(confidence, 0.65);
      }
    }

    // A company's own bank account, phone or address is not PI; an ID number is personal wherever it is.
    const ownedByThing = this.thingQualifier(chosen.qualifier, chosen.qualifierText);
    if (ownedByThing && !hit.entry.contextual && OWNER_DEPENDENT.some((p) => category.startsWith(p)) && !this.personQualifier(chosen.qualifier, chosen.qualifierText)) {
      return { category: null, confidence: 0.75, reasons: [...reasons, `but it belongs to a thing or organisation (${ownedByThing})`] };
    }
    if (!hit.entry.contextual && context.subject === 'thing' && (hit.entry.owned || OWNER_DEPENDENT.some((p) => category.startsWith(p))) && !this.personQualifier(chosen.qualifier, chosen.qualifierText)) {
      return { category: null, confidence: 0.75, reasons: [...reasons, `but ${context.because}`] };
    }

    category = this.refineForEntity(category, hit, context, chosen.qualifier, chosen.qualifierText, siblings, reasons);
    if (valueKind === category) confidence = Math.min(1, confidence + 0.05);
    return { category, confidence, reasons };
  }

  /** A person's generic fields change meaning inside some entities (emergency contacts, call records…). */
  private refineForEntity(category: string, hit: TermHit, context: EntityContext, qualifier: readonly string[], qualifierText: string, siblings: readonly ExtractedField[], reasons: string[]): string {
    const contactLike = ['basic.name', 'basic.phone', 'basic.family', 'basic.address', 'basic.email'];
    const refined = ((): string => {
      if (qualifier.includes('emergency') || qualifierText.includes('紧急联系人')) return contactLike.includes(category) ? 'contacts.list' : category;
      if (qualifier.includes('guardian') || qualifier.includes('jhr') || qualifierText.includes('监护人')) return contactLike.includes(category) || category.startsWith('identity.') ? 'other.minor' : category;
      switch (context.role) {
        case 'emergency-contact':
          return contactLike.includes(category) ? 'contacts.list' : category;
        case 'guardian':
          return contactLike.includes(category) ? 'other.minor' : category;
        case 'family':
          return category === 'basic.name' ? 'basic.family' : category;
        case 'communication':
          if (category === 'basic.phone' || category === 'network.account' || (category === 'communication.record' && hit.entry.contextual)) return 'communication.record';
          if (category === 'online.activity') return 'communication.record';
          return category;
        case 'lodging':
          return category === 'basic.address' || category === 'location.coarse' ? 'location.lodging' : category;
        default:
          break;
      }
      if (category === 'basic.address' && hit.term === 'city' && context.role !== 'address') {
        const isPostal = siblings.some((s) => /addr|address|street|district|detail|地址/i.test(`${s.name} ${s.description ?? ''}`));
        if (!isPostal) return 'location.coarse';
      }
      return category;
    })();
    if (refined !== category) reasons.push(`in this entity it is ${refined}`);
    return refined;
  }

  private bestNameHit(tokenLists: readonly string[][]): { hit: TermHit; qualifier: string[]; trailing: string[] } | undefined {
    let best: { hit: TermHit; qualifier: string[]; trailing: string[]; score: number } | undefined;
    for (const tokens of tokenLists) {
      const meaningful = tokens.filter((t) => !PROTECTION.has(t));
      const hits = [...this.index.phraseHits(meaningful), ...this.index.initialsHits(meaningful, this.roleInitials)];
      for (const hit of hits) {
        // The head of an identifier is at its end: prefer the hit that ends last, then the longest.
        const score = hit.end * 100 + (hit.end - hit.start) * 10 + (hit.via === 'word' ? 2 : 1) + (hit.entry.contextual ? 0 : 1);
        if (!best || score > best.score) {
          best = { hit, qualifier: meaningful.slice(0, hit.start), trailing: meaningful.slice(hit.end), score };
        }
      }
    }
    return best && { hit: best.hit, qualifier: best.qualifier, trailing: best.trailing };
  }

  private bestTextHit(text: string): { hit: TermHit; qualifierText: string } | undefined {
    const main = mainClause(text);
    const fromMain = this.textHits(main);
    // A Chinese main clause ending in 类型/状态/次数… is metadata, whatever its parenthesis lists.
    const metadataHead = NON_PI_HEAD_ZH.find((w) => main.endsWith(w));
    if (metadataHead && !fromMain.some((h) => h.end >= main.length)) return undefined;
    const hits = fromMain.length > 0 ? fromMain : this.textHits(text);
    const source = fromMain.length > 0 ? main : text;
    let best: TermHit | undefined;
    for (const hit of hits) {
      if (!best || hit.end > best.end || (hit.end === best.end && hit.end - hit.start > best.end - best.start)) best = hit;
    }
    if (!best) return undefined;
    // 学位证书扫描件: a scan takes the category of the document scanned.
    if (best.term === '扫描件') {
      const scanned = hits.filter((h) => h !== best && h.end <= best!.start && !h.entry.category.startsWith('identity.')).pop();
      if (scanned) return { hit: scanned, qualifierText: source.slice(0, scanned.start) };
    }
    // 身份证正面照片: a photo of an identity document is the document's image.
    if (best.entry.category === 'basic.photo' && hits.some((h) => h !== best && h.entry.category.startsWith('identity.') && h.end <= best!.start)) {
      const identity = hits.find((h) => h.entry.category.startsWith('identity.'))!;
      return { hit: { ...best, entry: { ...best.entry, category: 'identity.document_image', contextual: false }, term: `${identity.term}…${best.term}` }, qualifierText: '' };
    }
    // Emergency contacts and guardians decide the category whatever their head word.
    const overriding = hits.find((h) => h.entry.category === 'contacts.list' || h.entry.category === 'other.minor');
    if (overriding && overriding !== best && ['basic.name', 'basic.phone', 'basic.address', 'basic.family', 'basic.email'].includes(best.entry.category)) {
      best = overriding;
    }
    return { hit: best, qualifierText: source.slice(0, best.start) };
  }

  private textHits(text: string): TermHit[] {
    const zh = this.index.zhHits(text);
    // English descriptions: tokenise words and phrase-match like identifiers (offsets are approximate).
    if (/[\u4e00-\u9fff]/.test(text)) return zh;
    const latin = text.replace(/[^\x20-\x7e]+/g, ' ');
    const tokens = latin.split(/[^A-Za-z0-9]+/).flatMap((w) => this.index.tokens(w));
    const words = this.index.phraseHits(tokens).map((h) => ({ ...h, start: h.start + 10_000, end: h.end + 10_000 }));
    return words;
  }

  private personQualifier(tokens: readonly string[], text: string): string | undefined {
    return tokens.find((t) => PERSON_ROLES.has(t)) ?? PERSON_ROLE_ZH.find((w) => text.includes(w));
  }

  private thingQualifier(tokens: readonly string[], text: string): string | undefined {
    return tokens.find((t) => THING_QUALIFIERS.has(t)) ?? THING_QUALIFIER_ZH.find((w) => text.includes(w));
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

/** The last token of the name when it is a metadata head not covered by the PI term itself. */
function nameHead(nameTokens: readonly string[][], fromName: { hit: TermHit; trailing: string[] } | undefined): string | undefined {
  if (fromName) {
    const listsItems = fromName.hit.entry.category === 'online.browsing' || fromName.hit.entry.category === 'communication.record';
    return fromName.trailing.find((t) => NON_PI_HEADS.has(t) && !(listsItems && LIST_HEADS.has(t)));
  }
  const last = nameTokens[0]?.[nameTokens[0].length - 1];
  return last !== undefined && NON_PI_HEADS.has(last) ? last : undefined;
}

function mainClause(text: string): string {
  const cjk = /[\u4e00-\u9fff]/.test(text);
  const cut = text.search(cjk ? /[(（,，;；:：\s/、]/ : /[(（;；]|,\s|\.\s/);
  return cut > 0 ? text.slice(0, cut) : text;
}

/** A description made only of codes and punctuation says nothing about the field. */
function hasNoRealText(text: string): boolean {
  return !/[\u4e00-\u9fffA-Za-z]{2,}/.test(text);
}

function isBooleanType(type: string): boolean {
  return /^(bool|boolean|tinyint\(1\)|bit(\(1\))?|models\.booleanfield|booleanfield|nullbooleanfield)$/.test(type.replace(/\s+/g, '')) || /\bbool(ean)?\b/.test(type);
}

function isIntegerType(type: string): boolean {
  return /\b(int|integer|bigint|smallint|int32|int64|uint32|uint64|long|serial|bigserial|bigautofield|autofield|foreignkey|integerfield|biginteger)\b|^(int|bigint|integer)\(/.test(type);
}

function uniqueTokenLists(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((tokens) => {
    const key = tokens.join(' ');
    if (seen.has(key) || tokens.length === 0) return false;
    seen.add(key);
    return true;
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
