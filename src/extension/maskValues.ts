import { detectValues } from '../core/values/detectValues';
import { mask } from '../core/values/mask';

/**
 * Any text taken from a scanned file (a comment, a description, a reason quoting a sample)
 * with every PI value in it masked, before the editor shows it: resident IDs, mobiles, bank
 * cards, e-mail addresses… keep at most their first 3 and last 2 characters.
 */
export function maskValuesIn(text: string): string {
  const hits = detectValues(text).filter((hit) => hit.kind !== null);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const hit of hits.sort((a, b) => a.offset - b.offset)) {
    if (hit.offset < at) continue;
    out += text.slice(at, hit.offset) + mask(text.slice(hit.offset, hit.offset + hit.length));
    at = hit.offset + hit.length;
  }
  return out + text.slice(at);
}
