import { detectValues } from './detectValues';
import { mayHoldValue } from './valueCandidate';

/**
 * Replaces every personal-information value in a text with its masked form (at most the first 3
 * and last 2 characters), leaving everything else as it is. For text the tool did not write
 * itself but has to show: file names, error messages of the operating system, stack traces.
 * Company identifiers (unified social credit codes) are not PI and stay readable.
 */
export function redactValues(text: string): string {
  if (!mayHoldValue(text)) return text;
  const hits = detectValues(text).filter((hit) => hit.kind !== null);
  let out = text;
  // From the end, so earlier offsets stay valid.
  for (const hit of hits.reverse()) out = out.slice(0, hit.offset) + hit.masked + out.slice(hit.offset + hit.length);
  return out;
}

/** A short extension (`.sql`, `.json`), kept readable so the file's format can still be told. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/**
 * A relative path as shown in reports, checklists and finding ids: each segment that holds a PI
 * value (`客户_310104198506120334.sql`, `zhang.san@example.com.csv`) has the value masked and
 * keeps its extension, so the extractor and the reader still see `.sql`. Deterministic, so ids
 * built from it stay stable from one run to the next.
 */
export function displayPath(relPath: string): string {
  return relPath.split('/').map(displaySegment).join('/');
}

/** One name of a path as `displayPath` shows it: each name is masked on its own. */
export function displaySegment(segment: string): string {
  const extension = EXTENSION.exec(segment)?.[0] ?? '';
  const stem = segment.slice(0, segment.length - extension.length);
  const kept = redactValues(stem) + extension;
  // What looked like an extension may end the value itself (a folder `zhang.san@example.com`).
  return redactValues(kept);
}
