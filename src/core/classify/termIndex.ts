import { BUSINESS_TERMS, COMPANY_ID_TERMS, TERMS, type TermEntry } from './lexicon/terms';
import { PERSON_ENTITY_WORDS, PERSON_ROLE_WORDS, THING_ENTITY_WORDS, THING_QUALIFIER_WORDS, NON_PI_HEAD_WORDS, PROTECTION_WORDS } from './lexicon/context';
import { BoundedMemo } from './boundedMemo';
import { splitIdentifier, segmentCompound } from './tokenize';

/** A lexicon term found in a token list or a text. */
export interface TermHit {
  entry: TermEntry;
  /** The word as matched (`id card`, `sfzh`, `身份证号`). */
  term: string;
  via: 'word' | 'initials' | 'zh';
  /** Token (or character) range [start, end). */
  start: number;
  end: number;
}

/** Everyday English words that only help split compounds (`ipaddr`, `phonenumber`, `msgtime`). */
const EXTRA_VOCABULARY = ['number', 'addr', 'info', 'time', 'date', 'list', 'code', 'type', 'url', 'no', 'at', 'by', 'is', 'has', 'of', 'in', 'out', 'last', 'first', 'new', 'old', 'src', 'dest', 'img', 'pic', 'log', 'sys', 'oper', 'infor', 'user', 'msg', 'send', 'sent', 'front', 'back', 'hash', 'cipher', 'open', 'union', 'count', 'verified', 'status', 'real', 'nick', 'head', 'pay', 'trade', 'card', 'bank', 'id', 'ip', 'app', 'web', 'page', 'view', 'viewed', 'sku', 'ids'];

/**
 * The lexicons compiled for fast lookup. Built once per classifier instance; the lexicons are
 * never changed, only the memo of identifiers already tokenised grows.
 */
export class TermIndex {
  readonly vocabulary: ReadonlySet<string>;
  private readonly phrasesByFirstToken = new Map<string, { tokens: string[]; entry: TermEntry; text: string }[]>();
  private readonly initials = new Map<string, TermEntry>();
  private readonly zhWords: { word: string; entry: TermEntry }[] = [];
  /** Indexes into `zhWords` (longest first) by the word's first character. */
  private readonly zhByFirstChar = new Map<string, number[]>();
  private readonly tokenized = new BoundedMemo<readonly string[]>();

  constructor(entries: readonly TermEntry[] = [...TERMS, BUSINESS_TERMS, COMPANY_ID_TERMS]) {
    const vocabulary = new Set<string>(EXTRA_VOCABULARY);
    for (const word of [...PERSON_ENTITY_WORDS, ...PERSON_ROLE_WORDS, ...THING_ENTITY_WORDS, ...THING_QUALIFIER_WORDS, ...NON_PI_HEAD_WORDS, ...PROTECTION_WORDS]) {
      for (const token of word.split(' ')) if (token.length > 1) vocabulary.add(token);
    }
    for (const entry of entries) {
      for (const phrase of entry.words ?? []) {
        const tokens = phrase.split(' ');
        tokens.forEach((token) => vocabulary.add(token));
        const list = this.phrasesByFirstToken.get(tokens[0]) ?? [];
        list.push({ tokens, entry, text: phrase });
        this.phrasesByFirstToken.set(tokens[0], list);
      }
      for (const abbreviation of entry.initials ?? []) {
        if (!this.initials.has(abbreviation)) this.initials.set(abbreviation, entry);
      }
      for (const word of entry.zh ?? []) this.zhWords.push({ word, entry });
    }
    this.zhWords.sort((a, b) => b.word.length - a.word.length);
    this.zhWords.forEach(({ word }, rank) => {
      const list = this.zhByFirstChar.get(word[0]) ?? [];
      list.push(rank);
      this.zhByFirstChar.set(word[0], list);
    });
    this.vocabulary = vocabulary;
  }

  /**
   * Identifier → tokens, with compounds split against the lexicon vocabulary. The same list is
   * returned for the same identifier (a memo): callers must not change it.
   */
  tokens(identifier: string): readonly string[] {
    return this.tokenized.get(identifier, (name) => splitIdentifier(name).flatMap((token) => segmentCompound(token, this.vocabulary)));
  }

  /** Every phrase occurrence in a token list (English words and full pinyin). */
  phraseHits(tokens: readonly string[]): TermHit[] {
    const hits: TermHit[] = [];
    tokens.forEach((token, start) => {
      for (const phrase of this.phrasesByFirstToken.get(token) ?? []) {
        const end = start + phrase.tokens.length;
        if (end <= tokens.length && phrase.tokens.every((t, k) => tokens[start + k] === t)) {
          hits.push({ entry: phrase.entry, term: phrase.text, via: 'word', start, end });
        }
      }
    });
    return hits;
  }

  /**
   * Pinyin-initial abbreviations: a whole token (`sfzh`), or a token ending in an abbreviation
   * of three letters or more (`cysfzh`), or in a two-letter one after a known role (`ljrxm`).
   */
  initialsHits(tokens: readonly string[], roleInitials: ReadonlySet<string>): TermHit[] {
    const hits: TermHit[] = [];
    tokens.forEach((token, index) => {
      const exact = this.initials.get(token);
      if (exact) {
        hits.push({ entry: exact, term: token, via: 'initials', start: index, end: index + 1 });
        return;
      }
      for (let cut = 1; cut <= token.length - 2; cut++) {
        const suffix = token.slice(cut);
        const entry = this.initials.get(suffix);
        if (!entry) continue;
        const prefix = token.slice(0, cut);
        if (suffix.length >= 3 || roleInitials.has(prefix)) {
          hits.push({ entry, term: `${prefix}+${suffix}`, via: 'initials', start: index, end: index + 1 });
          return;
        }
      }
    });
    return hits;
  }

  /**
   * Chinese words in a text, longest first, non-overlapping. Positions are character offsets.
   * Candidates are found through the words' first characters (one map lookup per character)
   * instead of searching the text once per word; then the longest claim their characters first.
   */
  zhHits(text: string): TermHit[] {
    const candidates: { rank: number; at: number }[] = [];
    for (let at = 0; at < text.length; at++) {
      for (const rank of this.zhByFirstChar.get(text[at]) ?? []) {
        if (text.startsWith(this.zhWords[rank].word, at)) candidates.push({ rank, at });
      }
    }
    candidates.sort((a, b) => a.rank - b.rank || a.at - b.at);
    const hits: TermHit[] = [];
    const taken = new Array<boolean>(text.length).fill(false);
    for (const { rank, at } of candidates) {
      const { word, entry } = this.zhWords[rank];
      let free = true;
      for (let k = at; k < at + word.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = at; k < at + word.length; k++) taken[k] = true;
      hits.push({ entry, term: word, via: 'zh', start: at, end: at + word.length });
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}
