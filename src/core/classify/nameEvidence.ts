import { NON_PI_HEAD_WORDS, PERSON_ROLE_WORDS, PROTECTION_WORDS } from './lexicon/context';
import type { TermHit, TermIndex } from './termIndex';

const NON_PI_HEADS = new Set(NON_PI_HEAD_WORDS);
const PROTECTION = new Set(PROTECTION_WORDS);
/** Heads that list the items browsed or messaged rather than describe them (viewed_sku_ids). */
const LIST_HEADS = new Set(['ids', 'list']);

/** The PI term an identifier names, with the tokens before it (qualifier) and after it (head). */
export interface NameHit {
  readonly hit: TermHit;
  readonly qualifier: readonly string[];
  readonly trailing: readonly string[];
}

/** Finds the PI term in a field's names (declared name and aliases). */
export class NameEvidence {
  private readonly roleInitials = new Set(PERSON_ROLE_WORDS.filter((w) => /^[a-z]{2,4}$/.test(w)));

  constructor(private readonly index: TermIndex) {}

  /** Each distinct name as tokens (`idCardNo` and `id_card_no` give one list). */
  tokenLists(names: readonly string[]): (readonly string[])[] {
    const seen = new Set<string>();
    return names
      .map((name) => this.index.tokens(name))
      .filter((tokens) => {
        const key = tokens.join(' ');
        if (seen.has(key) || tokens.length === 0) return false;
        seen.add(key);
        return true;
      });
  }

  /** The best hit: the head of an identifier is at its end, so the hit ending last, then the longest. */
  best(tokenLists: readonly (readonly string[])[]): NameHit | undefined {
    let best: (NameHit & { score: number }) | undefined;
    for (const tokens of tokenLists) {
      const meaningful = tokens.filter((t) => !PROTECTION.has(t));
      const hits = [...this.index.phraseHits(meaningful), ...this.index.initialsHits(meaningful, this.roleInitials)];
      for (const hit of hits) {
        const score = hit.end * 100 + (hit.end - hit.start) * 10 + (hit.via === 'word' ? 2 : 1) + (hit.entry.contextual ? 0 : 1);
        if (!best || score > best.score) {
          best = { hit, qualifier: meaningful.slice(0, hit.start), trailing: meaningful.slice(hit.end), score };
        }
      }
    }
    return best && { hit: best.hit, qualifier: best.qualifier, trailing: best.trailing };
  }
}

/** The last token of the name when it is a metadata head not covered by the PI term (`email_verified`). */
export function metadataHead(nameTokens: readonly (readonly string[])[], fromName: NameHit | undefined): string | undefined {
  if (fromName) {
    const listsItems = fromName.hit.entry.category === 'online.browsing' || fromName.hit.entry.category === 'communication.record';
    return fromName.trailing.find((t) => NON_PI_HEADS.has(t) && !(listsItems && LIST_HEADS.has(t)));
  }
  const last = nameTokens[0]?.[nameTokens[0].length - 1];
  return last !== undefined && NON_PI_HEADS.has(last) ? last : undefined;
}
