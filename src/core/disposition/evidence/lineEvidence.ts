import { assignmentsOn, declarationHeader, detectLine, endsAssignments, isCommentLine, MAX_LINE, type Assignment, type Hit } from './detectors';

/** A delete within this many lines after a scheduler counts as a scheduled purge job. */
const SCHEDULE_WINDOW = 30;
/** An UPDATE's SET clause is read for at most this many lines. */
const UPDATE_WINDOW = 6;

/** A detector hit, with the assignments that follow it on its line when it opens an UPDATE. */
export interface LineHit {
  hit: Hit;
  /** For an `update` hit: the SET assignments after it on the same line. */
  assignments?: Assignment[];
}

/**
 * One line of a file on which the evidence search finds something, as far as the text alone
 * tells — before any entity is known. Lines where nothing is found are not kept.
 */
export interface LineEvidence {
  /** 1-based. */
  line: number;
  /** The last declaration header at or above this line (the entity code there belongs to). */
  header: { line: number; name: string } | null;
  /** The scheduler (cron, `@Scheduled`…) this line is part of, when one started close above. */
  scheduledBy?: string;
  /** Assignments on this line that continue the SET clause of an UPDATE of `table` opened above. */
  continued?: { table: string; assignments: Assignment[] };
  hits: LineHit[];
}

/**
 * What the evidence search reads in one text, line by line (detectors.ts), with the state that
 * carries from line to line (declaration header, scheduler, open UPDATE) already applied. It
 * depends on the text only, so it can be kept while the text stays the same: re-auditing a
 * folder after one document changed reads that document again and no other.
 */
export function scanLines(text: string): LineEvidence[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: LineEvidence[] = [];
  let scheduler: { line: number; text: string } | null = null;
  let update: { line: number; table: string } | null = null;
  let header: { line: number; name: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    // An empty line shows nothing and changes no state that shows anything: an UPDATE opened
    // above stays open until a later line is past its window, which closes it just the same.
    if (lines[i].length === 0) continue;
    const line = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
    if (isCommentLine(line)) continue;
    const lineNumber = i + 1;
    const declared = declarationHeader(line);
    if (declared !== null) header = { line: lineNumber, name: declared };
    const hits = detectLine(line, lines[i + 1] ?? '');
    // Most lines have nothing: leave before building anything for them.
    if (hits.length === 0 && update === null) continue;
    for (const hit of hits) if (hit.type === 'scheduler') scheduler = { line: lineNumber, text: hit.text };
    const scheduledBy = scheduler && lineNumber - scheduler.line <= SCHEDULE_WINDOW ? scheduler.text : undefined;
    let continued: LineEvidence['continued'];
    if (update && lineNumber - update.line <= UPDATE_WINDOW && !hits.some((h) => h.type === 'update')) {
      const assignments = assignmentsOn(line, 0);
      if (assignments.length > 0) continued = { table: update.table, assignments };
    }
    if (update && (lineNumber - update.line > UPDATE_WINDOW || (lineNumber > update.line && endsAssignments(line)))) update = null;
    const lineHits: LineHit[] = [];
    for (const hit of hits) {
      if (hit.type === 'update') {
        update = endsAssignments(line.slice(hit.index)) ? null : { line: lineNumber, table: hit.table };
        lineHits.push({ hit, assignments: assignmentsOn(line, hit.index + hit.text.length) });
      } else {
        lineHits.push({ hit });
      }
    }
    if (lineHits.length === 0 && continued === undefined) continue;
    found.push({ line: lineNumber, header, ...(scheduledBy !== undefined ? { scheduledBy } : {}), ...(continued ? { continued } : {}), hits: lineHits });
  }
  return found;
}

/**
 * The line scans of a folder's files, each kept while its file's text stays the same. One per
 * folder index (an editor's): a re-audit after an edit scans the edited text only. Files not
 * part of the latest search are forgotten.
 */
export class LineEvidenceCache {
  private readonly byFile = new Map<string, { text: string; lines: readonly LineEvidence[] }>();

  /** The scan of `text` as `file`, from the cache when the file's text is the one scanned last. */
  lines(file: string, text: string): readonly LineEvidence[] {
    const cached = this.byFile.get(file);
    if (cached && cached.text === text) return cached.lines;
    const lines = scanLines(text);
    this.byFile.set(file, { text, lines });
    return lines;
  }

  /** Takes a scan of `text` made elsewhere (by the thread that analysed the file). */
  remember(file: string, text: string, lines: readonly LineEvidence[]): void {
    this.byFile.set(file, { text, lines });
  }

  /** Takes over another cache's scans (of an index that replaces this one's content). */
  takeFrom(other: LineEvidenceCache): void {
    for (const [file, scan] of other.byFile) this.byFile.set(file, scan);
  }

  /** Forgets every file not in `files`. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.byFile.keys()) if (!files.has(file)) this.byFile.delete(file);
  }
}
