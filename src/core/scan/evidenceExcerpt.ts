import { declarationHeader, detectLine, HEADER_TRIGGER, isCommentLine, MAX_LINE, TRIGGER } from '../disposition/evidence/detectors';
import { TextLines } from './textLines';

/**
 * The lines of one file that the evidence search (`collectEvidence`) can learn anything from,
 * with their 1-based line numbers; every other line is left out. A worker computes it next to
 * the file's analysis, so the main thread never needs the whole text (nor the cache): a typical
 * file keeps a handful of lines out of hundreds.
 */
export interface EvidenceExcerpt {
  lineNumbers: number[];
  lines: string[];
}

/**
 * Lines after an `UPDATE … SET` that are read as its assignments. `collectEvidence` reads six;
 * keeping more is harmless (a kept line that holds nothing is read as nothing).
 */
const UPDATE_LINES = 16;

/**
 * Every line on which `detectLine` can find a hit or `declarationHeader` a declaration holds one
 * of these words: they are the detectors' own first tests (`TRIGGER` and `HEADER_TRIGGER`). One
 * search of the whole text for them replaces three tests of every line.
 */
const LINE_TRIGGER = new RegExp(`${TRIGGER.source}|${HEADER_TRIGGER.source}`, 'i');

/**
 * Keeps exactly what `collectEvidence` reads, so that searching the excerpt (`excerptText`)
 * yields the same evidence as searching the whole text:
 * - a line that declares an entity (`declarationHeader`) or has a detector hit (`detectLine`);
 * - the line after a hit line, whole (detectors look at the next line: a JPA collection type);
 * - the lines after an `UPDATE` hit (its SET clause may continue there).
 * A line left out becomes an empty line, which is neither a comment, a declaration nor a hit,
 * and never ends an UPDATE before the window does. Comment lines are skipped by the search, so
 * they are kept only as someone's next line. Long lines are cut where the search cuts them.
 * Only lines with a trigger word (`LINE_TRIGGER`) are tested; the others can only be kept as
 * part of an UPDATE window or as a hit's next line.
 */
export function evidenceExcerpt(text: string): EvidenceExcerpt {
  const keep = new Map<number, string>();
  // A line may be kept twice, cut (its own hit) and whole (someone's next line): keep it whole.
  const keepLine = (i: number, line: string): void => {
    if ((keep.get(i)?.length ?? -1) < line.length) keep.set(i, line);
  };
  const lines = new TextLines(text);
  const trigger = new RegExp(LINE_TRIGGER.source, 'gi');
  const triggerFrom = (from: number): number => {
    trigger.lastIndex = from;
    return trigger.exec(text)?.index ?? text.length + 1;
  };
  let nextTrigger = triggerFrom(0);
  let updateUntil = -1;
  for (let i = 0, start = 0; start >= 0; i++) {
    const end = lines.endOf(start);
    const nextStart = lines.startAfter(end);
    // A trigger word never holds a line break, so one that starts on this line is on it.
    const triggered = nextTrigger < end;
    if (triggered || i <= updateUntil) {
      const whole = text.slice(start, end);
      const line = whole.length > MAX_LINE ? whole.slice(0, MAX_LINE) : whole;
      if (i <= updateUntil) keepLine(i, line);
      if (triggered && !isCommentLine(line)) {
        const next = nextStart < 0 ? '' : text.slice(nextStart, lines.endOf(nextStart));
        const hits = detectLine(line, next);
        if (hits.length > 0) {
          keepLine(i, line);
          if (nextStart >= 0) keepLine(i + 1, next);
          if (hits.some((hit) => hit.type === 'update')) updateUntil = Math.max(updateUntil, i + UPDATE_LINES);
        } else if (declarationHeader(line) !== null) {
          keepLine(i, line);
        }
      }
      if (triggered) nextTrigger = nextStart < 0 ? text.length + 1 : triggerFrom(nextStart);
    }
    start = nextStart;
  }
  const lineNumbers = [...keep.keys()].sort((a, b) => a - b);
  return { lineNumbers: lineNumbers.map((i) => i + 1), lines: lineNumbers.map((i) => keep.get(i) ?? '') };
}

/** True when the excerpt holds nothing the evidence search could use. */
export function isEmptyExcerpt(excerpt: EvidenceExcerpt): boolean {
  return excerpt.lineNumbers.length === 0;
}

/**
 * The excerpt as a text with every kept line at its original line number and empty lines in
 * between: what `collectEvidence` reads in place of the whole file.
 */
export function excerptText(excerpt: EvidenceExcerpt): string {
  const parts: string[] = [];
  let line = 1;
  for (let k = 0; k < excerpt.lineNumbers.length; k++) {
    const target = excerpt.lineNumbers[k];
    if (target > line) parts.push('\n'.repeat(target - line));
    parts.push(excerpt.lines[k]);
    line = target;
  }
  return parts.join('');
}
