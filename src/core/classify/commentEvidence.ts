import { NON_PI_HEAD_ZH } from './lexicon/context';
import type { TermHit, TermIndex } from './termIndex';

/** The PI term a description names, with the text before it (qualifier). */
export interface CommentHit {
  readonly hit: TermHit;
  readonly qualifierText: string;
}

const ENGLISH_PREPOSITIONS = new Set(['as', 'on', 'of', 'for', 'from', 'in', 'at', 'by', 'with', 'to', 'which', 'that', 'when', 'if', 'per']);
const OVERRIDING = new Set(['contacts.list', 'other.minor']);
const PERSONAL_BASICS = new Set(['basic.name', 'basic.phone', 'basic.address', 'basic.family', 'basic.email']);

/**
 * Reads a field's description (SQL COMMENT, verbose_name, javadoc…) in Chinese or English. In a
 * Chinese noun phrase the head is last (法定代表人证件号码 is an ID number), and only the main
 * clause counts: a parenthesis (…加密存储, 关联 t.id) explains, it does not name.
 */
export class CommentEvidence {
  constructor(private readonly index: TermIndex) {}

  best(text: string): CommentHit | undefined {
    const main = mainClause(text);
    const fromMain = this.hits(main);
    // A Chinese main clause ending in 类型/状态/次数… is metadata, whatever its parenthesis lists.
    const metadataHead = NON_PI_HEAD_ZH.find((w) => main.endsWith(w));
    if (metadataHead && !fromMain.some((h) => h.end >= main.length)) return undefined;
    const hits = fromMain.length > 0 ? fromMain : this.hits(text);
    const source = fromMain.length > 0 ? main : text;
    let best: TermHit | undefined;
    for (const hit of hits) {
      if (!best || hit.end > best.end || (hit.end === best.end && hit.end - hit.start > best.end - best.start)) best = hit;
    }
    if (!best) return undefined;
    const head = best;
    // 学位证书扫描件: a scan takes the category of the document scanned.
    if (head.term === '扫描件') {
      const scanned = hits.filter((h) => h !== head && h.end <= head.start && !h.entry.category.startsWith('identity.')).pop();
      if (scanned) return { hit: scanned, qualifierText: source.slice(0, scanned.start) };
    }
    // 身份证正面照片: a photo of an identity document is the document's image.
    const identity = hits.find((h) => h !== head && h.entry.category.startsWith('identity.') && h.end <= head.start);
    if (head.entry.category === 'basic.photo' && identity) {
      return { hit: { ...head, entry: { ...head.entry, category: 'identity.document_image', contextual: false }, term: `${identity.term}…${head.term}` }, qualifierText: '' };
    }
    // Emergency contacts and guardians decide the category whatever their head word.
    const overriding = hits.find((h) => OVERRIDING.has(h.entry.category));
    if (overriding && overriding !== head && PERSONAL_BASICS.has(head.entry.category)) best = overriding;
    return { hit: best, qualifierText: source.slice(0, best.start) };
  }

  private hits(text: string): TermHit[] {
    if (/[\u4e00-\u9fff]/.test(text)) return this.index.zhHits(text);
    // English descriptions: tokenise words and phrase-match like identifiers; offsets become
    // token positions shifted past any character offset so ordering still works.
    const tokens = text.replace(/[^\x20-\x7e]+/g, ' ').split(/[^A-Za-z0-9]+/).flatMap((w) => this.index.tokens(w));
    // An English noun phrase has its head before a preposition ("legal name as on the driving
    // licence", "phone number of the customer"); what follows only qualifies it.
    const cut = tokens.findIndex((t, i) => i > 0 && ENGLISH_PREPOSITIONS.has(t));
    const headHits = cut > 0 ? this.index.phraseHits(tokens.slice(0, cut)) : [];
    const hits = headHits.length > 0 ? headHits : this.index.phraseHits(tokens);
    return hits.map((h) => ({ ...h, start: h.start + 10_000, end: h.end + 10_000 }));
  }
}

/** The description up to its first bracket or clause break. */
export function mainClause(text: string): string {
  const cjk = /[\u4e00-\u9fff]/.test(text);
  const cut = text.search(cjk ? /[(（,，;；:：\s/、]/ : /[(（;；]|,\s|\.\s/);
  return cut > 0 ? text.slice(0, cut) : text;
}

/** A description made only of codes and punctuation says nothing about the field. */
export function hasNoRealText(text: string): boolean {
  return !/[\u4e00-\u9fffA-Za-z]{2,}/.test(text);
}
