/**
 * Identifier tokenisation: `IDCardNo` → id card no, `receiver_phone2` → receiver phone 2,
 * `phonenumber` → phone number (compounds are split against a vocabulary of known words).
 */

/** Splits on separators, camelCase and acronym boundaries and digit runs; lower-cases. */
export function splitIdentifier(identifier: string): string[] {
  const spaced = identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
  return spaced
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase());
}

/**
 * Splits a run-together token (`phonenumber`, `ipaddr`, `msgtime`) into vocabulary words when
 * the whole token can be covered; otherwise returns it unchanged. Prefers the fewest pieces.
 */
export function segmentCompound(token: string, vocabulary: ReadonlySet<string>, minPiece = 2): string[] {
  if (vocabulary.has(token) || token.length < 2 * minPiece || /\d/.test(token)) return [token];
  const n = token.length;
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(n + 1);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 16); start <= end - minPiece; start++) {
      const prefix = best[start];
      const piece = token.slice(start, end);
      if (prefix && vocabulary.has(piece) && (!best[end] || prefix.length + 1 < best[end]!.length)) {
        best[end] = [...prefix, piece];
      }
    }
  }
  return best[n] ?? [token];
}

export function tokenize(identifier: string, vocabulary: ReadonlySet<string>): string[] {
  return splitIdentifier(identifier).flatMap((token) => segmentCompound(token, vocabulary));
}
